"""`w` in the share dialog: the image versions other subscriptions share directly with this one (or its tenant),
with the `/SharedGalleries/...` ids VMs are created from."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Static

from ...domain.wording import counted
from ..messages import SharedWithMeListed
from ..threads import run_in_thread

COLUMNS = ("Gallery", "Image", "Version", "OS", "Regions", "Shared with")


class SharedWithMeScreen(ModalScreen[None]):
    """Loads with `load` on its own thread worker; `escape` closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="shared-with-me.close"),
        Binding("r", "reload", "Reload", id="shared-with-me.reload"),
    ]

    def __init__(self, load: Callable[[], list[dict]]) -> None:
        super().__init__()
        self.load = load
        self.versions: list[dict] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="shared-dialog"):
            yield Static("Shared with me · direct shared galleries", id="shared-title")
            table = DataTable(id="shared-table", cursor_type="row", zebra_stripes=True)
            table.add_columns(*COLUMNS)
            yield table
            yield Static("Loading…", id="shared-id", markup=False)
            yield Static("", id="shared-note")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._load()

    def _load(self) -> None:
        run_in_thread(self, "shared-with-me", lambda: SharedWithMeListed(self.load()))

    def on_shared_with_me_listed(self, event: SharedWithMeListed) -> None:
        self.versions = event.versions
        table = self.query_one(DataTable)
        table.clear()
        table.add_rows(
            (v["gallery"], v["image"], v["version"], f"{v['osType']} {v['osState']}", ", ".join(v["regions"]),
             v["sharedWith"])
            for v in self.versions
        )
        note = "Nothing is shared directly with this subscription or its tenant." if not self.versions else (
            f"{counted(len(self.versions), 'image version')} · create VMs from the /SharedGalleries id below")
        self.query_one("#shared-note", Static).update(note)
        self._show_id(0)
        table.focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_id(event.cursor_row)

    def _show_id(self, row: int) -> None:
        text = self.versions[row]["id"] if 0 <= row < len(self.versions) else ""
        self.query_one("#shared-id", Static).update(text)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_reload(self) -> None:
        self._load()
