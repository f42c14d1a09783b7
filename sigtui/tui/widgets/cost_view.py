"""An illustrative cost estimate: snapshots, GB stored per storage type, egress, monthly and first-month cost."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...domain.costs import CostEstimate
from ..messages import EstimateRequested
from .tree_nodes import NodeData

EVERYTHING = ""
"""The target that stands for every version the identity can read."""
PRICED_KINDS = ("gallery", "definition", "version")
HOW = (
    "Storage: occupied GB × replicas × regions, billed as snapshots per storage type. "
    "Egress: the first copy from the source region to each other region; later replicas copy within a region."
)
TITLES = {"gallery": "Gallery", "definition": "Image definition", "version": "Image version"}


def gigabytes(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text} GB"


def money(value: float, currency: str) -> str:
    return f"{value:,.2f} {currency}"


def cost_table(estimate: CostEstimate) -> Table:
    """The figures, one per row; money in the currency of the price list."""
    body = estimate.to_json()
    currency = body["currency"]
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column("What", style="bold", no_wrap=True, min_width=26)
    table.add_column("Amount", justify="right", no_wrap=True)
    table.add_row("Snapshots", str(estimate.snapshots))
    for kind, gb in sorted(estimate.stored_gb.items()) or [("", 0.0)]:
        table.add_row(f"Stored ({kind})" if kind else "Stored", gigabytes(gb))
    table.add_row("Egress (first copy)", gigabytes(estimate.egress_gb))
    table.add_row("", "")
    table.add_row("Monthly storage", money(estimate.monthly_storage, currency))
    table.add_row("One-time egress", money(estimate.egress, currency))
    table.add_row(Text("First month total"), Text(money(estimate.first_month, currency), "bold"))
    return table


def cost_renderable(heading: str, estimate: CostEstimate) -> RenderableType:
    note = estimate.to_json()["note"]
    return Group(
        Text.assemble((heading, "bold"), "  ", (" illustrative prices ", "reverse")),
        Text(""),
        cost_table(estimate),
        Text(""),
        Text(note, "italic"),
        Text(HOW, "dim"),
    )


@dataclass(frozen=True, slots=True)
class CostTarget:
    """What to estimate: an ARM id, or EVERYTHING; and the heading that names it."""

    resource_id: str
    heading: str


def target_of(node: NodeData | None) -> CostTarget | None:
    if node is None or node.kind not in PRICED_KINDS or not node.arm_id:
        return None
    return CostTarget(node.arm_id, f"{TITLES[node.kind]} {node.name}")


class CostView(VerticalScroll):
    """Asks its screen for an estimate (an `EstimateRequested` message) only while it is on screen."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.target: CostTarget | None = None
        self.body = Static(self._idle(), classes="cost-body")
        self._requested: str | None = None
        self._open = False

    def compose(self) -> ComposeResult:
        yield self.body

    def on_show(self) -> None:
        self._open = True
        self._request()

    def on_hide(self) -> None:
        self._open = False

    def show_node(self, node: NodeData | None) -> None:
        """The cursor moved: estimate its gallery, definition or version when this view is open."""
        self.show_target(target_of(node))

    def show_target(self, target: CostTarget | None) -> None:
        self.target = target
        self._requested = None
        self.body.update(self._idle() if target is None else Text("Estimating…", "dim"))
        self._request()

    def show_estimate(self, resource_id: str, estimate: CostEstimate | None, problem: str = "") -> None:
        """An estimate arrived; one for another target is ignored. None: the identity may not read it."""
        if self.target is None or resource_id != self.target.resource_id:
            return
        if estimate is None:
            self.body.update(Text(problem or "You may not read this resource, so there is no estimate.", "dim"))
            return
        self.body.update(cost_renderable(self.target.heading, estimate))

    def _request(self) -> None:
        target = self.target
        if self._open and target is not None and self._requested != target.resource_id:
            self._requested = target.resource_id
            self.post_message(EstimateRequested(target.resource_id))

    @staticmethod
    def _idle() -> Text:
        return Text("Costs are estimated per gallery, image definition or version; $ estimates everything.", "dim")
