"""Bounds every stored value keeps: tags within Azure's limits, 32-bit integers, dates the model can hold."""

from __future__ import annotations

from datetime import UTC, datetime

from .errors import AzureError, invalid

INT32_MAX = 2_147_483_647
INT32_MIN = -2_147_483_648
MAX_TAGS = 50
MAX_TAG_NAME = 512
MAX_TAG_VALUE = 256
LATEST_DATE = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)
"""The last moment a date-time (DateTimeOffset) can hold."""
LATEST_CLOCK = datetime(9000, 1, 1, tzinfo=UTC)
"""The simulation clock stops here, so dates computed from `now` always stay representable."""


def check_tags(tags: dict | None) -> None:
    """At most 50 tags; names up to 512 characters, values up to 256; names and values are strings."""
    tags = tags or {}
    if len(tags) > MAX_TAGS:
        raise invalid(f"The number of tags ({len(tags)}) exceeds the limit of {MAX_TAGS} tags per resource.", "tags")
    for name, value in tags.items():
        if not isinstance(name, str) or not isinstance(value, str):
            raise invalid(f"The tag '{name}' has a value that is not a string: tag values must be strings.", "tags")
        if not name.strip():
            raise AzureError("InvalidTagName", "The tag names cannot be empty.")
        if len(name) > MAX_TAG_NAME:
            raise AzureError(
                "InvalidTagNameLength",
                f"The tag name '{name[:40]}…' exceeds the maximum length of {MAX_TAG_NAME} characters.",
            )
        if len(value) > MAX_TAG_VALUE:
            raise AzureError(
                "InvalidTagValueLength",
                f"The tag value of '{name[:40]}' exceeds the maximum length of {MAX_TAG_VALUE} characters.",
            )


def in_int32(value: int) -> bool:
    return INT32_MIN <= value <= INT32_MAX


def check_date(value: datetime, prop: str) -> datetime:
    """A date no later than DateTimeOffset's last moment (Azure's refusal when it is not)."""
    if value > LATEST_DATE:
        raise invalid(
            f"The value '{value.isoformat()}' of parameter {prop} is out of range: dates must be before the year "
            "10000.",
            f"properties.{prop}",
        )
    return value
