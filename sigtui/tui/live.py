"""When the UI must tick: several times a second while a job runs, once at the next change, otherwise never."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..domain.clock import ClockState
from ..domain.models import ReplicationState
from ..domain.replication import next_change, region_status
from ..store.reads.summaries import JobFact

TICK_SECONDS = 0.1
STATE_SLACK = timedelta(milliseconds=1)
"""A job's end is kept to the microsecond, so its state may turn just after it: `states_due` looks from this
much earlier than now."""
CLOCK_SECONDS = 1.0
"""How often the status bar's clock moves while nothing replicates (it redraws that one line only)."""


@dataclass(frozen=True, slots=True)
class Plan:
    """`ticking` runs the fast timer; otherwise `wake_in` real seconds until the next change (None: sleep)."""

    ticking: bool
    wake_in: float | None = None


def plan(clock: ClockState | None, jobs: Iterable[JobFact], now: datetime) -> Plan:
    if clock is None or clock.paused:
        return Plan(False)
    facts = list(jobs)
    if any(region_status(f.region, f.job, now).state is ReplicationState.REPLICATING for f in facts):
        return Plan(True)
    upcoming = next_change((f.job for f in facts), now)
    if upcoming is None:
        return Plan(False)
    return Plan(False, max(0.05, (upcoming - now).total_seconds() / clock.speed))


def signature(jobs: Iterable[JobFact], now: datetime) -> frozenset[tuple[int, str, ReplicationState]]:
    """The regional states at `now`; when it changes, badges, `latest` and roll-ups must be redrawn."""
    return frozenset((f.version_pk, f.region, region_status(f.region, f.job, now).state) for f in jobs)


def states_due(jobs: Iterable[JobFact], now: datetime) -> datetime | None:
    """The moment from which a regional state may have changed (so `signature` is worth working out again);
    None when every job is settled."""
    return next_change((f.job for f in jobs), now - STATE_SLACK)


def running(jobs: Iterable[JobFact], now: datetime) -> int:
    """How many versions are replicating right now."""
    return len(
        {f.version_pk for f in jobs if region_status(f.region, f.job, now).state is ReplicationState.REPLICATING}
    )
