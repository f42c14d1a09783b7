"""The `/` prompt: words that must all match a resource's name, identifier, state, badges or tags."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

HINT = "name, publisher/offer/SKU, state (failed, replicating…), badge (excluded, eol, cmk) or tag key=value"


class FilterScreen(ModalScreen[str | None]):
    """Dismisses with the filter text (empty clears it), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="filter.cancel")]

    def __init__(self, current: str = "") -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="filter-dialog"):
            yield Input(self.current, placeholder="Filter…", id="filter-input")
            yield Static(HINT, id="filter-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
