"""Which workbench actions are allowed: read-only mode, the identity's rights on the cursor's resource, and
what the cursor is on. The services still refuse what is not allowed (AuthorizationFailed), so the UI is never
the only guard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from .keys import MUTATING
from .nodes import SHAREABLE, failed_regions, vm_target
from .widgets.tree_nodes import NodeData

CHECKED = ("write", "delete", "share")
"""Actions `Services.can` answers per resource; reads follow the catalog's visibility."""


class ActionPolicy:
    """`check` answers Textual's `check_action`: True (shown), None (shown greyed out) or False (hidden)."""

    def __init__(self, readonly: bool, sees: Callable[[str], bool]) -> None:
        self.readonly = readonly
        self.sees = sees
        self._known: dict[str, frozenset[str]] = {}

    # What the identity may do

    def learned(self, arm_id: str, actions: frozenset[str]) -> None:
        self._known[arm_id.lower()] = actions

    def knows(self, arm_id: str) -> bool:
        return arm_id.lower() in self._known

    def forget(self) -> None:
        """Role assignments or the identity changed: every answer must be asked again."""
        self._known.clear()

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
        if action == "share":
            if data is None or data.kind not in SHAREABLE:
                return False
            return True if self.allowed("share", data.arm_id) else None
        return True

    def offered(self, data: NodeData | None, now: datetime, shown: tuple | None) -> tuple:
        """What the cursor's resource makes the footer show; while its rights are unknown, the share key stays
        as it was shown (`shown`), so the footer is rebuilt once, when the answer arrives."""
        share = self.check("share", data, now)
        if share is None and data is not None and data.kind in SHAREABLE and not self.knows(data.arm_id):
            share = shown[2] if shown is not None else None
        return self.check("retry", data, now), self.check("create_vm", data, now), share
