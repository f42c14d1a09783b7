"""Replication timing: planned jobs from (data size, regions, distance), and state as a pure function of time."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from .models import AggregatedState, ImageVersion, ProvisioningState, ReplicationJob, ReplicationState
from .reference_data import distance_km, find_region

if TYPE_CHECKING:
    from .plan import Insert

BASE_SECONDS = 120.0
LOCAL_SECONDS_PER_GB = 10.0
CROSS_SECONDS_PER_GB = 45.0
EXTRA_REPLICA_FACTOR = 0.4
REGION_CONTENTION = 0.15
FAILURE_DETAIL = "Failed with internal server error."
REPLICATE = "Microsoft.Compute/galleries/images/versions/replicate/action"
"""The activity log's operation for what replication itself did (a region that failed)."""
PLATFORM = "Microsoft.Compute"
"""Who the activity log says acted when replication failed: the platform, through the simulation."""


@dataclass(frozen=True, slots=True)
class RegionStatus:
    """One row of Azure's `replicationStatus.summary`."""

    region: str
    state: ReplicationState
    progress: int
    details: str = ""


def region_status(region: str, job: ReplicationJob | None, now: datetime) -> RegionStatus:
    """State and progress of one regional job at `now`."""
    fraction = None if job is None else elapsed_fraction(job, now)
    if fraction is None:
        return RegionStatus(region, ReplicationState.UNKNOWN, 0)
    if job.fail_at is not None and fraction >= job.fail_at:
        return RegionStatus(region, ReplicationState.FAILED, int(job.fail_at * 100), job.failure_detail)
    if fraction >= 1.0:
        return RegionStatus(region, ReplicationState.COMPLETED, 100)
    return RegionStatus(region, ReplicationState.REPLICATING, int(fraction * 100))


def elapsed_fraction(job: ReplicationJob, now: datetime) -> float | None:
    """How much of a job's planned time has passed at `now`, in [0, 1]; None before it starts."""
    elapsed = (now - job.started_at).total_seconds()
    if elapsed < 0:
        return None
    return 1.0 if job.duration_s <= 0 else min(1.0, elapsed / job.duration_s)


def aggregate(statuses: Iterable[RegionStatus]) -> AggregatedState:
    """Azure's `aggregatedState` over the regional states."""
    states = [s.state for s in statuses]
    if not states:
        return AggregatedState.UNKNOWN
    if ReplicationState.FAILED in states:
        return AggregatedState.FAILED
    if all(s is ReplicationState.COMPLETED for s in states):
        return AggregatedState.COMPLETED
    if all(s is ReplicationState.UNKNOWN for s in states):
        return AggregatedState.UNKNOWN
    return AggregatedState.IN_PROGRESS


def provisioning_state(aggregated: AggregatedState, operation: str, deleting: bool = False) -> str:
    """A version is Creating/Updating until every region finishes, then Succeeded or Failed."""
    if deleting:
        return ProvisioningState.DELETING
    if aggregated is AggregatedState.COMPLETED:
        return ProvisioningState.SUCCEEDED
    if aggregated is AggregatedState.FAILED:
        return ProvisioningState.FAILED
    return ProvisioningState.UPDATING if operation == "update" else ProvisioningState.CREATING


def version_status(version: ImageVersion, now: datetime) -> tuple[AggregatedState, list[RegionStatus]]:
    statuses = [region_status(t.name, t.job, now) for t in version.target_regions]
    return aggregate(statuses), statuses


def next_change(jobs: Iterable[ReplicationJob | None], now: datetime) -> datetime | None:
    """The next moment any of these jobs changes state (start, fail or finish); None when all are settled."""
    upcoming = []
    for job in jobs:
        if job is None:
            continue
        end = job.started_at + timedelta(seconds=job.duration_s * (job.fail_at if job.fail_at is not None else 1.0))
        if job.started_at > now:
            upcoming.append(job.started_at)
        elif end > now:
            upcoming.append(end)
    return min(upcoming) if upcoming else None


@dataclass(frozen=True, slots=True)
class FaultPlan:
    """An optional, seeded fault rate: which regional jobs fail, and where."""

    rate: float = 0.0
    seed: str = "sigtui"
    outages: frozenset[str] = frozenset()

    def decide(self, version_id: str, region: str, attempt: int) -> float | None:
        """The fraction at which this job fails, or None; a region in `outages` fails its first attempt."""
        rng = random.Random(f"{self.seed}:{version_id.lower()}:{region}:{attempt}")
        if region in self.outages and attempt == 0:
            return round(rng.uniform(0.2, 0.9), 3)
        if self.rate <= 0:
            return None
        if rng.random() >= self.rate:
            return None
        return round(rng.uniform(0.2, 0.9), 3)


def _transfer_seconds(used_gb: float, source: str, target: str, region_count: int) -> float:
    a, b = find_region(source), find_region(target)
    distance = distance_km(a, b) if a and b else 5000.0
    contention = 1.0 + REGION_CONTENTION * max(0, region_count - 2)
    return used_gb * CROSS_SECONDS_PER_GB * (1.0 + distance / 10000.0) * contention


def plan_jobs(
    version_id: str,
    used_gb: float,
    source_region: str,
    regions: Sequence[tuple[str, int]],
    now: datetime,
    faults: FaultPlan = FaultPlan(),
    attempt: int = 0,
    source_ready: bool = False,
) -> dict[str, ReplicationJob]:
    """Plan jobs for `regions` (name, replicas): the source region first, the others copy from it afterwards."""
    local = BASE_SECONDS + used_gb * LOCAL_SECONDS_PER_GB
    count = len(regions)
    jobs: dict[str, ReplicationJob] = {}
    for name, replicas in regions:
        extra = max(0, replicas - 1) * used_gb * LOCAL_SECONDS_PER_GB * EXTRA_REPLICA_FACTOR
        if name == source_region:
            start, duration = now, local + extra
        else:
            start = now if source_ready else now + timedelta(seconds=local)
            duration = BASE_SECONDS + _transfer_seconds(used_gb, source_region, name, count) + extra
        fail_at = faults.decide(version_id, name, attempt)
        jobs[name] = ReplicationJob(start, round(duration, 3), fail_at, FAILURE_DETAIL if fail_at else "", attempt)
    return jobs


def plan_extra_replicas(used_gb: float, added: int, now: datetime, serving: bool = True) -> ReplicationJob:
    """Extra replicas inside a region copy locally: cheaper and faster than a cross-region copy; the replicas
    the region already holds keep serving meanwhile."""
    duration = round(BASE_SECONDS / 2 + added * used_gb * LOCAL_SECONDS_PER_GB * EXTRA_REPLICA_FACTOR, 3)
    return ReplicationJob(now, duration, serving=serving)


def serves(job: ReplicationJob | None, now: datetime) -> bool:
    """Whether a region can deploy from this version: replication completed, or earlier replicas still there."""
    if job is None:
        return False
    return job.serving or region_status("", job, now).state is ReplicationState.COMPLETED


def failed_at(job: ReplicationJob | None) -> datetime | None:
    """When a job that will fail fails (None for one that will not)."""
    if job is None or job.fail_at is None:
        return None
    return job.started_at + timedelta(seconds=job.duration_s * job.fail_at)


def failure_entry(version_id: str, region: str, job: ReplicationJob) -> Insert:
    """The activity-log entry of a regional replication that failed, at the moment it failed."""
    from .plan import activity

    when = failed_at(job) or job.started_at
    message = f"Replication to {region} failed (attempt {job.attempt + 1}): {job.failure_detail or FAILURE_DETAIL}"
    return activity(when, PLATFORM, REPLICATE, version_id, None, None, "Failed", message, face="simulation")
