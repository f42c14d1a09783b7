"""Tenants, subscriptions, resource groups, the simulation clock and settings."""

from __future__ import annotations

from datetime import datetime, timedelta

from ..domain import account_writes, ids, resource_group_writes, simulation_writes
from ..domain.clock import ClockState
from ..domain.models import ResourceGroup, Subscription
from ..domain.plan import plan
from ..domain.resource_group_writes import RG_DELETE, RG_WRITE
from . import facts, reads
from .activity import activity_log
from .base import Attempt, ServiceBase, Tx
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
            empty = not reads.subscriptions(tx.conn)
            real = self.real_time()
            clock = ClockState(real, real, speed, False) if reads.clock(tx.conn) is None else None
            tx.apply(account_writes.first_rows(DEFAULT_TENANT if empty else None,
                                               DEFAULT_SUBSCRIPTION if empty else None, clock))
            for sub in reads.subscriptions(tx.conn):
                self.ensure_owner(tx, sub.id)
        return created

    def list_subscriptions(self) -> list[Subscription]:
        with self.read() as conn:
            return reads.subscriptions(conn)

    def add_tenant(self, tenant_id: str, name: str, domain: str) -> None:
        with self.write() as tx:
            tx.apply(plan(account_writes.tenant_insert(tenant_id, name, domain, replace=True)))

    def add_subscription(
        self, sub_id: str, name: str, tenant_id: str | None = None, allowed_regions: tuple[str, ...] = ()
    ) -> Subscription:
        with self.write() as tx:
            caller = reads.caller(tx.conn, self.caller)
            tenant = tenant_id or DEFAULT_TENANT[0]
            added = tx.decided(account_writes.decide_add_subscription(tx.now, caller, sub_id, name, tenant,
                                                                       allowed_regions))
            self.ensure_owner(tx, sub_id)
            return added

    def set_default_subscription(self, sub_id: str) -> Subscription:
        with self.write() as tx:
            sub = self.subscription(tx.conn, sub_id)
            tx.decided(account_writes.decide_default_subscription(reads.caller(tx.conn, self.caller), sub))
        with self.read() as conn:
            return reads.subscription(conn, sub.id)

    def create_resource_group(
        self, name: str, location: str, subscription: str | None = None, tags: dict | None = None
    ) -> ResourceGroup:
        """Create a resource group, or return the existing one (as `az group create` does)."""
        with self.write(Attempt(RG_WRITE, subscription, lambda s: ids.rg_id(s, name))) as tx:
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
        with self.write(Attempt(RG_DELETE, subscription, lambda s: ids.rg_id(s, name))) as tx:
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
            now = self.clock_state(conn).now(self.real_time())
            return [e for e in activity_log(conn, now, resource_id, limit) if readable(e["resource_id"])]
