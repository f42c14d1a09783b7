"""Live replication: bars and states follow the (fake) clock; the app idles when nothing replicates."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Tree

from .conftest import SIZE
from .helpers import open_path, settle, tree_text, workbench


def version_line(app, name: str) -> str:
    return next(line for line in tree_text(app).splitlines() if line.strip().startswith(name + " "))


def rows(app) -> dict[str, tuple[str, float]]:
    table = workbench(app).details.table
    return {row.label: (row.state(table.now), row.fraction(table.now)) for row in table.rows}


async def test_bars_and_states_move_with_the_clock(make_app, fake_time):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "ubuntu-web", "1.3.0")
        await pilot.press("2")
        await settle(pilot)
        assert workbench(app).clock.ticking
        before = rows(app)
        assert before["West US"][0] == "Completed"
        assert before["East US"][0] == "Replicating"
        line_before = version_line(app, "1.3.0")

        fake_time.advance(20)
        await pilot.pause(0.3)
        after = rows(app)
        assert after["East US"][1] > before["East US"][1]
        assert version_line(app, "1.3.0") != line_before

        fake_time.advance(400)
        await pilot.pause(0.3)
        await settle(pilot)
        assert {state for state, _ in rows(app).values()} == {"Completed"}
        assert "✓ Succeeded" in version_line(app, "1.3.0")
        assert "latest" in version_line(app, "1.3.0")
        assert not workbench(app).clock.ticking
        assert "replicating" not in str(workbench(app).status.render())


async def test_no_periodic_work_when_nothing_replicates(make_app, fake_time):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert workbench(app).clock.ticking
        fake_time.advance(1000)
        await pilot.pause(0.3)
        assert not workbench(app).clock.ticking
        assert workbench(app).clock.wake is None


async def test_the_status_bar_clock_moves_every_second_while_nothing_replicates(make_app, fake_time):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        fake_time.advance(1000)
        await pilot.pause(0.3)
        status = workbench(app).status
        assert not workbench(app).clock.ticking
        shown = str(status.render())
        fake_time.advance(7)
        await pilot.pause(2.5)
        assert str(status.render()) != shown, "the clock moved"
        await pilot.press("space")
        await settle(pilot)
        paused = str(status.render())
        fake_time.advance(7)
        await pilot.pause(2.5)
        assert str(status.render()) == paused, "a paused clock stands still"


async def test_space_pauses_and_resumes_the_clock(make_app, fake_time):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        assert workbench(app).clock.state.paused
        assert not workbench(app).clock.ticking
        frozen = workbench(app).clock.now()
        fake_time.advance(100)
        assert workbench(app).clock.now() == frozen
        assert "paused" in str(workbench(app).status.render())
        await pilot.press("space")
        await settle(pilot)
        assert not workbench(app).clock.state.paused
        assert workbench(app).clock.ticking


async def test_bracket_advances_ten_minutes_and_plus_minus_change_speed(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = workbench(app).clock.now()
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert workbench(app).clock.now() - before == timedelta(minutes=10)
        await pilot.press("plus")
        await settle(pilot)
        assert workbench(app).clock.state.speed == 60
        await pilot.press("minus", "minus")
        await settle(pilot)
        assert workbench(app).clock.state.speed == 15
        assert "×15" in str(workbench(app).status.render())


async def test_advancing_the_clock_finishes_a_replication(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "ubuntu-web", "1.3.0")
        await pilot.press("space")
        await settle(pilot)
        for _ in range(14):
            await pilot.press("right_square_bracket")
            await settle(pilot)
        assert "✓ Succeeded" in version_line(app, "1.3.0")
        assert not workbench(app).clock.ticking


async def test_retry_a_failed_region(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "rhel-app", "1.0.0")
        await pilot.press("2")
        await settle(pilot)
        assert rows(app)["North Europe"][0] == "Failed"
        assert "✗ Failed" in version_line(app, "1.0.0")
        await pilot.press("R")
        await settle(pilot)
        assert rows(app)["North Europe"][0] in ("Replicating", "Queued")
        assert "✗" not in version_line(app, "1.0.0")
        assert workbench(app).clock.ticking



def shown_lines(tree, render_line) -> list[list[tuple[str, object]]]:
    """The tree's visible lines as runs of text with their styles, as the terminal would show them."""
    return [[(s.text, s.style) for s in render_line(y).simplify()] for y in range(tree.size.height)]



async def assert_bar_moves_as_whole_lines_draw(pilot, fake_time, tree, y: int) -> None:
    """Let time pass: line `y`'s bar moves, and the tree shows what drawing every line whole would show."""
    before = shown_lines(tree, tree.render_line)
    fake_time.advance(20)
    await pilot.pause(0.3)
    moved = shown_lines(tree, tree.render_line)
    assert moved[y] != before[y], "the bar moved"
    tree._invalidate()
    assert shown_lines(tree, lambda line: Tree.render_line(tree, line)) == moved


@pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["wide", "narrow"])
async def test_a_moving_bar_is_drawn_exactly_as_its_whole_line_would_be(make_app, fake_time, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await open_path(pilot, "ContosoImages", "ubuntu-web", "1.3.0")
        tree = workbench(app).resource_tree
        assert tree.compact == (size != SIZE), "a narrow tree shows percentages alone"
        y = tree.cursor_line - tree.scroll_offset.y
        await assert_bar_moves_as_whole_lines_draw(pilot, fake_time, tree, y)

        await pilot.press("k")
        await pilot.hover(tree, offset=(2, y))
        await pilot.pause(0.3)
        assert tree.hover_line == tree.cursor_line + 1, "the mouse is over the bar's line, the cursor above it"
        await assert_bar_moves_as_whole_lines_draw(pilot, fake_time, tree, y)


async def test_the_ticking_clock_is_drawn_exactly_as_the_whole_status_line_would_be(make_app, fake_time):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        status = workbench(app).status
        before = shown_lines(status, status.render_line)
        fake_time.advance(7)
        await pilot.pause(0.3)
        ticked = shown_lines(status, status.render_line)
        assert ticked != before, "the clock moved"
        status.notify_style_update()
        status.refresh()
        assert shown_lines(status, status.render_line) == ticked, "as the whole line is drawn"


async def test_the_screen_shows_every_step_of_a_moving_bar(make_app, fake_time):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "ubuntu-web", "1.3.0")
        tree = workbench(app).resource_tree
        y = tree.cursor_line - tree.scroll_offset.y
        seen = set()
        for _ in range(40):
            fake_time.advance(3)
            await pilot.pause(0.15)
            on_screen = "".join(segment.text for segment in tree.render_lines(tree.size.region)[y])
            assert version_line(app, "1.3.0").strip() in on_screen
            seen.add(on_screen)
        assert len(seen) > 20, "the bar moved at most steps"
