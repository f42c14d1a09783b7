"""Keyboard navigation: expand gallery › definition › versions lazily, breadcrumb, details, vim keys."""

from __future__ import annotations

from textual.widgets import TabbedContent

from .conftest import SIZE
from .helpers import open_path, settle, tree_text, workbench


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


def cursor_name(app) -> str:
    return workbench(app).resource_tree.cursor_node.data.name


async def test_starts_on_the_first_gallery_with_children_not_loaded(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert cursor_name(app) == "FinanceGallery"
        text = tree_text(app)
        assert "ContosoImages  4 images" in text
        assert "ubuntu-web" not in text
        assert (
            workbench(app)
            .resource_tree.node_for("gallery", workbench(app).resource_tree.cursor_node.data.pk)
            .data.loaded
            is False
        )


async def test_expand_gallery_definition_and_versions_with_keys(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "j", "j", "l")
        assert cursor_name(app) == "ContosoImages"
        assert "ubuntu-web" in tree_text(app)
        await press(pilot, "l", "j", "j")
        assert cursor_name(app) == "ubuntu-web"
        await press(pilot, "enter")
        text = tree_text(app)
        assert "1.0.0 ✓ Succeeded  EOL" in text
        assert "1.2.0 ✓ Succeeded  excluded:westus" in text
        assert "1.3.0" in text and "latest" in text.split("1.3.0")[1].splitlines()[0]
        crumbs = str(app.query_one("#breadcrumb").render())
        assert "ContosoImages › ubuntu-web" in crumbs


async def test_h_goes_to_parent_and_collapses(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "j", "j", "l", "l", "down")
        assert cursor_name(app) == "rhel-app"
        await press(pilot, "h")
        assert cursor_name(app) == "ContosoImages"
        await press(pilot, "h")
        assert not workbench(app).resource_tree.cursor_node.is_expanded
        await press(pilot, "G")
        assert cursor_name(app) == "TeamSandbox"
        await press(pilot, "g")
        assert cursor_name(app) == "Contoso Production"


async def test_enter_on_a_version_focuses_the_details(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "j", "j", "l", "l", "j", "j", "l", "l")
        assert cursor_name(app) == "1.0.0"
        await press(pilot, "enter")
        assert app.focused is not workbench(app).resource_tree
        await press(pilot, "escape")
        assert app.focused is workbench(app).resource_tree


async def test_number_keys_switch_tabs(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "2")
        assert app.query_one(TabbedContent).active == "replication"
        await press(pilot, "3")
        assert app.query_one(TabbedContent).active == "json"


async def test_a_definition_with_one_version_says_1_version(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "arm64-api")
        await settle(pilot)
        assert "arm64-api  1 version" in tree_text(app)
        assert workbench(app).details.table.summary.startswith("1 version: ")


async def test_the_chosen_theme_is_the_theme_of_the_next_run(make_app):
    first = make_app()
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert first.theme != "nord"
        await pilot.press("t", *"nord")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert first.theme == "nord"
    second = make_app()
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert second.theme == "nord"


async def _latest_line_of_ubuntu_web(make_app, demo_db, fake_time, policy: str) -> str:
    """The tree's `1.3.0` line after its end of life has passed, under the database's end-of-life `policy`."""
    from datetime import timedelta

    from sigtui.store.services import Services

    services = Services(demo_db, real_time=fake_time)
    tomorrow = (services.clock_state().now(fake_time()) + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    services.update_version(None, "rg-images", "ContosoImages", "ubuntu-web", "1.3.0",
                            {"properties": {"publishingProfile": {"endOfLifeDate": tomorrow}}})
    services.advance_clock(timedelta(days=2))
    services.set_end_of_life_policy(policy)
    services.db.dispose()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "j", "j", "l", "l", "j", "j", "enter")
        return tree_text(app).split("1.3.0")[1].splitlines()[0]


async def test_the_latest_badge_skips_a_version_past_end_of_life(make_app, demo_db, fake_time):
    assert "latest" not in await _latest_line_of_ubuntu_web(make_app, demo_db, fake_time, "block")


async def test_the_latest_badge_follows_the_warn_end_of_life_policy(make_app, demo_db, fake_time):
    assert "latest" in await _latest_line_of_ubuntu_web(make_app, demo_db, fake_time, "warn")
