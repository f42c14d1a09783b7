"""Tenants and subscriptions: a new database's first ones, more of them, and the default subscription."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

from .access import Caller, subscription_scope
from .clock import ClockState
from .models import Subscription
from .plan import Decision, Insert, Plan, Update, activity, plan
from .reference_data import find_region
from .simulation_writes import clock_insert


def tenant_insert(tenant_id: str, name: str, domain: str, replace: bool = False) -> Insert:
    return Insert("tenant", {"id": tenant_id, "name": name, "domain": domain}, replace=replace)


def first_rows(
    tenant: tuple[str, str, str] | None, subscription: tuple[str, str] | None, clock: ClockState | None
) -> Plan:
    """What a new database starts with: a tenant and its default subscription (when it has none yet) and the
    clock (when it has none)."""
    steps = []
    if tenant is not None and subscription is not None:
        steps.append(tenant_insert(*tenant))
        row = {"id": subscription[0], "name": subscription[1], "tenant_id": tenant[0], "is_default": True}
        steps.append(Insert("subscription", row))
    if clock is not None:
        steps.append(clock_insert(clock))
    return plan(*steps)


def decide_add_subscription(
    now: datetime, caller: Caller, sub_id: str, name: str, tenant_id: str, allowed_regions: Iterable[str]
) -> Decision[Subscription]:
    """A subscription (replacing one of the same id), limited to the known regions among `allowed_regions`."""
    regions = tuple(found.name for found in map(find_region, allowed_regions) if found)
    row = {"id": sub_id, "name": name, "tenant_id": tenant_id, "allowed_regions": json.dumps(list(regions))}
    entry = activity(now, caller.name, "Microsoft.Subscription/aliases/write", subscription_scope(sub_id), None,
                     {"name": name})
    return Decision(Subscription(sub_id, name, tenant_id, regions), plan(Insert("subscription", row, replace=True),
                                                                         entry))


def decide_default_subscription(caller: Caller, sub: Subscription) -> Decision[None]:
    """Make `sub` the default subscription: the caller must be able to write it."""
    caller.require("write", subscription_scope(sub.id))
    return Decision(None, plan(
        Update("subscription", {"is_default": False}, {}),
        Update("subscription", {"is_default": True}, {"id": sub.id}),
    ))
