"""`/` filter keeps matches in context with their parents; the palette jumps to any resource by name."""

from __future__ import annotations

from textual.command import CommandPalette

from .conftest import SIZE
from .helpers import settle, tree_text, workbench


async def apply_filter(pilot, text: str) -> None:
    await pilot.press("slash")
    await settle(pilot)
    await pilot.press(*text)
    await pilot.press("enter")
    await settle(pilot)


async def test_filter_shows_matches_with_their_parents(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await apply_filter(pilot, "excluded")
        text = tree_text(app)
        assert "FinanceGallery" in text and "myImage1" in text and "1.11.0" in text
        assert "ubuntu-web" in text and "1.2.0" in text
        assert "1.3.0" not in text and "1.10.0" not in text and "TeamSandbox" not in text
        assert "1.10.0" not in text
        assert workbench(app).resource_tree.cursor_node.data.name == "1.11.0"
        assert "Filter: excluded" in str(workbench(app).tree_pane.border_title)


async def test_filter_by_state_tag_and_identifier(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await apply_filter(pilot, "failed")
        text = tree_text(app)
        assert "rhel-app" in text and "1.0.0" in text and "ubuntu-web" not in text
        await apply_filter(pilot, "")
        await apply_filter(pilot, "env=prod")
        assert "ContosoImages" in tree_text(app) and "FinanceGallery" not in tree_text(app)
        await apply_filter(pilot, "nothing-like-this")
        assert "No resources match" in tree_text(app)
        await pilot.press("escape")
        await apply_filter(pilot, "Finance Frontend")
        text = tree_text(app)
        assert "myImage2" in text and "myImage3" in text and "myImage1" not in text


async def test_escape_clears_the_filter_and_reopens_what_was_open(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "l")
        await settle(pilot)
        await apply_filter(pilot, "cmk")
        assert "win2022-base" in tree_text(app)
        assert "FinanceGallery" not in tree_text(app)
        await pilot.press("escape")
        await settle(pilot)
        text = tree_text(app)
        assert "FinanceGallery" in text and "ubuntu-web" in text
        assert workbench(app).browsing.filter_text == ""


async def test_escape_clearing_the_filter_keeps_the_cursor_on_its_node(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await apply_filter(pilot, "failed")
        screen = workbench(app)
        node = next(n for n in screen.resource_tree._by_key.values() if n.data.name == "1.0.0")
        screen.resource_tree.move_to(node)
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert screen.browsing.filter_text == "" and "FinanceGallery" in tree_text(app)
        data = screen.cursor_data()
        assert (data.kind, data.name, data.summary.version.definition) == ("version", "1.0.0", "rhel-app")
        assert screen.tree_pane.border_title == "Resources"


async def test_palette_jumps_to_a_version_by_name(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"rhelapp1.0")
        await pilot.pause(0.5)
        await pilot.press("down", "enter")
        await settle(pilot)
        node = workbench(app).resource_tree.cursor_node
        assert node.data.kind == "version" and node.data.summary.version.definition == "rhel-app"
        assert "rhel-app › 1.0.0" in str(workbench(app).breadcrumb.render())
