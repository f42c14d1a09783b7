"""`P`: the retention planner. A rule (keep the newest N succeeded versions per definition, delete past end of
life) planned as a dry run while it is typed: what would go, why, and what blocks the rest; then, after a
confirmation, deleted in one step (the workbench does the write; ctrl+z restores)."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, DataTable, Input, Label, Static

from ...domain.retention import DefinitionPlan, RetentionRule
from ...domain.wording import counted
from ..messages import PrunePlanned
from ..threads import run_in_thread
from .confirm import ConfirmScreen

Planner = Callable[[RetentionRule], PrunePlanned]
"""Runs on the screen's thread worker: the dry run of a rule."""


class PruneScreen(ModalScreen[RetentionRule | None]):
    """Dismisses the rule to apply, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="prune.close"),
        Binding("ctrl+s", "apply", "Delete", id="prune.apply"),
    ]

    def __init__(self, scope: str, plan: Planner, keep: int = 3) -> None:
        super().__init__()
        self.scope = scope
        self.plan = plan
        self.keep = keep
        self.plans: list[DefinitionPlan] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="prune-dialog"):
            yield Static(f"Retention planner · {self.scope}", id="prune-title", markup=False)
            with Horizontal(id="prune-rule"):
                yield Label("Keep the newest", classes="prune-label")
                yield Input(str(self.keep), type="integer", placeholder="all", id="prune-keep", compact=True)
                yield Label("succeeded versions per definition", classes="prune-label")
            yield Checkbox("Delete versions past their end of life", id="prune-eol", compact=True)
            yield DataTable(id="prune-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="prune-detail", markup=False)
            yield Static("", id="prune-summary")
            with Horizontal(id="prune-buttons"):
                yield Button("Delete", variant="error", id="prune-apply", disabled=True, compact=True)
                yield Button("Close", id="prune-close", compact=True)

    def on_mount(self) -> None:
        self.query_one("#prune-table", DataTable).add_columns("Definition", "Version", "Action", "Why", "Blocked by")
        self.query_one("#prune-keep", Input).focus()
        self.replan()

    def rule(self) -> RetentionRule:
        text = self.query_one("#prune-keep", Input).value.strip()
        keep = int(text) if text.lstrip("-").isdigit() else None
        return RetentionRule(keep, self.query_one("#prune-eol", Checkbox).value)

    @on(Input.Changed, "#prune-keep")
    @on(Checkbox.Changed, "#prune-eol")
    def replan(self) -> None:
        """Plan again as the rule changes (the newest answer wins)."""
        rule = self.rule()
        run_in_thread(self, "prune-plan", lambda: self.plan(rule), exclusive=True)

    def on_prune_planned(self, message: PrunePlanned) -> None:
        self.plans = message.plans
        table = self.query_one("#prune-table", DataTable)
        table.clear()
        for plan in message.plans:
            definition = plan.definition_id.rsplit("/", 1)[-1]
            for c in plan.candidates:
                action = "delete" if c.goes else "keep"
                table.add_row(definition, c.version.name, action, "; ".join(c.reasons), "; ".join(c.blockers))
        self.query_one("#prune-detail", Static).update(self.detail(0))
        going = self.going()
        apply = self.query_one("#prune-apply", Button)
        apply.disabled = not going
        apply.label = f"Delete {counted(len(going), 'version')} (ctrl+s)" if going else "Delete"
        apply.refresh(layout=True)
        self.query_one("#prune-summary", Static).update(message.problem or self.summary())

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.query_one("#prune-detail", Static).update(self.detail(event.cursor_row))

    def detail(self, row: int) -> str:
        """The whole story of one row: why the rule names the version and what keeps it."""
        candidates = [c for p in self.plans for c in p.candidates]
        if not 0 <= row < len(candidates):
            return ""
        c = candidates[row]
        why = "; ".join(c.reasons)
        if c.goes:
            return f"{c.version.name} goes: {why}."
        return f"{c.version.name} stays: {'; '.join(c.blockers)} (named because {why})."

    def going(self) -> list[str]:
        return [c.version.name for p in self.plans for c in p.candidates if c.goes]

    def summary(self) -> str:
        kept = sum(1 for p in self.plans for c in p.candidates if not c.goes)
        going = len(self.going())
        if not going and not kept:
            return "The rule names no version: nothing would be deleted."
        return (f"Dry run: {counted(going, 'version')} would be deleted; {counted(kept, 'version')} the rule "
                "names would stay (see Blocked by). Nothing is deleted until you confirm.")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "prune-apply":
            self.action_apply()
        else:
            self.action_close()

    def action_apply(self) -> None:
        going = self.going()
        if not going:
            return
        rule = self.rule()
        lines = [", ".join(going), "Their replicas in every region are deleted. ctrl+z on the workbench restores them."]
        question = ConfirmScreen(f"Delete {counted(len(going), 'image version')}?", lines, "Delete versions")
        self.app.push_screen(question, lambda yes: yes and self.dismiss(rule))

    def action_close(self) -> None:
        self.dismiss(None)
