"""`f1`/`?`: every key binding, grouped, with the id a keymap file uses to change it."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

HelpRow = tuple[str, str, str, str]
"""Section, keys, description, binding id."""


def help_table(rows: list[HelpRow]) -> Table:
    table = Table(box=None, expand=True, show_header=True, header_style="bold", pad_edge=False)
    table.add_column("Key", no_wrap=True, min_width=14)
    table.add_column("Action")
    table.add_column("Keymap id", style="dim", no_wrap=True)
    section = None
    for name, keys, description, binding_id in rows:
        if name != section:
            if section is not None:
                table.add_row("", "", "")
            table.add_row(Text(name, "bold underline"), "", "")
            section = name
        table.add_row(Text(keys, "bold"), description, binding_id)
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "close", "Close", id="help.close"),
        Binding("down,j", "scroll('down')", "Scroll down", show=False, id="help.down"),
        Binding("up,k", "scroll('up')", "Scroll up", show=False, id="help.up"),
    ]

    def __init__(self, rows: list[HelpRow], keymap_file: str) -> None:
        super().__init__()
        self.rows = rows
        self.keymap_file = keymap_file

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog"):
            yield Static("Keys", id="help-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(help_table(self.rows), id="help-body")
            yield Static(
                f'Remap keys in {self.keymap_file}, e.g. {{"clock.toggle": "p"}}  ·  esc closes',
                id="help-footer",
                markup=False,
            )

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one("#help-scroll", VerticalScroll)
        scroll.scroll_relative(y=1 if direction == "down" else -1, animate=False)
