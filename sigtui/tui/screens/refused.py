"""Azure's refusal of a delete, with an offer to show what stands in the way."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from ...domain.errors import AzureError


class RefusedScreen(ModalScreen[bool]):
    """Azure's refusal; True when the operator wants to see what stands in the way."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "answer(False)", "Close", id="refused.close"),
        Binding("c", "answer(True)", "Show children", id="refused.children"),
    ]

    def __init__(self, title: str, error: AzureError, offer: str) -> None:
        super().__init__()
        self.heading = title
        self.error = error
        self.offer = offer

    def compose(self) -> ComposeResult:
        with Vertical(id="refused-dialog"):
            yield Static(self.heading, id="refused-title", markup=False)
            yield Static(self.error.code, id="refused-code", markup=False)
            yield Static(self.error.message, id="refused-message", markup=False)
            with Horizontal(id="refused-buttons"):
                yield Button(f"{self.offer} (c)", variant="primary", id="refused-children")
                yield Button("Close (esc)", id="refused-close")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#refused-children").focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "refused-children")

    def action_answer(self, show: bool) -> None:
        self.dismiss(show)
