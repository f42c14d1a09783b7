"""Form rows for the dialog: a label, a control, and the message that Azure's checks give as you type."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Label, Static

from ....domain.errors import AzureError

SEVERITIES = ("error", "warning", "note")


class AzureCheck(Validator):
    """Runs one of the domain's check functions; its AzureError message becomes the failure description."""

    def __init__(self, check: Callable[[str], object]) -> None:
        super().__init__()
        self.check = check

    def validate(self, value: str) -> ValidationResult:
        try:
            self.check(value)
        except AzureError as error:
            return self.failure(error.message)
        return self.success()


def azure_message(check: Callable[[], object]) -> str:
    """Azure's message when `check()` refuses, else ""."""
    try:
        check()
    except AzureError as error:
        return error.message
    return ""


class FormRow(Vertical):
    """`label  control` (or the label above a wide control), with a message line under the control that appears
    only when there is something to say."""

    def __init__(self, label: str, control: Widget, *, id: str | None = None, stacked: bool = False) -> None:
        super().__init__(id=id, classes="form-row -stacked" if stacked else "form-row")
        self.label = label
        self.control = control
        self.message = Static("", classes="form-message", markup=False)
        self.text = ""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="form-line"):
            yield Label(self.label, classes="form-label")
            yield self.control
        yield self.message

    def on_mount(self) -> None:
        self.message.display = False

    def say(self, text: str, severity: str = "error") -> None:
        """Show (or, with empty text, hide) the row's message; unchanged messages cause no layout."""
        if text == self.text and self.message.has_class(f"-{severity}") == bool(text):
            return
        self.text = text
        self.message.update(text)
        self.message.display = bool(text)
        for name in SEVERITIES:
            self.message.set_class(name == severity and bool(text), f"-{name}")
        self.set_class(severity == "error" and bool(text), "-invalid")
