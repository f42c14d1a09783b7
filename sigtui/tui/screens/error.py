"""A dialog for errors that must be read: what was being done, Azure's code and message."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ...domain.errors import AzureError


def describe(error: BaseException) -> tuple[str, str]:
    """A heading (Azure's code, or the exception type) and the message."""
    if isinstance(error, AzureError):
        return error.code, error.message
    return type(error).__name__, str(error) or repr(error)


class ErrorScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "dismiss_error", "Close", id="error.close"),
    ]

    def __init__(self, title: str, error: BaseException) -> None:
        super().__init__()
        self.heading = title
        self.error = error

    def compose(self) -> ComposeResult:
        code, message = describe(self.error)
        with Vertical(id="error-dialog"):
            yield Static(self.heading, id="error-title")
            yield Static(code, id="error-code")
            yield Static(message, id="error-message", markup=False)
            yield Button("Close", variant="error", id="error-close")

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_dismiss_error(self) -> None:
        self.dismiss(None)
