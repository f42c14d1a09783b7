"""The activity log as the operator's console shows it: every recorded entry (writes, refusals, retries) and
the regional replications that have failed by now, which the clock decides rather than a write."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from ..domain.models import ReplicationJob
from ..domain.replication import failed_at, failure_entry
from .reads import state, summaries


class RegionalJob(Protocol):
    version_pk: int
    region: str
    job: ReplicationJob
    version_id: str


def _about(resource_id: str, scope: str | None) -> bool:
    if not scope:
        return True
    lowered, scope = resource_id.lower(), scope.lower().rstrip("/")
    return lowered == scope or lowered.startswith(scope + "/")


def replication_failures(jobs: Iterable[RegionalJob], now: datetime, resource_id: str | None = None) -> list[dict]:
    """The regions whose current replication has failed by `now` (under `resource_id`), as activity entries."""
    entries = []
    for fact in jobs:
        moment = failed_at(fact.job)
        if moment is None or moment > now or not _about(fact.version_id, resource_id):
            continue
        values = dict(failure_entry(fact.version_id, fact.region, fact.job).values)
        values["id"] = f"{fact.version_pk}-{fact.region}-{fact.job.attempt}"
        entries.append(values)
    return entries


def merged(recorded: list[dict], failures: list[dict], limit: int | None = None) -> list[dict]:
    """Recorded entries and replication failures, newest first, at most `limit`."""
    entries = sorted(recorded + failures, key=lambda e: e["at"], reverse=True)
    return entries[:limit] if limit else entries


def activity_log(
    conn: sqlite3.Connection, now: datetime, resource_id: str | None = None, limit: int | None = None
) -> list[dict]:
    """Newest first: the recorded entries and the replication failures reached by `now`."""
    failures = replication_failures(summaries.unsettled_jobs(conn, now), now, resource_id)
    return merged(state.activity(conn, resource_id, limit), failures, limit)
