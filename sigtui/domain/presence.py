"""What must exist before anything is read or written: the subscription, then the resource group."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from .access import Caller
from .errors import AzureError, not_found, resource_not_found
from .models import Subscription

T = TypeVar("T")


def require_subscription(found: Subscription | None, requested: str | None) -> Subscription:
    """The named subscription (or the default one when none was named)."""
    if found is not None:
        return found
    if requested:
        raise not_found("SubscriptionNotFound", f"The subscription '{requested}' could not be found.")
    raise AzureError("SubscriptionNotFound", "No subscriptions found. Run 'sigtui account list'.", 404)


def require_resource_group(pk: int | None, name: str) -> int:
    if pk is None:
        raise not_found("ResourceGroupNotFound", f"Resource group '{name}' could not be found.")
    return pk


def readable_existing(existing: T | None, caller: Caller, path: str, resource_group: str) -> T:
    """The gallery resource a change or delete names (`path` under the gallery provider), readable by the caller."""
    if existing is None:
        raise resource_not_found("Microsoft.Compute/galleries", path, resource_group)
    caller.require("read", existing.id)
    return existing


@dataclass(frozen=True)
class WriteScope:
    """What every write is decided on: when, who, and the subscription and resource group it names."""

    now: datetime
    caller: Caller
    subscription: Subscription | None
    requested_subscription: str | None
    resource_group: str
    rg_pk: int | None

    def scope(self) -> tuple[Subscription, int]:
        """The subscription and the resource group's key, or Azure's not-found for the first one missing."""
        sub = require_subscription(self.subscription, self.requested_subscription)
        return sub, require_resource_group(self.rg_pk, self.resource_group)
