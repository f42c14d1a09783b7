"""The replication model: state and progress as a pure function of persisted facts and the clock."""

from datetime import timedelta

import pytest

from sigtui.domain.models import AggregatedState, ReplicationJob, ReplicationState
from sigtui.domain.replication import (
    FaultPlan,
    RegionStatus,
    aggregate,
    next_change,
    plan_extra_replicas,
    plan_jobs,
    provisioning_state,
    region_status,
)

from .builders import T0

JOB = ReplicationJob(T0, 1000.0)


@pytest.mark.parametrize(
    ("seconds", "state", "progress"),
    [
        (-10, ReplicationState.UNKNOWN, 0),
        (0, ReplicationState.REPLICATING, 0),
        (430, ReplicationState.REPLICATING, 43),
        (999, ReplicationState.REPLICATING, 99),
        (1000, ReplicationState.COMPLETED, 100),
        (10**6, ReplicationState.COMPLETED, 100),
    ],
)
def test_progress_at_chosen_times(seconds, state, progress):
    status = region_status("westus", JOB, T0 + timedelta(seconds=seconds))
    assert (status.state, status.progress) == (state, progress)


def test_failure_freezes_progress_with_details():
    job = ReplicationJob(T0, 1000.0, 0.6, "Failed with internal server error.")
    assert region_status("x", job, T0 + timedelta(seconds=599)).state is ReplicationState.REPLICATING
    status = region_status("x", job, T0 + timedelta(seconds=600))
    assert (status.state, status.progress, status.details) == (
        ReplicationState.FAILED,
        60,
        "Failed with internal server error.",
    )


@pytest.mark.parametrize(
    ("states", "expected"),
    [
        ([], AggregatedState.UNKNOWN),
        (["Unknown", "Unknown"], AggregatedState.UNKNOWN),
        (["Completed", "Replicating"], AggregatedState.IN_PROGRESS),
        (["Completed", "Unknown"], AggregatedState.IN_PROGRESS),
        (["Completed", "Completed"], AggregatedState.COMPLETED),
        (["Completed", "Failed", "Replicating"], AggregatedState.FAILED),
    ],
)
def test_aggregated_state(states, expected):
    assert aggregate([RegionStatus("r", ReplicationState(s), 0) for s in states]) is expected


def test_provisioning_state_follows_replication():
    assert provisioning_state(AggregatedState.IN_PROGRESS, "create") == "Creating"
    assert provisioning_state(AggregatedState.IN_PROGRESS, "update") == "Updating"
    assert provisioning_state(AggregatedState.COMPLETED, "create") == "Succeeded"
    assert provisioning_state(AggregatedState.FAILED, "create") == "Failed"
    assert provisioning_state(AggregatedState.COMPLETED, "create", deleting=True) == "Deleting"


def test_source_region_completes_first_and_far_regions_take_longer():
    jobs = plan_jobs("v", 10.0, "westus", [("westus", 1), ("westus2", 1), ("australiaeast", 1)], T0)
    end = {name: job.started_at + timedelta(seconds=job.duration_s) for name, job in jobs.items()}
    assert jobs["westus"].started_at == T0
    assert jobs["westus2"].started_at >= end["westus"]
    assert end["westus"] < end["westus2"] < end["australiaeast"]


def test_duration_grows_with_occupied_size_and_region_count():
    small = plan_jobs("v", 10.0, "westus", [("westus", 1), ("eastus", 1)], T0)["eastus"].duration_s
    large = plan_jobs("v", 100.0, "westus", [("westus", 1), ("eastus", 1)], T0)["eastus"].duration_s
    crowded = plan_jobs("v", 10.0, "westus", [("westus", 1), ("eastus", 1), ("westeurope", 1), ("japaneast", 1)], T0)[
        "eastus"
    ].duration_s
    assert large > small * 5
    assert crowded > small


def test_extra_replicas_copy_within_the_region_faster():
    cross = plan_jobs("v", 50.0, "westus", [("westus", 1), ("eastus", 1)], T0)["eastus"].duration_s
    assert plan_extra_replicas(50.0, 1, T0).duration_s < cross


def test_seeded_faults_are_deterministic_and_outages_fail_first_attempt():
    plan = FaultPlan(rate=0.5, seed="s")
    first = [plan.decide("v", r, 0) for r in ("a", "b", "c", "d", "e", "f")]
    assert first == [plan.decide("v", r, 0) for r in ("a", "b", "c", "d", "e", "f")]
    assert any(f is None for f in first) and any(f is not None for f in first)
    outage = FaultPlan(outages=frozenset({"northeurope"}))
    assert outage.decide("v", "northeurope", 0) is not None
    assert outage.decide("v", "northeurope", 1) is None
    assert outage.decide("v", "westus", 0) is None


def test_next_change_is_none_when_everything_settled():
    assert next_change([JOB], T0 + timedelta(seconds=2000)) is None
    assert next_change([JOB], T0 + timedelta(seconds=10)) == T0 + timedelta(seconds=1000)
    later = ReplicationJob(T0 + timedelta(seconds=50), 10)
    assert next_change([later], T0) == T0 + timedelta(seconds=50)
