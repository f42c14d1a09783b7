"""A node that opens, closes or gets children has only its own lines laid out again: the tree's lines, their
numbers, its virtual size and its cursor must be what a full layout of the whole tree gives."""

from __future__ import annotations

import asyncio
import dataclasses
import random
import threading

from textual.widgets import Tree

from sigtui.tui.screens.error import ErrorScreen
from sigtui.tui.widgets import tree_lines
from sigtui.tui.widgets.resource_tree import LOADING_SHOWN_AFTER

from .conftest import SIZE
from .helpers import settle, workbench


def laid_out(tree) -> tuple:
    """Everything a layout decides: each line's path and last-child flag, each node's line number, the
    virtual size and the cursor's line."""
    lines = tree._tree_lines_cached
    return (
        [(tuple(line.path), line.last) for line in lines],
        [line.node._line for line in lines],
        tree.virtual_size,
        tree.cursor_line,
    )


def cursor_on(tree, name: str):
    """Put the cursor on the node named `name` and return it."""
    node = next(n for n in tree._by_key.values() if n.data.name == name)
    tree.move_to(node)
    return node


def checking_splices(tree) -> list:
    """Make every splice compare itself with a full layout; returns the list of (spliced, full) layouts."""
    compared: list = []
    splice = tree._splice

    def checked(lines, index) -> None:
        splice(lines, index)
        spliced = laid_out(tree)
        tree._build()
        compared.append((spliced, laid_out(tree)))

    tree._splice = checked
    return compared


async def test_opening_and_closing_nodes_by_key_lays_out_what_a_full_layout_would(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = workbench(app).resource_tree
        compared = checking_splices(tree)
        moves = random.Random(20261130)
        for _ in range(60):
            expandable = [line.node for line in tree._tree_lines if line.node.allow_expand]
            tree.move_to(moves.choice(expandable))
            await pilot.pause()
            await pilot.press(moves.choice(["l", "l", "h", "enter"]))
            await settle(pilot)
        assert len(compared) >= 30
        for spliced, full in compared:
            assert spliced == full


async def test_versions_added_in_chunks_lay_out_what_a_full_layout_would(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = workbench(app).resource_tree
        gallery = cursor_on(tree, "ContosoImages")
        await pilot.press("l")
        await settle(pilot)
        definition = next(n for n in gallery.children if n.data.name == "ubuntu-web")
        compared = checking_splices(tree)
        version = workbench(app).backend.catalog.versions(definition.data.pk)[0]
        many = [dataclasses.replace(version, pk=10_000 + n) for n in range(900)]
        tree.add_versions(definition.data.pk, many)
        await settle(pilot)
        assert len(definition.children) == 900
        assert len(compared) == 3
        for spliced, full in compared:
            assert spliced == full


move = tree_lines._moved


def drawn_afresh(tree, y: int) -> list:
    """Line `y` as Textual's `Tree` draws it with nothing cached."""
    tree._line_cache.clear()
    width = tree.size.width
    return list(Tree._render_line(tree, y, 0, width, tree.rich_style))


async def test_lines_that_moved_keep_their_drawing_and_tell_the_mouse_their_new_line(make_app, monkeypatch):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = workbench(app).resource_tree
        moved = []
        monkeypatch.setattr(tree_lines, "_moved", lambda strip, y: moved.append(y) or move(strip, y))
        moves = random.Random(11)
        for _ in range(40):
            expandable = [line.node for line in tree._tree_lines if line.node.allow_expand]
            tree.move_to(moves.choice(expandable))
            await pilot.pause()
            await pilot.press(moves.choice(["l", "l", "h", "j", "k"]))
            await settle(pilot)
            width, top = tree.size.width, tree.scroll_offset.y
            for y in range(top, min(top + tree.size.height, len(tree._tree_lines))):
                drawn = list(tree._render_line(y, 0, width, tree.rich_style))
                assert drawn == drawn_afresh(tree, y)
                assert {segment.style.meta["line"] for segment in drawn} == {y}
        assert len(moved) >= 20


def drawn_text(tree, node) -> str:
    """The node's line as the tree draws it now."""
    return "".join(segment.text for segment in tree.render_line(node.line - tree.scroll_offset.y))


async def test_a_node_opens_with_its_children_and_says_loading_while_they_are_slow(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree, catalog = workbench(app).resource_tree, workbench(app).backend.catalog
        read, answer = catalog.definitions, threading.Event()
        catalog.definitions = lambda pk: answer.wait(10) and read(pk)
        gallery = cursor_on(tree, "ContosoImages")
        await pilot.press("l")
        await asyncio.sleep(LOADING_SHOWN_AFTER * 2)
        await pilot.pause()
        assert not gallery.is_expanded and not gallery.children
        assert "▼ ContosoImages  4 images ↻1 ✗1 loading…" in drawn_text(tree, gallery)
        answer.set()
        await settle(pilot)
        assert gallery.is_expanded and len(gallery.children) == 4
        assert "loading…" not in drawn_text(tree, gallery)


async def test_a_node_whose_children_cannot_be_read_stays_closed_and_opens_on_the_next_key(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree, catalog = workbench(app).resource_tree, workbench(app).backend.catalog
        read = catalog.definitions

        def broken(_pk):
            raise RuntimeError("disk I/O error")

        catalog.definitions = broken
        gallery = cursor_on(tree, "ContosoImages")
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, ErrorScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert not gallery.is_expanded
        assert "▶ ContosoImages  4 images ↻1 ✗1" in drawn_text(tree, gallery)
        assert "loading…" not in drawn_text(tree, gallery)
        catalog.definitions = read
        await pilot.press("l")
        await settle(pilot)
        assert gallery.is_expanded and len(gallery.children) == 4
