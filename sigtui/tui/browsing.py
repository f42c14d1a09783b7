"""The tree and the details pane: loading the catalog, children and details off the UI thread, the `/` filter,
jumps from the command palette, and keeping the cursor where it was across reloads."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode
from textual.worker import get_current_worker

from .messages import (
    AwayReported,
    CatalogLoaded,
    ChildrenFailed,
    DefinitionsLoaded,
    DetailsLoaded,
    FilterMatched,
    LatestResolved,
    PathLoaded,
    VersionsLoaded,
)
from .screens.filter import FilterScreen
from .widgets.tree_nodes import NodeData

if TYPE_CHECKING:
    from .workbench import WorkbenchScreen

Path3 = tuple[int, int | None, int | None]
"""(gallery, definition, version) primary keys of one resource."""


def deepest(path: Path3) -> tuple[str, int]:
    """The tree key of the deepest resource on a (gallery, definition, version) path."""
    gallery_pk, definition_pk, version_pk = path
    if version_pk:
        return "version", version_pk
    return ("definition", definition_pk) if definition_pk else ("gallery", gallery_pk)


def first_match(result) -> tuple[str, int] | None:
    versions = [("version", v) for _, _, v in result.paths if v is not None]
    others = [("definition", d) if d is not None else ("gallery", g) for g, d, _ in result.paths]
    return (versions or others or [None])[0]


def by_gallery(definitions: Iterable) -> dict[int, list]:
    grouped = defaultdict(list)
    for definition in definitions:
        grouped[definition.gallery_pk].append(definition)
    return dict(grouped)


def crumbs(node: TreeNode[NodeData] | None) -> list[str]:
    parts = []
    while node is not None and node.data is not None:
        parts.append(node.data.name)
        node = node.parent
    return list(reversed(parts))


class Browsing:
    """Owns what the tree shows: the galleries, the filter, the cursor's resource across reloads."""

    def __init__(self, screen: WorkbenchScreen) -> None:
        self.screen = screen
        self.galleries: list = []
        self.filter_text = ""
        self.cursor_key: tuple[str, int | str] | None = None
        self.unfiltered_open: tuple[set[int], set[int]] = (set(), set())
        self.loaded_once = False
        self.requested: tuple[int, set[int], set[int]] = (0, set(), set())
        """The latest catalog load asked for: its number, and the galleries and definitions it opens."""
        self.shown = 0
        """The number of the load the tree shows."""

    @property
    def tree(self):
        return self.screen.resource_tree

    # Reads, each in a thread worker

    def load_catalog(
        self, galleries_open: Iterable[int] = (), definitions_open: Iterable[int] = (), filter_text: str = ""
    ) -> None:
        backend, readonly = self.screen.backend, self.screen.readonly
        galleries_open, definitions_open = set(galleries_open), set(definitions_open)
        generation = self.requested[0] + 1
        self.requested = (generation, galleries_open, definitions_open)

        def job() -> list[Message]:
            away = backend.arrive(readonly)
            backend.changes.mark()
            catalog = backend.catalog
            clock = catalog.clock()
            now = clock.now(backend.real_time()) if clock else datetime.now(UTC)
            definitions = {pk: catalog.definitions(pk) for pk in galleries_open}
            versions = catalog.versions_of(definitions_open) if definitions_open else {}
            filtered = catalog.filter_tree(filter_text, now) if filter_text else None
            if filtered is not None:
                definitions = by_gallery(filtered.definitions)
            galleries, jobs = catalog.galleries(), catalog.unsettled_jobs(now)
            loaded = CatalogLoaded(galleries, clock, jobs, definitions, versions, filtered, generation,
                                   catalog.end_of_life_policy())
            return [loaded, AwayReported(away)] if away else [loaded]

        self.screen.run("catalog", job, exclusive=True)

    def load_children(self, kind: str, pk: int, matching: tuple[int, ...] = ()) -> None:
        catalog, screen = self.screen.backend.catalog, self.screen

        def read() -> Message:
            if kind == "gallery":
                return DefinitionsLoaded(pk, catalog.definitions(pk))
            if matching:
                return VersionsLoaded(pk, catalog.versions_by_pk(matching).get(pk, []), False)
            return VersionsLoaded(pk, catalog.versions(pk))

        def job() -> Message:
            try:
                return read()
            except Exception:
                screen.post_message(ChildrenFailed(kind, pk))
                raise

        screen.run("children", job)

    def load_path(self, path: Path3, need_definitions: bool, need_versions: bool) -> None:
        catalog = self.screen.backend.catalog
        gallery_pk, definition_pk, _ = path

        def job() -> PathLoaded:
            definitions = catalog.definitions(gallery_pk) if need_definitions else []
            versions = catalog.versions(definition_pk) if need_versions and definition_pk else []
            return PathLoaded(path, definitions, versions)

        self.screen.run("path", job, exclusive=True)

    def run_filter(self, text: str) -> None:
        catalog, now = self.screen.backend.catalog, self.screen.clock.now
        self.screen.run("filter", lambda: FilterMatched(catalog.filter_tree(text, now()) if text else None), True)

    def resolve_partial_latest(self) -> None:
        partial = self.tree.partial_definitions()
        if partial:
            catalog, now = self.screen.backend.catalog, self.screen.clock.now
            self.screen.run("latest", lambda: LatestResolved(catalog.latest_names(partial, now())), exclusive=True)

    def load_details(self, data: NodeData) -> None:
        catalog, now = self.screen.backend.catalog, self.screen.clock.now
        self.screen.run("details", lambda: details_of(catalog, data, now()), exclusive=True)

    # What the workers found

    def is_current(self, message: CatalogLoaded) -> bool:
        """Whether `message` answers the latest load (an older answer is dropped: a newer one is coming)."""
        return message.generation == self.requested[0]

    def catalog_loaded(self, message: CatalogLoaded) -> bool:
        """Rebuild the tree; True the first time."""
        self.shown = message.generation
        self.galleries = message.galleries
        tree = self.tree
        tree.set_reactive(Tree.cursor_line, -1)
        tree.end_of_life = message.end_of_life
        tree.rebuild(message.galleries, message.definitions, message.versions, message.filtered)
        self.show_filter_title(message.filtered)
        self.resolve_partial_latest()
        self.restore_cursor()
        first, self.loaded_once = not self.loaded_once, True
        return first

    def restore_cursor(self) -> None:
        key = self.cursor_key
        if key is not None and key[0] in ("gallery", "definition", "version") and self.tree.reveal(*key):
            return
        self.tree.call_after_refresh(self.tree.cursor_to_first_gallery)

    def versions_loaded(self, message: VersionsLoaded) -> None:
        self.tree.add_versions(message.definition_pk, message.versions, complete=message.complete)
        current = self.screen.cursor_data()
        showing = current is not None and current.kind == "definition" and current.pk == message.definition_pk
        if showing and message.complete:
            self.screen.details.show_versions(message.versions)

    def path_loaded(self, message: PathLoaded) -> None:
        gallery_pk, definition_pk, _ = message.path
        if message.definitions:
            self.tree.add_definitions(gallery_pk, message.definitions, expand=True)
        if message.versions and definition_pk is not None:
            self.tree.add_versions(definition_pk, message.versions)
        self.reveal(message.path)

    def filter_matched(self, message: FilterMatched) -> None:
        result = message.result
        self.filter_text = result.text if result else ""
        if result is None:
            self.load_catalog(*self.unfiltered_open)
            return
        self.tree.rebuild(self.galleries, by_gallery(result.definitions), {}, result)
        self.show_filter_title(result)
        self.resolve_partial_latest()
        self.cursor_key = None
        first = first_match(result)
        if first is None or not self.tree.reveal(*first):
            self.tree.call_after_refresh(self.tree.cursor_to_first_gallery)

    def show_filter_title(self, result) -> None:
        pane = self.screen.tree_pane
        if result is None:
            pane.border_title = "Resources"
            pane.border_subtitle = ""
            return
        count = len(result.paths)
        more = "+" if result.truncated else ""
        pane.border_title = f"Filter: {result.text}"
        pane.border_subtitle = f"{count}{more} match{'es' if count != 1 else ''} · esc clears"

    def details_loaded(self, message: DetailsLoaded) -> None:
        data = self.screen.cursor_data()
        if data is None or data.key != message.key:
            return
        details = self.screen.details
        details.now = self.screen.clock.now()
        details.show_loaded(message, message.versions)

    def highlighted(self, node: TreeNode[NodeData]) -> None:
        data, details, now = node.data, self.screen.details, self.screen.clock.now()
        if data is None or data.kind == "more":
            self.screen.breadcrumb.show([])
            details.show_node(None, now)
            return
        self.cursor_key = data.key
        self.screen.breadcrumb.show(crumbs(node))
        details.show_node(data, now)
        if data.kind in ("gallery", "definition", "version"):
            self.load_details(data)

    # Actions

    def reload(self) -> None:
        self.follow_changes()
        self.screen.notify("Reloaded", timeout=1.5)

    def follow_changes(self) -> None:
        """Read the catalog again, keeping the filter, the open nodes and the cursor (and what a load still on
        its way was asked to open)."""
        if self.filter_text:
            self.load_catalog(filter_text=self.filter_text)
            return
        galleries, definitions = self.tree.expanded_keys()
        generation, wanted_galleries, wanted_definitions = self.requested
        if generation != self.shown:
            galleries, definitions = galleries | wanted_galleries, definitions | wanted_definitions
        self.load_catalog(galleries, definitions)

    def reload_around(self, cursor: tuple[str, int] | None, galleries: Iterable[int], definitions: Iterable[int]):
        """After a write: the filter is cleared, open nodes stay open, and `cursor` gets the cursor."""
        if self.filter_text:
            self.filter_text = ""
            opened_galleries, opened_definitions = self.unfiltered_open
        else:
            opened_galleries, opened_definitions = self.tree.expanded_keys()
        self.cursor_key = cursor
        self.load_catalog(opened_galleries | set(galleries), opened_definitions | set(definitions))

    def ask_filter(self) -> None:
        if not self.filter_text:
            self.unfiltered_open = self.tree.expanded_keys()
        self.screen.app.push_screen(FilterScreen(self.filter_text), self._filter_chosen)

    def _filter_chosen(self, text: str | None) -> None:
        if text is None or text == self.filter_text:
            return
        self.run_filter(text)

    def back(self) -> None:
        """Focus the tree, or clear the filter keeping the cursor on the resource it was on."""
        if self.screen.focused is not None and self.screen.focused is not self.tree:
            self.tree.focus()
        elif self.filter_text:
            path = self.cursor_path()
            if path is None:
                self.run_filter("")
            else:
                self.jump_to(path)
                self.show_filter_title(None)

    def cursor_path(self) -> Path3 | None:
        """The (gallery, definition, version) keys of the resource under the cursor, None off a resource."""
        pks: dict[str, int] = {}
        node = self.tree.cursor_node
        while node is not None and node.data is not None:
            if node.data.kind in ("gallery", "definition", "version"):
                pks.setdefault(node.data.kind, node.data.pk)
            node = node.parent
        if "gallery" not in pks:
            return None
        return pks["gallery"], pks.get("definition"), pks.get("version")

    def forget(self) -> None:
        """The identity changed: nothing of the old tree stays."""
        self.filter_text = ""
        self.cursor_key = None
        self.tree.clear()
        self.tree.cursor_line = -1

    def jump_to(self, path: Path3) -> None:
        """Show a resource in the tree, loading what is missing; a filter that hides it is cleared."""
        gallery_pk, definition_pk, version_pk = path
        self.cursor_key = deepest(path)
        if self.filter_text:
            self.filter_text = ""
            opened_galleries, opened_definitions = self.unfiltered_open
            self.load_catalog(opened_galleries | {gallery_pk}, opened_definitions | ({definition_pk} - {None}))
            return
        tree = self.tree
        gallery = tree.node_for("gallery", gallery_pk)
        definition = tree.node_for("definition", definition_pk) if definition_pk else None
        need_definitions = gallery is None or not gallery.data.loaded or (definition_pk and definition is None)
        need_versions = bool(version_pk) and (
            definition is None or not definition.data.loaded or tree.node_for("version", version_pk) is None
        )
        if need_definitions or need_versions:
            self.load_path(path, bool(need_definitions), need_versions)
        else:
            self.reveal(path)

    def reveal(self, path: Path3) -> None:
        if not self.tree.reveal(*deepest(path)):
            self.screen.notify("That resource is no longer there; press r to reload.", severity="warning")
        self.tree.focus()


def details_of(catalog, data: NodeData, now) -> DetailsLoaded | None:
    """On a worker: the full resource behind a node, its activity and `latest`; None once cancelled."""
    versions = latest = None
    if not catalog.seen.sees(data.arm_id):
        return DetailsLoaded(data.key, None, [])
    if data.kind == "gallery":
        resource = catalog.gallery_detail(data.pk)
    elif data.kind == "definition":
        resource = catalog.definition_detail(data.pk)
        known = data.loaded and data.complete and data.versions
        versions = data.versions if known else catalog.versions(data.pk)
        latest = catalog.latest(data.pk, now)
    else:
        resource = catalog.version_detail(data.pk)
        latest = catalog.latest(data.summary.definition_pk, now) if data.summary else None
    if resource is None or get_current_worker().is_cancelled:
        return None
    return DetailsLoaded(data.key, resource, catalog.activity(resource.id, now), latest, versions)
