"""The workbench's retention planner (`P` on a gallery or definition) and who-uses (`u` on a version): the
screens read on their own workers; the prune itself runs on the workbench's write worker and lands in the undo
history, whose undo restores every deleted version as it was."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.errors import AzureError
from ..domain.retention import RetentionRule
from .messages import PrunePlanned, ResourceWritten, UsageLoaded
from .nodes import ref_of
from .screens.forms.model import Pruned, ResourceRef
from .screens.prune import PruneScreen
from .screens.usage import UsageScreen
from .widgets.tree_nodes import NodeData

if TYPE_CHECKING:
    from .workbench import WorkbenchScreen

PRUNABLE = ("gallery", "definition")


class Retention:
    def __init__(self, screen: WorkbenchScreen) -> None:
        self.screen = screen

    def _services(self):
        return self.screen.backend.services()

    # Who uses a version

    def usage(self, data: NodeData | None) -> None:
        ref = ref_of(data)
        if ref is None or ref.kind != "version":
            self.screen.notify("Put the cursor on an image version to see who uses it.")
            return
        title = f"Who uses {ref.definition} {ref.version}"
        self.screen.app.push_screen(UsageScreen(title, lambda: self.read_usage(ref)))

    def read_usage(self, ref: ResourceRef) -> UsageLoaded:
        """On the usage screen's worker: the users, and `latest` per region after each planned change."""
        services = self._services()
        args = (ref.subscription, ref.resource_group, ref.gallery, ref.definition, ref.version)
        used, if_deleted = services.version_usage(*args, "delete")
        _, if_excluded = services.version_usage(*args, "exclude")
        return UsageLoaded(used, if_deleted, if_excluded)

    # The retention planner

    def prune(self, data: NodeData | None) -> None:
        if self.screen.refuse():
            return
        ref = ref_of(data)
        if ref is None or ref.kind not in PRUNABLE:
            self.screen.notify("Put the cursor on a gallery or an image definition to plan its retention.")
            return
        scope = ref.label
        dialog = PruneScreen(scope, lambda rule: self.plan(ref, rule))
        self.screen.app.push_screen(dialog, lambda rule: rule and self.run_prune(ref, rule))

    def run_prune(self, ref: ResourceRef, rule: RetentionRule) -> None:
        self.screen.run("write", lambda: self.apply(ref, rule))

    def plan(self, ref: ResourceRef, rule: RetentionRule) -> PrunePlanned:
        """On the planner's worker: the dry run, or why the rule cannot be planned."""
        try:
            return PrunePlanned(self._services().plan_prune(*self._scope(ref), rule))
        except AzureError as error:
            return PrunePlanned([], f"{error.code}: {error.message}")

    def apply(self, ref: ResourceRef, rule: RetentionRule) -> ResourceWritten:
        """On the workbench's write worker: prune in one transaction; the outcome carries the undo step."""
        plans = self._services().prune(*self._scope(ref), rule)
        deleted = tuple(v for p in plans for v in p.deleted)
        names = ", ".join(v.name for v in deleted) or "nothing"
        note = f"Pruned {ref.label}: deleted {names}" + (" (ctrl+z restores)" if deleted else "")
        step = Pruned(ref, deleted) if deleted else None
        return ResourceWritten(self.screen.editing.work.locate(ref, note, step))

    @staticmethod
    def _scope(ref: ResourceRef) -> tuple:
        return ref.subscription, ref.resource_group, ref.gallery, ref.definition or None
