"""The SQL fragments for regional replication states agree with the domain's rule on generated jobs."""

import sqlite3
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from sigtui.domain.models import ReplicationJob, ReplicationState
from sigtui.domain.replication import region_status, serves
from sigtui.store.reads import job_states

NOW = datetime(2026, 6, 1, tzinfo=UTC)

jobs = st.builds(
    ReplicationJob,
    started_at=st.integers(-7200, 7200).map(lambda s: NOW + timedelta(seconds=s)),
    duration_s=st.integers(0, 9000).map(float),
    fail_at=st.sampled_from([None, 0.2, 0.5, 0.9, 1.0, 1.5]),
    serving=st.booleans(),
)


def _sql_states(job: ReplicationJob) -> dict[str, bool]:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE target_region (started_at REAL, duration_s REAL, fail_at REAL, serving INTEGER)")
    conn.execute(
        "INSERT INTO target_region VALUES (?, ?, ?, ?)",
        (job.started_at.timestamp(), job.duration_s, job.fail_at, job.serving),
    )
    names = ("failed", "completed", "replicating", "serves")
    columns = ", ".join(getattr(job_states, name)() for name in names)
    found = conn.execute(f"SELECT {columns} FROM target_region", {"now": NOW.timestamp()}).fetchone()
    return dict(zip(names, map(bool, found), strict=True))


@given(jobs)
def test_sql_job_states_agree_with_the_domain(job):
    state = region_status("westus", job, NOW).state
    assert _sql_states(job) == {
        "failed": state is ReplicationState.FAILED,
        "completed": state is ReplicationState.COMPLETED,
        "replicating": state is ReplicationState.REPLICATING,
        "serves": serves(job, NOW),
    }
