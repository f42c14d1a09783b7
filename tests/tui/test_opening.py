"""Started in a terminal, sigtui paints the galleries on a first screen before it builds the workbench, which then
takes that screen's place showing the same galleries."""

from __future__ import annotations

import subprocess
import sys

from sigtui.tui.screens.opening import OpeningScreen
from sigtui.tui.workbench import WorkbenchScreen

from .conftest import SIZE
from .helpers import settle, tree_text
from .scale import build_scale_db


def _outline(tree, name) -> list[tuple[int, str]]:
    """Each shown line's depth and name."""
    return [(len(line.path), name(line.node)) for line in tree._tree_lines]


async def test_the_first_screen_shows_the_galleries_then_the_workbench_takes_its_place(make_app):
    app = make_app(opening=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        opening = app._screen_stacks["_default"][0]
        assert isinstance(opening, OpeningScreen)
        first = _outline(opening.resource_tree, lambda node: str(node.label).split("  ")[0])
        assert (3, "ContosoImages") in first
        assert isinstance(app.screen, WorkbenchScreen) and app.screen_stack[0] is app.screen
        shown = _outline(app.screen.resource_tree, lambda node: node.data.name)
        assert [line for line in shown if line[0] <= 3] == first
        await pilot.press("slash")
        await settle(pilot)
        await pilot.press(*"ubuntu", "enter")
        await settle(pilot)
        assert "ubuntu" in tree_text(app)


async def test_the_first_screen_draws_the_galleries_its_screen_has_lines_for(make_app, demo_template, tmp_path):
    app = make_app(db_path=build_scale_db(demo_template[0], tmp_path / "scale.db"), opening=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        opening = app._screen_stacks["_default"][0]
        first = _outline(opening.resource_tree, lambda node: str(node.label).split("  ")[0])
        assert len(first) == SIZE[1]
        shown = _outline(app.screen.resource_tree, lambda node: node.data.name)
        assert len(shown) > 100
        assert [line for line in shown if line[0] <= 3][: len(first)] == first


def test_the_first_screen_is_painted_without_importing_the_workbench():
    code = (
        "import sys, sigtui.tui.app, sigtui.tui.screens.opening\n"
        "print(' '.join(m for m in sys.modules if m.startswith('sigtui')))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(run.stdout.split())
    assert "sigtui.tui.screens.opening" in loaded
    assert not {"sigtui.tui.workbench", "sigtui.tui.widgets.resource_tree", "sigtui.domain.models"} & loaded


async def test_a_database_the_first_screen_cannot_read_still_opens_the_workbench(make_app, tmp_path):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"not a database")
    app = make_app(db_path=broken, opening=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app._screen_stacks["_default"][0], OpeningScreen)
        assert any(isinstance(screen, WorkbenchScreen) for screen in app.screen_stack)
