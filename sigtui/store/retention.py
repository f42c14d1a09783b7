"""The retention planner and who-uses: load one gallery's (or definition's) versions and the VMs made from them
as the caller may read them, let the domain decide, and apply the deletes in the same transaction."""

from __future__ import annotations

import sqlite3

from ..domain.errors import resource_not_found
from ..domain.models import ImageVersion
from ..domain.retention import DefinitionFacts, DefinitionPlan, RetentionRule, plan_retention
from ..domain.retention_writes import decide_prune, decide_undo_prune
from ..domain.usage import Deployment, RegionLatest, after_change, latest_by_region, uses_of
from . import facts as write_facts
from . import reads
from .base import ServiceBase, Tx


class RetentionOps(ServiceBase):
    def _retention_facts(
        self, conn: sqlite3.Connection, sub: str | None, rg: str, gallery: str, definition: str | None
    ) -> list[DefinitionFacts]:
        """The readable definitions of a gallery (or the one named), each with its versions and deployments."""
        lookups = self.lookups(conn)
        if definition is None:
            named = [lookups.definition(sub, rg, gallery, d.name) for d in lookups.definitions(sub, rg, gallery)]
        else:
            named = [lookups.definition(sub, rg, gallery, definition)]
        readable = lookups.seen.sees
        every, policy = reads.deployments(conn), reads.end_of_life_policy(conn)
        facts = []
        for pk, d in named:
            found = [(vpk, v) for vpk, v in reads.versions(conn, pk) if readable(v.id)]
            used = tuple(u for _, v in found for u in uses_of(v, every))
            facts.append(DefinitionFacts(d.id, tuple(v for _, v in found), used, policy))
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
            plans = plan_retention(self._retention_facts(tx.conn, sub, rg, gallery, definition), rule, tx.now)
            deletes = [self._delete_facts(tx, v) for p in plans for v in p.deleted]
            return tx.decided(decide_prune(plans, deletes))

    def _delete_facts(self, tx: Tx, version: ImageVersion):
        """The facts a delete (or restore) of `version` is decided on, in the transaction."""
        caller = reads.caller(tx.conn, self.caller)
        names = (version.resource_group, version.gallery, version.definition, version.name)
        return write_facts.version_facts(tx.conn, tx.now, caller, version.subscription, names)

    def version_usage(
        self, sub: str | None, rg: str, gallery: str, definition: str, name: str, change: str
    ) -> tuple[list[Deployment], list[RegionLatest]]:
        """The VMs and scale sets made from a version, and `latest` per region now and after `change`."""
        with self.read() as conn:
            now = self.clock_state(conn).now(self.real_time())
            (facts,) = self._retention_facts(conn, sub, rg, gallery, definition)
            version = next((v for v in facts.versions if v.name == name), None)
            if version is None:
                path = f"{gallery}/images/{definition}/versions/{name}"
                raise resource_not_found("Microsoft.Compute/galleries", path, rg)
            after = after_change(facts.versions, [version.name], change)
            latest = latest_by_region(facts.versions, after, facts.definition_id, now, facts.end_of_life)
            return uses_of(version, facts.deployments), latest

    def restore_versions(self, versions: list[ImageVersion]) -> list[ImageVersion]:
        """Put pruned versions back, in one transaction (the undo of a prune)."""
        with self.write() as tx:
            found = [(self._delete_facts(tx, v), v) for v in versions]
            return tx.decided(decide_undo_prune(found))
