"""The Cost tab and the `$` screen: seed 004's billing example, built through the services."""

from __future__ import annotations

import pytest
from rich.console import Console

from sigtui.domain import ids
from sigtui.domain.models import DiskImage, ImageDefinition, ImageVersion, TargetRegion
from sigtui.tui.screens.costs import CostScreen

from .conftest import SIZE
from .helpers import open_path, settle, workbench
from .test_snapshots import snap

PROD = "6a3c8e2f-3b1d-4c7e-9f0a-5d2b7c8e1f40"
DANA = "dana.reader@contoso.onmicrosoft.com"
SEED = ("6", "Stored (Standard_LRS)", "60 GB", "20 GB", "3.00 USD", "0.40 USD", "3.40 USD")
"""6 snapshots of 10 GB at 0.05 a GB-month; 10 GB copied to each of two other regions at 0.02 a GB."""


def build_seed_version(demo_db, fake_time) -> None:
    """A 127 GB OS disk with 10 GB used plus an empty 32 GB data disk, in 3 regions with 2 replicas each;
    Dana may read only its definition."""
    from sigtui.store.services import Services

    services = Services(demo_db, real_time=fake_time)
    source = services.create_source(
        "image", "rg-images", "img-seed-billing", "westus", PROD, "Windows", "Generalized", "V1", 127, 10, [32], [0]
    )
    where = (PROD, "rg-images", "ContosoImages", "seed-billing")
    services.create_definition(ImageDefinition(*where, "westus", "Contoso", "Billing", "seed", "Windows"))
    regions = (TargetRegion("westus"), TargetRegion("eastus"), TargetRegion("westus2"))
    services.create_version(
        ImageVersion(
            *where, "1.0.0", "westus", DiskImage(0, 0), source_id=source.id, target_regions=regions, replica_count=2
        )
    )
    services.create_principal("User", "Dana Reader", DANA)
    services.create_role_assignment(DANA, "Reader", ids.definition_id(*where))
    services.db.dispose()


@pytest.fixture
def seeded(demo_db, fake_time):
    build_seed_version(demo_db, fake_time)
    return demo_db


def cost_text(view) -> str:
    console = Console(width=100, record=True)
    console.print(view.body.content)
    return " ".join(console.export_text().split())


@pytest.mark.parametrize("path", [("seed-billing", "1.0.0"), ("seed-billing",)])
async def test_cost_tab_shows_the_seed_example(make_app, seeded, path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", *path)
        await pilot.press("5")
        await settle(pilot)
        assert workbench(app).details.active_tab == "cost"
        text = cost_text(workbench(app).details.cost)
        assert "illustrative prices" in text and "Illustrative list prices" in text
        for figure in SEED:
            assert figure in text
        assert "Snapshots 6" in text and "Egress (first copy) 20 GB" in text and "First month total 3.40 USD" in text


async def test_cost_follows_the_cursor_only_while_the_tab_is_open(make_app, seeded):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "seed-billing", "1.0.0")
        assert "Estimating" in cost_text(workbench(app).details.cost)
        await pilot.press("5")
        await settle(pilot)
        await pilot.press("up")
        await settle(pilot)
        assert "Image definition seed-billing" in cost_text(workbench(app).details.cost)
        await open_path(pilot, "ContosoImages")
        await settle(pilot)
        text = cost_text(workbench(app).details.cost)
        assert "Gallery ContosoImages" in text and "Snapshots 6" not in text


async def test_dollar_estimates_everything_the_identity_can_read(make_app, seeded):
    app = make_app(caller=DANA)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("dollar_sign")
        await settle(pilot)
        assert isinstance(app.screen, CostScreen)
        text = cost_text(app.screen.view)
        assert f"Everything {DANA} can read" in text
        for figure in SEED:
            assert figure in text
        await pilot.press("escape")
        assert not isinstance(app.screen, CostScreen)


async def test_a_parent_shown_only_for_context_has_no_estimate(make_app, seeded):
    app = make_app(caller=DANA)
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages")
        await pilot.press("5")
        await settle(pilot)
        assert "may not read" in cost_text(workbench(app).details.cost)


def test_cost_tab_snapshot(snap_compare, make_app, seeded):
    async def run_before(pilot):
        await open_path(pilot, "ContosoImages", "seed-billing", "1.0.0")
        await pilot.press("5")

    assert snap(snap_compare, make_app(), run_before)
