"""Create, edit and delete galleries, definitions and versions; fix failed regions; the activity log; undo and
redo of this run's field updates. The kind of resource follows the cursor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from textual.binding import Binding, BindingType

from ..domain.models import ReplicationState
from ..domain.replication import region_status
from ..domain.rules import children_block_delete
from .editing_work import ActivityLoaded, DeleteRefused, EditWorkers, FormLoaded, PatchApplied, ResourceWritten
from .screens.activity_log import ActivityLogScreen
from .screens.forms.confirm import ConfirmDeleteScreen, FailedRegionScreen, RefusedScreen
from .screens.forms.model import KIND_LABELS, FieldPatch, Outcome, ResourceRef
from .widgets.resource_tree import NodeData

EDIT_BINDINGS: list[BindingType] = [
    Binding("n", "create_resource", "New", id="edit.create", tooltip="Create a gallery, definition or version here"),
    Binding("e", "edit_resource", "Edit", id="edit.edit", tooltip="Change what Azure lets you change"),
    Binding("d", "delete_resource", "Delete", id="edit.delete"),
    Binding("F", "fix_region", "Failed region", id="edit.failed-region", tooltip="Retry or remove one failed region"),
    Binding("a", "activity_log", "Activity", id="edit.activity-log"),
    Binding("ctrl+z", "undo_edit", "Undo", id="edit.undo"),
    Binding("ctrl+y", "redo_edit", "Redo", id="edit.redo"),
]
"""Bindings this area adds to the app (each with an id, shown in the footer and in help)."""

EDIT_MUTATING: set[str] = {
    "create_resource",
    "edit_resource",
    "delete_resource",
    "fix_region",
    "undo_edit",
    "redo_edit",
}
"""Actions of this area that change the model: hidden and refused in read-only mode."""

def form_for(kind: str):
    """The form class for a kind of resource, imported when first needed (forms are heavy to load)."""
    if kind == "gallery":
        from .screens.forms.gallery import GalleryForm as form
    elif kind == "definition":
        from .screens.forms.definition import DefinitionForm as form
    else:
        from .screens.forms.version import VersionForm as form
    return form
CHILD = {"gallery": "definition", "definition": "version", "version": "version"}


@dataclass
class EditHistory:
    """Field updates of this run: undo applies `before`, redo applies `after`; a new edit clears redo."""

    undo: list[FieldPatch] = field(default_factory=list)
    redo: list[FieldPatch] = field(default_factory=list)

    def record(self, patch: FieldPatch) -> None:
        self.undo.append(patch)
        self.redo.clear()

    def applied(self, patch: FieldPatch, undone: bool) -> None:
        """Move a replayed patch to the other stack (it stays where it was if the write failed)."""
        source, target = (self.undo, self.redo) if undone else (self.redo, self.undo)
        if source and source[-1] is patch:
            source.pop()
        target.append(patch)


def ref_of(data: NodeData | None) -> ResourceRef | None:
    """The gallery, definition or version a tree node stands for."""
    if data is None:
        return None
    if data.gallery is not None:
        g = data.gallery
        return ResourceRef("gallery", g.subscription, g.resource_group, g.name)
    if data.definition is not None:
        d = data.definition
        return ResourceRef("definition", d.subscription, d.resource_group, d.gallery, d.name)
    if data.summary is not None:
        return ResourceRef.of(data.summary.version)
    return None


class Editing(EditWorkers):
    """Mixed into the app: the actions of this area and the handlers of its workers' messages."""

    readonly: bool
    filter_text: str
    _cursor_key: tuple | None
    _cursor_data: Callable[[], NodeData | None]
    _refuse: Callable[[], bool]
    now: Callable[[], datetime]

    @property
    def edit_history(self) -> EditHistory:
        history = getattr(self, "_edit_history", None)
        if history is None:
            history = self._edit_history = EditHistory()
        return history

    # Create and edit

    def action_create_resource(self) -> None:
        if self._refuse():
            return
        data = self._cursor_data()
        ref = ref_of(data)
        if ref is None:
            group = data.resource_group if data is not None and data.kind == "group" else ""
            sub = data.subscription if data is not None else ""
            self.load_form("gallery", ResourceRef("gallery", sub, group, "") if sub else None, False, group)
            return
        kind = CHILD[ref.kind]
        if ref.kind == "version":
            ref = ref.parent
        self.load_form(kind, ref, False)

    def action_edit_resource(self) -> None:
        if self._refuse():
            return
        ref = ref_of(self._cursor_data())
        if ref is None:
            self.notify("Put the cursor on a gallery, image definition or version to edit it.")
            return
        self.load_form(ref.kind, ref, True)

    def on_form_loaded(self, message: FormLoaded) -> None:
        form = form_for(message.kind)(message.context, self.write_request)
        self.push_screen(form, self.show_outcome)

    def show_outcome(self, outcome: Outcome | None, record: bool = True) -> None:
        """After a write: remember the patch for undo, reload the tree around the resource, say what happened.
        The cursor leaves its line quietly first, so that landing on the same line again redraws the details."""
        if outcome is None:
            return
        if outcome.patch is not None and record:
            self.edit_history.record(outcome.patch)
        if self.filter_text:
            self.filter_text = ""
            galleries, definitions = self._unfiltered_open
        else:
            galleries, definitions = self.resource_tree.expanded_keys()
        self._cursor_key = outcome.cursor
        self.load_catalog(galleries | outcome.open_galleries, definitions | outcome.open_definitions)
        self.notify(outcome.note, timeout=4)

    def on_resource_written(self, message: ResourceWritten) -> None:
        self.show_outcome(message.outcome)

    # Delete

    def action_delete_resource(self) -> None:
        if self._refuse():
            return
        data = self._cursor_data()
        ref = ref_of(data)
        if ref is None:
            self.notify("Put the cursor on a gallery, image definition or version to delete it.")
            return
        children = self._child_count(data)
        if children:
            self._offer_children(ref, children_block_delete())
            return
        lines = [ref.id]
        if ref.kind == "version":
            count = len(data.summary.version.target_regions)
            lines.append(f"Its replicas in {count} region{'s' if count != 1 else ''} are deleted.")
        typed = None if ref.kind == "version" else ref.name
        screen = ConfirmDeleteScreen(f"Delete {ref.label}?", lines, f"Delete {KIND_LABELS[ref.kind]}", typed)
        self.push_screen(screen, lambda yes: yes and self.delete_resource(ref))

    @staticmethod
    def _child_count(data: NodeData) -> int:
        if data.gallery is not None:
            return data.gallery.definition_count
        if data.definition is not None:
            return data.definition.version_count
        return 0

    def on_delete_refused(self, message: DeleteRefused) -> None:
        self._offer_children(message.ref, message.error)

    def _offer_children(self, ref: ResourceRef, error) -> None:
        children = "image definitions" if ref.kind == "gallery" else "versions"
        screen = RefusedScreen(f"Cannot delete {ref.label}", error, f"Show its {children}")
        self.push_screen(screen, lambda show: show and self._show_children(ref))

    def _show_children(self, ref: ResourceRef) -> None:
        """Open the node and put the cursor on its first child."""
        node = self.resource_tree.cursor_node
        if node is None or ref_of(node.data) != ref:
            return
        node.expand()
        self.resource_tree.focus()
        if node.children and node.children[0].data.kind != "loading":
            self.resource_tree.call_after_refresh(self.resource_tree.move_to, node.children[0])

    # Failed regions

    def action_fix_region(self) -> None:
        if self._refuse():
            return
        data = self._cursor_data()
        failed = self._failed_details(data)
        if not failed:
            self.notify("Nothing to fix: put the cursor on a version with a failed region.")
            return
        ref = ref_of(data)
        self.push_screen(FailedRegionScreen(ref.label, failed), lambda choice: self._fix(data, ref, choice))

    def _failed_details(self, data: NodeData | None) -> list[tuple[str, str]]:
        if data is None or data.summary is None:
            return []
        now = self.now()
        statuses = (region_status(t.name, t.job, now) for t in data.summary.version.target_regions)
        return [(s.region, s.details) for s in statuses if s.state is ReplicationState.FAILED]

    def _fix(self, data: NodeData, ref: ResourceRef, choice: tuple[str, str] | None) -> None:
        if choice is None:
            return
        what, region = choice
        if what == "retry":
            self.retry_regions(data, [region])
            return
        lines = [f"Its replicas in {region} are deleted; replication to the other regions goes on."]
        screen = ConfirmDeleteScreen(f"Remove {region} from {ref.label}?", lines, "Remove region")
        self.push_screen(screen, lambda yes: yes and self.remove_region(ref, region))

    # Activity log

    def action_activity_log(self) -> None:
        self.load_activity()

    def on_activity_loaded(self, message: ActivityLoaded) -> None:
        self.push_screen(ActivityLogScreen(message.entries))

    # Undo and redo

    def action_undo_edit(self) -> None:
        self._replay(undo=True)

    def action_redo_edit(self) -> None:
        self._replay(undo=False)

    def _replay(self, undo: bool) -> None:
        if self._refuse():
            return
        stack = self.edit_history.undo if undo else self.edit_history.redo
        if not stack:
            self.notify(f"Nothing to {'undo' if undo else 'redo'}.")
            return
        self.apply_history(stack[-1], undo)

    def on_patch_applied(self, message: PatchApplied) -> None:
        self.edit_history.applied(message.patch, message.undone)
        self.show_outcome(message.outcome, record=False)
