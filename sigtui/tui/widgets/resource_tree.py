"""The resource tree: subscription › resource group › gallery › definition › version, lazy, with live badges."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ...domain.latest import DEFAULT_END_OF_LIFE_POLICY, resolve_latest
from ...store.reads.filtering import FilterResult
from ...store.reads.gallery_summaries import GallerySummary
from ...store.reads.summaries import DefinitionSummary, JobFact, VersionSummary
from ..messages import ChildrenRequested
from ..outline import grouping
from .steady_scrollbar import SteadyVerticalScrollBar
from .tree_labels import TreeLabels
from .tree_lines import TreeLines
from .tree_live import TreeLive
from .tree_nodes import NodeData, filter_keep

CHUNK = 400
COMPACT_BELOW = 40
"""A tree narrower than this many cells draws states as marks and percentages, with shallower guides."""
LOADING_SHOWN_AFTER = 0.1
"""Seconds a node waits for its children before its line says loading… (a quicker answer paints at once)."""


class ResourceTree(TreeLabels, TreeLive, TreeLines, SteadyVerticalScrollBar, Tree[NodeData], inherit_bindings=False):
    """Galleries load at start; definitions and versions load when their parent first expands."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, id="tree.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="tree.up"),
        Binding("right,l", "expand_or_child", "Expand", show=False, id="tree.expand"),
        Binding("left,h", "collapse_or_parent", "Collapse", show=False, id="tree.collapse"),
        Binding("home,g", "scroll_home", "First", show=False, id="tree.first"),
        Binding("end,G", "scroll_end", "Last", show=False, id="tree.last"),
        Binding("pagedown", "page_down", "Page down", show=False, id="tree.page-down"),
        Binding("pageup", "page_up", "Page up", show=False, id="tree.page-up"),
        Binding("enter", "select_cursor", "Open", show=False, id="tree.open"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = Tree.COMPONENT_CLASSES | {
        "resource-tree--dim",
        "resource-tree--ok",
        "resource-tree--running",
        "resource-tree--failed",
        "resource-tree--track",
        "resource-tree--latest",
        "resource-tree--excluded",
        "resource-tree--eol",
        "resource-tree--cmk",
        "resource-tree--group",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("catalog", id=id)
        self.show_root = False
        self.guide_depth = 3
        self.now = datetime.now(UTC)
        self.end_of_life = DEFAULT_END_OF_LIFE_POLICY
        self.compact = False
        self._by_key: dict[tuple[str, int | str], TreeNode[NodeData]] = {}
        self._replicating_under: dict[tuple[str, int], int] = {}
        self._failed_under: dict[tuple[str, int], int] = {}
        self._jobs: list[JobFact] = []
        self._live: set[TreeNode[NodeData]] = set()
        self._shown: dict[int, tuple] = {}
        self._past_end_of_life: dict[int, bool] = {}
        self._counted: dict[int, int] = {}
        """Versions shown only as their definition's count until it opens: version pk → definition pk."""
        self._reveal_on_load: int | None = None
        """A counted version the cursor goes to once its definition's matches load."""

    def on_resize(self, event: events.Resize) -> None:
        """Compact when narrow, full again when wide: follows every resize, also one behind a dialog."""
        compact = event.size.width < COMPACT_BELOW
        if compact != self.compact:
            self.compact = compact
            self.guide_depth = 2 if compact else 3
            self._invalidate()

    def style_of(self, name: str) -> Style:
        return self.get_component_rich_style(f"resource-tree--{name}")

    # Building

    def rebuild(
        self,
        galleries: list[GallerySummary],
        definitions: dict[int, list[DefinitionSummary]],
        versions: dict[int, list[VersionSummary]],
        filtered: FilterResult | None = None,
    ) -> None:
        """Draw the whole tree; `definitions`/`versions` are children of open nodes, or a filter's matches."""
        self._rebuilding = True
        try:
            self._rebuild(galleries, definitions, versions, filtered)
        finally:
            self._rebuilding = False
            self._invalidate()

    def _rebuild(
        self,
        galleries: list[GallerySummary],
        definitions: dict[int, list[DefinitionSummary]],
        versions: dict[int, list[VersionSummary]],
        filtered: FilterResult | None,
    ) -> None:
        self.clear()
        self._by_key.clear()
        self._live.clear()
        self._counted.clear()
        self._reveal_on_load = None
        keep = filter_keep(filtered)
        shown = [g for g in galleries if keep is None or g.pk in keep["gallery"]]
        by_sub, by_rg = grouping(galleries)
        for gallery in shown:
            parent = self.root
            if by_sub:
                parent = self._group(parent, "subscription", gallery, gallery.subscription_name)
            if by_rg:
                parent = self._group(parent, "group", gallery, gallery.resource_group)
            node = parent.add(Text(gallery.name), NodeData("gallery", gallery.name, gallery.pk, gallery=gallery))
            self._by_key[("gallery", gallery.pk)] = node
            children = definitions.get(gallery.pk)
            if children is not None:
                if keep is not None:
                    children = [d for d in children if d.pk in keep["definition"]]
                self.add_definitions(gallery.pk, children, expand=True, partial=keep is not None)
        if filtered is not None:
            for definition_pk, matching in filtered.versions.items():
                self.add_versions(definition_pk, matching, complete=False)
            for definition_pk, pks in filtered.counted.items():
                self._count_matches(definition_pk, pks)
            if not filtered.paths:
                self._note(f"No resources match “{filtered.text}”")
            if filtered.truncated:
                self._note("… more matches: refine the filter")
        else:
            for definition_pk, found in versions.items():
                self.add_versions(definition_pk, found)
            if not galleries:
                self._note("No galleries to show: none exist yet, or none are shared with this identity.")

    def _note(self, text: str) -> None:
        self.root.add_leaf(Text(text), NodeData("more", text))

    def _group(self, parent: TreeNode[NodeData], kind: str, gallery: GallerySummary, label: str) -> TreeNode[NodeData]:
        rg = gallery.resource_group if kind == "group" else ""
        data = NodeData(kind, label, subscription=gallery.subscription, resource_group=rg, loaded=True)
        found = self._by_key.get(data.key)
        if found is None:
            found = parent.add(Text(label), data, expand=True)
            self._by_key[data.key] = found
        return found

    def add_definitions(
        self, gallery_pk: int, definitions: list[DefinitionSummary], expand: bool = False, partial: bool = False
    ) -> None:
        node = self._by_key.get(("gallery", gallery_pk))
        if node is None:
            return
        with self.changing(node):
            self._forget_children(node)
            node.data.loaded, node.data.opening = True, False
            for definition in definitions:
                child = node.add(
                    Text(definition.name), NodeData("definition", definition.name, definition.pk, definition=definition)
                )
                self._by_key[("definition", definition.pk)] = child
            if expand and (definitions or not partial):
                node.expand()

    def add_versions(self, definition_pk: int, versions: list[VersionSummary], complete: bool = True) -> None:
        """Open a definition on its versions; `complete` when they are all of them (a filter shows some)."""
        node = self._by_key.get(("definition", definition_pk))
        if node is None:
            return
        with self.changing(node):
            self._open_on_versions(node, versions, complete)
        pending = self._by_key.get(("version", self._reveal_on_load))
        if pending is not None and pending.parent is node:
            self._reveal_on_load = None
            self.call_after_refresh(self.move_to, pending)

    def _open_on_versions(self, node: TreeNode[NodeData], versions: list[VersionSummary], complete: bool) -> None:
        self._forget_children(node)
        data = node.data
        data.loaded, data.opening = True, False
        data.versions = list(versions)
        data.complete = complete
        data.name_width = max((len(v.name) for v in versions), default=0)
        data.latest_pk = next((v.pk for v in versions if v.name == data.latest_name), None)
        self._resolve_latest(data)
        for pk in data.matching:
            self._counted.pop(pk, None)
        self._add_chunk(node, versions, 0)
        node.expand()

    def _count_matches(self, definition_pk: int, pks: tuple[int, ...]) -> None:
        """Show a wide filter's matches as their definition's count; their rows load when it opens."""
        node = self._by_key.get(("definition", definition_pk))
        if node is not None:
            node.data.matching, node.data.complete = pks, False
            self._counted.update((pk, definition_pk) for pk in pks)

    def _forget_children(self, node: TreeNode[NodeData]) -> None:
        for child in node.children:
            self._forget_children(child)
            if child.data is not None:
                self._by_key.pop(child.data.key, None)
            self._live.discard(child)
        node.remove_children()

    def _add_chunk(self, node: TreeNode[NodeData], versions: list[VersionSummary], start: int) -> None:
        """Add children in chunks so that a definition with thousands of versions never stalls the screen."""
        width = node.data.name_width
        for summary in versions[start : start + CHUNK]:
            child = node.add_leaf(
                Text(summary.name), NodeData("version", summary.name, summary.pk, summary=summary, name_width=width)
            )
            self._by_key[("version", summary.pk)] = child
            if self._is_live(summary):
                self._live.add(child)
        if start + CHUNK < len(versions):
            self.call_after_refresh(self._add_later, node, versions, start + CHUNK)

    def _add_later(self, node: TreeNode[NodeData], versions: list[VersionSummary], start: int) -> None:
        with self.changing(node):
            self._add_chunk(node, versions, start)

    def _resolve_latest(self, data: NodeData) -> None:
        if data.definition is None or not data.complete:
            return
        resolution = resolve_latest([v.version for v in data.versions], data.definition.id, None, self.now,
                                    self.end_of_life)
        chosen = resolution.version
        data.latest_pk = next((v.pk for v in data.versions if chosen is not None and v.name == chosen.name), None)

    def partial_definitions(self) -> list[int]:
        """Definitions showing only some versions: their `latest` must come from the database."""
        return [
            pk
            for (kind, pk), n in self._by_key.items()
            if kind == "definition" and (n.data.loaded or n.data.matching) and not n.data.complete
        ]

    def set_latest(self, names: dict[int, str | None]) -> None:
        for definition_pk, name in names.items():
            node = self._by_key.get(("definition", definition_pk))
            if node is not None:
                node.data.latest_name = name
                node.data.latest_pk = next((v.pk for v in node.data.versions if v.name == name), None)
        self._invalidate()

    def replace_version(self, summary: VersionSummary) -> None:
        """Swap in a fresh summary (after a retry) and redraw it and its definition."""
        node = self._by_key.get(("version", summary.pk))
        if node is not None:
            node.data.summary = summary
            if self._is_live(summary):
                self._live.add(node)
        parent = self._by_key.get(("definition", summary.definition_pk))
        if parent is not None and parent.data.versions:
            parent.data.versions = [summary if v.pk == summary.pk else v for v in parent.data.versions]
        self.states_changed()

    # Finding nodes

    def open(self, node: TreeNode[NodeData]) -> None:
        """Expand `node`; one whose children are not read yet opens when they arrive, in the first frame after
        the key, and its line says loading… if they take longer than `LOADING_SHOWN_AFTER`."""
        data = node.data
        if data is not None and (data.children_unread or data.opening):
            self._request_children(node)
        else:
            with self.changing(node):
                node.expand()

    def _request_children(self, node: TreeNode[NodeData]) -> None:
        data = node.data
        data.loaded = data.opening = True
        self.set_timer(LOADING_SHOWN_AFTER, lambda: node.refresh() if data.opening else None)
        self.post_message(ChildrenRequested(data.kind, data.pk, data.matching))

    def children_failed(self, kind: str, pk: int) -> None:
        """Children that could not be read: the node is closed again, and opening it reads them anew."""
        node = self._by_key.get((kind, pk))
        if node is not None and node.data.opening:
            node.data.loaded = node.data.opening = False
            with self.changing(node):
                node.collapse()

    def _toggle_node(self, node: TreeNode[NodeData]) -> None:
        if node.allow_expand and not node.is_expanded:
            self.open(node)
        elif node.allow_expand:
            with self.changing(node):
                node.collapse()

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[NodeData]) -> None:
        """A node opened by other means than `open` reads its children too."""
        data = event.node.data
        if data is not None and data.children_unread:
            self._request_children(event.node)

    def node_for(self, kind: str, pk: int) -> TreeNode[NodeData] | None:
        return self._by_key.get((kind, pk))

    def expanded_keys(self) -> tuple[set[int], set[int]]:
        """The gallery and definition pks whose nodes are open, to reopen them after a reload."""
        opened = {key for key, n in self._by_key.items() if n.is_expanded or n.data.opening}
        galleries = {pk for kind, pk in opened if kind == "gallery"}
        definitions = {pk for kind, pk in opened if kind == "definition"}
        return galleries, definitions

    def action_expand_or_child(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and not node.is_expanded:
            self.open(node)
        elif node.is_expanded and node.children:
            self.move_to(node.children[0])

    def action_collapse_or_parent(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            with self.changing(node):
                node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_to(node.parent)

    def cursor_to_first_gallery(self) -> None:
        first = next((n for (kind, _), n in self._by_key.items() if kind == "gallery"), None)
        if first is not None:
            self.move_to(first)
        else:
            self.cursor_line = 0

    def reveal(self, kind: str, pk: int) -> bool:
        """Open the ancestors of a node and put the cursor on it."""
        if kind == "version" and pk in self._counted:
            definition = self._by_key[("definition", self._counted[pk])]
            self._reveal_on_load = pk
            self.reveal("definition", definition.data.pk)
            self.open(definition)
            return True
        node = self._by_key.get((kind, pk))
        if node is None:
            return False
        parent = node.parent
        while parent is not None and parent is not self.root:
            parent.expand()
            parent = parent.parent
        self.call_after_refresh(self.move_to, node)
        return True

    def move_to(self, node: TreeNode[NodeData]) -> None:
        """Put the cursor on a node, laying out lines first if nodes were just added or opened."""
        _ = self._tree_lines
        self.move_cursor(node, animate=False)
