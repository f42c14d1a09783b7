"""Reading request bodies: each value must have the JSON type its property expects, or Azure refuses the content."""

from __future__ import annotations

import json
import math

from .errors import AzureError
from .values import in_int32

TYPE_NAMES = {str: "System.String", int: "System.Int32", bool: "System.Boolean", dict: "Object", list: "Array"}


def _shown(value) -> str:
    try:
        text = json.dumps(value)
    except (ValueError, RecursionError):
        text = type(value).__name__
    return text if len(text) <= 60 else text[:57] + "..."


def refused(value, expected: type, path: str) -> AzureError:
    """ARM's answer to a value it cannot convert to the property's type."""
    return AzureError(
        "InvalidRequestContent",
        "The request content was invalid and could not be deserialized: 'Error converting value "
        f"{_shown(value)} to type '{TYPE_NAMES[expected]}'. Path '{path}'.'",
    )


def text(value, path: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise refused(value, str, path)


def integer(value, path: str) -> int | None:
    """An Int32: a JSON integer (or an integral number, or a string of one) that fits in 32 bits."""
    if value is None:
        return None
    number = value
    if isinstance(value, str) and value.strip().lstrip("+-").isascii() and value.strip().lstrip("+-").isdigit():
        number = int(value.strip())
    elif isinstance(value, float) and math.isfinite(value) and value.is_integer():
        number = int(value)
    if isinstance(number, bool) or not isinstance(number, int):
        raise refused(value, int, path)
    if not in_int32(number):
        raise AzureError(
            "InvalidRequestContent",
            "The request content was invalid and could not be deserialized: 'JSON integer "
            f"{_shown(value)} is too large or small for an Int32. Path '{path}'.'",
        )
    return number


def boolean(value, path: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise refused(value, bool, path)


def obj(value, path: str) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise refused(value, dict, path)
    return value


def objects(value, path: str) -> list[dict]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise refused(value, list, path)
    return [obj(item, f"{path}[{i}]") for i, item in enumerate(value)]


def strings(value, path: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise refused(value, list, path)
    return tuple(text(item, f"{path}[{i}]") for i, item in enumerate(value) if item is not None)


def tags(value) -> dict:
    """`tags`: an object of string values."""
    found = obj(value, "tags")
    for name, item in found.items():
        if not isinstance(item, str):
            raise refused(item, str, f"tags.{name}")
    return dict(found)
