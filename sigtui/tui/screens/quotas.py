"""`Q`: quotas at a glance, what each subscription uses per region against Azure's limits."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from ...domain.quotas import RegionUsage, Usage
from ...domain.wording import counted
from ..messages import QuotasLoaded
from ..threads import run_in_thread

Loader = Callable[[], QuotasLoaded]
"""Runs on the screen's thread worker: the usage of every subscription the identity can see."""

COLUMNS = ("Subscription", "Region", "Galleries", "Definitions", "Versions", "Replicas/version", "Replicas")
STYLES = {"ok": "", "near": "bold $warning", "full": "bold $error"}


def quota_cell(quota: Usage) -> Text:
    """`3 / 100`, coloured when nearly or fully used."""
    return Text(f"{quota.current:,} / {quota.limit:,}", style=STYLES[quota.state], justify="right")


def usage_row(region: RegionUsage) -> tuple:
    return (region.subscription_name, region.region, *map(quota_cell, region.quotas),
            Text(f"{region.replicas:,}", justify="right"))


class QuotaScreen(ModalScreen[None]):
    """One row per subscription and region where something is held; the identity sees its own subscriptions."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,Q", "close", "Close", id="quotas.close"),
    ]

    def __init__(self, identity: str, load: Loader) -> None:
        super().__init__()
        self.identity = identity
        self.load = load
        self.table = DataTable(id="quotas-table", cursor_type="row", zebra_stripes=True)
        self.note = Static("Loading…", id="quotas-hint", markup=False)

    def compose(self) -> ComposeResult:
        with Vertical(id="quotas-dialog"):
            yield Static("Quotas per subscription and region", id="quotas-title")
            yield self.table
            yield self.note

    def on_mount(self) -> None:
        self.table.add_columns(*COLUMNS)
        self.table.focus()
        run_in_thread(self, "usage", self.load)

    def on_quotas_loaded(self, message: QuotasLoaded) -> None:
        if message.problem:
            self.note.update(message.problem)
            return
        for region in message.regions:
            self.table.add_row(*usage_row(region))
        crowded = sum(q.state != "ok" for region in message.regions for q in region.quotas)
        warning = f"{counted(crowded, 'quota')} at 80% or more · " if crowded else ""
        self.note.update(f"{warning}Azure's limits per subscription and region, as {self.identity} sees them · "
                         "esc closes")

    def action_close(self) -> None:
        self.dismiss(None)
