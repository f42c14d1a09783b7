"""The demo is alive whenever it is opened: its clock stands still while no workbench has it open, and a
workbench that opens after the clock did move says what happened meanwhile."""

from __future__ import annotations

import re
from datetime import timedelta

from sigtui.store.services import Services

from .conftest import SIZE
from .helpers import open_path, settle, workbench
from .test_live import rows


async def watch_ubuntu_130(app, pilot) -> None:
    await open_path(pilot, "ContosoImages", "ubuntu-web", "1.3.0")
    await pilot.press("2")
    await settle(pilot)


def notes(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_demo_reopened_hours_later_is_still_replicating(make_app, fake_time):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await watch_ubuntu_130(app, pilot)
        assert rows(app)["East US"][0] == "Replicating"
        left_at = workbench(app).clock.now()

    fake_time.advance(3 * 3600)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await watch_ubuntu_130(app, pilot)
        assert workbench(app).clock.ticking
        assert rows(app)["East US"][0] == "Replicating"
        assert workbench(app).clock.now() == left_at
        assert "paused" not in str(workbench(app).status.render())
        assert not any("While you were away" in note for note in notes(app))


async def test_the_workbench_says_what_finished_while_it_was_closed(make_app, fake_time, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)

    headless = Services(demo_db, real_time=fake_time)
    headless.advance_clock(timedelta(hours=2))
    headless.db.dispose()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        away = [note for note in notes(app) if note.startswith("While you were away")]
        assert len(away) == 1
        assert away[0].startswith("While you were away (2 h of simulated time): ")
        assert re.search(r"ubuntu-web 1\.3\.0 finished replicating in \d regions?", away[0])


async def test_a_read_only_workbench_leaves_the_clock_alone(make_app, fake_time, demo_db):
    app = make_app(readonly=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
    headless = Services(demo_db, real_time=fake_time)
    assert not headless.clock_state().paused
    headless.db.dispose()
