"""Tenants, subscriptions in a cloud, and regions allow-listed for a subscription: building a world from an
empty database. The facts are loaded here, the domain decides (tenancy_writes), the plan is applied."""

from __future__ import annotations

import uuid

from ..domain import access, tenancy_writes
from ..domain.models import Subscription
from . import reads
from .base import ServiceBase


class TenancyOps(ServiceBase):
    def _tenancy_facts(self, conn, now) -> tenancy_writes.TenancyFacts:
        principal, grants = reads.grants(conn, self.caller)
        tenant = principal.tenant_id if principal else None
        owned = [s.id for s in reads.subscriptions(conn) if s.tenant_id == tenant]
        return tenancy_writes.TenancyFacts(
            now,
            reads.caller(conn, self.caller),
            access.directory_admin(grants, owned),
            tuple(reads.tenants(conn)),
            frozenset(s.id.lower() for s in reads.subscriptions(conn)),
            principal.id if principal else None,
        )

    def create_tenant(self, name: str, domain: str, tenant_id: str | None = None) -> tuple[str, str, str]:
        """A new directory; creating one needs a directory role in the caller's own tenant."""
        with self.write() as tx:
            known = self._tenancy_facts(tx.conn, tx.now)
            return tx.decided(tenancy_writes.decide_tenant(known, name, domain, tenant_id or str(uuid.uuid4())))

    def create_subscription(
        self, name: str, tenant: str, cloud: str = "AzureCloud", sub_id: str | None = None
    ) -> Subscription:
        """A subscription in `tenant` (id, name or domain) and one cloud; its creator and the default owner own it."""
        with self.write() as tx:
            known = self._tenancy_facts(tx.conn, tx.now)
            made = tx.decided(tenancy_writes.decide_subscription(
                known, name, tenant, cloud, sub_id or str(uuid.uuid4()), str(uuid.uuid4())))
            self.ensure_owner(tx, made.id)
            return made

    def allow_regions(self, locations: list[str], allow: bool = True, subscription: str | None = None) -> Subscription:
        """Grant (or withdraw) a subscription's access to regions that need an access request; Owner only."""
        with self.write() as tx:
            sub = self.subscription(tx.conn, subscription)
            caller = reads.caller(tx.conn, self.caller)
            return tx.decided(tenancy_writes.decide_allow_regions(caller, tx.now, sub, locations, allow))
