"""The form kit every dialog uses: validators that are the domain's own checks, and labelled fields whose
message line shows Azure's wording (an error, a warning or a note) only when there is something to say."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Select, Static

from ...cli.output import UsageError
from ...domain.errors import AzureError

Check = Callable[[str], object]
"""Raises AzureError (or az's UsageError) when the text is not acceptable; may return the parsed value."""

REFUSALS = (AzureError, UsageError, ValueError)
SEVERITIES = ("error", "warning", "note")


def field_values(container: Widget) -> tuple[tuple[str | None, object], ...]:
    """What every field in `container` holds, to tell whether anything was typed or chosen."""
    fields = container.query("Input, Select, RadioButton, OptionList")
    return tuple((w.id, w.highlighted if isinstance(w, OptionList) else w.value) for w in fields)


def refusal(error: BaseException) -> str:
    """The message a refusal shows: Azure's own text."""
    return error.message if isinstance(error, AzureError) else str(error)


def refusal_of(check: Callable[[], object]) -> str:
    """The message when `check()` refuses, else ""."""
    try:
        check()
    except REFUSALS as error:
        return refusal(error)
    return ""


class DomainCheck(Validator):
    """A Textual validator around one of the domain's check functions."""

    def __init__(self, check: Check) -> None:
        super().__init__()
        self.check = check

    def validate(self, value: str) -> ValidationResult:
        message = refusal_of(lambda: self.check(value))
        return self.failure(message, value) if message else self.success()


class FormField(Vertical):
    """A label, a control, an optional hint (e.g. what a date resolved to) and a message line. `stacked` puts
    the label above a wide control; `dense` is the VM dialog's narrower look. `check` validates the value of a
    control that is not an Input (a Select that must be chosen). `properties` are the REST properties the field
    edits: a refusal whose target names one of them is shown here."""

    def __init__(
        self,
        label: str,
        control: Widget,
        *,
        required: bool = False,
        hint: str = "",
        describe: Callable[[str], str] | None = None,
        stacked: bool = False,
        dense: bool = False,
        check: Callable[[object], object] | None = None,
        properties: tuple[str, ...] = (),
        id: str | None = None,
    ) -> None:
        classes = "form-field" + (" -stacked" if stacked else "") + (" -dense" if dense else "")
        super().__init__(id=id, classes=classes)
        self.stacked = stacked and not dense
        self.value_check = check
        self.properties = properties
        self.label = label + (" *" if required else "")
        self.control = control
        self.describe = describe
        self.hint = Static(hint, classes="field-hint", markup=False)
        self.message = Static("", classes="field-message", markup=False)
        self.text = ""
        self.hint.display = bool(hint)
        self.message.display = False

    def compose(self) -> ComposeResult:
        if self.stacked:
            yield Label(self.label, classes="field-label")
            yield self.control
        else:
            with Horizontal(classes="field-row"):
                yield Label(self.label, classes="field-label")
                yield self.control
        yield self.hint
        yield self.message

    def specificity(self, target: str) -> int:
        """How closely an error target (`galleryImageVersion.properties.publishingProfile.replicaCount`) names
        this field: the length of the longest of its properties the target holds, 0 when it holds none."""
        path = f".{target.lower()}."
        return max((len(prop) for prop in self.properties if target and f".{prop.lower()}." in path), default=0)

    def say(self, text: str, severity: str = "error") -> None:
        """Show (or, with empty text, hide) the field's message; an unchanged message causes no layout."""
        if text == self.text and self.message.has_class(f"-{severity}") == bool(text):
            return
        self.text = text
        self.message.update(text)
        self.message.display = bool(text)
        for name in SEVERITIES:
            self.message.set_class(name == severity and bool(text), f"-{name}")
        self.set_class(severity == "error" and bool(text), "-invalid")

    def show_error(self, message: str | None) -> None:
        self.say(message or "")

    def show_hint(self, text: str) -> None:
        self.hint.update(text)
        self.hint.display = bool(text)

    @property
    def invalid(self) -> bool:
        return self.has_class("-invalid")

    def check(self) -> bool:
        """Validate the control now (an Input with validators); show the error and the hint. True when valid."""
        control = self.control
        if not isinstance(control, Input):
            if self.value_check is None:
                return not self.invalid
            value = getattr(control, "value", None)
            message = refusal_of(lambda: self.value_check(None if value is Select.NULL else value))
            self.show_error(message)
            return not message
        result = control.validate(control.value)
        self.show_result(control.value, result)
        return result is None or result.is_valid

    def show_result(self, value: str, result: ValidationResult | None) -> None:
        valid = result is None or result.is_valid
        self.show_error(None if valid else "; ".join(result.failure_descriptions))
        if self.describe is not None:
            self.show_hint(self.describe(value) if valid and value.strip() else "")
