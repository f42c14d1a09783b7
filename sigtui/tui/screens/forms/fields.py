"""Labelled form controls whose checks are the domain's own: Azure's message shows under the field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from ....cli.output import UsageError
from ....cli.parser import tags
from ....domain import drafts, rules
from ....domain.catalog import find_region
from ....domain.dates import iso, parse_date
from ....domain.errors import AzureError
from ....domain.models import Subscription
from ...render import local_with_hint

Check = Callable[[str], object]
"""Raises AzureError (or az's UsageError) when the text is not acceptable; may return the parsed value."""

REFUSALS = (AzureError, UsageError, ValueError)


def refusal(error: BaseException) -> str:
    """The message a refusal shows: Azure's own text."""
    return error.message if isinstance(error, AzureError) else str(error)


class DomainCheck(Validator):
    """A Textual validator around one of the domain's check functions."""

    def __init__(self, check: Check) -> None:
        super().__init__()
        self.check = check

    def validate(self, value: str) -> ValidationResult:
        try:
            self.check(value)
        except REFUSALS as error:
            return self.failure(refusal(error), value)
        return self.success()


class FormField(Vertical):
    """A label, a control, an optional hint (e.g. what a date resolved to) and the field's error; `check`
    validates the value of a control that is not an Input (a Select that must be chosen)."""

    def __init__(
        self,
        label: str,
        control: Widget,
        *,
        required: bool = False,
        hint: str = "",
        describe: Callable[[str], str] | None = None,
        stacked: bool = False,
        check: Callable[[object], object] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="form-field -stacked" if stacked else "form-field")
        self.stacked = stacked
        self.value_check = check
        self.label = label + (" *" if required else "")
        self.control = control
        self.describe = describe
        self.hint = Static(hint, classes="field-hint", markup=False)
        self.error = Static("", classes="field-error", markup=False)
        self.hint.display = bool(hint)
        self.error.display = False

    def compose(self) -> ComposeResult:
        if self.stacked:
            yield Label(self.label, classes="field-label")
            yield self.control
        else:
            with Horizontal(classes="field-row"):
                yield Label(self.label, classes="field-label")
                yield self.control
        yield self.hint
        yield self.error

    def show_error(self, message: str | None) -> None:
        self.error.update(message or "")
        self.error.display = bool(message)
        self.set_class(bool(message), "-invalid")

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
            try:
                self.value_check(None if value is Select.NULL else value)
            except REFUSALS as error:
                self.show_error(refusal(error))
                return False
            self.show_error(None)
            return True
        result = control.validate(control.value)
        self.show_result(control.value, result)
        return result is None or result.is_valid

    def show_result(self, value: str, result: ValidationResult | None) -> None:
        valid = result is None or result.is_valid
        self.show_error(None if valid else "; ".join(result.failure_descriptions))
        if self.describe is not None:
            self.show_hint(self.describe(value) if valid and value.strip() else "")


def text_input(
    value: str = "",
    check: Check | None = None,
    *,
    placeholder: str = "",
    optional: bool = False,
    id: str | None = None,
    disabled: bool = False,
) -> Input:
    """An Input validated by a domain check; `optional` inputs accept empty text."""
    return Input(
        value,
        placeholder=placeholder,
        validators=[DomainCheck(check)] if check else None,
        valid_empty=optional,
        id=id,
        disabled=disabled,
        compact=True,
        select_on_focus=False,
    )


def region_input(
    value: str, subscription: Subscription, resource_type: str, *, id: str | None = None, disabled: bool = False
) -> Input:
    """A region typed with completion (`wes` → `westus`), checked as Azure checks a location."""
    names = [r.name for r in rules.available_regions(subscription)]
    field = text_input(
        value,
        lambda text: rules.check_location(text, subscription, resource_type),
        placeholder="region, e.g. westus",
        id=id,
        disabled=disabled,
    )
    field.suggester = SuggestFromList(names, case_sensitive=False)
    return field


def describe_region(text: str) -> str:
    region = find_region(text)
    if region is None:
        return ""
    zones = " · availability zones" if region.availability_zones else ""
    return f"{region.display_name} ({region.geography}){zones}"


def date_describer(now: datetime) -> Callable[[str], str]:
    """What a date field's text resolved to, e.g. `→ 2026-09-01 12:00 (in 6 months)`."""

    def describe(text: str) -> str:
        return f"→ {local_with_hint(parse_date(text, now), now)}"

    return describe


def date_input(value: datetime | None, now: datetime, *, id: str | None = None, disabled: bool = False) -> Input:
    """An end-of-life date: ISO 8601 or relative (`+6 months`, `in 90 days`), in the future unless unchanged."""
    original = iso(value) or ""

    def check(text: str) -> None:
        if not original or text.strip() != original:
            drafts.end_of_life(text, now)

    return text_input(
        original,
        check,
        placeholder="2027-01-31, +6 months, in 90 days",
        optional=True,
        id=id,
        disabled=disabled,
    )


def parse_tags(text: str) -> dict:
    """az's `key[=value] key2[=value2]`."""
    return tags(text.split()) or {}


def tags_text(values: dict) -> str:
    return " ".join(f"{k}={v}" if v else k for k, v in values.items())


def optional(text: str) -> str | None:
    return text.strip() or None
