"""What replication did while nobody watched: the regions that finished or failed between two moments."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta

from .models import ReplicationJob, ReplicationState
from .replication import region_status
from .wording import counted, span

RegionJob = tuple[str, str, ReplicationJob]
"""(version's label, region, its job)."""


def settled_between(jobs: Iterable[RegionJob], then: datetime, now: datetime) -> dict[str, dict[str, list[str]]]:
    """Per version label, the regions that reached `Completed` or `Failed` after `then`, by `now`."""
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"finished": [], "failed": []})
    for label, region, job in jobs:
        before = region_status(region, job, then).state
        after = region_status(region, job, now).state
        if after is before:
            continue
        if after is ReplicationState.COMPLETED:
            found[label]["finished"].append(region)
        elif after is ReplicationState.FAILED:
            found[label]["failed"].append(region)
    return dict(found)


def while_away(jobs: Iterable[RegionJob], then: datetime, now: datetime) -> str:
    """`While you were away (2 h of simulated time): 1.3.0 finished replicating in 3 regions`; empty when the
    clock did not move."""
    if now - then < timedelta(seconds=1):
        return ""
    parts = []
    for label, outcome in sorted(settled_between(jobs, then, now).items()):
        if outcome["finished"]:
            parts.append(f"{label} finished replicating in {counted(len(outcome['finished']), 'region')}")
        if outcome["failed"]:
            parts.append(f"{label} failed in {', '.join(sorted(outcome['failed']))}")
    happened = "; ".join(parts) if parts else "no replication finished or failed"
    return f"While you were away ({span(now - then)} of simulated time): {happened}."
