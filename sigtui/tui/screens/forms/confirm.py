"""Questions before destructive actions (`y`/`n`, safe default, typing the name for what holds others), the
refusal of a delete with an offer to show the children, and the choice of a failed region to fix."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from ....domain.errors import AzureError


class ConfirmDeleteScreen(ModalScreen[bool]):
    """Dismisses True only on an explicit yes; with `typed_name`, only once that name has been typed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "No", id="delete.no"),
        Binding("y", "answer(True)", "Yes", id="delete.yes"),
    ]

    def __init__(self, title: str, lines: list[str], confirm: str, typed_name: str | None = None) -> None:
        super().__init__()
        self.heading = title
        self.lines = lines
        self.confirm = confirm
        self.typed_name = typed_name

    def compose(self) -> ComposeResult:
        with Vertical(id="delete-dialog"):
            yield Static(self.heading, id="delete-title", markup=False)
            for line in self.lines:
                yield Static(line, classes="delete-line", markup=False)
            if self.typed_name is not None:
                yield Static(f"Type {self.typed_name} to confirm:", classes="delete-line", markup=False)
                yield Input(placeholder=self.typed_name, id="delete-name", compact=True)
            with Horizontal(id="delete-buttons"):
                typed = self.typed_name is not None
                yield Button(
                    self.confirm if typed else f"{self.confirm} (y)", variant="error", id="delete-yes", disabled=typed
                )
                yield Button("Cancel (n)", id="delete-no")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        target = "#delete-name" if self.typed_name is not None else "#delete-no"
        self.query_one(target).focus()

    @on(Input.Changed, "#delete-name")
    def _typed(self, event: Input.Changed) -> None:
        self.query_one("#delete-yes", Button).disabled = event.value != self.typed_name

    @on(Input.Submitted, "#delete-name")
    def _submitted(self, event: Input.Submitted) -> None:
        if event.value == self.typed_name:
            self.dismiss(True)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "delete-yes")

    def action_answer(self, yes: bool) -> None:
        if yes and self.typed_name is not None:
            return
        self.dismiss(yes)


class RefusedScreen(ModalScreen[bool]):
    """Azure's refusal; True when the operator wants to see what stands in the way."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "answer(False)", "Close", id="refused.close"),
        Binding("c", "answer(True)", "Show children", id="refused.children"),
    ]

    def __init__(self, title: str, error: AzureError, offer: str) -> None:
        super().__init__()
        self.heading = title
        self.error = error
        self.offer = offer

    def compose(self) -> ComposeResult:
        with Vertical(id="refused-dialog"):
            yield Static(self.heading, id="refused-title", markup=False)
            yield Static(self.error.code, id="refused-code", markup=False)
            yield Static(self.error.message, id="refused-message", markup=False)
            with Horizontal(id="refused-buttons"):
                yield Button(f"{self.offer} (c)", variant="primary", id="refused-children")
                yield Button("Close (esc)", id="refused-close")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#refused-children").focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "refused-children")

    def action_answer(self, show: bool) -> None:
        self.dismiss(show)


FAILED_HINT = "r retries the region · x removes it (its replicas there are deleted)"


class FailedRegionScreen(ModalScreen[tuple[str, str] | None]):
    """Pick a failed region, then `r` retries it or `x` removes it from the version."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('retry')", "Retry region", id="failed.retry"),
        Binding("x", "choose('remove')", "Remove region", id="failed.remove"),
        Binding("escape", "close", "Close", id="failed.close"),
    ]

    def __init__(self, version: str, failed: list[tuple[str, str]]) -> None:
        super().__init__()
        self.version = version
        self.failed = failed

    def compose(self) -> ComposeResult:
        with Vertical(id="failed-dialog"):
            yield Static(f"Failed regions of {self.version}", id="failed-title", markup=False)
            yield OptionList(
                *[Option(f"{region}: {detail}", id=region) for region, detail in self.failed], compact=True
            )
            yield Static(FAILED_HINT, id="failed-hint")
        yield Footer(compact=True)

    def action_choose(self, what: str) -> None:
        options = self.query_one(OptionList)
        index = options.highlighted if options.highlighted is not None else 0
        self.dismiss((what, self.failed[index][0]))

    def action_close(self) -> None:
        self.dismiss(None)
