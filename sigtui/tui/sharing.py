"""Identities, role assignments (sharing) and cost estimates.

Other areas ask `self.allowed(action, arm_id)` to hide or disable what the identity may not do; the services
still refuse it (AuthorizationFailed), so the UI is never the only guard.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from ..domain.errors import AzureError
from ..store.browse import Catalog
from ..store.defaults import DEFAULT_OWNER
from .messages import AssignmentsListed, CostEstimated, PermissionsLoaded, PrincipalsListed
from .screens.costs import CostScreen
from .screens.identity import IdentityScreen, login
from .screens.share import ShareScreen, ShareTarget, scope_label
from .widgets.cost_view import EVERYTHING, CostView

ACCESS_BINDINGS: list[BindingType] = [
    Binding("s", "share", "Share", id="access.share", tooltip="Role assignments on this resource"),
    Binding("ctrl+u", "switch_identity", "Identity", id="access.identity", tooltip="Act as another identity"),
    Binding("dollar_sign", "costs", "Costs", id="access.costs", tooltip="Illustrative cost of all you can read"),
    Binding("5", "show_tab('cost')", "Cost tab", show=False, id="tab.cost"),
]
"""Bindings this area adds to the app (each with an id, shown in the footer and in help)."""

ACCESS_MUTATING: set[str] = {"share"}
"""Actions of this area that change the model: hidden and refused in read-only mode."""

ACCESS_HELP: list[tuple[str, list[BindingType]]] = [
    ("Share dialog", ShareScreen.BINDINGS),
    ("Identity picker", IdentityScreen.BINDINGS),
]
"""Help sections for this area's dialogs."""

CHECKED = ("write", "delete", "share")
"""Actions `Services.can` answers per resource; reads follow the catalog's visibility."""
SHAREABLE = ("gallery", "definition", "version")


class Sharing:
    """Mixed into the app: who the workbench acts as, what it may do, sharing and costs."""

    app: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._access_known: dict[str, frozenset[str]] = {}
        self._access_shown: tuple[bool, frozenset[str]] | None = None
        super().__init__(*args, **kwargs)

    # What the identity may do

    def identity(self) -> str:
        """The caller every read and write acts as."""
        return self.caller or DEFAULT_OWNER

    def allowed(self, action: str, arm_id: str | None = None) -> bool:
        """May the identity "read", "write", "delete" or "share" this resource (default: the cursor's)?
        False while unknown (answers load when the cursor reaches a resource) and in read-only mode."""
        if arm_id is None:
            data = self._cursor_data()
            arm_id = data.arm_id if data is not None else ""
        if not arm_id:
            return False
        if action == "read":
            return self.catalog.seen.sees(arm_id)
        if self.readonly:
            return False
        return action in self._access_known.get(arm_id.lower(), frozenset())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "share":
            data = self._cursor_data()
            if data is None or data.kind not in SHAREABLE:
                return False
            return True if self.allowed("share", data.arm_id) else None
        return super().check_action(action, parameters)

    def on_tree_node_highlighted(self, event) -> None:
        data = event.node.data
        if self.readonly or data is None or not data.arm_id:
            return
        if data.arm_id.lower() in self._access_known:
            self._publish_permissions()
        else:
            self.load_permissions(data.arm_id)

    def on_permissions_loaded(self, message: PermissionsLoaded) -> None:
        if message.caller != self.identity():
            return
        self._access_known[message.resource_id.lower()] = message.actions
        self._publish_permissions()

    def _publish_permissions(self) -> None:
        """Refresh the footer when what the cursor's resource allows changed (unknown: leave it as it is)."""
        data = self._cursor_data()
        if data is None or not data.arm_id:
            return
        actions = self._access_known.get(data.arm_id.lower())
        shown = (data.kind in SHAREABLE, actions) if actions is not None else None
        if shown is not None and shown != self._access_shown:
            self._access_shown = shown
            self.refresh_bindings()

    def _forget_permissions(self) -> None:
        """Role assignments changed: ask again, starting with the resource under the cursor."""
        self._access_known.clear()
        self._access_shown = None
        data = self._cursor_data()
        if data is not None and data.arm_id and not self.readonly:
            self.load_permissions(data.arm_id)

    @work(thread=True, group="permissions", exit_on_error=False)
    def load_permissions(self, arm_id: str) -> None:
        services = self._services_now()
        actions = frozenset(action for action in CHECKED if services.can(action, arm_id))
        self.post_message(PermissionsLoaded(services.caller, arm_id, actions))

    # Switching identity

    def action_switch_identity(self) -> None:
        self.list_principals()

    @work(thread=True, exclusive=True, group="principals", exit_on_error=False)
    def list_principals(self) -> None:
        self.post_message(PrincipalsListed(self._services_now().list_principals()))

    def on_principals_listed(self, message: PrincipalsListed) -> None:
        self.push_screen(IdentityScreen(message.principals, self.identity()), self._identity_chosen)

    def _identity_chosen(self, principal) -> None:
        if principal is None or login(principal).lower() == self.identity().lower():
            return
        self.switch_identity(login(principal), principal.label)

    def switch_identity(self, caller: str, label: str | None = None) -> None:
        """Read and write as `caller` from now on: a new catalog and services, the tree loaded again."""
        old = self.catalog
        self.caller = caller
        self.catalog = Catalog(self.db_path, caller)
        old.close()
        self.forget_services()
        self._access_known.clear()
        self._access_shown = None
        self.status.caller = label or caller
        self.status.show(self.now())
        self.filter_text = ""
        self._cursor_key = None
        self.details.show_node(None, self.now())
        self.breadcrumb.show([])
        self.resource_tree.clear()
        self.resource_tree.cursor_line = -1
        self.load_catalog()
        self.notify(f"Acting as {label or caller}", timeout=3)

    # Sharing

    def action_share(self) -> None:
        data = self._cursor_data()
        if data is None or data.kind not in SHAREABLE:
            self.notify("Choose a gallery, an image definition or an image version to share.")
            return
        self.push_screen(ShareScreen(ShareTarget(data.kind, data.name, data.arm_id)))
        self.list_assignments(data.arm_id)

    @work(thread=True, exclusive=True, group="assignments", exit_on_error=False)
    def list_assignments(self, scope: str) -> None:
        services = self._services_now()
        self.post_message(AssignmentsListed(scope, services.list_role_assignments(scope), services.list_principals()))

    @work(thread=True, group="write", exit_on_error=False)
    def add_assignment(self, principal_id: str, role: str, scope: str) -> None:
        services = self._services_now()
        body, warning = services.create_role_assignment(principal_id, role, scope)
        note = f"{body['roleDefinitionName']} given to {body['principalName']} on {scope_label(scope)}"
        assignments = services.list_role_assignments(scope)
        self.post_message(AssignmentsListed(scope, assignments, services.list_principals(), note, warning))

    @work(thread=True, group="write", exit_on_error=False)
    def remove_assignment(self, principal_id: str, role: str, scope: str, principal: str) -> None:
        services = self._services_now()
        services.delete_role_assignments([(principal_id, role, scope)])
        note = f"{role} removed from {principal} on {scope_label(scope)}"
        self.post_message(
            AssignmentsListed(scope, services.list_role_assignments(scope), services.list_principals(), note)
        )

    def on_share_screen_add_requested(self, message: ShareScreen.AddRequested) -> None:
        self.add_assignment(message.principal_id, message.role, message.scope)

    def on_share_screen_remove_requested(self, message: ShareScreen.RemoveRequested) -> None:
        row = message.row
        self.remove_assignment(row.principal_id, row.role, row.scope, row.principal)

    def on_assignments_listed(self, message: AssignmentsListed) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, ShareScreen) and screen.target.arm_id == message.scope:
                screen.show_assignments(message.assignments, message.principals)
        if message.note:
            self.notify(message.note, timeout=3)
            self._forget_permissions()
        if message.warning:
            self.notify(message.warning, title="Version scope", severity="warning", timeout=8)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Costs", "Illustrative cost of everything you can read ($)", self.action_costs)
        yield SystemCommand(
            "Act as…", "Switch the identity: what you see and may do follows it (ctrl+u)", self.action_switch_identity
        )
        if self.check_action("share", ()):
            yield SystemCommand("Share…", "Role assignments on the resource under the cursor (s)", self.action_share)

    # Costs

    def action_costs(self) -> None:
        self.push_screen(CostScreen(self.status.caller))

    def on_cost_view_estimate_requested(self, message: CostView.EstimateRequested) -> None:
        self.estimate_cost(message.resource_id)

    @work(thread=True, group="cost", exit_on_error=False)
    def estimate_cost(self, resource_id: str) -> None:
        if resource_id != EVERYTHING and not self.catalog.seen.sees(resource_id):
            self.post_message(CostEstimated(resource_id, None))
            return
        try:
            estimate = self._services_now().cost_estimate(resource_id or None)
        except AzureError as error:
            self.post_message(CostEstimated(resource_id, None, f"{error.code}: {error.message}"))
            return
        self.post_message(CostEstimated(resource_id, estimate))

    def on_cost_estimated(self, message: CostEstimated) -> None:
        views = [self.details.cost, *(s.view for s in self.screen_stack if isinstance(s, CostScreen))]
        for view in views:
            view.show_estimate(message.resource_id, message.estimate, message.problem)
