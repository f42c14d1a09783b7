"""Create VMs and scale sets from the gallery; the list of VMs."""

from __future__ import annotations

from textual import work
from textual.binding import Binding, BindingType

from .messages import JobsChanged
from .screens.vm.events import VmsListed
from .screens.vm.target import CreatedVm, VmTarget
from .vm_leaves import attach_vm_leaves
from .widgets.resource_tree import NodeData

DEPLOY_BINDINGS: list[BindingType] = [
    Binding("c", "create_vm", "Create VM", id="vm.create", tooltip="Create a VM or scale set from this image"),
    Binding("V", "list_vms", "VMs", id="vm.list", tooltip="Every VM and scale set created from the galleries"),
]
"""Bindings this area adds to the app (each with an id, shown in the footer and in help)."""

DEPLOY_MUTATING: set[str] = {"create_vm"}
"""Actions of this area that change the model: hidden and refused in read-only mode."""


def vm_target(data: NodeData | None) -> VmTarget | None:
    """A definition starts from `latest`, a version is pinned; anything else is not an image."""
    if data is not None and data.kind == "definition" and data.definition is not None:
        d = data.definition
        return VmTarget(d.id, d.pk, d.subscription, d.resource_group, d.gallery, d.name)
    if data is not None and data.kind == "version" and data.summary is not None:
        v = data.summary.version
        return VmTarget(
            v.id, data.summary.definition_pk, v.subscription, v.resource_group, v.gallery, v.definition, v.name
        )
    return None


class Deploying:
    """Mixed into the app: the actions of this area, and VM leaves kept under their versions in the tree."""

    _vms: tuple[dict, ...] = ()
    _vm_offered: bool = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`c` is greyed out unless the cursor is on an image definition or version."""
        if action == "create_vm" and vm_target(self._cursor_data()) is None:
            return None
        return super().check_action(action, parameters)

    def on_tree_node_highlighted(self, _event) -> None:
        offered = vm_target(self._cursor_data()) is not None
        if offered != self._vm_offered:
            self._vm_offered = offered
            self.refresh_bindings()

    def action_create_vm(self) -> None:
        if self._refuse():
            return
        target = vm_target(self._cursor_data())
        if target is None:
            self.notify("Move the cursor to an image definition (latest) or a version to create a VM from it.")
            return
        from .screens.vm.dialog import CreateVmDialog

        self.push_screen(CreateVmDialog(target, self._services_now), self._vm_created)

    def _vm_created(self, created: CreatedVm | None) -> None:
        if created is not None:
            self.notify(created.summary, title="Created")
            self.load_vm_leaves()

    def action_list_vms(self) -> None:
        from .screens.vm.vm_list import VmListScreen

        self.push_screen(VmListScreen(self._services_now))

    @work(thread=True, group="vms", exit_on_error=False)
    def load_vm_leaves(self) -> None:
        self.post_message(VmsListed(self._services_now().list_vms()))

    @work(thread=True, group="write", exit_on_error=False)
    def replicas_changed(self, definition_pk: int, version_name: str) -> None:
        """The advisor raised a replica count: the tree and the clock learn about the new job."""
        summary = next((v for v in self.catalog.versions(definition_pk) if v.name == version_name), None)
        self.post_message(JobsChanged(self.catalog.unsettled_jobs(self.now()), summary))

    # The tree is rebuilt from these messages (the app handles them first); VM leaves go back under versions.

    def on_vms_listed(self, message: VmsListed) -> None:
        self._vms = tuple(message.vms)
        attach_vm_leaves(self.resource_tree, self._vms)

    def on_services_ready(self, _message) -> None:
        self.load_vm_leaves()

    def on_catalog_loaded(self, _message) -> None:
        self._attach_known_vms()

    def on_versions_loaded(self, _message) -> None:
        self._attach_known_vms()

    def on_path_loaded(self, _message) -> None:
        self._attach_known_vms()

    def on_filter_matched(self, _message) -> None:
        self._attach_known_vms()

    def _attach_known_vms(self) -> None:
        if self._vms:
            attach_vm_leaves(self.resource_tree, self._vms)
