"""Tenants, subscriptions in a cloud, and regions allow-listed for a subscription: building a world from an
empty database."""

from __future__ import annotations

import json
import uuid

from ..domain import tenancy
from ..domain.access import subscription_scope
from ..domain.errors import conflict, not_found
from ..domain.models import Subscription
from ..domain.plan import Insert, Update, plan
from ..domain.rest import subscription_to_rest
from . import reads
from .base import ServiceBase


class TenancyOps(ServiceBase):
    def create_tenant(self, name: str, domain: str, tenant_id: str | None = None) -> tuple[str, str, str]:
        """A new directory; creating one needs a directory role in the caller's own tenant."""
        new_id = tenancy.check_guid(tenant_id, "tenantId") if tenant_id else str(uuid.uuid4())
        with self.write() as tx:
            self.authorize_directory(tx.conn)
            tenancy.check_tenant(name, domain, reads.tenants(tx.conn), new_id)
            tx.apply(plan(Insert("tenant", {"id": new_id, "name": name.strip(), "domain": domain.lower()})))
            tx.log("Microsoft.Resources/tenants/write", f"/tenants/{new_id}", None, {"displayName": name})
        return new_id, name.strip(), domain.lower()

    def create_subscription(
        self, name: str, tenant: str, cloud: str = "AzureCloud", sub_id: str | None = None
    ) -> Subscription:
        """A subscription in `tenant` (id, name or domain) and one cloud; its creator and the default owner own it."""
        tenancy.check_subscription_name(name)
        canonical = tenancy.check_cloud(cloud)
        new_id = tenancy.check_guid(sub_id, "subscriptionId") if sub_id else str(uuid.uuid4())
        with self.write() as tx:
            self.authorize_directory(tx.conn)
            tenant_id = reads.tenant_id(tx.conn, tenant)
            if tenant_id is None:
                raise not_found("TenantNotFound", f"Tenant '{tenant}' not found.")
            if reads.subscription(tx.conn, new_id) is not None:
                raise conflict("SubscriptionAlreadyExists", f"The subscription '{new_id}' already exists.")
            row = {"id": new_id, "name": name.strip(), "tenant_id": tenant_id, "cloud": canonical}
            tx.apply(plan(Insert("subscription", row)))
            self.ensure_owner(tx, new_id)
            self._grant_caller(tx, new_id)
            made = Subscription(new_id, name.strip(), tenant_id, (), False, canonical)
            tx.log("Microsoft.Subscription/aliases/write", subscription_scope(new_id), None, subscription_to_rest(made))
        return made

    def allow_regions(self, locations: list[str], allow: bool = True, subscription: str | None = None) -> Subscription:
        """Grant (or withdraw) a subscription's access to regions that need an access request; Owner only."""
        with self.write() as tx:
            sub = self.subscription(tx.conn, subscription)
            self.authorize(tx.conn, "share", subscription_scope(sub.id))
            regions = tenancy.allow_listed(sub, locations, allow)
            tx.apply(plan(Update("subscription", {"allowed_regions": json.dumps(list(regions))}, {"id": sub.id})))
            after = Subscription(sub.id, sub.name, sub.tenant_id, regions, sub.is_default, sub.cloud)
            tx.log("Microsoft.Resources/subscriptions/write", subscription_scope(sub.id), subscription_to_rest(sub),
                   subscription_to_rest(after))
        return after

    def _grant_caller(self, tx, sub_id: str) -> None:
        """Whoever creates a subscription owns it."""
        principal = reads.find_principal(tx.conn, self.caller)
        scope = subscription_scope(sub_id)
        if principal is None or reads.has_assignment(tx.conn, principal.id, "Owner", scope):
            return
        row = {"id": str(uuid.uuid4()), "principal_id": principal.id, "role": "Owner", "scope": scope,
               "created_at": tx.now.timestamp()}
        tx.apply(plan(Insert("role_assignment", row)))
