"""Create, edit and delete galleries, definitions and versions; activity log; undo and redo."""

from __future__ import annotations

from textual.binding import BindingType

EDIT_BINDINGS: list[BindingType] = []
"""Bindings this area adds to the app (each with an id, shown in the footer and in help)."""

EDIT_MUTATING: set[str] = set()
"""Actions of this area that change the model: hidden and refused in read-only mode."""


class Editing:
    """Mixed into the app: the actions of this area."""

