"""The sigtui workbench: a lazy resource tree, a details pane, a live simulation clock."""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Tree
from textual.worker import Worker, WorkerState

from ..domain.clock import ClockState
from ..domain.models import ReplicationState
from ..domain.replication import region_status
from ..store import paths, raw
from ..store.browse import Catalog, JobFact
from ..store.defaults import DEFAULT_OWNER
from . import live
from .commands import ResourceProvider
from .deploying import DEPLOY_BINDINGS, DEPLOY_MUTATING, Deploying
from .editing import EDIT_BINDINGS, EDIT_MUTATING, Editing
from .keymap import keymap_path, load_keymap
from .messages import (
    ActionFailed,
    CatalogLoaded,
    ClockChanged,
    DefinitionsLoaded,
    DetailsLoaded,
    FilterMatched,
    JobsChanged,
    LatestResolved,
    PathLoaded,
    ServicesReady,
    VersionsLoaded,
)
from .screens.error import ErrorScreen
from .screens.filter import FilterScreen
from .screens.help import HelpRow, HelpScreen
from .sharing import ACCESS_BINDINGS, ACCESS_HELP, ACCESS_MUTATING, Sharing
from .widgets.breadcrumb import Breadcrumb
from .widgets.details import TABS, Details
from .widgets.resource_tree import NodeData, ResourceTree
from .widgets.status_bar import StatusBar, home_relative
from .workers import Workers

CLOCK_AND_RETRY = {"toggle_clock", "advance_clock", "faster", "slower", "retry"}
MUTATING = CLOCK_AND_RETRY | EDIT_MUTATING | DEPLOY_MUTATING | ACCESS_MUTATING
NARROW = 100


class SigtuiApp(Editing, Deploying, Sharing, Workers, App[int]):
    """Explore galleries, definitions and versions; watch replication; drive the simulation clock."""

    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "sigtui"
    COMMANDS = App.COMMANDS | {ResourceProvider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
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
        Binding("t", "change_theme", "Theme", id="app.theme"),
        Binding("1", "show_tab('overview')", "Overview tab", show=False, id="tab.overview"),
        Binding("2", "show_tab('replication')", "Replication tab", show=False, id="tab.replication"),
        Binding("3", "show_tab('json')", "JSON tab", show=False, id="tab.json"),
        Binding("4", "show_tab('activity')", "Activity tab", show=False, id="tab.activity"),
        *EDIT_BINDINGS,
        *DEPLOY_BINDINGS,
        *ACCESS_BINDINGS,
    ]

    def __init__(
        self,
        db_path: Path | str,
        caller: str | None = None,
        speed: float | None = None,
        readonly: bool = False,
        real_time: Callable[[], float] = time.time,
        keymap_file: Path | None = None,
    ) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.caller = caller
        self.initial_speed = speed
        self.readonly = readonly
        self.real_time = real_time
        self.keymap_file = keymap_file or keymap_path()
        self.catalog = Catalog(self.db_path, caller or DEFAULT_OWNER)
        self.clock: ClockState | None = None
        self.jobs: list[JobFact] = []
        self.galleries: list = []
        self.filter_text = ""
        self.ticking = False
        self._ticker: Timer | None = None
        self._wake: Timer | None = None
        self._signature: frozenset = frozenset()
        self._cursor_key: tuple[str, int | str] | None = None
        self._unfiltered_open: tuple[set[int], set[int]] = (set(), set())
        self._init_workers()
        self._loaded_once = False
        self.keymap: dict[str, str] = {}
        self.startup_notice = ""
        self._retry_offered = False
        self.footer = Footer(compact=True)
        self.breadcrumb = Breadcrumb(id="breadcrumb")
        self.resource_tree = ResourceTree(id="tree")
        self.details = Details(id="details")
        self.status = StatusBar(self.db_path, self.caller or DEFAULT_OWNER, self.readonly, id="status")

    # Layout

    def compose(self) -> ComposeResult:
        yield self.breadcrumb
        with Horizontal(id="main"):
            with Vertical(id="tree-pane") as self.tree_pane:
                yield self.resource_tree
            yield self.details
        yield self.status
        yield self.footer

    def on_mount(self) -> None:
        keymap, problem = load_keymap(self.keymap_file)
        self.keymap = keymap
        if keymap:
            self.set_keymap(keymap)
        if problem:
            self.notify(problem, title="Keymap ignored", severity="warning")
        if self.startup_notice:
            self.notify(self.startup_notice, timeout=6)
        if self.readonly and self.initial_speed:
            self.notify("--speed changes the clock, so it is ignored in read-only mode.", severity="warning")
        self._ticker = self.set_interval(live.TICK_SECONDS, self._tick, pause=True)
        self.tree_pane.border_title = "Resources"
        self.resource_tree.focus()
        self.load_catalog()

    def on_resize(self) -> None:
        narrow = self.size.width < NARROW
        self.screen.set_class(narrow, "-narrow")
        self.footer.show_command_palette = not narrow
        if self.resource_tree.compact != narrow:
            self.resource_tree.compact = narrow
            self.resource_tree.guide_depth = 2 if narrow else 3
            self.resource_tree.refresh()

    def on_unmount(self) -> None:
        self.catalog.close()

    # Time

    def now(self) -> datetime:
        return self.clock.now(self.real_time()) if self.clock else datetime.now(UTC)

    def _replan(self) -> None:
        """Tick while something replicates; otherwise sleep until the next change (or forever)."""
        plan = live.plan(self.clock, self.jobs, self.now())
        self.ticking = plan.ticking
        if self._ticker is not None:
            if plan.ticking:
                self._ticker.resume()
            else:
                self._ticker.pause()
        if self._wake is not None:
            self._wake.stop()
            self._wake = None
        if plan.wake_in is not None:
            self._wake = self.set_timer(plan.wake_in, self._woken)

    def _woken(self) -> None:
        self._wake = None
        self._tick()
        self._replan()

    def _tick(self) -> None:
        now = self.now()
        self.resource_tree.tick(now)
        signature = live.signature(self.jobs, now)
        if signature != self._signature:
            self._signature = signature
            self._states_changed(now)
        self.details.tick(now)
        self.status.show(now)

    def _states_changed(self, now: datetime) -> None:
        """Regional states changed: redraw badges, `latest`, roll-ups and counts, and plan the next tick."""
        self.resource_tree.now = now
        self.resource_tree.states_changed()
        self._resolve_partial_latest()
        self.details.now = now
        self.details.states_changed(self._cursor_data())
        self._offer_retry(self._cursor_data())
        self._show_counts(now)
        self._replan()

    def _show_counts(self, now: datetime) -> None:
        failed = {
            f.version_pk for f in self.jobs if region_status(f.region, f.job, now).state is ReplicationState.FAILED
        }
        self.status.show(now, self.clock, live.running(self.jobs, now), len(failed))

    def _refresh_time(self) -> None:
        """The clock or the jobs changed: redraw everything time-dependent once."""
        now = self.now()
        self._signature = live.signature(self.jobs, now)
        self.resource_tree.set_jobs(self.jobs)
        self.resource_tree.tick(now)
        self.details.tick(now)
        self._states_changed(now)

    # Handlers: they own the state

    def on_catalog_loaded(self, message: CatalogLoaded) -> None:
        self.clock = message.clock
        self.jobs = message.jobs
        self.galleries = message.galleries
        now = self.now()
        tree = self.resource_tree
        tree.now = now
        tree.set_jobs(self.jobs)
        tree.set_reactive(Tree.cursor_line, -1)
        tree.rebuild(message.galleries, message.definitions, message.versions, message.filtered)
        self._show_filter_title(message.filtered)
        self._resolve_partial_latest()
        self._restore_cursor()
        self._signature = live.signature(self.jobs, now)
        self._show_counts(now)
        self._replan()
        if not self._loaded_once:
            self._loaded_once = True
            if not self.readonly:
                self.call_after_refresh(self.load_services)

    def _restore_cursor(self) -> None:
        key = self._cursor_key
        if key is not None and key[0] in ("gallery", "definition", "version") and self.resource_tree.reveal(*key):
            return
        self.resource_tree.call_after_refresh(self._cursor_to_first)

    def _cursor_to_first(self) -> None:
        self.resource_tree.cursor_to_first_gallery()

    def on_resource_tree_load_requested(self, message: ResourceTree.LoadRequested) -> None:
        self.load_children(message.kind, message.pk)

    def on_definitions_loaded(self, message: DefinitionsLoaded) -> None:
        self.resource_tree.add_definitions(message.gallery_pk, message.definitions, expand=True)

    def on_versions_loaded(self, message: VersionsLoaded) -> None:
        self.resource_tree.add_versions(message.definition_pk, message.versions, expand=True)
        current = self._cursor_data()
        if current is not None and current.kind == "definition" and current.pk == message.definition_pk:
            self.details.show_versions(message.versions)

    def on_path_loaded(self, message: PathLoaded) -> None:
        gallery_pk, definition_pk, _ = message.path
        tree = self.resource_tree
        if message.definitions:
            tree.add_definitions(gallery_pk, message.definitions, expand=True)
        if message.versions and definition_pk is not None:
            tree.add_versions(definition_pk, message.versions, expand=True)
        self._reveal(message.path)

    def on_filter_matched(self, message: FilterMatched) -> None:
        result = message.result
        self.filter_text = result.text if result else ""
        if result is None:
            self.load_catalog(*self._unfiltered_open)
            return
        definitions = defaultdict(list)
        for definition in result.definitions:
            definitions[definition.gallery_pk].append(definition)
        self.resource_tree.rebuild(self.galleries, dict(definitions), {}, result)
        self._show_filter_title(result)
        self._resolve_partial_latest()
        self._cursor_key = None
        first = self._first_match(result)
        if first is None or not self.resource_tree.reveal(*first):
            self.resource_tree.call_after_refresh(self._cursor_to_first)

    @staticmethod
    def _first_match(result) -> tuple[str, int] | None:
        versions = [("version", v) for _, _, v in result.paths if v is not None]
        others = [("definition", d) if d is not None else ("gallery", g) for g, d, _ in result.paths]
        return (versions or others or [None])[0]

    def _show_filter_title(self, result) -> None:
        pane = self.tree_pane
        if result is None:
            pane.border_title = "Resources"
            pane.border_subtitle = ""
            return
        count = len(result.paths)
        more = "+" if result.truncated else ""
        pane.border_title = f"Filter: {result.text}"
        pane.border_subtitle = f"{count}{more} match{'es' if count != 1 else ''} · esc clears"

    def on_latest_resolved(self, message: LatestResolved) -> None:
        self.resource_tree.set_latest(message.names)

    def _resolve_partial_latest(self) -> None:
        partial = self.resource_tree.partial_definitions()
        if partial:
            self.resolve_latest(partial)

    def on_details_loaded(self, message: DetailsLoaded) -> None:
        data = self._cursor_data()
        if data is None or data.key != message.key:
            return
        self.details.now = self.now()
        self.details.show_loaded(message, message.versions)

    def on_clock_changed(self, message: ClockChanged) -> None:
        self.clock = message.clock
        self.status.show(self.now(), self.clock)
        self._refresh_time()
        if message.note:
            self.notify(message.note, timeout=2)

    def on_jobs_changed(self, message: JobsChanged) -> None:
        self.jobs = message.jobs
        if message.version is not None:
            self.resource_tree.replace_version(message.version)
        self._refresh_time()
        if message.note:
            self.notify(message.note, timeout=3)

    def on_services_ready(self, message: ServicesReady) -> None:
        self.status.caller = message.services.caller
        self.status.show(self.now())

    def on_action_failed(self, message: ActionFailed) -> None:
        self.push_screen(ErrorScreen(message.title, message.error))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            titles = {"write": "The change was refused", "services": "Could not open the database for writing"}
            title = titles.get(event.worker.group, "Could not read the database")
            self.post_message(ActionFailed(title, event.worker.error))

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[NodeData]) -> None:
        data = event.node.data
        if data is None or data.kind in ("loading", "more"):
            self.breadcrumb.show([])
            self.details.show_node(None, self.now())
            return
        self._cursor_key = data.key
        self.breadcrumb.show(self._crumbs(event.node))
        self.details.show_node(data, self.now())
        if data.kind in ("gallery", "definition", "version"):
            self.load_details(data)
        self._offer_retry(data)

    def _offer_retry(self, data: NodeData | None) -> None:
        """Show or hide the footer's Retry key; refreshing bindings rebuilds the footer, so only on change."""
        offered = bool(data and data.kind == "version" and not self.readonly and self._failed_regions(data))
        if offered != self._retry_offered:
            self._retry_offered = offered
            self.refresh_bindings()

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected[NodeData]) -> None:
        if event.node.data is not None and event.node.data.kind == "version":
            self.details.query_one("Tabs").focus()

    @staticmethod
    def _crumbs(node) -> list[str]:
        parts = []
        while node is not None and node.data is not None:
            parts.append(node.data.name)
            node = node.parent
        return list(reversed(parts))

    def _cursor_data(self) -> NodeData | None:
        node = self.resource_tree.cursor_node
        return node.data if node is not None else None

    # Actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in MUTATING and self.readonly:
            return False
        if action == "retry":
            data = self._cursor_data()
            return bool(data and data.kind == "version" and self._failed_regions(data))
        return super().check_action(action, parameters)

    def _refuse(self) -> bool:
        if self.readonly:
            self.notify("Read-only mode: changes are disabled.", severity="warning")
        return self.readonly

    def action_toggle_clock(self) -> None:
        if not self._refuse():
            self.change_clock("toggle")

    def action_advance_clock(self) -> None:
        if not self._refuse():
            self.change_clock("advance")

    def action_faster(self) -> None:
        if not self._refuse():
            self.change_clock("faster")

    def action_slower(self) -> None:
        if not self._refuse():
            self.change_clock("slower")

    def _failed_regions(self, data: NodeData) -> list[str]:
        if data.summary is None:
            return []
        now = self.now()
        return [
            t.name
            for t in data.summary.version.target_regions
            if region_status(t.name, t.job, now).state is ReplicationState.FAILED
        ]

    def action_retry(self) -> None:
        data = self._cursor_data()
        if self._refuse() or data is None:
            return
        regions = self._failed_regions(data)
        if not regions:
            self.notify("Nothing to retry: no region of this version has failed.")
            return
        self.retry_regions(data, regions)

    def action_copy_id(self) -> None:
        data = self._cursor_data()
        if data is None or not data.arm_id:
            self.notify("Nothing to copy here.")
            return
        self.copy_to_clipboard(data.arm_id)
        self.notify(data.arm_id, title="Copied ARM id", timeout=3)

    def action_reload(self) -> None:
        if self.filter_text:
            self.load_catalog(filter_text=self.filter_text)
        else:
            self.load_catalog(*self.resource_tree.expanded_keys())
        self.notify("Reloaded", timeout=1.5)

    def action_filter(self) -> None:
        if not self.filter_text:
            self._unfiltered_open = self.resource_tree.expanded_keys()
        self.push_screen(FilterScreen(self.filter_text), self._filter_chosen)

    def _filter_chosen(self, text: str | None) -> None:
        if text is None or text == self.filter_text:
            return
        self.run_filter(text)

    def action_back(self) -> None:
        if self.focused is not None and self.focused is not self.resource_tree:
            self.resource_tree.focus()
        elif self.filter_text:
            self.run_filter("")

    def action_show_tab(self, tab: str) -> None:
        if tab in TABS:
            self.details.show_tab(tab)

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.help_rows(), home_relative(self.keymap_file)))

    def help_rows(self) -> list[HelpRow]:
        """Every binding of the app and the tree, with the keys the keymap gives it."""
        rows: list[HelpRow] = []
        keymap = self.keymap
        for section, bindings in (("Workbench", self.BINDINGS), ("Tree", ResourceTree.BINDINGS), *ACCESS_HELP):
            for binding in bindings:
                keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
                shown = ", ".join(self.get_key_display(Binding(k.strip(), "")) for k in keys.split(","))
                refused = self.readonly and binding.action in MUTATING
                rows.append(
                    (section, shown, binding.description + (" (read-only: off)" if refused else ""), binding.id or "")
                )
        rows.append(
            (
                "Workbench",
                self.get_key_display(Binding(self.COMMAND_PALETTE_BINDING, "")),
                "Command palette: commands, and jump to any resource by name",
                "app.command-palette",
            )
        )
        return rows

    @staticmethod
    def _deepest(path: tuple[int, int | None, int | None]) -> tuple[str, int]:
        """The tree key of the deepest resource on a (gallery, definition, version) path."""
        gallery_pk, definition_pk, version_pk = path
        if version_pk:
            return "version", version_pk
        return ("definition", definition_pk) if definition_pk else ("gallery", gallery_pk)

    def jump_to(self, path: tuple[int, int | None, int | None]) -> None:
        """Show a resource in the tree, loading what is missing; a filter that hides it is cleared."""
        gallery_pk, definition_pk, version_pk = path
        self._cursor_key = self._deepest(path)
        if self.filter_text:
            self.filter_text = ""
            opened_galleries, opened_definitions = self._unfiltered_open
            self.load_catalog(opened_galleries | {gallery_pk}, opened_definitions | ({definition_pk} - {None}))
            return
        tree = self.resource_tree
        gallery = tree.node_for("gallery", gallery_pk)
        definition = tree.node_for("definition", definition_pk) if definition_pk else None
        need_definitions = gallery is None or not gallery.data.loaded or (definition_pk and definition is None)
        need_versions = bool(version_pk) and (
            definition is None or not definition.data.loaded or tree.node_for("version", version_pk) is None
        )
        if need_definitions or need_versions:
            self.load_path(path, bool(need_definitions), need_versions)
        else:
            self._reveal(path)

    def _reveal(self, path: tuple[int, int | None, int | None]) -> None:
        if not self.resource_tree.reveal(*self._deepest(path)):
            self.notify("That resource is no longer there; press r to reload.", severity="warning")
        self.resource_tree.focus()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Filter", "Show only matching resources (/)", self.action_filter)
        yield SystemCommand("Reload", "Read the database again (r)", self.action_reload)
        yield SystemCommand("Copy ARM id", "Copy the id of the resource under the cursor (y)", self.action_copy_id)
        yield SystemCommand("Keys", "Every key binding (f1)", self.action_help)
        if not self.readonly:
            yield SystemCommand("Pause or resume the clock", "Simulation clock (space)", self.action_toggle_clock)
            yield SystemCommand("Advance the clock 10 minutes", "Simulation clock (])", self.action_advance_clock)
            yield SystemCommand("Faster clock", "Double the clock speed (+)", self.action_faster)
            yield SystemCommand("Slower clock", "Halve the clock speed (-)", self.action_slower)
            yield SystemCommand("Retry failed regions", "Replicate failed regions again (R)", self.action_retry)


def run_app(
    db_path: str | Path | None = None, caller: str | None = None, speed: float | None = None, readonly: bool = False
) -> int:
    """Open the workbench; a new database gets the demo catalog, a current one opens without SQLModel."""
    try:
        path = paths.db_path(db_path)
        version = raw.stored_schema_version(path)
        if version is None:
            if readonly:
                print(f"sigtui: no database at {path} (read-only mode does not create one)", file=sys.stderr)
                return 1
            _create_demo(path, speed)
        elif version > raw.SCHEMA_VERSION:
            print(f"sigtui: {path} was written by a newer sigtui (schema {version})", file=sys.stderr)
            return 1
        elif version < raw.SCHEMA_VERSION and not readonly:
            from ..store.services import Services

            Services(path).bootstrap()
        if caller and not raw.knows(path, caller):
            print(f"sigtui: error: '{caller}' is not in this database's directory (see 'sigtui ad user list')",
                  file=sys.stderr)
            return 1
    except (OSError, ValueError) as error:
        print(f"sigtui: {error}", file=sys.stderr)
        return 1
    app = SigtuiApp(path, caller=caller, speed=speed if version is not None else None, readonly=readonly)
    if version is None:
        app.startup_notice = f"New database with the demo catalog: {path}"
    app.run()
    return app.return_code or 0


def _create_demo(path: Path, speed: float | None) -> None:
    """Bootstrap a new file and fill it with the demo story, as its default owner."""
    from ..store.demo import DEMO_SPEED, build_demo
    from ..store.services import Services

    print(f"sigtui: creating the demo catalog in {path}", file=sys.stderr)
    services = Services(path)
    services.bootstrap()
    build_demo(services, speed=speed or DEMO_SPEED)
    services.db.dispose()
