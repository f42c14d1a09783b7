"""The workbench's key bindings, each with an id a keymap file can remap, and which of them change the model."""

from __future__ import annotations

from textual.binding import Binding, BindingType

WORKBENCH_BINDINGS: list[BindingType] = [
    Binding("q", "app.quit", "Quit", id="app.quit"),
    Binding("f1,question_mark", "help", "Help", id="app.help"),
    Binding("slash", "filter", "Filter", id="app.filter"),
    Binding("escape", "back", "Back / clear filter", show=False, id="app.back"),
    Binding("space", "toggle_clock", "Clock", id="clock.toggle", tooltip="Pause or resume the simulation clock"),
    Binding("right_square_bracket", "advance_clock", "+10 min", id="clock.advance"),
    Binding("plus", "faster", "Faster", id="clock.faster"),
    Binding("minus", "slower", "Slower", id="clock.slower"),
    Binding("R", "retry", "Retry", id="version.retry", tooltip="Retry the failed regions of this version"),
    Binding("y", "copy_id", "Copy id", id="app.copy-id"),
    Binding("r", "reload", "Reload", id="app.reload"),
    Binding("t", "app.change_theme", "Theme", id="app.theme"),
    Binding("1", "show_tab('overview')", "Overview tab", show=False, id="tab.overview"),
    Binding("2", "show_tab('replication')", "Replication tab", show=False, id="tab.replication"),
    Binding("3", "show_tab('json')", "JSON tab", show=False, id="tab.json"),
    Binding("4", "show_tab('activity')", "Activity tab", show=False, id="tab.activity"),
    Binding("n", "create_resource", "New", id="edit.create", tooltip="Create a gallery, definition or version here"),
    Binding("e", "edit_resource", "Edit", id="edit.edit", tooltip="Change what Azure lets you change"),
    Binding("d", "delete_resource", "Delete", id="edit.delete"),
    Binding("F", "fix_region", "Failed region", id="edit.failed-region", tooltip="Retry or remove one failed region"),
    Binding("P", "prune", "Prune", id="edit.prune", tooltip="Retention planner: delete old versions, dry run first"),
    Binding("a", "activity_log", "Activity", id="edit.activity-log"),
    Binding("ctrl+z", "undo_edit", "Undo", id="edit.undo"),
    Binding("ctrl+y", "redo_edit", "Redo", id="edit.redo"),
    Binding("c", "create_vm", "Create VM", id="vm.create", tooltip="Create a VM or scale set from this image"),
    Binding("V", "list_vms", "VMs", id="vm.list", tooltip="Every VM and scale set created from the galleries"),
    Binding("u", "version_usage", "Usage", id="version.usage", tooltip="Who uses this version; latest if it went"),
    Binding("s", "share", "Share", id="access.share", tooltip="Role assignments on this resource"),
    Binding("ctrl+u", "switch_identity", "Identity", id="access.identity", tooltip="Act as another identity"),
    Binding("dollar_sign", "costs", "Costs", id="access.costs", tooltip="Illustrative cost of all you can read"),
    Binding("Y", "copy_as", "Copy as", id="app.copy-as", tooltip="This resource as an az, az rest or curl request"),
    Binding("Q", "quotas", "Quotas", id="access.quotas", tooltip="Usage against Azure's limits per region"),
    Binding("5", "show_tab('cost')", "Cost tab", show=False, id="tab.cost"),
]
"""In footer order."""

FORM_BINDINGS: list[BindingType] = [
    Binding("ctrl+s", "save", "Save", id="form.save"),
    Binding("escape", "cancel", "Cancel", id="form.cancel"),
    Binding("f2", "copy_as", "Copy as az / REST / curl", show=False, id="form.copy-as"),
]
"""Every create and edit form's keys."""

MUTATING: frozenset[str] = frozenset(
    {
        "toggle_clock",
        "advance_clock",
        "faster",
        "slower",
        "retry",
        "create_resource",
        "edit_resource",
        "delete_resource",
        "fix_region",
        "prune",
        "undo_edit",
        "redo_edit",
        "create_vm",
        "share",
    }
)
"""Actions that change the model: hidden and refused in read-only mode."""
