"""Dates: ISO 8601 or relative text (`+6 months`, `in 90 days`), always UTC-aware."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from .errors import invalid
from .values import check_date

_RELATIVE = re.compile(
    r"^(?:\+|in\s+)?\s*([0-9]+)\s*(y|years?|mo|months?|w|weeks?|d|days?|h|hours?|m|min|minutes?|s|seconds?)\s*$",
    re.IGNORECASE,
)
_DURATION = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([smhd])\s*$", re.IGNORECASE)


def _offset(amount: int, unit: str):
    from dateutil.relativedelta import relativedelta

    unit = unit.lower()
    if unit.startswith("y"):
        return relativedelta(years=amount)
    if unit.startswith("mo"):
        return relativedelta(months=amount)
    if unit.startswith("w"):
        return relativedelta(weeks=amount)
    if unit.startswith("d"):
        return relativedelta(days=amount)
    if unit.startswith("h"):
        return relativedelta(hours=amount)
    if unit.startswith("m"):
        return relativedelta(minutes=amount)
    return relativedelta(seconds=amount)


def as_utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def parse_date(text: str, now: datetime, prop: str = "endOfLifeDate", bare_date_time: str | None = None) -> datetime:
    """Parse ISO 8601 or relative input; `bare_date_time` (az uses `T12:59:59Z`) completes a date-only value."""
    value = text.strip()
    try:
        match = _RELATIVE.match(value)
        if match:
            return check_date(as_utc(now) + _offset(int(match.group(1)), match.group(2)), prop)
        if bare_date_time and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            value += bare_date_time
        from dateutil import parser as date_parser

        return check_date(as_utc(date_parser.isoparse(value)), prop)
    except (ValueError, OverflowError):
        raise invalid(
            f"Could not convert string to DateTimeOffset: {text}. Path 'properties.{prop}'", f"properties.{prop}"
        ) from None


def parse_duration(text: str) -> timedelta:
    """`90m`, `2h`, `30s`, `1d` → a timedelta."""
    match = _DURATION.match(text)
    if not match:
        raise ValueError(f"invalid duration '{text}': use a number followed by s, m, h or d (e.g. 90m)")
    amount = float(match.group(1))
    unit = match.group(2).lower()
    try:
        return timedelta(**{{"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}[unit]: amount})
    except OverflowError:
        raise ValueError(f"invalid duration '{text}': too long") from None


def iso(value: datetime | None) -> str | None:
    """Azure's rendering of a date-time: `2018-01-01T00:00:00Z` (fractions kept when present)."""
    if value is None:
        return None
    text = as_utc(value).isoformat()
    return text.replace("+00:00", "Z")


def relative_hint(value: datetime, now: datetime) -> str:
    """A human hint such as `in 3 months` or `2 days ago`."""
    delta = (as_utc(value) - as_utc(now)).total_seconds()
    future = delta >= 0
    seconds = abs(delta)
    for size, unit in (
        (365 * 86400, "year"),
        (30 * 86400, "month"),
        (7 * 86400, "week"),
        (86400, "day"),
        (3600, "hour"),
        (60, "minute"),
    ):
        if seconds >= size:
            count = int(seconds // size)
            label = f"{count} {unit}{'s' if count != 1 else ''}"
            return f"in {label}" if future else f"{label} ago"
    return "now"
