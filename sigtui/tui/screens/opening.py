"""The first screen of a start in a terminal: the workbench's frame with the galleries the identity sees, painted
before the workbench (its widgets, controllers and dialogs) is imported and composed in its place."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import Horizontal, Vertical
from textual.geometry import Region
from textual.message import Message
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from ...domain.wording import counted
from ...store.defaults import DEFAULT_OWNER
from ..outline import grouping
from ..paths_shown import home_relative

if TYPE_CHECKING:
    from ...store.reads.gallery_summaries import GallerySummary


@dataclass
class GalleriesRead(Message):
    """The galleries the identity sees, read on a worker."""

    galleries: list[GallerySummary]


class GalleriesTree(Tree[None]):
    """A tree, mounted once the galleries are in it, that says when it is first drawn: the frame with them is on
    the terminal right after."""

    @dataclass
    class Drawn(Message):
        """The galleries were drawn into the frame being displayed."""

    drawn = False

    def get_label_width(self, node: TreeNode[None]) -> int:
        """The label's own width (Textual's draws every label of the tree to measure it)."""
        icon = len(self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE) if node.allow_expand else 0
        return icon + node.label.cell_len

    def render_lines(self, crop: Region) -> list[Strip]:
        lines = super().render_lines(crop)
        if not self.drawn:
            self.drawn = True
            self.post_message(self.Drawn())
        return lines


class OpeningScreen(Screen[None]):
    """Shows the catalog's galleries at once; asks the app to open the workbench once they are painted."""

    def __init__(self, db_path: Path, caller: str | None) -> None:
        super().__init__()
        self.db_path = db_path
        self.caller = caller or DEFAULT_OWNER
        self.galleries: list[GallerySummary] = []
        self.resource_tree = GalleriesTree("catalog", id="opening-tree")
        self.resource_tree.show_root = False

    def _frame(self) -> list[Widget]:
        """The workbench's frame around the galleries' tree."""
        pane = Vertical(self.resource_tree, id="tree-pane")
        pane.border_title = "Resources"
        return [
            Static(Text(" sigtui ", "bold reverse"), id="breadcrumb"),
            Horizontal(pane, Static("Opening the workbench…", id="details"), id="main"),
            Static(Text(f"{self.caller}  {home_relative(self.db_path)}", "dim"), id="status"),
        ]

    def on_mount(self) -> None:
        self.run_worker(self._read, thread=True, group="opening")

    def _read(self) -> None:
        """The galleries, or none when they cannot be read: the workbench then reads again and says why."""
        from ...store.reads.gallery_summaries import opening_galleries

        try:
            galleries = opening_galleries(self.db_path, self.caller)
        except Exception:  # noqa: BLE001 (the workbench reads again and shows what went wrong, never a traceback)
            galleries = []
        self.post_message(GalleriesRead(galleries))

    def on_galleries_read(self, message: GalleriesRead) -> None:
        """Draw the galleries as the workbench groups them, in the frame (mounted now: nothing is drawn before),
        as many as the screen has lines for: the workbench, taking its place, shows them all."""
        self.galleries = message.galleries
        by_subscription, by_group = grouping(message.galleries)
        parents: dict[tuple[str, ...], object] = {}
        for shown, gallery in enumerate(message.galleries):
            if len(parents) + shown >= self.app.size.height:
                break
            parent = self.resource_tree.root
            if by_subscription:
                parent = self._group(parents, parent, (gallery.subscription,), gallery.subscription_name)
            if by_group:
                key = (gallery.subscription, gallery.resource_group)
                parent = self._group(parents, parent, key, gallery.resource_group)
            label = Text(gallery.name)
            label.append("  " + counted(gallery.definition_count, "image"), "dim")
            parent.add_leaf(label)
        self.mount_all(self._frame())

    def on_galleries_tree_drawn(self, message: GalleriesTree.Drawn) -> None:
        """The galleries are on the terminal: the workbench takes this screen's place."""
        self.app.open_workbench(self.galleries)

    @staticmethod
    def _group(parents: dict, parent, key: tuple[str, ...], label: str):
        if key not in parents:
            parents[key] = parent.add(Text(label, "bold"), expand=True)
        return parents[key]
