"""The workbench screen: the resource tree, the details pane, the status bar with the live clock, and the
thread workers that read and write. Its areas are plain controllers it holds and calls by name; every message
has its one handler here."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Tree
from textual.worker import Worker

from . import messages as m
from .backend import Backend
from .browsing import Browsing
from .deploying import Deploying
from .editing import Editing
from .help_sections import help_sections
from .keys import MUTATING, WORKBENCH_BINDINGS
from .live_clock import LiveClock
from .options import WorkbenchOptions
from .palette import ResourceProvider
from .paths_shown import home_relative
from .policy import ActionPolicy
from .retention import Retention
from .serving import Serving
from .sharing import Sharing
from .threads import Job, run_in_thread
from .watching import Watching
from .widgets.breadcrumb import Breadcrumb
from .widgets.details import TABS, Details
from .widgets.fitted_footer import FittedFooter
from .widgets.resource_tree import ResourceTree
from .widgets.status_bar import StatusBar
from .widgets.tree_nodes import NodeData

if TYPE_CHECKING:
    from ..store.reads.gallery_summaries import GallerySummary
    from .screens.help import HelpRow

NARROW = 100


class WorkbenchScreen(Screen[None]):
    """Explore galleries, definitions and versions; watch replication; drive the simulation clock."""

    CSS_PATH = Path(__file__).parent / "workbench.tcss"
    BINDINGS: ClassVar[list[BindingType]] = WORKBENCH_BINDINGS
    COMMANDS: ClassVar[set] = {ResourceProvider}
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (NARROW, "-wide")]

    def __init__(self, options: WorkbenchOptions, galleries: list[GallerySummary] | None = None) -> None:
        """`galleries` (read by the first screen) are shown until the catalog's first load answers."""
        super().__init__()
        self.options = options
        self.opening_galleries = galleries
        self.readonly = options.readonly
        self.backend = Backend(options.db_path, options.caller, options.real_time)
        self.policy = ActionPolicy(options.readonly, lambda arm_id: self.backend.catalog.seen.sees(arm_id))
        self.footer = FittedFooter()
        self.breadcrumb = Breadcrumb(id="breadcrumb")
        self.resource_tree = ResourceTree(id="tree")
        self.details = Details(id="details")
        self.status = StatusBar(options.db_path, self.backend.identity(), options.readonly, id="status")
        self.clock = LiveClock(self)
        self.browsing = Browsing(self)
        self.editing = Editing(self)
        self.deploying = Deploying(self)
        self.sharing = Sharing(self)
        self.watching = Watching(self)
        self.serving = Serving(self)
        self.retention = Retention(self)
        self._offered: tuple | None = None

    def compose(self) -> ComposeResult:
        yield self.breadcrumb
        with Horizontal(id="main"):
            with Vertical(id="tree-pane") as self.tree_pane:
                yield self.resource_tree
            yield self.details
        yield self.status
        yield self.footer

    def on_mount(self) -> None:
        if self.readonly and self.options.speed:
            self.notify("--speed changes the clock, so it is ignored in read-only mode.", severity="warning")
        self.clock.start()
        self.watching.start()
        self.tree_pane.border_title = "Resources"
        self.resource_tree.focus()
        if self.opening_galleries:
            self.resource_tree.rebuild(self.opening_galleries, {}, {})
        self.browsing.load_catalog()
        if self.options.serve:
            self.serving.start()

    def on_unmount(self) -> None:
        self.watching.stop()
        self.serving.stop()
        self.backend.leave(self.readonly)
        self.backend.close()

    # Workers

    def run(self, group: str, job: Job, exclusive: bool = False) -> Worker:
        """Run `job` on a thread worker that posts the messages it returns here."""
        return run_in_thread(self, group, job, exclusive)

    # The cursor

    def cursor_data(self) -> NodeData | None:
        node = self.resource_tree.cursor_node
        return node.data if node is not None else None

    def refuse(self) -> bool:
        """Say so and return True in read-only mode."""
        if self.readonly:
            self.notify("Read-only mode: changes are disabled.", severity="warning")
        return self.readonly

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.policy.check(action, self.cursor_data(), self.clock.now())

    def offer_actions(self) -> None:
        """Rebuild the footer when what the cursor's resource allows changed (rebuilding costs a layout)."""
        offered = self.policy.offered(self.cursor_data(), self.clock.now())
        if offered != self._offered:
            self._offered = offered
            self.refresh_bindings()

    def on_key(self, event: events.Key) -> None:
        """A key the identity may not use here is hidden from the footer; pressing it says why."""
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            reason = self.policy.refusal(binding.action, self.cursor_data(), self.status.caller)
            if reason:
                event.stop()
                self.notify(reason, title="Not allowed", severity="error", timeout=6)
                return

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[NodeData]) -> None:
        self.browsing.highlighted(event.node)
        self.sharing.cursor_moved(event.node.data)
        self.offer_actions()

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected[NodeData]) -> None:
        if event.node.data is not None and event.node.data.kind == "version":
            self.details.query_one("Tabs").focus()

    # What the workers found

    def on_catalog_loaded(self, message: m.CatalogLoaded) -> None:
        if not self.browsing.is_current(message):
            return
        self.clock.catalog_loaded(message)
        first = self.browsing.catalog_loaded(message)
        self.clock.settled()
        self.deploying.attach_known_vms()
        if first and not self.readonly:
            self.call_after_refresh(self.clock.open_services)

    def on_endpoint_started(self, message: m.EndpointStarted) -> None:
        self.serving.started(message)

    def on_away_reported(self, message: m.AwayReported) -> None:
        self.notify(message.note, timeout=12)

    def on_database_changed(self, message: m.DatabaseChanged) -> None:
        self.watching.database_changed()

    def on_children_requested(self, message: m.ChildrenRequested) -> None:
        self.browsing.load_children(message.kind, message.pk, message.matching)

    def on_children_failed(self, message: m.ChildrenFailed) -> None:
        self.resource_tree.children_failed(message.kind, message.pk)

    def on_definitions_loaded(self, message: m.DefinitionsLoaded) -> None:
        self.resource_tree.add_definitions(message.gallery_pk, message.definitions, expand=True)

    def on_versions_loaded(self, message: m.VersionsLoaded) -> None:
        self.browsing.versions_loaded(message)
        self.deploying.attach_known_vms()

    def on_path_loaded(self, message: m.PathLoaded) -> None:
        self.browsing.path_loaded(message)
        self.deploying.attach_known_vms()

    def on_filter_matched(self, message: m.FilterMatched) -> None:
        self.browsing.filter_matched(message)
        self.deploying.attach_known_vms()

    def on_latest_resolved(self, message: m.LatestResolved) -> None:
        self.resource_tree.set_latest(message.names)

    def on_details_loaded(self, message: m.DetailsLoaded) -> None:
        self.browsing.details_loaded(message)

    def on_clock_changed(self, message: m.ClockChanged) -> None:
        self.clock.clock_changed(message)

    def on_jobs_changed(self, message: m.JobsChanged) -> None:
        self.clock.jobs_changed(message)

    def on_services_ready(self, message: m.ServicesReady) -> None:
        self.status.caller = message.services.caller
        self.status.show(self.clock.now())
        self.deploying.load_vm_leaves()

    def on_permissions_loaded(self, message: m.PermissionsLoaded) -> None:
        self.sharing.permissions_loaded(message)

    def on_vms_listed(self, message: m.VmsListed) -> None:
        self.deploying.vms_listed(message.vms)

    def on_resource_written(self, message: m.ResourceWritten) -> None:
        self.editing.show_outcome(message.outcome)

    def on_step_replayed(self, message: m.StepReplayed) -> None:
        self.editing.step_replayed(message)

    def on_delete_refused(self, message: m.DeleteRefused) -> None:
        self.editing.offer_children(message.ref, message.error)

    def on_estimate_requested(self, message: m.EstimateRequested) -> None:
        self.sharing.estimate_for_details(message.resource_id)

    def on_cost_estimated(self, message: m.CostEstimated) -> None:
        self.details.cost.show_estimate(message.resource_id, message.estimate, message.problem)

    # Actions: the clock and the cursor

    def action_toggle_clock(self) -> None:
        self.clock.change("toggle")

    def action_advance_clock(self) -> None:
        self.clock.change("advance")

    def action_faster(self) -> None:
        self.clock.change("faster")

    def action_slower(self) -> None:
        self.clock.change("slower")

    def action_retry(self) -> None:
        self.clock.retry_failed(self.cursor_data())

    def action_copy_id(self) -> None:
        data = self.cursor_data()
        if data is None or not data.arm_id:
            self.notify("Nothing to copy here.")
            return
        self.app.copy_to_clipboard(data.arm_id)
        self.notify(data.arm_id, title="Copied ARM id", timeout=3)

    def action_reload(self) -> None:
        self.browsing.reload()

    def action_filter(self) -> None:
        self.browsing.ask_filter()

    def action_back(self) -> None:
        self.browsing.back()

    def action_show_tab(self, tab: str) -> None:
        if tab in TABS:
            self.details.show_tab(tab)

    # Actions: the areas

    def action_copy_as(self) -> None:
        self.editing.copy_as(self.cursor_data())

    def action_create_resource(self) -> None:
        self.editing.create(self.cursor_data())

    def action_edit_resource(self) -> None:
        self.editing.edit(self.cursor_data())

    def action_delete_resource(self) -> None:
        self.editing.delete(self.cursor_data())

    def action_fix_region(self) -> None:
        self.editing.fix_region(self.cursor_data())

    def action_activity_log(self) -> None:
        self.editing.activity_log()

    def action_undo_edit(self) -> None:
        self.editing.replay(undo=True)

    def action_redo_edit(self) -> None:
        self.editing.replay(undo=False)

    def action_create_vm(self) -> None:
        self.deploying.create_vm(self.cursor_data())

    def action_list_vms(self) -> None:
        self.deploying.list_vms()

    def action_version_usage(self) -> None:
        self.retention.usage(self.cursor_data())

    def action_prune(self) -> None:
        self.retention.prune(self.cursor_data())

    def action_share(self) -> None:
        self.sharing.share(self.cursor_data())

    def action_switch_identity(self) -> None:
        self.sharing.choose_identity()

    def action_costs(self) -> None:
        self.sharing.costs()

    def action_quotas(self) -> None:
        self.sharing.quotas()

    # Help and the command palette

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.help_rows(), home_relative(self.app.keymap_file)))

    def help_rows(self) -> list[HelpRow]:
        """Every binding of the workbench, the tree and the dialogs, with the keys the keymap gives it."""
        rows: list[HelpRow] = []
        keymap, app = self.app.keymap, self.app
        for section, bindings in (("Workbench", self.BINDINGS), *help_sections()):
            for binding in bindings:
                keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
                shown = ", ".join(app.get_key_display(Binding(k.strip(), "")) for k in keys.split(","))
                refused = self.readonly and binding.action in MUTATING
                description = binding.description + (" (read-only: off)" if refused else "")
                rows.append((section, shown, description, binding.id or ""))
        palette = app.get_key_display(Binding(app.COMMAND_PALETTE_BINDING, ""))
        rows.append(
            ("Workbench", palette, "Command palette: commands, and jump to any resource by name", "app.command-palette")
        )
        return rows

    def system_commands(self) -> Iterable[SystemCommand]:
        """The workbench's commands in the palette."""
        yield SystemCommand("Filter", "Show only matching resources (/)", self.action_filter)
        yield SystemCommand("Reload", "Read the database again (r)", self.action_reload)
        yield SystemCommand("Copy ARM id", "Copy the id of the resource under the cursor (y)", self.action_copy_id)
        yield SystemCommand("Copy as az / REST / curl", "The resource under the cursor as a request (Y)",
                            self.action_copy_as)
        yield SystemCommand("Keys", "Every key binding (f1)", self.action_help)
        if not self.readonly:
            yield SystemCommand("Pause or resume the clock", "Simulation clock (space)", self.action_toggle_clock)
            yield SystemCommand("Advance the clock 10 minutes", "Simulation clock (])", self.action_advance_clock)
            yield SystemCommand("Faster clock", "Double the clock speed (+)", self.action_faster)
            yield SystemCommand("Slower clock", "Halve the clock speed (-)", self.action_slower)
            yield SystemCommand("Retry failed regions", "Replicate failed regions again (R)", self.action_retry)
            if self.serving.running:
                yield SystemCommand("Stop the endpoint", "Stop serving Azure Resource Manager", self.serving.stop)
            else:
                yield SystemCommand(
                    "Serve the endpoint", "Azure Resource Manager over HTTPS for az and the SDKs", self.serving.start
                )
        yield SystemCommand("Costs", "Illustrative cost of everything you can read ($)", self.action_costs)
        yield SystemCommand("Quotas", "Usage against Azure's limits per region (Q)", self.action_quotas)
        yield SystemCommand(
            "Act as…", "Switch the identity: what you see and may do follows it (ctrl+u)", self.action_switch_identity
        )
        if self.check_action("version_usage", ()):
            yield SystemCommand("Who uses this version", "VMs and scale sets made from it; latest if it went (u)",
                                self.action_version_usage)
        if self.check_action("prune", ()):
            yield SystemCommand("Retention planner…", "Delete old versions here: dry run, then one step (P)",
                                self.action_prune)
        if self.check_action("share", ()):
            yield SystemCommand("Share…", "Role assignments on the resource under the cursor (s)", self.action_share)
