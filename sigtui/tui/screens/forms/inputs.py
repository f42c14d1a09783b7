"""The inputs of the create and edit forms, each checked by the domain as you type: names, regions with
completion, end-of-life dates, tags."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.suggester import SuggestFromList
from textual.widgets import Input

from ....cli.parser import tags
from ....domain import drafts, rules
from ....domain.dates import iso, parse_date
from ....domain.models import Subscription
from ....domain.reference_data import find_region
from ...render import local_with_hint
from ...widgets.form_kit import Check, DomainCheck, FormField


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


def region_field(field: Input) -> FormField:
    """The required Region row every create form shows, describing the region typed."""
    return FormField("Region", field, required=True, id="f-location", properties=("location",),
                     describe=describe_region)


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
