"""ARM's HTTP semantics shared by the az-style commands and `sigtui rest`."""

from __future__ import annotations

from collections.abc import Callable

from ..domain.errors import AzureError


def delete(action: Callable[[], object]) -> int:
    """ARM deletes are idempotent: a resource that is already gone answers 204 No Content."""
    try:
        action()
    except AzureError as error:
        if error.code == "ResourceNotFound":
            return 204
        raise
    return 200

