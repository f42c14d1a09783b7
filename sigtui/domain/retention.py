"""The retention planner: which image versions a rule would delete ("keep the newest N succeeded versions per
definition", "delete past end of life"), and what blocks each one (VMs or scale sets pinned to it,
`blockDeletionBeforeEndOfLife`, `latest` changing in a region). A pure decision on facts the store loads; the
deletes and their undo are decided in `retention_writes.py`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from .errors import AzureError
from .latest import DEFAULT_END_OF_LIFE_POLICY
from .models import AggregatedState, ImageVersion
from .replication import next_change, version_status
from .usage import Deployment, RegionLatest, after_change, latest_by_region, uses_of


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


def _blockers(version: ImageVersion, deployments: Sequence[Deployment], now: datetime) -> list[str]:
    """What keeps a version whatever `latest` does: VMs or scale sets pinned to it, its safety profile."""
    found = [f"{d.kind_label} {d.name} is pinned to it" for d in uses_of(version, deployments) if d.pinned]
    eol = version.end_of_life_date
    if version.block_deletion_before_end_of_life and (eol is None or eol > now):
        found.append("blockDeletionBeforeEndOfLife is on and its end of life has not come")
    return found


def plan_definition(facts: DefinitionFacts, rule: RetentionRule, now: datetime) -> DefinitionPlan:
    """The candidates of one definition: pinned and delete-protected versions stay; of the rest, a version that
    is `latest` in a region where deleting would change `latest` stays too."""
    named = _reasons(facts, rule, now)
    ordered = sorted((v for v in facts.versions if v.name in named), key=lambda v: v.key)
    blockers = {v.name: _blockers(v, facts.deployments, now) for v in ordered}
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

