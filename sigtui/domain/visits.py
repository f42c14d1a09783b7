"""A demo's clock stands still while no workbench has it open: the workbench holds the clock when it closes and
lets it run again when it opens, so what was replicating is still replicating. Every close also records the
simulated moment, so an opening workbench can tell what happened while it was away."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .clock import ClockState
from .errors import AzureError
from .plan import Decision, plan
from .simulation_writes import SimulationFacts, clock_insert, setting_insert

WHILE_CLOSED = "clock_while_closed"
WHILE_CLOSED_VALUES = ("runs", "stops")
"""A clock that runs on while no workbench has the database open (the default), or one that stands still."""
"""`stops` (the demo's) holds the clock while no workbench is open; anything else lets it run."""
HELD = "clock_held_by_workbench"
"""`1` while the clock stands still because the last workbench closed (not because someone paused it)."""
LEFT_AT = "workbench_left_at"
"""The simulated moment (epoch seconds) the last workbench closed."""


@dataclass(frozen=True)
class VisitFacts:
    """The simulation as a workbench opening or closing finds it, and the settings about earlier visits."""

    simulation: SimulationFacts
    stops_while_closed: bool
    held: bool
    left_at: datetime | None

    @property
    def clock(self) -> ClockState:
        real = self.simulation.real
        return self.simulation.clock or ClockState(real, real)

    @property
    def may_move_clock(self) -> bool:
        """Holding and releasing the clock is the simulation's business: only for those who may change it."""
        try:
            self.simulation.authorize()
        except AzureError:
            return False
        return True


@dataclass(frozen=True, slots=True)
class Arrival:
    """When the last workbench left (simulated; None if none ever did) and the simulated time now."""

    left_at: datetime | None
    now: datetime


def decide_arrival(facts: VisitFacts) -> Decision[Arrival]:
    """Let a clock the last workbench held run again from where it stood."""
    clock, real = facts.clock, facts.simulation.real
    if not (facts.held and clock.paused and facts.may_move_clock):
        return Decision(Arrival(facts.left_at, clock.now(real)), plan())
    resumed = clock.resume(real)
    return Decision(Arrival(facts.left_at, resumed.now(real)), plan(clock_insert(resumed), setting_insert(HELD, "0")))


def decide_leave(facts: VisitFacts) -> Decision[None]:
    """Record the moment; a demo's running clock is held until the next workbench opens."""
    clock, real = facts.clock, facts.simulation.real
    steps = []
    if facts.stops_while_closed and not clock.paused and facts.may_move_clock:
        clock = clock.pause(real)
        steps += [clock_insert(clock), setting_insert(HELD, "1")]
    return Decision(None, plan(*steps, setting_insert(LEFT_AT, repr(clock.sim_seconds(real)))))
