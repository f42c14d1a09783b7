"""Which workbench actions are allowed: read-only mode, the identity's rights on the cursor's resource, and
what the cursor is on. The services still refuse what is not allowed (AuthorizationFailed), so the UI is never
the only guard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from ..domain.access import action_name
from .keys import MUTATING
from .nodes import SHAREABLE, failed_regions, vm_target
from .widgets.tree_nodes import NodeData

CHECKED = ("write", "delete", "share")
"""Actions `Services.can` answers per resource; reads follow the catalog's visibility."""

NEEDS = {
    "create_resource": "write",
    "edit_resource": "write",
    "delete_resource": "delete",
    "fix_region": "write",
    "share": "share",
    "prune": "delete",
}
"""Workbench actions that need a right on the cursor's resource, and which."""

EDITABLE = ("gallery", "definition", "version")
PRUNABLE = ("gallery", "definition")
RIGHTS_ORDER = tuple(NEEDS)


class ActionPolicy:
    """`check` answers Textual's `check_action`: True (shown), None (shown greyed out) or False (hidden)."""

    def __init__(self, readonly: bool, sees: Callable[[str], bool]) -> None:
        self.readonly = readonly
        self.sees = sees
        self._known: dict[str, frozenset[str]] = {}
        self._last: dict[str, bool] = {}

    # What the identity may do

    def learned(self, arm_id: str, actions: frozenset[str]) -> None:
        self._known[arm_id.lower()] = actions

    def knows(self, arm_id: str) -> bool:
        return arm_id.lower() in self._known

    def forget(self) -> None:
        """Role assignments or the identity changed: every answer must be asked again."""
        self._known.clear()
        self._last.clear()

    def allowed(self, action: str, arm_id: str) -> bool:
        """May the identity "read", "write", "delete" or "share" this resource? False while unknown (answers
        load when the cursor reaches a resource) and in read-only mode."""
        if not arm_id:
            return False
        if action == "read":
            return self.sees(arm_id)
        if self.readonly:
            return False
        return action in self._known.get(arm_id.lower(), frozenset())

    # What the footer offers

    def check(self, action: str, data: NodeData | None, now: datetime) -> bool | None:
        if action in MUTATING and self.readonly:
            return False
        if action == "retry":
            return bool(data and data.kind == "version" and failed_regions(data, now))
        if action == "create_vm":
            return True if vm_target(data) is not None else None
        if action == "copy_as":
            return bool(data and data.kind in EDITABLE and data.arm_id and self.sees(data.arm_id))
        if action == "version_usage":
            return True if data is not None and data.kind == "version" else None
        if action in NEEDS:
            return self._rights_check(action, data)
        return True

    def _rights_check(self, action: str, data: NodeData | None) -> bool:
        """Shown when the identity has the right, hidden when it has not; while the answer for the cursor's
        resource loads, the key stays as it was last shown (so the footer changes once, when it arrives)."""
        if data is None or not data.arm_id:
            return action == "create_resource"
        if action in ("edit_resource", "delete_resource", "fix_region") and data.kind not in EDITABLE:
            return False
        if action == "share" and data.kind not in SHAREABLE:
            return False
        if action == "prune" and data.kind not in PRUNABLE:
            return False
        if not self.knows(data.arm_id):
            return self._last.get(action, True)
        self._last[action] = self.allowed(NEEDS[action], data.arm_id)
        return self._last[action]

    def refusal(self, action: str, data: NodeData | None, caller: str) -> str | None:
        """Why the identity may not run `action` on the cursor's resource (Azure's AuthorizationFailed), or
        None when it may, or when the answer is not known yet."""
        if action == "copy_as" and data is not None and data.kind in EDITABLE and not self.sees(data.arm_id):
            return (f"AuthorizationFailed: the client '{caller}' does not have authorization to perform action "
                    f"'{action_name('read', data.arm_id)}' over scope '{data.arm_id}'.")
        if action not in NEEDS or data is None or not data.arm_id or not self.knows(data.arm_id):
            return None
        if self.readonly or self.allowed(NEEDS[action], data.arm_id):
            return None
        operation = action_name(NEEDS[action], data.arm_id)
        return (
            f"AuthorizationFailed: the client '{caller}' does not have authorization to perform action '{operation}' "
            f"over scope '{data.arm_id}'."
        )

    def offered(self, data: NodeData | None, now: datetime) -> tuple:
        """What the cursor's resource makes the footer show (the footer is rebuilt when this changes)."""
        actions = ("retry", "create_vm", *RIGHTS_ORDER, "version_usage")
        return tuple(self.check(action, data, now) for action in actions)
