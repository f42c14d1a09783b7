"""Workbench probes: first paint, expand and filter latency, CPU while replicating and idle.

Modes: `paint DB` and `bare` exit right after the first paint that shows content; `interact DB TEXT` and
`cpu DB LIVE_DB` print a `METRICS {json}` line.
"""

import asyncio
import json
import os
import sqlite3
import statistics
import sys
import time
from datetime import UTC, datetime

import floors

STARTED = time.perf_counter()
SIZE = (120, 40)
WINDOW = float(os.environ.get("SIGTUI_BENCH_WINDOW", "5"))


def peak_mb() -> float:
    """This process's own peak resident memory (VmHWM; `ru_maxrss` would count the parent before exec)."""
    with open("/proc/self/status") as status:
        line = next(x for x in status if x.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def done(metrics: dict) -> None:
    print("METRICS " + json.dumps(metrics), flush=True)
    os._exit(0)


def painted_app(base):
    """A subclass that notes every frame the driver would write."""

    class Painted(base):
        condition = None
        condition_met_at: float | None = None

        def _display(self, screen, renderable):
            if renderable is not None:
                if self.first_content():
                    done({"first_paint_s": time.perf_counter() - STARTED, "peak_mb": peak_mb()})
                if self.condition is not None and self.condition_met_at is None and self.condition():
                    self.condition_met_at = time.perf_counter()
            return super()._display(screen, renderable)

        def first_content(self) -> bool:
            return False

    return Painted


def bare() -> None:
    from textual.app import App
    from textual.widgets import Static

    class Bare(painted_app(App)):
        def compose(self):
            yield Static("sigtui")

        def first_content(self) -> bool:
            return True

    Bare().run(headless=True, size=SIZE)


def sigtui_app(db: str, **kwargs):
    from sigtui.tui.app import SigtuiApp

    class Probe(painted_app(SigtuiApp)):
        ticks = 0
        paint_exits = False

        def first_content(self) -> bool:
            return self.paint_exits and bool(self.screen_stack) and bool(tree_of(self).root.children)

        def get_default_screen(self):
            screen = super().get_default_screen()
            if self.opening:
                return screen
            tick = screen.clock.tick

            def counted() -> None:
                type(self).ticks += 1
                tick()

            screen.clock.tick = counted
            return screen

    return Probe(db, **kwargs)


def tree_of(app):
    """The workbench's resource tree."""
    return app.screen_stack[0].resource_tree


def paint(db: str) -> None:
    """Started as `sigtui` starts in a terminal: its first screen, then the workbench."""
    app = sigtui_app(db, opening=True)
    app.paint_exits = True
    app.run(headless=True, size=SIZE)


async def settle(pilot) -> None:
    app = pilot.app
    for _ in range(8):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not [w for w in app.workers if w.is_running]:
            return


async def key_to_paint(pilot, key: str, condition) -> float:
    """Seconds from pressing `key` to the first frame drawn once `condition` holds."""
    app = pilot.app
    await floors.quiet(pilot)
    app.condition, app.condition_met_at = condition, None
    start = time.perf_counter()
    await pilot.press(key)
    while app.condition_met_at is None:
        await asyncio.sleep(0.001)
    app.condition = None
    return app.condition_met_at - start


def first_of(app, kind: str):
    return next(n for n in tree_of(app)._by_key.values() if n.data is not None and n.data.kind == kind)


async def expand_timed(pilot, node) -> float:
    tree_of(pilot.app).move_to(node)
    await settle(pilot)
    return await key_to_paint(pilot, "l", lambda: node.data.loaded and bool(node.children) and node.is_expanded)


async def reveal_galleries(pilot) -> None:
    app = pilot.app
    for kind in ("subscription", "group"):
        for node in [n for n in tree_of(app)._by_key.values() if n.data and n.data.kind == kind]:
            node.expand()
        await settle(pilot)


async def sigtui_expand(db: str) -> tuple[float, float]:
    """Open a gallery then its first definition in sigtui, and the same two steps on a bare `Tree`."""
    app = sigtui_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await reveal_galleries(pilot)
        gallery = first_of(app, "gallery")
        start, path = floors.shape_of(tree_of(app).root), floors.path_of(gallery)
        elapsed = await expand_timed(pilot, gallery)
        gallery_children = floors.shape_of(gallery)
        definition = gallery.children[0]
        elapsed += await expand_timed(pilot, definition)
        definition_children = floors.shape_of(definition)
    steps = [floors.expand_step(path, gallery_children), floors.expand_step([*path, 0], definition_children)]
    return elapsed, await floors.tree_key_to_paint(start, steps, SIZE)


async def sigtui_filter(db: str, text: str) -> tuple[float, float, float]:
    """Filter for `text` in sigtui; the same change of visible nodes on a bare `Tree`; the filter's SQL alone."""
    app = sigtui_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        start = floors.shape_of(tree_of(app).root)
        await pilot.press("slash")
        await settle(pilot)
        await pilot.press(*text)
        elapsed = await key_to_paint(
            pilot, "enter", lambda: app.screen_stack[0].tree_pane.border_title == f"Filter: {text}"
        )
        await settle(pilot)
        result = floors.shape_of(tree_of(app).root)
    tree_floor = await floors.tree_key_to_paint(start, [floors.replace_step(result)], SIZE)
    return elapsed, tree_floor, filter_sql(db, text)


def filter_sql(db: str, text: str, repeat: int = 5) -> float:
    """Seconds the filter's own SQL takes on a bare sqlite3 connection (median of `repeat`)."""
    from sigtui.store.reads.filtering import filter_paths

    raw, now, samples = sqlite3.connect(db), datetime.now(UTC), []
    for _ in range(repeat):
        start = time.perf_counter()
        filter_paths(raw, text, now)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


async def interact(db: str, text: str) -> None:
    expand, expand_floor = await sigtui_expand(db)
    filtered, tree_floor, sql_floor = await sigtui_filter(db, text)
    peak = peak_mb()
    done(
        {
            "expand_ms": expand * 1000,
            "expand_floor_ms": expand_floor * 1000,
            "filter_ms": filtered * 1000,
            "filter_floor_ms": sql_floor * 1000,
            "filter_tree_floor_ms": tree_floor * 1000,
            "peak_mb": peak,
        }
    )


async def cpu_window(pilot) -> tuple[float, float]:
    """Percent of one core and ticks per second over the window."""
    app = pilot.app
    ticks = getattr(type(app), "ticks", 0)
    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.sleep(WINDOW)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return 100 * cpu / wall, (getattr(type(app), "ticks", 0) - ticks) / wall


async def cpu(db: str, live_db: str) -> None:
    from textual.app import App
    from textual.widgets import Static

    class Bare(App):
        def compose(self):
            yield Static("sigtui")

    async with Bare().run_test(size=SIZE) as pilot:
        await pilot.pause()
        bare_idle, _ = await cpu_window(pilot)
    app = sigtui_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await reveal_galleries(pilot)
        idle, _ = await cpu_window(pilot)
    bars_pct, bars_hz = await floors.line_bars(WINDOW, SIZE)
    live, hz = await live_bars(live_db)
    done(
        {
            "live_pct": live,
            "live_hz": hz,
            "bars_floor_pct": bars_pct,
            "bars_floor_hz": bars_hz,
            "idle_pct": idle,
            "bare_idle_pct": bare_idle,
        }
    )


async def live_bars(live_db: str) -> tuple[float, float]:
    """Percent of one core and clock ticks per second while 200 regions replicate, every bar open."""
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
    import dbs

    dbs.restart_live(live_db)
    app = sigtui_app(live_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await reveal_galleries(pilot)
        for kind in ("gallery", "definition"):
            for node in [n for n in tree_of(app)._by_key.values() if n.data and n.data.kind == kind]:
                node.expand()
            await settle(pilot)
        version = first_of(app, "version")
        tree_of(app).move_to(version)
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        return await cpu_window(pilot)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "bare":
        bare()
    elif mode == "paint":
        paint(sys.argv[2])
    elif mode == "interact":
        asyncio.run(interact(sys.argv[2], sys.argv[3]))
    else:
        asyncio.run(cpu(sys.argv[2], sys.argv[3]))
