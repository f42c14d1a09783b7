"""Tenants, subscriptions and allow-listed regions, decided on the facts the store loads; the store applies the
plan."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from . import tenancy
from .access import Caller, directory_denied, subscription_scope
from .errors import conflict, not_found
from .models import Subscription
from .plan import Decision, Insert, Update, activity, plan
from .rest_resources import subscription_to_rest


@dataclass(frozen=True)
class TenancyFacts:
    """Who builds the world, whether they hold a directory role, and the tenants and subscriptions there are."""

    now: datetime
    caller: Caller
    directory_admin: bool
    tenants: tuple[tuple[str, str, str], ...] = ()
    subscription_ids: frozenset[str] = frozenset()
    caller_principal: str | None = None
    """The caller's object id when it is a principal of the directory (it then owns what it creates)."""

    def require_directory_role(self) -> None:
        if not self.directory_admin:
            raise directory_denied()

    def tenant(self, text: str) -> str:
        """A tenant's id by id, name or domain."""
        found = next((t[0] for t in self.tenants if text.lower() in (t[0].lower(), t[1].lower(), t[2].lower())), None)
        if found is None:
            raise not_found("TenantNotFound", f"Tenant '{text}' not found.")
        return found


def decide_tenant(facts: TenancyFacts, name: str, domain: str, tenant_id: str) -> Decision[tuple[str, str, str]]:
    """A new directory; creating one needs a directory role in the caller's own tenant."""
    facts.require_directory_role()
    new_id = tenancy.check_guid(tenant_id, "tenantId")
    tenancy.check_tenant(name, domain, list(facts.tenants), new_id)
    made = (new_id, name.strip(), domain.lower())
    entry = activity(facts.now, facts.caller.name, "Microsoft.Resources/tenants/write", f"/tenants/{new_id}", None,
                     {"displayName": made[1], "defaultDomain": made[2]})
    return Decision(made, plan(Insert("tenant", {"id": made[0], "name": made[1], "domain": made[2]}), entry))


def decide_subscription(
    facts: TenancyFacts, name: str, tenant: str, cloud: str, sub_id: str, assignment_id: str
) -> Decision[Subscription]:
    """A subscription in one tenant and one cloud; whoever creates it owns it."""
    facts.require_directory_role()
    tenancy.check_subscription_name(name)
    canonical = tenancy.check_cloud(cloud)
    new_id = tenancy.check_guid(sub_id, "subscriptionId")
    tenant_id = facts.tenant(tenant)
    if new_id.lower() in facts.subscription_ids:
        raise conflict("SubscriptionAlreadyExists", f"The subscription '{new_id}' already exists.")
    made = Subscription(new_id, name.strip(), tenant_id, (), False, canonical)
    steps = [Insert("subscription", {"id": new_id, "name": made.name, "tenant_id": tenant_id, "cloud": canonical})]
    if facts.caller_principal:
        row = {"id": assignment_id, "principal_id": facts.caller_principal, "role": "Owner",
               "scope": subscription_scope(new_id), "created_at": facts.now.timestamp()}
        steps.append(Insert("role_assignment", row))
    entry = activity(facts.now, facts.caller.name, "Microsoft.Subscription/aliases/write", subscription_scope(new_id),
                     None, subscription_to_rest(made))
    return Decision(made, plan(*steps, entry))


def decide_allow_regions(
    caller: Caller, now: datetime, sub: Subscription, locations: list[str], allow: bool
) -> Decision[Subscription]:
    """Grant (or withdraw) a subscription's access to regions that need an access request; Owner only."""
    caller.require("share", subscription_scope(sub.id))
    regions = tenancy.allow_listed(sub, locations, allow)
    after = Subscription(sub.id, sub.name, sub.tenant_id, regions, sub.is_default, sub.cloud)
    entry = activity(now, caller.name, "Microsoft.Resources/subscriptions/write", subscription_scope(sub.id),
                     subscription_to_rest(sub), subscription_to_rest(after))
    change = Update("subscription", {"allowed_regions": json.dumps(list(regions))}, {"id": sub.id})
    return Decision(after, plan(change, entry))
