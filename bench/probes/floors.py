"""Floors for the workbench's figures: bare Textual widgets doing the same visible work by the most direct means.

A tree's shape is a list of `(label, expanded, children)`; only expanded nodes carry their children.
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Callable

Shape = list[tuple[str, bool, list]]
LINES = 200
HZ = 10


def shape_of(node) -> Shape:
    """The visible shape below a Textual `TreeNode`: labels as plain text, children of expanded nodes only."""
    return [
        (str(child.label), child.is_expanded, shape_of(child) if child.is_expanded else []) for child in node.children
    ]


def path_of(node) -> list[int]:
    """The node's position below the root, as child indexes."""
    path = []
    while node.parent is not None:
        path.append(node.parent.children.index(node))
        node = node.parent
    return path[::-1]


async def quiet(pilot) -> None:
    """Wait until the frames the last change asked for are drawn (a scroll bar's follows its widget's a frame
    later), so that a timed key starts on a quiet screen, as a person's key does, not behind the frame limiter;
    and collect what the steps before left, so that a full collection they made due does not land in the key's
    time (at 100,000 versions one takes about 40 ms)."""
    from textual import constants

    await pilot.pause()
    await asyncio.sleep(2 / constants.MAX_FPS)
    await pilot.pause()
    gc.collect()


def fill(node, shape: Shape) -> None:
    for label, expanded, children in shape:
        child = node.add(label, expand=expanded)
        fill(child, children)


def bare_tree_app(start: Shape, on_key: Callable):
    """A bare `Tree` showing `start`; pressing `l` calls `on_key(tree)`; `painted` notes the first frame after."""
    from textual.app import App
    from textual.widgets import Tree

    class BareTree(App):
        BINDINGS = [("l", "step", "Step")]  # noqa: RUF012
        waiting = False
        painted_at: float | None = None

        def compose(self):
            tree = Tree("catalog")
            tree.show_root = False
            fill(tree.root, start)
            yield tree

        def action_step(self) -> None:
            on_key(self.query_one(Tree))
            self.waiting = True
            self.painted_at = None

        def _display(self, screen, renderable):
            if renderable is not None and self.waiting:
                self.waiting, self.painted_at = False, time.perf_counter()
            return super()._display(screen, renderable)

    return BareTree()


async def tree_key_to_paint(start: Shape, steps: list[Callable], size: tuple[int, int]) -> float:
    """Seconds from pressing `l` to the next frame, summed over `steps` (each changes the bare tree once)."""
    pending = list(steps)
    app = bare_tree_app(start, lambda tree: pending.pop(0)(tree))
    total = 0.0
    async with app.run_test(size=size) as pilot:
        for _ in steps:
            await quiet(pilot)
            started = time.perf_counter()
            await pilot.press("l")
            while app.painted_at is None:
                await asyncio.sleep(0.001)
            total += app.painted_at - started
    return total


def expand_step(path: list[int], children: Shape) -> Callable:
    """Add `children` below the node at `path` and expand it: what opening a node does, without a database."""

    def step(tree) -> None:
        node = tree.root
        for index in path:
            node = node.children[index]
        fill(node, children)
        node.expand()

    return step


def replace_step(shape: Shape) -> Callable:
    """Show `shape` instead of the whole tree: what a filter's result does, without a database."""

    def step(tree) -> None:
        tree.clear()
        fill(tree.root, shape)

    return step


async def line_bars(window: float, size: tuple[int, int]) -> tuple[float, float]:
    """Percent of one core and repaints per second of a bare Line-API widget repainting 200 changing bars at 10 Hz."""
    from rich.segment import Segment
    from textual.app import App
    from textual.geometry import Size
    from textual.scroll_view import ScrollView
    from textual.strip import Strip

    class Bars(ScrollView):
        tick = 0

        def on_mount(self) -> None:
            self.virtual_size = Size(60, LINES)
            self.set_interval(1 / HZ, self.advance)

        def advance(self) -> None:
            self.tick += 1
            self.refresh()

        def render_line(self, y: int) -> Strip:
            line = y + int(self.scroll_y)
            filled = (self.tick + line) % 40
            return Strip(
                [Segment(f"region-{line:03d} " + "█" * filled + "░" * (40 - filled) + f" {filled * 2.5:5.1f}%")]
            )

    class BarsApp(App):
        def compose(self):
            yield Bars()

    app = BarsApp()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        bars = app.query_one(Bars)
        ticks, cpu, wall = bars.tick, time.process_time(), time.perf_counter()
        await asyncio.sleep(window)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        return 100 * cpu / wall, (bars.tick - ticks) / wall
