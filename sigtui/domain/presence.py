"""What must exist before anything is read or written: the subscription, then the resource group."""

from __future__ import annotations

from .errors import AzureError, not_found
from .models import Subscription


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
