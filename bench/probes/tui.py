"""Workbench probes: first paint, expand and filter latency, CPU while replicating and idle.

Modes: `paint DB` and `bare` exit right after the first paint that shows content; `interact DB TEXT` and
`cpu DB LIVE_DB` print a `METRICS {json}` line.
"""

import asyncio
import json
import os
import sqlite3
import sys
import time

STARTED = time.perf_counter()
SIZE = (120, 40)
WINDOW = 5.0


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
    app = sigtui_app(db)
    app.paint_exits = True
    app.run(headless=True, size=SIZE)


async def settle(pilot) -> None:
    app = pilot.app
    for _ in range(8):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not [w for w in app.workers if w.is_running and w.group != "services"]:
            return


async def key_to_paint(pilot, key: str, condition) -> float:
    """Seconds from pressing `key` to the first frame drawn once `condition` holds."""
    app = pilot.app
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


async def interact(db: str, text: str) -> None:
    app = sigtui_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await reveal_galleries(pilot)
        gallery = first_of(app, "gallery")
        first = await expand_timed(pilot, gallery)
        definition = gallery.children[0]
        second = await expand_timed(pilot, definition)
        raw = sqlite3.connect(db)
        start = time.perf_counter()
        raw.execute(
            "SELECT id, name, publisher, offer, sku FROM image_definition WHERE gallery_id = ?", (gallery.data.pk,)
        ).fetchall()
        raw.execute(
            "SELECT v.id, v.name, t.region, t.started_at, t.duration_s FROM image_version v JOIN target_region "
            "t ON t.version_id = v.id WHERE v.definition_id = ?",
            (definition.data.pk,),
        ).fetchall()
        expand_floor = time.perf_counter() - start
    app = sigtui_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        await pilot.press(*text)
        filtered = await key_to_paint(
            pilot, "enter", lambda: app.screen_stack[0].tree_pane.border_title == f"Filter: {text}"
        )
        start = time.perf_counter()
        raw.execute(
            "SELECT v.id, d.id, g.id FROM image_version v JOIN image_definition d ON d.id = v.definition_id "
            "JOIN gallery g ON g.id = d.gallery_id WHERE v.name LIKE :t OR d.name LIKE :t OR d.offer LIKE :t "
            "OR g.name LIKE :t LIMIT 1000",
            {"t": f"%{text}%"},
        ).fetchall()
        filter_floor = time.perf_counter() - start
    done(
        {
            "expand_ms": (first + second) * 1000,
            "expand_floor_ms": expand_floor * 1000,
            "filter_ms": filtered * 1000,
            "filter_floor_ms": filter_floor * 1000,
            "peak_mb": peak_mb(),
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
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
    import dbs

    dbs.restart_live(live_db)
    app = sigtui_app(live_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await reveal_galleries(pilot)
        for node in [n for n in tree_of(app)._by_key.values() if n.data and n.data.kind == "gallery"]:
            node.expand()
        await settle(pilot)
        for node in [n for n in tree_of(app)._by_key.values() if n.data and n.data.kind == "definition"]:
            node.expand()
        await settle(pilot)
        version = first_of(app, "version")
        tree_of(app).move_to(version)
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        live, hz = await cpu_window(pilot)
    done({"live_pct": live, "live_hz": hz, "idle_pct": idle, "bare_idle_pct": bare_idle})


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
