"""The Review + create page: everything the plan says would be created, or Azure's reason it cannot be."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ....domain.errors import AzureError
from ....domain.vm_plan import VmPlan


def plan_table(rows: list[tuple[str, str]]) -> Table:
    table = Table(box=None, show_header=False, pad_edge=False, expand=True)
    table.add_column("Field", style="bold", no_wrap=True, width=22)
    table.add_column("Value", ratio=1, overflow="fold")
    for label, value in rows:
        table.add_row(label, value)
    return table


class ReviewPage(VerticalScroll):
    """Shows the result of the last review; nothing here writes. `text` is what it says, as plain text."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.body = Static("", id="vm-review-body")
        self.text = ""

    def compose(self) -> ComposeResult:
        yield self.body

    def _show(self, lines: list[Text], table: list[tuple[str, str]] | None = None, after: list[Text] = ()) -> None:
        rows = [f"{label}: {value}" for label, value in table or []]
        self.text = "\n".join([t.plain for t in lines] + rows + [t.plain for t in after])
        parts = [*lines, *([Text(""), plan_table(table), Text("")] if table else []), *after]
        self.body.update(Group(*parts))

    def show_pending(self) -> None:
        self._show([Text("Validating…", "dim")])

    def show_plan(self, plan: VmPlan) -> None:
        verdict = Text("✓ Validation passed. Nothing is written until you press Create.", "bold green")
        self._show([verdict], plan.summary(), [Text(f"⚠ {w}", "yellow") for w in plan.warnings])

    def show_error(self, error: AzureError, creating: bool = False) -> None:
        title = "✗ The create was refused" if creating else "✗ Validation failed"
        self._show([Text(title, "bold red"), Text(""), Text(error.code, "bold red"), Text(error.message)])
