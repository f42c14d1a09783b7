"""`u`: who uses an image version (VMs and scale sets pinned to it or made through `latest`), and what `latest`
resolves to in each region now, if the version were deleted, and if it were excluded from latest."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from ..messages import UsageLoaded
from ..threads import run_in_thread

NOBODY = "No VM or scale set was made from this version."
NOTHING = "—"


class UsageScreen(ModalScreen[None]):
    """Reads on its own thread worker (`load` runs there) and shows what it found."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,u", "close", "Close", id="usage.close"),
    ]

    def __init__(self, title: str, load: Callable[[], UsageLoaded]) -> None:
        super().__init__()
        self.heading = title
        self.load = load

    def compose(self) -> ComposeResult:
        with Vertical(id="usage-dialog"):
            yield Static(self.heading, id="usage-title", markup=False)
            yield Static("VMs and scale sets made from it", classes="usage-section")
            yield Static("Reading…", id="usage-note")
            yield DataTable(id="usage-vms", cursor_type="row", zebra_stripes=True)
            yield Static("latest per region", classes="usage-section")
            yield DataTable(id="usage-latest", cursor_type="row", zebra_stripes=True)
            yield Static("esc closes", id="usage-hint")

    def on_mount(self) -> None:
        self.query_one("#usage-vms", DataTable).add_columns("Name", "Kind", "Region", "Made through")
        self.query_one("#usage-latest", DataTable).add_columns("Region", "latest now", "If deleted", "If excluded")
        run_in_thread(self, "usage", self.load)

    def on_usage_loaded(self, message: UsageLoaded) -> None:
        vms = self.query_one("#usage-vms", DataTable)
        vms.clear()
        for d in message.deployments:
            how = "pinned to this version" if d.pinned else "latest (resolved to it)"
            vms.add_row(d.name, d.kind_label, d.location, how)
        vms.display = bool(message.deployments)
        count = len(message.deployments)
        note = NOBODY if not count else f"{count} made from it; pinned ones break when it is deleted."
        self.query_one("#usage-note", Static).update(note)
        latest = self.query_one("#usage-latest", DataTable)
        latest.clear()
        for deleted, excluded in zip(message.if_deleted, message.if_excluded, strict=True):
            latest.add_row(
                deleted.region,
                deleted.now or NOTHING,
                _after(deleted.now, deleted.after),
                _after(excluded.now, excluded.after),
            )
        latest.focus()

    def action_close(self) -> None:
        self.dismiss(None)


def _after(now: str | None, after: str | None) -> str:
    return "unchanged" if now == after else f"→ {after or 'nothing'}"
