"""What people see: fixed size, animations off, fake clock, the seeded demo catalog, UTC, isolated XDG dirs."""

from __future__ import annotations

from .conftest import SIZE
from .helpers import open_path, settle


def snap(snap_compare, app, run_before=None, size=SIZE, press=()):
    async def prepare(pilot):
        await settle(pilot)
        if run_before is not None:
            await run_before(pilot)
        await settle(pilot)

    return snap_compare(app, terminal_size=size, run_before=prepare, press=press)


def test_main_screen(snap_compare, make_app):
    assert snap(snap_compare, make_app())


def test_expanded_definitions_show_every_badge(snap_compare, make_app):
    async def run_before(pilot):
        await open_path(pilot, "FinanceGallery", "myImage1")
        await open_path(pilot, "ContosoImages", "win2022-base")
        await open_path(pilot, "ContosoImages", "ubuntu-web", "1.0.0")

    assert snap(snap_compare, make_app(), run_before)


def test_replication_tab_mid_replication(snap_compare, make_app):
    async def run_before(pilot):
        await open_path(pilot, "ContosoImages", "ubuntu-web", "1.3.0")
        await pilot.press("2")

    assert snap(snap_compare, make_app(), run_before)


def test_replication_tab_with_a_failed_region(snap_compare, make_app):
    async def run_before(pilot):
        await open_path(pilot, "ContosoImages", "rhel-app", "1.0.0")
        await pilot.press("2")

    assert snap(snap_compare, make_app(), run_before)


def test_json_tab_with_replication_status(snap_compare, make_app):
    async def run_before(pilot):
        await open_path(pilot, "ContosoImages", "ubuntu-web", "1.3.0")
        await pilot.press("3")

    assert snap(snap_compare, make_app(), run_before)


def test_filter_applied(snap_compare, make_app):
    async def run_before(pilot):
        await pilot.press("slash", *"excluded", "enter")

    assert snap(snap_compare, make_app(), run_before)


def test_help_screen(snap_compare, make_app):
    async def run_before(pilot):
        await pilot.press("f1")

    assert snap(snap_compare, make_app(), run_before)


def test_narrow_terminal(snap_compare, make_app):
    async def run_before(pilot):
        await open_path(pilot, "ContosoImages", "ubuntu-web", "1.3.0")
        await pilot.press("2")

    assert snap(snap_compare, make_app(), run_before, size=(80, 24))


def test_activity_tab(snap_compare, make_app):
    async def run_before(pilot):
        await open_path(pilot, "ContosoImages", "ubuntu-web")
        await pilot.press("4")

    assert snap(snap_compare, make_app(), run_before)


def test_narrow_tree_keeps_latest_visible(snap_compare, make_app):
    async def run_before(pilot):
        await open_path(pilot, "ContosoImages", "ubuntu-web")
        await open_path(pilot, "TeamSandbox", "dev-box", "2024.11.1")

    assert snap(snap_compare, make_app(), run_before, size=(80, 24))
