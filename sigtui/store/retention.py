"""The retention planner and who-uses reads: load one gallery's (or definition's) versions and the VMs made
from them, let the domain decide, and apply the deletes in the same transaction."""

from __future__ import annotations

import sqlite3

from ..domain.errors import parent_not_found, resource_not_found
from ..domain.retention import DefinitionFacts, DefinitionPlan, RetentionRule, decide_prune, plan_retention
from ..domain.usage import Deployment, RegionLatest, after_change, latest_by_region, uses_of
from . import reads
from .base import ServiceBase


def deployments(conn: sqlite3.Connection) -> list[Deployment]:
    """Every VM and scale set made from a gallery image."""
    return [
        Deployment(r["arm_id"], r["name"], r["kind"], r["location"], r["image_reference"], r["exact_version"],
                   r["version_id"])
        for r in reads.virtual_machines(conn)
    ]


class RetentionOps(ServiceBase):
    def _retention_facts(
        self, conn, sub: str | None, rg: str, gallery: str, definition: str | None
    ) -> list[DefinitionFacts]:
        """The readable definitions of a gallery (or the one named), each with its versions and deployments."""
        sub_id = self.subscription(conn, sub).id
        self.rg_pk(conn, sub_id, rg)
        found = reads.gallery(conn, sub_id, rg, gallery)
        if found is None:
            raise parent_not_found(gallery)
        readable = self.readable(conn)
        named = [(pk, d) for pk, d in reads.definitions(conn, found[0]) if definition in (None, d.name)]
        if definition is not None and not named:
            raise parent_not_found(f"{gallery}/{definition}")
        every = deployments(conn)
        facts = []
        for pk, d in named:
            if not readable(d.id):
                continue
            rows = [(vpk, v) for vpk, v in reads.versions(conn, pk) if readable(v.id)]
            used = tuple(u for _, v in rows for u in uses_of(v, every))
            facts.append(DefinitionFacts(d.id, tuple(v for _, v in rows), used, {v.name: vpk for vpk, v in rows}))
        return facts

    def plan_prune(
        self, sub: str | None, rg: str, gallery: str, definition: str | None, rule: RetentionRule
    ) -> list[DefinitionPlan]:
        """What `prune` would delete and what blocks the rest; changes nothing."""
        with self.read() as conn:
            now = self.clock_state(conn).now(self.real_time())
            return plan_retention(self._retention_facts(conn, sub, rg, gallery, definition), rule, now)

    def prune(
        self, sub: str | None, rg: str, gallery: str, definition: str | None, rule: RetentionRule
    ) -> list[DefinitionPlan]:
        """Delete what the plan lets go, in one transaction decided on what it reads."""
        with self.write() as tx:
            facts = self._retention_facts(tx.conn, sub, rg, gallery, definition)
            caller = reads.caller(tx.conn, self.caller)
            return tx.decided(decide_prune(facts, rule, tx.now, caller))

    def version_usage(
        self, sub: str | None, rg: str, gallery: str, definition: str, name: str, change: str
    ) -> tuple[list[Deployment], list[RegionLatest]]:
        """The VMs and scale sets made from a version, and `latest` per region now and after `change`."""
        with self.read() as conn:
            now = self.clock_state(conn).now(self.real_time())
            found = self._retention_facts(conn, sub, rg, gallery, definition)
            facts = found[0] if found else None
            version = next((v for v in facts.versions if v.name == name), None) if facts else None
            if version is None:
                path = f"{gallery}/images/{definition}/versions/{name}"
                raise resource_not_found("Microsoft.Compute/galleries", path, rg)
            after = after_change(facts.versions, [version.name], change)
            return uses_of(version, facts.deployments), latest_by_region(facts.versions, after, facts.definition_id, now)
