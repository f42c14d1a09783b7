"""The retention planner (`P`) and who-uses (`u`) in the workbench: dry run as the rule is typed, delete in one
step after a confirmation, ctrl+z restores; the keys follow read-only mode and the identity's rights."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from sigtui.tui.screens.confirm import ConfirmScreen
from sigtui.tui.screens.prune import PruneScreen
from sigtui.tui.screens.usage import UsageScreen

from .conftest import SIZE
from .helpers import open_path, settle, workbench
from .test_snapshots import snap

PAT = "pat@contoso.onmicrosoft.com"
"""The demo's Reader of ContosoImages › ubuntu-web."""


def rows(screen, table: str) -> list[list[str]]:
    found = screen.query_one(table, DataTable)
    return [[str(cell) for cell in found.get_row_at(i)] for i in range(found.row_count)]


def binding(app, action: str):
    """A footer key: None when hidden, else whether it is enabled."""
    found = [b for b in app.screen.active_bindings.values() if b.binding.action == action]
    return found[0].enabled if found else None


def versions(app) -> list[str]:
    services = workbench(app).backend.services()
    return [v.name for v in services.list_versions(None, "rg-images", "ContosoImages", "ubuntu-web")]


async def open_planner(pilot, *path: str, keep: str) -> PruneScreen:
    await open_path(pilot, *path)
    await pilot.press("P")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, PruneScreen)
    screen.query_one("#prune-keep", Input).value = keep
    await settle(pilot)
    return screen


async def test_the_planner_shows_a_dry_run_then_deletes_in_one_step_and_undo_restores(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        planner = await open_planner(pilot, "ContosoImages", keep="1")
        assert rows(planner, "#prune-table") == [
            ["ubuntu-web", "1.0.0", "delete", "older than the newest 1 succeeded", ""],
            ["ubuntu-web", "1.1.0", "keep", "older than the newest 1 succeeded",
             "latest in australiacentral would change to nothing; latest in westeurope would change to nothing"],
        ]
        assert "1 version would be deleted" in str(planner.query_one("#prune-summary").render())
        planner.query_one("#prune-table", DataTable).move_cursor(row=1)
        await settle(pilot)
        assert str(planner.query_one("#prune-detail").render()).startswith(
            "1.1.0 stays: latest in australiacentral would change to nothing; latest in westeurope")
        assert versions(app) == ["1.0.0", "1.1.0", "1.2.0", "1.3.0"]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is workbench(app)
        assert versions(app) == ["1.1.0", "1.2.0", "1.3.0"]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert versions(app) == ["1.0.0", "1.1.0", "1.2.0", "1.3.0"]
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert versions(app) == ["1.1.0", "1.2.0", "1.3.0"]


async def test_a_rule_that_cannot_be_planned_says_why_and_offers_no_delete(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        planner = await open_planner(pilot, "ContosoImages", keep="")
        assert "--keep N and/or --past-end-of-life" in str(planner.query_one("#prune-summary").render())
        assert planner.query_one("#prune-apply").disabled
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is workbench(app)


async def test_who_uses_a_version_and_latest_if_it_went(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "ubuntu-web", "1.3.0")
        await pilot.press("u")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, UsageScreen)
        assert "No VM or scale set" in str(screen.query_one("#usage-note").render())
        assert ["westus", "1.3.0", "→ 1.1.0", "→ 1.1.0"] in rows(screen, "#usage-latest")
        assert ["eastus", "1.2.0", "unchanged", "unchanged"] in rows(screen, "#usage-latest")


async def test_keys_follow_the_cursor_read_only_mode_and_rights(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "ubuntu-web")
        assert binding(app, "prune") is True and binding(app, "version_usage") is False
        await open_path(pilot, "ContosoImages", "ubuntu-web", "1.3.0")
        assert binding(app, "prune") is None and binding(app, "version_usage") is True
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert "Who uses this version" in titles
        ids = {row[3] for row in workbench(app).help_rows()}
        assert {"edit.prune", "version.usage", "prune.apply", "usage.close"} <= ids
    async with make_app(readonly=True).run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "ubuntu-web")
        assert binding(pilot.app, "prune") is None


async def test_a_reader_is_told_why_it_may_not_prune(make_app):
    app = make_app(caller=PAT)
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "ubuntu-web")
        await settle(pilot)
        assert binding(app, "prune") is None
        await pilot.press("P")
        await settle(pilot)
        assert app.screen is workbench(app)
        assert any("AuthorizationFailed" in str(n.message) for n in app._notifications)


def test_retention_planner_snapshot(snap_compare, make_app):
    async def run_before(pilot):
        planner = await open_planner(pilot, "ContosoImages", keep="1")
        planner.query_one("#prune-keep", Input).cursor_blink = False

    assert snap(snap_compare, make_app(), run_before)
