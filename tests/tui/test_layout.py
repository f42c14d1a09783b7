"""Layout at small sizes: the tree keeps `latest` visible, a resize in either direction is followed (also behind
a dialog), footer keys never overlap, and every field of the VM dialog is reachable at 80×24."""

from __future__ import annotations

import itertools

from textual.widgets._footer import FooterKey

from .helpers import open_path, settle, workbench
from .vm_dialog import open_dialog

SMALL = (80, 24)


def version_line(app, name: str) -> tuple[str, int]:
    """A version's label as drawn, and the cells its line may use after the tree's guides."""
    tree = workbench(app).resource_tree
    line = next(line for line in tree._tree_lines if line.node.data.kind == "version" and line.node.data.name == name)
    label = tree.render_label(line.node, tree.rich_style, tree.rich_style)
    guides = line._get_guide_width(tree.guide_depth, tree.show_root)
    return label.plain.rstrip(), tree.scrollable_content_region.width - guides


async def test_latest_stays_visible_on_a_deep_narrow_line(make_app):
    async with make_app().run_test(size=SMALL) as pilot:
        await open_path(pilot, "TeamSandbox", "dev-box")
        await open_path(pilot, "ContosoImages", "win2022-base")
        for name in ("2024.11.1", "2023.1.0"):
            label, room = version_line(pilot.app, name)
            assert "latest" in label
            assert len(label) <= room, label


async def test_less_important_badges_are_shortened_before_latest_goes(make_app):
    async with make_app().run_test(size=(60, 30)) as pilot:
        await open_path(pilot, "ContosoImages", "ubuntu-web")
        label, room = version_line(pilot.app, "1.2.0")
        assert label.endswith("excl") and len(label) <= room
        assert "latest" in version_line(pilot.app, "1.3.0")[0]


async def test_growing_the_terminal_again_restores_the_full_tree(make_app):
    async with make_app().run_test(size=(120, 40)) as pilot:
        await open_path(pilot, "ContosoImages", "ubuntu-web")
        assert "Succeeded" in version_line(pilot.app, "1.1.0")[0]
        await pilot.resize_terminal(60, 30)
        await settle(pilot)
        assert "Succeeded" not in version_line(pilot.app, "1.1.0")[0]
        await pilot.press("f1")
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert "Succeeded" in version_line(pilot.app, "1.1.0")[0]


async def test_footer_keys_fit_and_never_overlap(make_app):
    async with make_app().run_test(size=(120, 40)) as pilot:
        for width in (120, 60, 80, 200):
            await pilot.resize_terminal(width, 30)
            await settle(pilot)
            keys = sorted(workbench(pilot.app).footer.query(FooterKey), key=lambda key: key.region.x)
            assert keys[-1].has_class("-command-palette")
            assert keys[0].key_display == "q"
            for left, right in itertools.pairwise(keys):
                assert left.region.right <= right.region.x, (width, left.key_display, right.key_display)
            assert keys[-1].region.right <= width


async def test_every_vm_field_is_reachable_at_80_by_24(make_app):
    async with make_app().run_test(size=SMALL) as pilot:
        dialog = await open_dialog(pilot, "ContosoImages", "ubuntu-web")
        visible = dialog.query_one("#vm-basics").region
        for field in ("vm-name", "vm-size", "vm-disk", "vm-ssh", "vm-ports", "vm-encryption"):
            widget = dialog.query_one(f"#{field}")
            widget.focus()
            await settle(pilot)
            assert widget.region.width >= 20, field
            assert visible.contains_region(widget.region), field
