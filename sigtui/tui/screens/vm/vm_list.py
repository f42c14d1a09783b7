"""Every VM and scale set created from the galleries, in one table."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Static

from ....domain.wording import counted
from ...messages import VmsListed
from ...threads import run_in_thread
from .rows import vm_row

COLUMNS = ("Name", "Type", "Resource group", "Region", "Size", "Instances", "Image", "Version", "Disks")


class VmListScreen(ModalScreen[None]):
    """Loads the list with `load` on its own thread worker; `escape` closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="vm-list.close"),
        Binding("r", "reload", "Reload", id="vm-list.reload"),
    ]

    def __init__(self, load: Callable[[], list[dict]]) -> None:
        super().__init__()
        self.load = load

    def compose(self) -> ComposeResult:
        with Vertical(id="vm-list-dialog"):
            yield Static("Virtual machines and scale sets", id="vm-list-title")
            table = DataTable(id="vm-table", cursor_type="row", zebra_stripes=True)
            table.add_columns(*COLUMNS)
            yield table
            yield Static("Loading…", id="vm-list-note")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._load()

    def _load(self) -> None:
        run_in_thread(self, "vm-list", lambda: VmsListed(self.load()))

    def on_vms_listed(self, event: VmsListed) -> None:
        table = self.query_one(DataTable)
        table.clear()
        table.add_rows(vm_row(body) for body in event.vms)
        count = len(event.vms)
        note = "No VM or scale set yet: press c on an image definition or version to create one."
        self.query_one("#vm-list-note", Static).update(
            note if not count else counted(count, "resource")
        )
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_reload(self) -> None:
        self._load()
