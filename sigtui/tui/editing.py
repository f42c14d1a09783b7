"""Create, edit and delete galleries, definitions and versions; fix failed regions; the activity log; undo and
redo of this run's creates, edits and deletes, in order. The kind of resource follows the cursor."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..domain.errors import AzureError
from ..domain.wording import KIND_LABELS, counted
from .messages import StepReplayed
from .nodes import child_count, failed_regions, ref_of
from .screens.forms.model import Outcome, ResourceRef, Step
from .widgets.tree_nodes import NodeData

if TYPE_CHECKING:
    from .edit_work import EditWork
    from .workbench import WorkbenchScreen

CHILD = {"gallery": "definition", "definition": "version", "version": "version"}


def form_for(kind: str):
    """The form class for a kind of resource, imported when first needed (forms are heavy to load)."""
    if kind == "gallery":
        from .screens.forms.gallery import GalleryForm as form
    elif kind == "definition":
        from .screens.forms.definition import DefinitionForm as form
    else:
        from .screens.forms.version import VersionForm as form
    return form


@dataclass
class EditHistory:
    """The operator's creates, edits and deletes of this run, in order; a new change clears redo."""

    undo: list[Step] = field(default_factory=list)
    redo: list[Step] = field(default_factory=list)

    def record(self, step: Step) -> None:
        self.undo.append(step)
        self.redo.clear()

    def take(self, undo: bool) -> Step | None:
        """The step to undo (or redo) next, taken off its stack while it is replayed."""
        stack = self.undo if undo else self.redo
        return stack.pop() if stack else None

    def replayed(self, step: Step, undone: bool, succeeded: bool) -> None:
        """Put a replayed step on the other stack, or back where it was when the write failed."""
        target = self.redo if undone == succeeded else self.undo
        target.append(step)


class Editing:
    """The editing actions of the workbench; its writes run on the screen's thread workers."""

    def __init__(self, screen: WorkbenchScreen) -> None:
        self.screen = screen
        self._work: EditWork | None = None
        self.history = EditHistory()

    @property
    def work(self) -> EditWork:
        """The worker-side half, loaded with the forms' rules on first use (not before the first paint)."""
        if self._work is None:
            from .edit_work import EditWork

            self._work = EditWork(self.screen.backend)
        return self._work

    def _push(self, dialog, then=None) -> None:
        self.screen.app.push_screen(dialog, then)

    def copy_as(self, data: NodeData | None) -> None:
        """The resource under the cursor as az, az rest and curl requests."""
        ref = ref_of(data)
        if ref is None:
            self.screen.notify("Put the cursor on a gallery, definition or version to copy it as a request.")
            return
        from .screens.copy_as import CopyAsScreen

        self._push(CopyAsScreen(lambda: self.work.equivalent(ref)))

    # Create and edit

    def create(self, data: NodeData | None) -> None:
        if self.screen.refuse():
            return
        ref = ref_of(data)
        if ref is None:
            group = data.resource_group if data is not None and data.kind == "group" else ""
            sub = data.subscription if data is not None else ""
            self.open_form("gallery", ResourceRef("gallery", sub, group, "") if sub else None, False, group)
            return
        kind = CHILD[ref.kind]
        self.open_form(kind, ref.parent if ref.kind == "version" else ref, False)

    def edit(self, data: NodeData | None) -> None:
        if self.screen.refuse():
            return
        ref = ref_of(data)
        if ref is None:
            self.screen.notify("Put the cursor on a gallery, image definition or version to edit it.")
            return
        self.open_form(ref.kind, ref, True)

    def open_form(self, kind: str, ref: ResourceRef | None, editing: bool, resource_group: str = "") -> None:
        work = self.work
        form = form_for(kind)(lambda: work.form_context(kind, ref, editing, resource_group), work.write_request)
        self._push(form, self.show_outcome)

    def show_outcome(self, outcome: Outcome | None, record: bool = True) -> None:
        """After a write: remember the step for undo, reload the tree around the resource, say what happened."""
        if outcome is None:
            return
        if outcome.step is not None and record:
            self.history.record(outcome.step)
        self.screen.browsing.reload_around(outcome.cursor, outcome.open_galleries, outcome.open_definitions)
        self.screen.notify(outcome.note, timeout=4)

    # Delete

    def delete(self, data: NodeData | None) -> None:
        if self.screen.refuse():
            return
        ref = ref_of(data)
        if ref is None:
            self.screen.notify("Put the cursor on a gallery, image definition or version to delete it.")
            return
        if child_count(data):
            from ..domain.rules import children_block_delete

            self.offer_children(ref, children_block_delete())
            return
        lines = [ref.id]
        if ref.kind == "version":
            count = len(data.summary.version.target_regions)
            lines.append(f"Its replicas in {counted(count, 'region')} are deleted.")
        typed = None if ref.kind == "version" else ref.name
        from .screens.confirm import ConfirmScreen

        dialog = ConfirmScreen(f"Delete {ref.label}?", lines, f"Delete {KIND_LABELS[ref.kind]}", typed)
        self._push(dialog, lambda yes: yes and self.screen.run("write", lambda: self.work.delete(ref)))

    def offer_children(self, ref: ResourceRef, error: AzureError) -> None:
        from .screens.refused import RefusedScreen

        children = "image definitions" if ref.kind == "gallery" else "versions"
        dialog = RefusedScreen(f"Cannot delete {ref.label}", error, f"Show its {children}")
        self._push(dialog, lambda show: show and self._show_children(ref))

    def _show_children(self, ref: ResourceRef) -> None:
        """Open the node and put the cursor on its first child."""
        tree = self.screen.resource_tree
        node = tree.cursor_node
        if node is None or ref_of(node.data) != ref:
            return
        tree.open(node)
        tree.focus()
        if node.is_expanded and node.children:
            tree.call_after_refresh(tree.move_to, node.children[0])

    # Failed regions

    def fix_region(self, data: NodeData | None) -> None:
        if self.screen.refuse():
            return
        failed = failed_regions(data, self.screen.clock.now())
        if not failed:
            self.screen.notify("Nothing to fix: put the cursor on a version with a failed region.")
            return
        ref = ref_of(data)
        from .screens.failed_region import FailedRegionScreen

        self._push(FailedRegionScreen(ref.label, failed), lambda choice: self._fix(data, ref, choice))

    def _fix(self, data: NodeData, ref: ResourceRef, choice: tuple[str, str] | None) -> None:
        if choice is None:
            return
        what, region = choice
        if what == "retry":
            self.screen.clock.retry(data, [region])
            return
        from .screens.confirm import ConfirmScreen

        lines = [f"Its replicas in {region} are deleted; replication to the other regions goes on."]
        dialog = ConfirmScreen(f"Remove {region} from {ref.label}?", lines, "Remove region")
        self._push(dialog, lambda yes: yes and self.screen.run("write", lambda: self.work.remove_region(ref, region)))

    # The activity log, undo and redo

    def activity_log(self) -> None:
        from .screens.activity_log import ActivityLogScreen

        self._push(ActivityLogScreen(self.work.activity))

    def replay(self, undo: bool) -> None:
        if self.screen.refuse():
            return
        step = self.history.take(undo)
        if step is None:
            self.screen.notify(f"Nothing to {'undo' if undo else 'redo'}.")
            return
        self.screen.run("write", lambda: self.work.replay(step, undo))

    def step_replayed(self, message: StepReplayed) -> None:
        self.history.replayed(message.step, message.undone, message.error is None)
        if message.error is not None:
            verb = "undo" if message.undone else "redo"
            error = message.error
            self.screen.notify(f"{error.code}: {error.message}", title=f"Could not {verb} the {message.step.summary}",
                               severity="error", timeout=8)
            return
        self.show_outcome(message.outcome, record=False)
