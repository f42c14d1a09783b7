"""`$`: the illustrative cost of everything the identity can read."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ..widgets.cost_view import EVERYTHING, CostTarget, CostView


class CostScreen(ModalScreen[None]):
    """The whole database as one identity sees it; the app answers the view's request."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,dollar_sign", "close", "Close", id="costs.close"),
    ]

    def __init__(self, identity: str) -> None:
        super().__init__()
        self.identity = identity
        self.view = CostView(id="costs-view")

    def compose(self) -> ComposeResult:
        with Vertical(id="costs-dialog"):
            yield Static("Cost estimate", id="costs-title")
            yield self.view
            yield Static("esc closes", id="costs-hint")

    def on_mount(self) -> None:
        self.view.show_target(CostTarget(EVERYTHING, f"Everything {self.identity} can read"))

    def action_close(self) -> None:
        self.dismiss(None)
