"""The retention planner: which image versions a rule would delete ("keep the newest N succeeded versions per
definition", "delete past end of life"), and what blocks each one (VMs or scale sets pinned to it, `latest`
changing in a region). A pure decision: the store loads the facts, applies the plan in one transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from . import soft_delete
from .access import Caller
from .errors import AzureError, conflict
from .models import AggregatedState, ImageVersion
from .plan import Decision, Delete, Insert, NewKey, activity, plan
from .replication import next_change, version_status
from .rest import version_to_rest
from .rows import data_disk_inserts, target_region_inserts, version_row
from .latest import DEFAULT_END_OF_LIFE_POLICY
from .usage import Deployment, RegionLatest, after_change, latest_by_region, uses_of
from .version_writes import VERSION_WRITE, delete_steps


@dataclass(frozen=True, slots=True)
class RetentionRule:
    """Keep the newest `keep` succeeded versions of each definition, and/or delete those past end of life."""

    keep: int | None = None
    past_end_of_life: bool = False

    def check(self) -> None:
        if self.keep is None and not self.past_end_of_life:
            raise AzureError("InvalidParameter", "Say what to prune: --keep N and/or --past-end-of-life.")
        if self.keep is not None and self.keep < 1:
            raise AzureError("InvalidParameter", "--keep must be at least 1: a definition keeps its newest version.")


@dataclass(frozen=True, slots=True)
class DefinitionFacts:
    """One definition's versions and the VMs and scale sets made from them."""

    definition_id: str
    versions: tuple[ImageVersion, ...]
    deployments: tuple[Deployment, ...] = ()
    pks: Mapping[str, int] = field(default_factory=dict)
    """Version name → its row, for the delete."""
    definition_pk: int | None = None
    soft_delete: bool = False
    """The gallery keeps deleted versions, restorable."""
    end_of_life: str = DEFAULT_END_OF_LIFE_POLICY
    """The end-of-life policy `latest` follows."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A version the rule names, why, and what blocks deleting it (nothing: it goes)."""

    version: ImageVersion
    reasons: tuple[str, ...]
    blockers: tuple[str, ...] = ()

    @property
    def goes(self) -> bool:
        return not self.blockers


@dataclass(frozen=True, slots=True)
class DefinitionPlan:
    definition_id: str
    candidates: tuple[Candidate, ...]
    latest: tuple[RegionLatest, ...] = field(default=())

    @property
    def deleted(self) -> tuple[ImageVersion, ...]:
        return tuple(c.version for c in self.candidates if c.goes)


def _settled_success(version: ImageVersion, now: datetime) -> bool:
    jobs = [t.job for t in version.target_regions]
    return version_status(version, now)[0] is AggregatedState.COMPLETED and next_change(jobs, now) is None


def _reasons(facts: DefinitionFacts, rule: RetentionRule, now: datetime) -> dict[str, list[str]]:
    """Version name → why the rule names it."""
    named: dict[str, list[str]] = {}
    newest_first = sorted(facts.versions, key=lambda v: v.key, reverse=True)
    if rule.keep is not None:
        succeeded = [v for v in newest_first if _settled_success(v, now)]
        for version in succeeded[rule.keep :]:
            named.setdefault(version.name, []).append(f"older than the newest {rule.keep} succeeded")
    if rule.past_end_of_life:
        for version in newest_first:
            eol = version.end_of_life_date
            if eol is not None and eol <= now:
                named.setdefault(version.name, []).append(f"past end of life ({eol:%Y-%m-%d})")
    return named


def _pin_blockers(version: ImageVersion, deployments: Sequence[Deployment]) -> list[str]:
    return [f"{d.kind_label} {d.name} is pinned to it" for d in uses_of(version, deployments) if d.pinned]


def plan_definition(facts: DefinitionFacts, rule: RetentionRule, now: datetime) -> DefinitionPlan:
    """The candidates of one definition: pinned versions stay; of the rest, a version that is `latest` in a
    region where deleting would change `latest` stays too."""
    named = _reasons(facts, rule, now)
    ordered = sorted((v for v in facts.versions if v.name in named), key=lambda v: v.key)
    blockers = {v.name: _pin_blockers(v, facts.deployments) for v in ordered}
    going = [v.name for v in ordered if not blockers[v.name]]
    after = after_change(facts.versions, going, "delete")
    for region in latest_by_region(facts.versions, after, facts.definition_id, now, facts.end_of_life):
        if region.changes and region.now in blockers:
            blockers[region.now].append(f"latest in {region.region} would change to {region.after or 'nothing'}")
    going = [v.name for v in ordered if not blockers[v.name]]
    latest = latest_by_region(
        facts.versions, after_change(facts.versions, going, "delete"), facts.definition_id, now, facts.end_of_life
    )
    candidates = tuple(Candidate(v, tuple(named[v.name]), tuple(blockers[v.name])) for v in ordered)
    return DefinitionPlan(facts.definition_id, candidates, tuple(latest))


def plan_retention(definitions: Sequence[DefinitionFacts], rule: RetentionRule, now: datetime) -> list[DefinitionPlan]:
    """Every definition's plan, those the rule names nothing in left out."""
    rule.check()
    plans = (plan_definition(facts, rule, now) for facts in definitions)
    return [p for p in plans if p.candidates]


def decide_prune(
    definitions: Sequence[DefinitionFacts], rule: RetentionRule, now: datetime, caller: Caller
) -> Decision[list[DefinitionPlan]]:
    """The plan, and the deletes that carry it out (all or nothing: one refusal refuses them all)."""
    plans = plan_retention(definitions, rule, now)
    by_id = {f.definition_id: f for f in definitions}
    steps = []
    for p in plans:
        facts = by_id[p.definition_id]
        for v in p.deleted:
            if facts.soft_delete:
                steps.append(soft_delete.keep(now, facts.definition_pk, v))
            steps.append(delete_steps(now, caller, v, facts.pks[v.name], facts.soft_delete))
    return Decision(plans, plan(*steps))


@dataclass(frozen=True, slots=True)
class Restorable:
    """A deleted version to put back as it was, under its definition's row; `taken` when its name is in use."""

    version: ImageVersion
    definition_pk: int
    taken: bool = False


def decide_restore(found: Sequence[Restorable], now: datetime, caller: Caller) -> Decision[list[ImageVersion]]:
    """Put deleted versions back with their regions, replicas, disks and replication as they were (the undo of a
    prune or a delete; a version its gallery kept as soft-deleted is no longer kept): all of them or none."""
    steps = []
    for index, item in enumerate(found):
        version = item.version
        caller.require("write", version.id)
        if item.taken:
            raise conflict("Conflict", f"Image version {version.name} exists again: it cannot be restored.")
        key = NewKey(f"restored-{index}")
        after = version_to_rest(version, now)
        steps += [Insert("image_version", version_row(version, item.definition_pk), key=key),
                  *data_disk_inserts(version, key), *target_region_inserts(version, key),
                  Delete("soft_deleted_version", {"definition_id": item.definition_pk, "name": version.name}),
                  activity(now, caller.name, VERSION_WRITE, version.id, None, after, message="Restored")]
    return Decision([item.version for item in found], plan(*steps))
