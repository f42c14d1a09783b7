"""At Azure's limits (10,000 versions) the tree opens, expands and filters with the right answers.

How fast is the benchmark's business (`bench/run.py`), as ratios to floors measured in the same run."""

from __future__ import annotations

import pytest

from sigtui.store.reads.workbench import Catalog

from .conftest import SIZE
from .helpers import open_path, settle, tree_text, workbench
from .scale import build_scale_db


@pytest.fixture(scope="module")
def scale_db(demo_template, tmp_path_factory):
    return build_scale_db(demo_template[0], tmp_path_factory.mktemp("scale") / "scale.db")


def test_reads_find_the_scale_catalog(scale_db, demo_template):
    catalog = Catalog(scale_db)
    now = catalog.clock().now(demo_template[1])
    galleries = catalog.galleries()
    jobs = catalog.unsettled_jobs(now)
    assert len(galleries) == 103
    assert len(jobs) < 10
    definition = catalog.definitions(next(g for g in galleries if g.name == "scale099").pk)[0]
    versions = catalog.versions(definition.pk)
    assert [v.name for v in versions][:3] == ["1.0.0", "1.1.0", "1.2.0"]
    assert catalog.latest(definition.pk, now).version.name == "1.8.0"


def test_filter_across_ten_thousand_versions_caps_its_matches(scale_db, demo_template):
    catalog = Catalog(scale_db)
    now = catalog.clock().now(demo_template[1])
    result = catalog.filter_tree("excluded", now)
    assert len(result.paths) == 1000 and result.truncated
    assert result.versions == {} and sum(map(len, result.counted.values())) == 1000
    result = catalog.filter_tree("sku42-7", now)
    assert len(result.paths) == 1


async def test_the_app_opens_expands_and_filters_a_full_database(scale_db, make_app):
    app = make_app(db_path=scale_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "scale099" in tree_text(app)
        await open_path(pilot, "scale050", "def03")
        assert "1.9.0" in tree_text(app)
        await pilot.press("slash")
        await settle(pilot)
        await pilot.press(*"sku77-3")
        await pilot.press("enter")
        await settle(pilot)
        assert "scale077" in tree_text(app) and "scale050" not in tree_text(app)


async def filtered(pilot, text: str) -> None:
    """Open the filter, type `text`, apply it and wait for the tree."""
    await settle(pilot)
    await pilot.press("slash")
    await settle(pilot)
    await pilot.press(*text, "enter")
    await settle(pilot)


async def test_a_filter_matching_a_thousand_versions_shows_them_as_counts_until_a_definition_opens(scale_db, make_app):
    app = make_app(db_path=scale_db)
    async with app.run_test(size=SIZE) as pilot:
        await filtered(pilot, "1.9.0")
        text = tree_text(app)
        assert "def07  10 versions · 1 matching" in text
        cursor = workbench(app).resource_tree.cursor_node
        assert cursor.data.kind == "version" and cursor.data.name == "1.9.0"
        assert [child.data.name for child in cursor.parent.children] == ["1.9.0"] and cursor.parent.is_expanded
        await open_path(pilot, "scale050", "def03")
        around = tree_text(app).split("scale050", 1)[1].split("def04", 1)[0]
        assert "def03  10 versions\n" in around + "\n" and "1.9.0" in around
        assert "1.8.0" not in around


async def test_a_counted_definition_opens_on_its_matches_with_the_latest_badge(scale_db, make_app):
    app = make_app(db_path=scale_db)
    async with app.run_test(size=SIZE) as pilot:
        await filtered(pilot, "1.8.0")
        await open_path(pilot, "scale050", "def03")
        around = tree_text(app).split("scale050", 1)[1].split("def04", 1)[0]
        assert "1.8.0" in around and "latest" in around and "1.9.0" not in around
