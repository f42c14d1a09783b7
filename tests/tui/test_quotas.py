"""`Q`: quotas at a glance; and the create forms' warning before a create would cross a limit."""

from __future__ import annotations

import pytest

from sigtui.domain import quotas, reference_data, rules
from sigtui.tui.screens.forms.gallery import GalleryForm
from sigtui.tui.screens.quotas import QuotaScreen

from .conftest import SIZE
from .editing_helpers import PROD, errors, press, services, type_text
from .helpers import open_path, settle
from .test_snapshots import snap

PAT = "pat@contoso.onmicrosoft.com"


def rows(screen: QuotaScreen) -> list[tuple[str, ...]]:
    table = screen.table
    return [tuple(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


async def test_u_shows_each_subscription_and_region_against_azures_limits(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "Q")
        assert isinstance(app.screen, QuotaScreen)
        found = rows(app.screen)
        assert ("Contoso Production", "eastus", "1 / 100", "3 / 1,000", "6 / 10,000", "3 / 10", "17") in found
        assert ("Contoso Dev/Test", "westeurope", "1 / 100", "1 / 1,000", "1 / 10,000", "1 / 10", "1") in found
        await press(pilot, "escape")
        assert not isinstance(app.screen, QuotaScreen)


async def test_an_identity_sees_only_its_own_subscriptions(make_app):
    app = make_app(caller=PAT)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "Q")
        found = rows(app.screen)
        assert {row[0] for row in found} == {"Contoso Production"}
        assert str(app.screen.note.render()).endswith(f"as {PAT} sees them · esc closes")


def tighten(monkeypatch, limit: str, value: int) -> None:
    """Azure's limits with one of them set to `value`, as the rules and the quotas read them."""
    tight = {**reference_data.limits(), limit: value}
    for module in (rules, quotas):
        monkeypatch.setattr(module, "limits", lambda: dict(tight))


@pytest.fixture
def one_gallery_per_region(monkeypatch):
    """Room for only one gallery per subscription and region."""
    tighten(monkeypatch, "galleriesPerSubscriptionPerRegion", 1)


async def test_the_gallery_form_warns_before_a_create_would_cross_the_limit(make_app, one_gallery_per_region):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "Contoso Production", "rg-images")
        await press(pilot, "n")
        form = app.screen
        assert isinstance(form, GalleryForm)
        assert form.quota_note.display
        assert str(form.quota_note.render()) == (
            "Quota in westus: Operation could not be completed as it results in exceeding approved galleries quota. "
            "Limit: 1, Current usage: 1, Additional required: 1."
        )
        await type_text(pilot, "Web.Images")
        form.query_one("#f-location").control.focus()
        await type_text(pilot, "westeurope")
        assert not form.quota_note.display
        await type_text(pilot, "westus")
        assert form.quota_note.display
        await press(pilot, "ctrl+s")
        assert app.screen is form
        assert str(form.status.render()) == "Nothing was saved."
        assert "exceeding approved galleries quota. Limit: 1, Current usage: 1" in errors(form)["f-location"]
        assert "Web.Images" not in [g.name for g in services(app).list_galleries(PROD)]


def test_quota_screen_snapshot(snap_compare, make_app):
    async def run_before(pilot):
        await pilot.press("Q")

    assert snap(snap_compare, make_app(), run_before)


@pytest.fixture
def seven_versions_per_region(monkeypatch):
    """Room for only the seven image versions Contoso Production already has in West US."""
    tighten(monkeypatch, "imageVersionsPerSubscriptionPerRegion", 7)


async def test_the_version_form_warns_too(make_app, seven_versions_per_region):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "ubuntu-web")
        await press(pilot, "n")
        assert "approved image versions quota. Limit: 7, Current usage: 7" in str(app.screen.quota_note.render())
