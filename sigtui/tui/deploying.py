"""Create VMs and scale sets from the gallery; the list of VMs; created VMs as leaves under their versions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .messages import JobsChanged, VmsListed
from .nodes import vm_target
from .vm_leaves import attach_vm_leaves
from .widgets.tree_nodes import NodeData

if TYPE_CHECKING:
    from .screens.vm.target import CreatedVm
    from .workbench import WorkbenchScreen


class Deploying:
    """The VM actions of the workbench; it remembers the VMs so that a rebuilt tree gets its leaves back."""

    def __init__(self, screen: WorkbenchScreen) -> None:
        self.screen = screen
        self.vms: tuple[dict, ...] = ()

    def create_vm(self, data: NodeData | None) -> None:
        if self.screen.refuse():
            return
        target = vm_target(data)
        if target is None:
            self.screen.notify("Move the cursor to an image definition (latest) or a version to create a VM from it.")
            return
        from .screens.vm.dialog import CreateVmDialog

        screen = self.screen
        dialog = CreateVmDialog(target, screen.backend.services, screen.clock, self.replicas_changed)
        screen.app.push_screen(dialog, self._vm_created)

    def _vm_created(self, created: CreatedVm | None) -> None:
        if created is not None:
            self.screen.notify(created.summary, title="Created")
            self.load_vm_leaves()

    def list_vms(self) -> None:
        from .screens.vm.vm_list import VmListScreen

        backend = self.screen.backend
        self.screen.app.push_screen(VmListScreen(lambda: backend.services().list_vms()))

    def load_vm_leaves(self) -> None:
        backend = self.screen.backend
        self.screen.run("vms", lambda: VmsListed(backend.services().list_vms()))

    def replicas_changed(self, definition_pk: int, version_name: str) -> None:
        """The advisor raised a replica count: the tree and the clock learn about the new job."""
        catalog, now = self.screen.backend.catalog, self.screen.clock.now

        def job() -> JobsChanged:
            summary = next((v for v in catalog.versions(definition_pk) if v.name == version_name), None)
            return JobsChanged(catalog.unsettled_jobs(now()), summary)

        self.screen.run("write", job)

    def vms_listed(self, vms: list[dict]) -> None:
        self.vms = tuple(vms)
        attach_vm_leaves(self.screen.resource_tree, self.vms)

    def attach_known_vms(self) -> None:
        """The tree was rebuilt or grew: VM leaves go back under their versions."""
        if self.vms:
            attach_vm_leaves(self.screen.resource_tree, self.vms)
