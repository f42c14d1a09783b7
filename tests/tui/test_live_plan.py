"""The tick plan: 10 Hz while a job runs, one wake-up before a queued job starts, nothing otherwise."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sigtui.domain.clock import ClockState
from sigtui.domain.models import ReplicationJob
from sigtui.store.reads.summaries import JobFact
from sigtui.tui import live

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
CLOCK = ClockState(0.0, NOW.timestamp(), speed=30.0)


def fact(start_offset: float, duration: float, fail_at: float | None = None) -> JobFact:
    return JobFact(1, 1, 1, "westus", ReplicationJob(NOW + timedelta(seconds=start_offset), duration, fail_at))


def test_ticks_while_a_job_runs():
    assert live.plan(CLOCK, [fact(-10, 100)], NOW) == live.Plan(True)


def test_wakes_once_when_a_queued_job_starts():
    plan = live.plan(CLOCK, [fact(-500, 100), fact(300, 100)], NOW)
    assert plan == live.Plan(False, 10.0)


def test_sleeps_when_everything_is_settled():
    assert live.plan(CLOCK, [fact(-500, 100), fact(-500, 100, fail_at=0.5)], NOW) == live.Plan(False)


def test_sleeps_while_paused_even_if_jobs_run():
    assert live.plan(CLOCK.pause(0.0), [fact(-10, 100)], NOW) == live.Plan(False)


def test_signature_changes_when_a_region_finishes():
    jobs = [fact(-10, 100)]
    assert live.signature(jobs, NOW) != live.signature(jobs, NOW + timedelta(seconds=200))
    assert live.running(jobs, NOW) == 1


def test_states_are_due_for_a_new_look_when_the_next_region_starts_finishes_or_fails():
    jobs = [fact(-10, 100), fact(50, 100), fact(-10, 100, fail_at=0.3)]
    due = live.states_due(jobs, NOW)
    assert due is not None and due <= NOW + timedelta(seconds=20)
    assert live.signature(jobs, due - timedelta(seconds=1)) == live.signature(jobs, NOW)
    assert live.signature(jobs, due + timedelta(milliseconds=1)) != live.signature(jobs, NOW)
    assert live.states_due([fact(-500, 100)], NOW) is None


def test_a_region_finishing_at_this_very_moment_is_looked_at_again():
    job = fact(-100, 100)
    assert live.states_due([job], NOW) == NOW
