"""A compact footer that shows only the keys that fit its width, in binding order, and the command palette key:
a narrow terminal loses the last keys (f1 and the palette list them all) instead of drawing them over each
other."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

KEY_GAP = 1
"""Cells after each key (the compact footer's margin)."""
PALETTE_EDGE = 1
"""The palette key's left border."""


def key_cells(key: FooterKey) -> int:
    """Cells a compact key takes: its key, a space and its description."""
    return cell_len(key.key_display) + (1 + cell_len(key.description) if key.description else 0)


class FittedFooter(Footer):
    """Recomposes when its width changes, so a terminal that shrinks and grows again gets its keys back."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(compact=True, id=id)
        self._fitted_width = 0

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        palette = [key for key in keys if key.has_class("-command-palette")]
        room = self.app.size.width - sum(key_cells(key) + PALETTE_EDGE for key in palette)
        for key in keys:
            if key in palette:
                continue
            room -= key_cells(key) + KEY_GAP
            if room < 0:
                break
            yield key
        yield from palette

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._fitted_width:
            self._fitted_width = event.size.width
            self.call_after_refresh(self.recompose)
