"""Resource group create and delete, decided on the facts the store loads; the store applies the plan."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from . import names
from .access import Caller
from .models import ResourceGroup, Subscription
from .plan import Decision, Delete, Insert, activity, plan
from .presence import require_resource_group, require_subscription
from .rest_resources import rg_to_rest
from .rules import check_location
from .values import check_tags

RG_TYPE = "Microsoft.Resources/resourceGroups"
RG_WRITE = "Microsoft.Resources/subscriptions/resourceGroups/write"
RG_DELETE = "Microsoft.Resources/subscriptions/resourceGroups/delete"


@dataclass(frozen=True)
class ResourceGroupFacts:
    """What a resource group write is decided on: the group as stored, and the catalog keys it holds."""

    now: datetime
    caller: Caller
    subscription: Subscription | None
    requested_subscription: str | None
    name: str
    existing: ResourceGroup | None = None
    existing_pk: int | None = None
    definition_pks: list[int] = field(default_factory=list)
    version_pks: list[int] = field(default_factory=list)
    gallery_pks: list[int] = field(default_factory=list)


def decide_create(facts: ResourceGroupFacts, location: str, tags: dict | None) -> Decision[ResourceGroup]:
    """Create a resource group, or return the existing one unchanged (as `az group create` does)."""
    names.check_resource_group_name(facts.name)
    check_tags(tags)
    sub = require_subscription(facts.subscription, facts.requested_subscription)
    region = check_location(location, sub, RG_TYPE)
    if facts.existing is not None:
        facts.caller.require("read", facts.existing.id)
        return Decision(facts.existing, plan())
    rg = ResourceGroup(sub.id, facts.name, region.name, tags or {})
    facts.caller.require("write", rg.id)
    row = {"subscription_id": sub.id, "name": rg.name, "location": rg.location, "tags": json.dumps(rg.tags)}
    entry = activity(facts.now, facts.caller.name, RG_WRITE, rg.id, None, rg_to_rest(rg))
    return Decision(rg, plan(Insert("resource_group", row), entry))


def decide_delete(facts: ResourceGroupFacts) -> Decision[None]:
    """Delete a resource group and everything in it, children first."""
    sub = require_subscription(facts.subscription, facts.requested_subscription)
    pk = require_resource_group(facts.existing_pk, facts.name)
    rg_id = f"/subscriptions/{sub.id}/resourceGroups/{facts.name}"
    facts.caller.require("delete", rg_id)
    versions, definitions = facts.version_pks, facts.definition_pks
    return Decision(None, plan(
        Delete("gallery_share", {"gallery_id": facts.gallery_pks}),
        Delete("target_region", {"version_id": versions}),
        Delete("data_disk", {"version_id": versions}),
        Delete("image_version", {"id": versions}),
        Delete("image_definition", {"id": definitions}),
        *(Delete(table, {"rg_id": pk}) for table in ("gallery", "disk_encryption_set", "source", "virtual_machine")),
        Delete("resource_group", {"id": pk}),
        activity(facts.now, facts.caller.name, RG_DELETE, rg_id, None, None),
    ))
