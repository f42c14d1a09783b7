"""How the resource tree lays out its lines when one node opens, closes or gets new children: only that node's
lines are laid out again and spliced in, where Textual's `Tree._build` walks every line of the tree, and the lines
that only moved are not drawn again. The results must equal `_build`'s and a fresh drawing's (tests hold them
equal); they rely on the pinned Textual's private `_TreeLine`, `_line`, `_updates` and line drawing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.geometry import Size
from textual.strip import Strip
from textual.widgets._tree import _TreeLine
from textual.widgets.tree import TreeNode

from .tree_nodes import NodeData


class TreeLines:
    """Mixed into the resource tree, before Textual's `Tree`."""

    _rebuilding = False
    """True while the whole tree is drawn again: its changes invalidate nothing until the end."""
    _changing_node: TreeNode[NodeData] | None = None
    """The node whose own lines are being changed, under `changing`."""
    _drawn: LRUCache | None = None
    """Lines as drawn, by what their drawing depends on except their number: a line that moved (a node above it
    opened or closed) takes its drawing with it. Emptied whenever Textual empties its own line cache, except for a
    splice."""

    def _invalidate(self) -> None:
        """Drop the cached lines; while the whole tree is rebuilt, or while one node changes under `changing`,
        one refresh at the end stands for every change's."""
        if self._rebuilding or self._changing_node is not None:
            self._clear_line_cache()
            return
        super()._invalidate()

    def _clear_line_cache(self) -> None:
        super()._clear_line_cache()
        if self._changing_node is None and self._drawn is not None:
            self._drawn.clear()

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        lines = self._tree_lines
        if y >= len(lines):
            return super()._render_line(y, x1, x2, base_style)
        line = lines[y]
        key = (
            line.node,
            line.last,
            tuple(node._updates for node in line.path),
            self._pseudo_class_state,
            self.cursor_line == y,
            self.hover_line == y,
            x1,
            min(x2, max(self.virtual_size.width, self.size.width)),
            base_style,
        )
        drawn = self._drawn
        if drawn is None:
            drawn = self._drawn = LRUCache(1024)
        found = drawn.get(key)
        if found is not None:
            at, strip = found
            if at != y:
                strip = _moved(strip, y)
                drawn.set(key, (y, strip))
            return strip
        strip = super()._render_line(y, x1, x2, base_style)
        drawn.set(key, (y, strip))
        return strip

    @contextmanager
    def changing(self, node: TreeNode[NodeData]) -> Iterator[None]:
        """Change `node` (open it, close it, add or remove its children) and lay out only its lines afterwards;
        the changes inside must stay below `node`. A node not on a laid-out line falls back to a full layout."""
        lines = self._tree_lines_cached
        index = node._line
        if (
            self._rebuilding
            or self._changing_node is not None
            or lines is None
            or not 0 <= index < len(lines)
            or lines[index].node is not node
        ):
            yield
            return
        self._changing_node = node
        try:
            yield
        finally:
            self._changing_node = None
            self._splice(lines, index)

    def _splice(self, lines: list[_TreeLine[NodeData]], index: int) -> None:
        """Replace the lines of the node at `index` (its own and its descendants') with fresh ones."""
        line = lines[index]
        depth = len(line.path)
        end = index + 1
        while end < len(lines) and len(lines[end].path) > depth:
            end += 1
        fresh: list[_TreeLine[NodeData]] = []
        self._lay_out(fresh, line.path[:-1], line.node, line.last, index)
        removed_width = max(self._line_width(old) for old in lines[index:end])
        lines[index:end] = fresh
        if len(fresh) != end - index:
            for number in range(index + len(fresh), len(lines)):
                lines[number].path[-1]._line = number
        width = self.virtual_size.width
        fresh_width = max(self._line_width(new) for new in fresh)
        if fresh_width >= width:
            width = fresh_width
        elif removed_width >= width:
            width = max(self._line_width(each) for each in lines)
        self._line_cache.clear()
        line.node._updates += 1
        self.root._reset()
        self._tree_lines_cached = lines
        self.virtual_size = Size(width, len(lines))
        if self.cursor_line != -1:
            if self.cursor_node is not None:
                self.cursor_line = self.cursor_node._line
            if self.cursor_line >= len(lines):
                self.cursor_line = -1
        self.refresh(layout=True)

    def _lay_out(
        self,
        lines: list[_TreeLine[NodeData]],
        path: list[TreeNode[NodeData]],
        node: TreeNode[NodeData],
        last: bool,
        offset: int,
    ) -> None:
        """Append the lines of `node` and its open descendants, as `Tree._build` lays them out."""
        own = [*path, node]
        node._line = offset + len(lines)
        lines.append(_TreeLine(own, last))
        if node._expanded:
            children = node._children
            for position, child in enumerate(children, 1):
                self._lay_out(lines, own, child, position == len(children), offset)

    def _line_width(self, line: _TreeLine[NodeData]) -> int:
        return self.get_label_width(line.node) + line._get_guide_width(self.guide_depth, self.show_root)


def _moved(strip: Strip, y: int) -> Strip:
    """A line drawn at another number, now at `y`: the same segments, telling the mouse their new line."""
    number = Style(meta={"line": y})
    return Strip([Segment(text, style + number, control) for text, style, control in strip], strip.cell_length)
