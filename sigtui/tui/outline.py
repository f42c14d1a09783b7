"""How the resource tree groups galleries: under subscription and resource group nodes only when there are
several of them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class Placed(Protocol):
    subscription: str
    resource_group: str


def grouping(galleries: Sequence[Placed]) -> tuple[bool, bool]:
    """Whether galleries go under subscription nodes, and under resource group nodes."""
    by_subscription = len({g.subscription for g in galleries}) > 1
    by_group = len({(g.subscription, g.resource_group) for g in galleries}) > 1
    return by_subscription, by_group
