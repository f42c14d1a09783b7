"""The activity log screen says who wrote and through which face, and shows the regions that failed."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from sigtui.domain.models import Gallery
from sigtui.store.services import Services

from .conftest import SIZE
from .helpers import settle


def rows(app) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_the_log_names_the_face_and_shows_a_failed_region(make_app, demo_db, fake_time):
    headless = Services(demo_db, real_time=fake_time, face="cli")
    sub = headless.list_subscriptions()[0].id
    headless.create_gallery(Gallery(sub, "rg-images", "FromTheCli", "westus"))
    headless.db.dispose()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        shown = rows(app)
        assert shown[0][3:] == ["admin", "FromTheCli"], "the newest entry, highlighted"
        assert "\nby admin · cli\n" in str(app.screen.query_one("#activity-detail", Static).render())
        failed = next(row for row in shown if row[1] == "replicate/action")
        assert (failed[2], failed[3]) == ("Failed", "Microsoft.Compute")
        assert failed[4] == "ContosoImages › rhel-app › 1.0.0"
