"""Identities, role assignments (sharing) and cost estimates."""

from __future__ import annotations

from textual.binding import BindingType

ACCESS_BINDINGS: list[BindingType] = []
"""Bindings this area adds to the app (each with an id, shown in the footer and in help)."""

ACCESS_MUTATING: set[str] = set()
"""Actions of this area that change the model: hidden and refused in read-only mode."""


class Sharing:
    """Mixed into the app: the actions of this area."""

