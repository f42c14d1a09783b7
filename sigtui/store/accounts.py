"""Tenants, subscriptions, resource groups, the simulation clock and settings."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from ..domain import resource_group_writes, simulation_writes
from ..domain.clock import ClockState
from ..domain.models import ResourceGroup, Subscription
from ..domain.plan import Insert, Update, plan
from ..domain.reference_data import find_region
from . import facts, reads
from .base import ServiceBase, Tx
from .defaults import DEFAULT_SUBSCRIPTION, DEFAULT_TENANT


class AccountOps(ServiceBase):
    """Accounts, resource groups, clock and settings."""

    def bootstrap(self, speed: float = 1.0) -> bool:
        """Create or migrate the schema; a new database gets one tenant, one default subscription and a clock,
        all in one transaction, so a database is either set up whole or not at all."""
        with self.db.batch():
            return self._bootstrap(speed)

    def _bootstrap(self, speed: float) -> bool:
        created = self.db.ensure_schema()
        with self.write() as tx:
            if not reads.subscriptions(tx.conn):
                tenant_id, tenant_name, domain = DEFAULT_TENANT
                sub_id, sub_name = DEFAULT_SUBSCRIPTION
                tx.apply(
                    plan(
                        Insert("tenant", {"id": tenant_id, "name": tenant_name, "domain": domain}),
                        Insert(
                            "subscription", {"id": sub_id, "name": sub_name, "tenant_id": tenant_id, "is_default": True}
                        ),
                    )
                )
            for sub in reads.subscriptions(tx.conn):
                self.ensure_owner(tx, sub.id)
            if reads.clock(tx.conn) is None:
                real = self.real_time()
                tx.apply(plan(simulation_writes.clock_insert(ClockState(real, real, speed, False))))
        return created

    def list_subscriptions(self) -> list[Subscription]:
        with self.read() as conn:
            return reads.subscriptions(conn)

    def add_tenant(self, tenant_id: str, name: str, domain: str) -> None:
        with self.write() as tx:
            tx.apply(plan(Insert("tenant", {"id": tenant_id, "name": name, "domain": domain}, replace=True)))

    def add_subscription(
        self, sub_id: str, name: str, tenant_id: str | None = None, allowed_regions: tuple[str, ...] = ()
    ) -> Subscription:
        with self.write() as tx:
            tenant = tenant_id or DEFAULT_TENANT[0]
            regions = [find_region(r).name for r in allowed_regions if find_region(r)]
            row = {"id": sub_id, "name": name, "tenant_id": tenant, "allowed_regions": json.dumps(regions)}
            tx.apply(plan(Insert("subscription", row, replace=True)))
            self.ensure_owner(tx, sub_id)
            tx.log("Microsoft.Subscription/aliases/write", f"/subscriptions/{sub_id}", None, {"name": name})
        return Subscription(sub_id, name, tenant, tuple(regions))

    def set_default_subscription(self, sub_id: str) -> Subscription:
        with self.write() as tx:
            sub = self.subscription(tx.conn, sub_id)
            self.authorize(tx.conn, "write", f"/subscriptions/{sub.id}")
            tx.apply(
                plan(
                    Update("subscription", {"is_default": False}, {}),
                    Update("subscription", {"is_default": True}, {"id": sub.id}),
                )
            )
        with self.read() as conn:
            return reads.subscription(conn, sub.id)

    def create_resource_group(
        self, name: str, location: str, subscription: str | None = None, tags: dict | None = None
    ) -> ResourceGroup:
        """Create a resource group, or return the existing one (as `az group create` does)."""
        with self.write() as tx:
            known = self._rg_facts(tx, subscription, name)
            return tx.decided(resource_group_writes.decide_create(known, location, tags))

    def _rg_facts(self, tx: Tx, subscription: str | None, name: str) -> resource_group_writes.ResourceGroupFacts:
        return facts.resource_group_facts(tx.conn, tx.now, reads.caller(tx.conn, self.caller), subscription, name)

    def list_resource_groups(self, subscription: str | None = None) -> list[ResourceGroup]:
        with self.read() as conn:
            return self.lookups(conn).resource_groups(subscription)

    def get_resource_group(self, name: str, subscription: str | None = None) -> ResourceGroup:
        with self.read() as conn:
            return self.lookups(conn).resource_group(subscription, name)

    def delete_resource_group(self, name: str, subscription: str | None = None) -> None:
        """Delete a resource group and everything in it, children first."""
        with self.write() as tx:
            tx.decided(resource_group_writes.decide_delete(self._rg_facts(tx, subscription, name)))

    # The simulation clock, shared by every interface through the database.

    def _change_clock(self, change, field: str = "clock") -> ClockState:
        with self.write() as tx:
            return tx.decided(simulation_writes.decide_clock(self._simulation_facts(tx.conn), change, field))

    def _simulation_facts(self, conn) -> simulation_writes.SimulationFacts:
        return facts.simulation_facts(conn, reads.caller(conn, self.caller), self.real_time())

    def pause_clock(self) -> ClockState:
        return self._change_clock(lambda s, real: s.pause(real))

    def resume_clock(self) -> ClockState:
        return self._change_clock(lambda s, real: s.resume(real))

    def set_clock_speed(self, speed: float) -> ClockState:
        return self._change_clock(lambda s, real: s.with_speed(real, speed), "speed")

    def advance_clock(self, delta: timedelta) -> ClockState:
        return self._change_clock(lambda s, real: s.advance(real, delta.total_seconds()), "advance")

    def reset_clock(self, sim_time: datetime, speed: float | None = None, paused: bool | None = None) -> ClockState:
        """Put simulated time at `sim_time` (used to replay a timeline, e.g. the demo's history)."""
        return self._change_clock(
            lambda s, real: ClockState(
                real, sim_time.timestamp(), s.speed if speed is None else speed, s.paused if paused is None else paused
            )
        )

    def set_faults(self, rate: float = 0.0, outages: tuple[str, ...] = (), seed: str | None = None) -> None:
        """Simulate trouble: a seeded fault rate for regional jobs, and regions whose first attempt fails."""
        with self.write() as tx:
            tx.decided(simulation_writes.decide_faults(self._simulation_facts(tx.conn), rate, outages, seed))

    def set_end_of_life_policy(self, policy: str) -> str:
        """`block` (no VM from a version past its end of life) or `warn` (allowed, with a warning)."""
        with self.write() as tx:
            before = reads.end_of_life_policy(tx.conn)
            facts_now = self._simulation_facts(tx.conn)
            return tx.decided(simulation_writes.decide_end_of_life_policy(facts_now, policy, before, tx.now))

    def end_of_life_policy(self) -> str:
        with self.read() as conn:
            return reads.end_of_life_policy(conn)

    def activity(self, resource_id: str | None = None, limit: int | None = None) -> list[dict]:
        with self.read() as conn:
            readable = self.readable(conn)
            return [e for e in reads.activity(conn, resource_id, limit) if readable(e["resource_id"])]
