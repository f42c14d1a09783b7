"""How the resource tree draws its lines: a version's name, state and the badges that fit, and a gallery's or
definition's counts and live roll-ups."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets.tree import TreeNode

from ...domain.models import AggregatedState
from ...domain.wording import counted
from ..render import bar_text, percent, version_state
from .tree_nodes import NodeData, badges, fit_badges

STATE_WIDTH = 12


class TreeLabels:
    """Mixed into the resource tree: needs its `now`, `compact`, `_by_key`, roll-up counts and styles."""

    def get_label_width(self, node: TreeNode[NodeData]) -> int:
        data = node.data
        if data is None:
            return 0
        if data.kind == "version":
            return data.name_width + STATE_WIDTH + 24
        return len(data.name) + 20

    def render_label(self, node: TreeNode[NodeData], base_style: Style, style: Style) -> Text:
        data = node.data
        if data is None:
            return Text("")
        prefix = Text()
        if node.allow_expand:
            prefix.append(self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE, base_style)
        if data.kind == "version":
            label = self._version_label(node)
        elif data.kind in ("gallery", "definition"):
            label = self._parent_label(data, node)
        elif data.kind in ("more", "loading"):
            label = Text(data.name, self.style_of("dim"))
        else:
            label = Text(data.name, self.style_of("group"))
        label.stylize(style)
        return prefix + label

    def _parent_label(self, data: NodeData, node: TreeNode[NodeData]) -> Text:
        text = Text(data.name)
        dim = self.style_of("dim")
        if data.kind == "gallery" and data.gallery is not None:
            count = data.gallery.definition_count
            text.append("  " + counted(count, "image"), dim)
            running, failed = self._replicating_under.get(data.key, 0), self._failed_under.get(data.key, 0)
        elif data.definition is not None:
            count = data.definition.version_count
            text.append("  " + counted(count, "version"), dim)
            matches = len(data.matching or data.versions)
            if not data.complete and matches and not node.is_expanded:
                text.append(f" · {matches} matching", dim)
            running, failed = self._replicating_under.get(data.key, 0), self._failed_under.get(data.key, 0)
        else:
            running = failed = 0
        if running:
            text.append(f" ↻{running}", self.style_of("running"))
        if failed:
            text.append(f" ✗{failed}", self.style_of("failed"))
        return text

    def _version_label(self, node: TreeNode[NodeData]) -> Text:
        """Name, state and the badges that fit the line (`latest` first, abbreviated when the tree is narrow)."""
        data = node.data
        summary = data.summary
        text = Text(summary.name.ljust(data.name_width + 1))
        aggregated, provisioning, fraction = version_state(summary.version, self.now)
        state = self._state_cell(aggregated, provisioning, fraction)
        parent = self._by_key.get(("definition", summary.definition_pk))
        latest = parent is not None and parent.data.latest_pk == data.pk
        found = badges(summary.version, latest, self.now)
        room = self._room(node, text.cell_len + state.cell_len)
        if found and room is not None and room <= len(found[0].short):
            state.rstrip()
            room = self._room(node, text.cell_len + state.cell_len)
        text.append_text(state)
        for badge, style in fit_badges(found, room):
            text.append(" ")
            text.append(badge, self.style_of(style))
        return text

    def _room(self, node: TreeNode[NodeData], used: int) -> int | None:
        """Cells left on the node's line after its guides and `used` label cells (None before layout)."""
        width = self.scrollable_content_region.width
        if width <= 0:
            return None
        depth, parent = 0, node.parent
        while parent is not None and parent is not self.root:
            depth, parent = depth + 1, parent.parent
        return width - depth * self.guide_depth - used

    def _state_cell(self, aggregated: AggregatedState, provisioning: str, fraction: float) -> Text:
        width = 4 if self.compact else STATE_WIDTH
        if aggregated is AggregatedState.COMPLETED:
            return Text("✓".ljust(2) + ("" if self.compact else "Succeeded").ljust(width - 2), self.style_of("ok"))
        if aggregated is AggregatedState.FAILED:
            return Text("✗".ljust(2) + ("" if self.compact else provisioning).ljust(width - 2), self.style_of("failed"))
        if self.compact:
            return Text(percent(fraction), self.style_of("running"))
        bar = bar_text(fraction, width - 5, self.style_of("running"), self.style_of("track"))
        return bar + Text(" " + percent(fraction), self.style_of("running"))
