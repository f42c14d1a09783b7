"""Create VMs and scale sets from the gallery; the list of VMs."""

from __future__ import annotations

from textual.binding import BindingType

DEPLOY_BINDINGS: list[BindingType] = []
"""Bindings this area adds to the app (each with an id, shown in the footer and in help)."""

DEPLOY_MUTATING: set[str] = set()
"""Actions of this area that change the model: hidden and refused in read-only mode."""


class Deploying:
    """Mixed into the app: the actions of this area."""

