"""`a`: the activity log of the whole database, newest first, filtered as you type, with what each change did."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Input, Static

from ..messages import ActivityLoaded
from ..render import author, local
from ..threads import run_in_thread

MAX_CHANGES = 8


def flatten(value: object, prefix: str = "") -> dict[str, object]:
    """`{"properties": {"description": "x"}}` → `{"properties.description": "x"}`; lists stay whole."""
    if not isinstance(value, dict):
        return {prefix: value} if prefix else {}
    flat: dict[str, object] = {}
    for key, inner in value.items():
        flat.update(flatten(inner, f"{prefix}.{key}" if prefix else key))
    return flat


def changes(entry: dict) -> list[str]:
    """What an entry changed, one `path: before → after` line per changed field."""
    before = flatten(json.loads(entry["before"])) if entry.get("before") else {}
    after = flatten(json.loads(entry["after"])) if entry.get("after") else {}
    if not before:
        return ["created"] if after else []
    if not after:
        return ["deleted"]
    lines = []
    for path in sorted(before.keys() | after.keys()):
        old, new = before.get(path), after.get(path)
        if old != new and not path.endswith(("provisioningState", "replicationStatus")):
            lines.append(f"{path}: {_short(old)} → {_short(new)}")
    return lines


def _short(value: object) -> str:
    text = "—" if value is None else json.dumps(value) if isinstance(value, list | dict) else str(value)
    return text if len(text) <= 70 else text[:69] + "…"


def matches(entry: dict, words: list[str]) -> bool:
    haystack = " ".join(
        str(entry.get(k) or "") for k in ("operation", "resource_id", "caller", "face", "status", "message")
    ).lower()
    return all(word in haystack for word in words)


class ActivityLogScreen(ModalScreen[None]):
    """Every recorded change: who, when, what, on which resource, the outcome and before → after."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="activity.close"),
        Binding("ctrl+f", "focus_filter", "Filter", id="activity.filter"),
    ]

    def __init__(self, load: Callable[[], list[dict]]) -> None:
        super().__init__()
        self.load = load
        self.entries: list[dict] = []
        self.shown: list[dict] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="activity-dialog"):
            yield Static("Activity log", id="activity-title")
            yield Input(
                placeholder="Filter: words in operation, resource, caller, status (ctrl+f)",
                id="activity-filter",
                compact=True,
            )
            yield DataTable(id="activity-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="activity-detail", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("When", "Operation", "Status", "By", "Resource")
        table.focus()
        run_in_thread(self, "activity", lambda: ActivityLoaded(self.load()), exclusive=True)

    def on_activity_loaded(self, message: ActivityLoaded) -> None:
        self.entries = message.entries
        self.show(self.query_one("#activity-filter", Input).value)

    def show(self, text: str) -> None:
        words = text.lower().split()
        self.shown = [e for e in self.entries if matches(e, words)]
        table = self.query_one(DataTable)
        table.clear()
        for entry in self.shown:
            status = entry["status"]
            style = "red" if status == "Failed" else "green" if status == "Succeeded" else "yellow"
            table.add_row(
                local(datetime.fromtimestamp(entry["at"], UTC)),
                "/".join(entry["operation"].split("/")[-2:]),
                Text(status, style),
                entry["caller"].split("@")[0],
                _resource(entry["resource_id"]),
            )
        title = self.query_one("#activity-title", Static)
        title.update(f"Activity log · {len(self.shown)} of {len(self.entries)} entries")
        self._detail(0)

    def _detail(self, row: int) -> None:
        detail = self.query_one("#activity-detail", Static)
        if not self.shown:
            detail.update("No entries match.")
            return
        entry = self.shown[min(row, len(self.shown) - 1)]
        lines = changes(entry)
        more = f"\n… {len(lines) - MAX_CHANGES} more" if len(lines) > MAX_CHANGES else ""
        message = f"{entry['message']}\n" if entry.get("message") else ""
        heading = f"{entry['resource_id']}\nby {author(entry)}\n{message}"
        detail.update(heading + "\n".join(lines[:MAX_CHANGES]) + more)

    @on(Input.Changed, "#activity-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.show(event.value)

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._detail(event.cursor_row)

    def action_focus_filter(self) -> None:
        self.query_one("#activity-filter").focus()

    def action_close(self) -> None:
        self.dismiss(None)


def _resource(resource_id: str) -> str:
    """Gallery resources by their names (`ContosoImages › ubuntu-web › 1.3.0`), others by type and name."""
    parts = resource_id.split("/providers/Microsoft.Compute/", 1)
    if len(parts) != 2:
        return resource_id
    path = parts[1].split("/")
    return " › ".join(path[1::2]) if path[0] == "galleries" else parts[1]
