"""The tree's scroll bar is drawn again only when its thumb moves: what it shows must always be what Textual's
scroll bar draws afresh."""

from __future__ import annotations

import random

from textual.geometry import Region

from sigtui.tui.widgets.steady_scrollbar import SteadyScrollBar

from .conftest import SIZE
from .helpers import settle, workbench
from .scale import build_scale_db


def shown(bar) -> list:
    """The bar as it is on the screen: its lines as last drawn."""
    return [list(strip) for strip in bar.render_lines(Region(0, 0, *bar.size))]


def drawn_afresh(bar) -> list:
    bar.refresh()
    return shown(bar)


async def test_a_long_tree_s_scroll_bar_shows_what_a_fresh_drawing_would(
    make_app, demo_template, tmp_path, monkeypatch
):
    app = make_app(db_path=build_scale_db(demo_template[0], tmp_path / "scale.db"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = workbench(app).resource_tree
        bar = tree.vertical_scrollbar
        assert isinstance(bar, SteadyScrollBar)
        redrawn, kept = [], []
        moved = SteadyScrollBar._redraw_if_moved

        def counted(self) -> None:
            (redrawn if self.thumb() != self._drawn else kept).append(self.thumb())
            moved(self)

        monkeypatch.setattr(SteadyScrollBar, "_redraw_if_moved", counted)
        for gallery in [line.node for line in tree._tree_lines if line.node.data.kind == "gallery"]:
            tree.open(gallery)
        await settle(pilot)
        assert len(tree._tree_lines) > 1000
        first = next(line.node for line in tree._tree_lines if line.node.data.kind == "gallery")
        for key in ("h", "l", "h", "l"):
            tree.move_to(first)
            await pilot.press(key)
            await settle(pilot)
            assert shown(bar) == drawn_afresh(bar)
        assert len(kept) >= 4
        moves = random.Random(5)
        for _ in range(40):
            galleries = [line.node for line in tree._tree_lines if line.node.data.kind == "gallery"]
            tree.move_to(moves.choice(galleries))
            await pilot.pause()
            await pilot.press(moves.choice(["l", "h", "pagedown", "pageup", "G", "g"]))
            await settle(pilot)
            assert shown(bar) == drawn_afresh(bar)
        assert len(redrawn) >= 5
