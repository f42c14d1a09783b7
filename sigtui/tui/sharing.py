"""Identities, role assignments (sharing) and cost estimates: who the workbench acts as, learning what it may
do on the cursor's resource (the policy decides what that allows), the share dialog and the costs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.errors import AzureError
from .messages import CostEstimated, PermissionsLoaded, QuotasLoaded
from .nodes import SHAREABLE
from .policy import CHECKED
from .widgets.cost_view import EVERYTHING
from .widgets.tree_nodes import NodeData

if TYPE_CHECKING:
    from .workbench import WorkbenchScreen


class Sharing:
    """The access actions of the workbench."""

    def __init__(self, screen: WorkbenchScreen) -> None:
        self.screen = screen

    # What the identity may do

    def cursor_moved(self, data: NodeData | None) -> None:
        """Ask what the identity may do on the cursor's resource, unless that is known."""
        if self.screen.readonly or data is None or not data.arm_id or self.screen.policy.knows(data.arm_id):
            return
        self.load_permissions(data.arm_id)

    def load_permissions(self, arm_id: str) -> None:
        backend = self.screen.backend

        def job() -> PermissionsLoaded:
            services = backend.services()
            actions = frozenset(action for action in CHECKED if services.can(action, arm_id))
            return PermissionsLoaded(services.caller, arm_id, actions)

        self.screen.run("permissions", job)

    def permissions_loaded(self, message: PermissionsLoaded) -> None:
        if message.caller != self.screen.backend.identity():
            return
        self.screen.policy.learned(message.resource_id, message.actions)
        self.screen.offer_actions()

    def forget_permissions(self) -> None:
        """Role assignments changed: ask again, starting with the resource under the cursor."""
        self.screen.policy.forget()
        data = self.screen.cursor_data()
        if data is not None and data.arm_id and not self.screen.readonly:
            self.load_permissions(data.arm_id)

    # Switching identity

    def choose_identity(self) -> None:
        from .screens.identity import IdentityScreen

        backend = self.screen.backend
        picker = IdentityScreen(lambda: backend.services().list_principals(), backend.identity())
        self.screen.app.push_screen(picker, self._identity_chosen)

    def _identity_chosen(self, principal) -> None:
        from .screens.identity import login

        if principal is None or login(principal).lower() == self.screen.backend.identity().lower():
            return
        self.switch_identity(login(principal), principal.label)

    def switch_identity(self, caller: str, label: str | None = None) -> None:
        """Read and write as `caller` from now on: a new catalog and services, the tree loaded again."""
        screen = self.screen
        screen.backend.act_as(caller)
        screen.policy.forget()
        screen.status.caller = label or caller
        now = screen.clock.now()
        screen.status.show(now)
        screen.browsing.forget()
        screen.details.show_node(None, now)
        screen.breadcrumb.show([])
        screen.browsing.load_catalog()
        screen.notify(f"Acting as {label or caller}", timeout=3)

    # Sharing

    def share(self, data: NodeData | None) -> None:
        if data is None or data.kind not in SHAREABLE:
            self.screen.notify("Choose a gallery, an image definition or an image version to share.")
            return
        from .screens.share import ShareAccess, ShareScreen, ShareTarget

        dialog = ShareScreen(ShareTarget(data.kind, data.name, data.arm_id), ShareAccess(self.screen.backend.services))
        self.screen.app.push_screen(dialog, self._shared)

    def _shared(self, changed: bool | None) -> None:
        if changed:
            self.forget_permissions()

    # Costs

    def costs(self) -> None:
        from .screens.costs import CostScreen

        self.screen.app.push_screen(CostScreen(self.screen.status.caller, self.estimate))

    def quotas(self) -> None:
        from .screens.quotas import QuotaScreen

        self.screen.app.push_screen(QuotaScreen(self.screen.status.caller, self.usage))

    def usage(self) -> QuotasLoaded:
        """On a worker: the quotas of every subscription the identity can see."""
        try:
            return QuotasLoaded(self.screen.backend.services().usage(every=True))
        except AzureError as error:
            return QuotasLoaded([], f"{error.code}: {error.message}")

    def estimate(self, resource_id: str) -> CostEstimated:
        """On a worker: an estimate of a resource the identity can read (EVERYTHING: all it can read)."""
        backend = self.screen.backend
        if resource_id != EVERYTHING and not backend.catalog.seen.sees(resource_id):
            return CostEstimated(resource_id, None)
        try:
            estimate = backend.services().cost_estimate(resource_id or None)
        except AzureError as error:
            return CostEstimated(resource_id, None, f"{error.code}: {error.message}")
        return CostEstimated(resource_id, estimate)

    def estimate_for_details(self, resource_id: str) -> None:
        self.screen.run("cost", lambda: self.estimate(resource_id))
