"""A demo's clock is held while no workbench is open, and released when one opens; other clocks run on."""

from __future__ import annotations

from datetime import UTC, datetime

from sigtui.domain.clock import ClockState
from sigtui.domain.simulation_writes import SimulationFacts
from sigtui.domain.visits import HELD, LEFT_AT, VisitFacts, decide_arrival, decide_leave

from .test_gallery_writes import OWNER, READER, SUB

REAL = 1_000_000.0
RUNNING = ClockState(REAL - 100, 5_000.0, 30.0)


def visit(clock=RUNNING, stops=True, held=False, caller=OWNER, left_at=None) -> VisitFacts:
    return VisitFacts(SimulationFacts(caller, SUB, clock, REAL), stops, held, left_at)


def settings(decision) -> dict:
    return {s.values["key"]: s.values["value"] for s in decision.plan.steps if s.table == "setting"}


def clock_rows(decision) -> list[dict]:
    return [s.values for s in decision.plan.steps if s.table == "sim_clock"]


def test_leaving_a_demo_holds_its_running_clock_where_it_stands():
    decision = decide_leave(visit())
    (row,) = clock_rows(decision)
    assert row["paused"] and row["anchor_sim"] == RUNNING.sim_seconds(REAL)
    assert settings(decision) == {HELD: "1", LEFT_AT: repr(RUNNING.sim_seconds(REAL))}


def test_leaving_another_database_or_a_paused_clock_only_records_the_moment():
    assert clock_rows(decide_leave(visit(stops=False))) == []
    paused = RUNNING.pause(REAL)
    assert settings(decide_leave(visit(paused))) == {LEFT_AT: repr(paused.sim_seconds(REAL))}
    assert clock_rows(decide_leave(visit(caller=READER))) == [], "a reader may not move the clock"


def test_arriving_releases_only_a_clock_the_workbench_held():
    held = RUNNING.pause(REAL - 50)
    decision = decide_arrival(visit(held, held=True, left_at=datetime.fromtimestamp(4_000, UTC)))
    (row,) = clock_rows(decision)
    assert not row["paused"] and row["anchor_real"] == REAL and row["anchor_sim"] == held.anchor_sim
    assert settings(decision) == {HELD: "0"}
    assert decision.result.now == held.now(REAL) and decision.result.left_at.timestamp() == 4_000
    assert decide_arrival(visit(held, held=False)).plan.steps == (), "a clock paused by someone stays paused"
