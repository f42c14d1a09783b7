"""Tenants, subscriptions, resource groups, the simulation clock and settings."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from ..domain import names
from ..domain.catalog import find_region
from ..domain.clock import ClockState
from ..domain.errors import invalid
from ..domain.latest import END_OF_LIFE_POLICIES
from ..domain.models import ResourceGroup, Subscription
from ..domain.plan import Delete, Insert, Update, plan
from ..domain.rest import rg_to_rest
from ..domain.rules import check_location
from ..domain.values import check_tags
from . import reads
from .base import ServiceBase
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
                self._save_clock(tx, ClockState(real, real, speed, False))
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
        names.check_resource_group_name(name)
        check_tags(tags)
        with self.write() as tx:
            sub = self.subscription(tx.conn, subscription)
            region = check_location(location, sub, "Microsoft.Resources/resourceGroups")
            existing = reads.resource_group(tx.conn, sub.id, name)
            if existing:
                self.authorize(tx.conn, "read", existing[1].id)
                return existing[1]
            self.authorize(tx.conn, "write", ResourceGroup(sub.id, name, region.name).id)
            rg_row = {"subscription_id": sub.id, "name": name, "location": region.name, "tags": json.dumps(tags or {})}
            tx.apply(plan(Insert("resource_group", rg_row)))
            rg = ResourceGroup(sub.id, name, region.name, tags or {})
            tx.log("Microsoft.Resources/subscriptions/resourceGroups/write", rg.id, None, rg_to_rest(rg))
            return rg

    def list_resource_groups(self, subscription: str | None = None) -> list[ResourceGroup]:
        with self.read() as conn:
            return self.lookups(conn).resource_groups(subscription)

    def get_resource_group(self, name: str, subscription: str | None = None) -> ResourceGroup:
        with self.read() as conn:
            return self.lookups(conn).resource_group(subscription, name)

    def delete_resource_group(self, name: str, subscription: str | None = None) -> None:
        """Delete a resource group and everything in it, children first."""
        with self.write() as tx:
            sub = self.subscription(tx.conn, subscription)
            pk = self.rg_pk(tx.conn, sub.id, name)
            self.authorize(tx.conn, "delete", f"/subscriptions/{sub.id}/resourceGroups/{name}")
            definitions, versions = reads.catalog_keys_in(tx.conn, pk)
            galleries = reads.gallery_keys_in(tx.conn, pk)
            tx.apply(
                plan(
                    Delete("gallery_share", {"gallery_id": galleries}),
                    Delete("target_region", {"version_id": versions}),
                    Delete("data_disk", {"version_id": versions}),
                    Delete("image_version", {"id": versions}),
                    Delete("image_definition", {"id": definitions}),
                    *(Delete(table, {"rg_id": pk}) for table in ("gallery", "disk_encryption_set", "source", "virtual_machine")),
                    Delete("resource_group", {"id": pk}),
                )
            )
            tx.log(
                "Microsoft.Resources/subscriptions/resourceGroups/delete",
                f"/subscriptions/{sub.id}/resourceGroups/{name}",
                None,
                None,
            )

    # The simulation clock, shared by every interface through the database.

    def _change_clock(self, change) -> ClockState:
        with self.write() as tx:
            self.authorize_simulation(tx.conn)
            state = reads.clock(tx.conn) or ClockState(self.real_time(), self.real_time())
            new = change(state, self.real_time())
            self._save_clock(tx, new)
            return new

    def pause_clock(self) -> ClockState:
        return self._change_clock(lambda s, real: s.pause(real))

    def resume_clock(self) -> ClockState:
        return self._change_clock(lambda s, real: s.resume(real))

    def set_clock_speed(self, speed: float) -> ClockState:
        try:
            return self._change_clock(lambda s, real: s.with_speed(real, speed))
        except ValueError as error:
            raise invalid(str(error), "speed") from None

    def advance_clock(self, delta: timedelta) -> ClockState:
        try:
            return self._change_clock(lambda s, real: s.advance(real, delta.total_seconds()))
        except ValueError as error:
            raise invalid(str(error), "advance") from None

    def reset_clock(self, sim_time: datetime, speed: float | None = None, paused: bool | None = None) -> ClockState:
        """Put simulated time at `sim_time` (used to replay a timeline, e.g. the demo's history)."""
        return self._change_clock(
            lambda s, real: ClockState(
                real, sim_time.timestamp(), s.speed if speed is None else speed, s.paused if paused is None else paused
            )
        )

    def set_faults(self, rate: float = 0.0, outages: tuple[str, ...] = (), seed: str | None = None) -> None:
        """Simulate trouble: a seeded fault rate for regional jobs, and regions whose first attempt fails."""
        with self.read() as conn:
            self.authorize_simulation(conn)
        if not 0 <= rate <= 1:
            raise invalid("The fault rate must be between 0 and 1.", "faultRate")
        names = []
        for region in outages:
            found = find_region(region)
            if found is None:
                raise invalid(f"Unknown region '{region}'.", "outages")
            names.append(found.name)
        self.set_setting("fault_rate", str(rate))
        self.set_setting("fault_outages", json.dumps(names))
        if seed is not None:
            self.set_setting("fault_seed", seed)

    def set_end_of_life_policy(self, policy: str) -> str:
        """`block` (no VM from a version past its end of life) or `warn` (allowed, with a warning)."""
        if policy not in END_OF_LIFE_POLICIES:
            raise invalid(
                f"The value '{policy}' of setting 'eol-policy' is invalid. Allowed values: "
                f"{', '.join(END_OF_LIFE_POLICIES)}.",
                "eol-policy",
            )
        with self.write() as tx:
            self.authorize_simulation(tx.conn)
            before = reads.end_of_life_policy(tx.conn)
            tx.apply(plan(Insert("setting", {"key": "end_of_life_policy", "value": policy}, replace=True)))
            sub = self.subscription(tx.conn, None)
            tx.log("Microsoft.Resources/settings/write", f"/subscriptions/{sub.id}", {"eolPolicy": before},
                   {"eolPolicy": policy})
        return policy

    def end_of_life_policy(self) -> str:
        with self.read() as conn:
            return reads.end_of_life_policy(conn)

    def set_setting(self, key: str, value: str) -> None:
        with self.write() as tx:
            tx.apply(plan(Insert("setting", {"key": key, "value": value}, replace=True)))

    def activity(self, resource_id: str | None = None, limit: int | None = None) -> list[dict]:
        with self.read() as conn:
            readable = self.readable(conn)
            return [e for e in reads.activity(conn, resource_id, limit) if readable(e["resource_id"])]
