"""A yes/no question before a destructive action: the safe answer is the default, and what holds others asks
for its name to be typed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Static


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses True only on an explicit yes (`y` or the action button); `n`, escape and the focused Cancel say
    no. With `typed_name`, only once that name has been typed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "No", id="confirm.no"),
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
    ]

    def __init__(
        self, title: str, lines: Sequence[str] = (), confirm: str = "Remove", typed_name: str | None = None
    ) -> None:
        super().__init__()
        self.heading = title
        self.lines = lines
        self.confirm = confirm
        self.typed_name = typed_name

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog"):
            yield Static(self.heading, id="confirm-title", markup=False)
            for line in self.lines:
                yield Static(line, classes="confirm-line", markup=False)
            if self.typed_name is not None:
                yield Static(f"Type {self.typed_name} to confirm:", classes="confirm-line", markup=False)
                yield Input(placeholder=self.typed_name, id="confirm-name", compact=True)
            with Horizontal(id="confirm-buttons"):
                typed = self.typed_name is not None
                yield Button(
                    self.confirm if typed else f"{self.confirm} (y)", variant="error", id="confirm-yes", disabled=typed
                )
                yield Button("Cancel (n)", id="confirm-no")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        target = "#confirm-name" if self.typed_name is not None else "#confirm-no"
        self.query_one(target).focus()

    @on(Input.Changed, "#confirm-name")
    def _typed(self, event: Input.Changed) -> None:
        self.query_one("#confirm-yes", Button).disabled = event.value != self.typed_name

    @on(Input.Submitted, "#confirm-name")
    def _submitted(self, event: Input.Submitted) -> None:
        if event.value == self.typed_name:
            self.dismiss(True)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        if yes and self.typed_name is not None:
            return
        self.dismiss(yes)
