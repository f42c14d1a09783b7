"""How the resource tree draws its lines: a version's name, state and the badges that fit, and a gallery's or
definition's counts and live roll-ups."""

from __future__ import annotations

from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets.tree import TreeNode

from ...domain.models import AggregatedState
from ...domain.wording import counted
from ..render import bar_segments, mean_progress, percent, version_state
from .tree_nodes import NodeData, badges, fit_badges

STATE_WIDTH = 12
SETTLED = (AggregatedState.COMPLETED, AggregatedState.FAILED)


class TreeLabels:
    """Mixed into the resource tree: needs its `now`, `compact`, `_by_key`, roll-up counts and styles."""

    _drawing = False
    """True while the tree draws its lines (one pass)."""
    _pass_view: tuple[int, int, int, Style] | None = None
    """The width, scroll offset and own style of the tree, the same for every line of a pass: worked out at the
    pass's first line drawn."""

    _pass_styles: dict[tuple[str, ...], object] | None = None
    """The component styles asked for during a pass (Textual's `_render_line` asks three for every line)."""

    def render_lines(self, crop: Region) -> list[Strip]:
        self._drawing, self._pass_styles = True, {}
        try:
            return super().render_lines(crop)
        finally:
            self._drawing, self._pass_view, self._pass_styles = False, None, None

    def get_component_styles(self, *names: str):
        styles = self._pass_styles
        if styles is None:
            return super().get_component_styles(*names)
        found = styles.get(names)
        if found is None:
            found = styles[names] = super().get_component_styles(*names)
        return found

    def _view(self) -> tuple[int, int, int, Style]:
        view = self._pass_view
        if view is None:
            view = (self.size.width, *self.scroll_offset, self.rich_style)
            if self._drawing:
                self._pass_view = view
        return view

    def render_line(self, y: int) -> Strip:
        """The tree's line, from its cache while the node is unchanged, with a moving bar's cells drawn afresh
        over it: a bar moving costs those cells, not the whole line."""
        width, scroll_x, scroll_y, base = self._view()
        line = y + scroll_y
        strip = self._render_line(line, scroll_x, scroll_x + width, base)
        node = self.get_node_at_line(line)
        bar_at = None if node is None or node.data is None else node.data.bar_at
        if bar_at is None:
            return strip
        fraction = mean_progress(node.data.summary.version, self.now)
        line_style, label_style = self._line_styles(node, line, base)
        cells = [Segment(cell.text, line_style + cell.style + label_style) for cell in self._progress_cells(fraction)]
        return _overlay(strip, cells, self._depth(node) * self.guide_depth + bar_at - scroll_x)

    def _line_styles(self, node: TreeNode[NodeData], line: int, base: Style) -> tuple[Style, Style]:
        """The line style and the label style (with the node's meta) that `Tree._render_line` draws this line
        with: the highlights of a hovered line and of the cursor's."""
        hover = self.hover_line
        line_style = base
        if hover >= 0:
            path, parent = [node], node.parent
            while parent is not None:
                path, parent = [*path, parent], parent.parent
            if any(n._hover for n in path):
                line_style = self.get_component_rich_style("tree--highlight-line")
        line_style += meta_style("line", line)
        label_style = self.get_component_rich_style("tree--label", partial=True)
        if hover == line:
            label_style += self.get_component_rich_style("tree--highlight", partial=True)
        if self.cursor_line == line:
            label_style += self.get_component_rich_style("tree--cursor", partial=False)
        return line_style, label_style + meta_style("node", node.id)

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
            prefix.append(self.ICON_NODE_EXPANDED if node.is_expanded or data.opening else self.ICON_NODE, base_style)
        if data.kind == "version":
            label = self._version_label(node)
        elif data.kind in ("gallery", "definition"):
            label = self._parent_label(data, node)
        elif data.kind == "more":
            label = Text(data.name, self.style_of("dim"))
        else:
            label = Text(data.name, self.style_of("group"))
        if data.opening:
            label.append(" loading…", self.style_of("dim"))
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
        data.bar_at = None if aggregated in SETTLED else text.cell_len
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
        return width - self._depth(node) * self.guide_depth - used

    def _depth(self, node: TreeNode[NodeData]) -> int:
        """How many guides come before the node's label: its ancestors below the (hidden) root."""
        depth, parent = 0, node.parent
        while parent is not None and parent is not self.root:
            depth, parent = depth + 1, parent.parent
        return depth

    def _state_cell(self, aggregated: AggregatedState, provisioning: str, fraction: float) -> Text:
        width = 4 if self.compact else STATE_WIDTH
        if aggregated is AggregatedState.COMPLETED:
            return Text("✓".ljust(2) + ("" if self.compact else "Succeeded").ljust(width - 2), self.style_of("ok"))
        if aggregated is AggregatedState.FAILED:
            return Text("✗".ljust(2) + ("" if self.compact else provisioning).ljust(width - 2), self.style_of("failed"))
        return Text.assemble(*((cell.text, cell.style) for cell in self._progress_cells(fraction)))

    def _progress_cells(self, fraction: float) -> tuple[Segment, ...]:
        """A replicating version's state cell: its bar and percent, or its percent alone when compact."""
        cells = 0 if self.compact else STATE_WIDTH - 5
        return progress_cells(
            self.style_of("running"), self.style_of("track"), cells, round(fraction * cells * 8), percent(fraction)
        )


@lru_cache(maxsize=4096)
def meta_style(name: str, value: int) -> Style:
    """A style carrying one item of meta data (the tree marks lines and nodes with these for the mouse)."""
    return Style(meta={name: value})


@lru_cache(maxsize=1024)
def progress_cells(running: Style, track: Style, cells: int, eighths: int, shown: str) -> tuple[Segment, ...]:
    """A bar `cells` wide filled to `eighths` eighths, then the percent `shown`; each look is drawn once."""
    if not cells:
        return (Segment(shown, running),)
    return (*bar_segments(eighths / (cells * 8), cells, running, track), Segment(" " + shown, running))


def _overlay(strip: Strip, cells: list[Segment], x: int) -> Strip:
    """`strip` with `cells` drawn over it from column `x`, clipped to its width."""
    width = strip.cell_length
    drawn = Strip(cells)
    start, end = max(0, x), min(width, x + drawn.cell_length)
    if start >= end:
        return strip
    drawn = drawn.crop(start - x, end - x)
    return Strip.join([strip.crop(0, start), drawn, strip.crop(end, width)])
