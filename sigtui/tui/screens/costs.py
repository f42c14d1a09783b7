"""`$`: the illustrative cost of everything the identity can read."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ..messages import CostEstimated, EstimateRequested
from ..threads import run_in_thread
from ..widgets.cost_view import EVERYTHING, CostTarget, CostView

Estimator = Callable[[str], CostEstimated]
"""Runs on the screen's thread worker: an estimate for a resource id (EVERYTHING: all the identity can read)."""


class CostScreen(ModalScreen[None]):
    """The whole database as one identity sees it, estimated on the screen's own thread worker."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,dollar_sign", "close", "Close", id="costs.close"),
    ]

    def __init__(self, identity: str, estimate: Estimator) -> None:
        super().__init__()
        self.identity = identity
        self.estimate = estimate
        self.view = CostView(id="costs-view")

    def compose(self) -> ComposeResult:
        with Vertical(id="costs-dialog"):
            yield Static("Cost estimate", id="costs-title")
            yield self.view
            yield Static("esc closes", id="costs-hint")

    def on_mount(self) -> None:
        self.view.show_target(CostTarget(EVERYTHING, f"Everything {self.identity} can read"))

    def on_estimate_requested(self, message: EstimateRequested) -> None:
        message.stop()
        resource_id = message.resource_id
        run_in_thread(self, "cost", lambda: self.estimate(resource_id))

    def on_cost_estimated(self, message: CostEstimated) -> None:
        self.view.show_estimate(message.resource_id, message.estimate, message.problem)

    def action_close(self) -> None:
        self.dismiss(None)
