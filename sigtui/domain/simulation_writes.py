"""Changes to the simulation itself, its clock and its simulated faults, decided on the facts the store loads.
They belong to the subscription: Owner or Contributor on the caller's default subscription."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .access import Caller, subscription_scope
from .clock import ClockState
from .errors import invalid
from .models import Subscription
from .plan import Decision, Insert, plan
from .presence import require_subscription
from .reference_data import find_region


@dataclass(frozen=True)
class SimulationFacts:
    """Who changes the simulation, the subscription it belongs to, the stored clock and the real time now."""

    caller: Caller
    subscription: Subscription | None
    clock: ClockState | None
    real: float

    def authorize(self) -> None:
        """Refuse with Azure's AuthorizationFailed unless the caller may write the subscription."""
        sub = require_subscription(self.subscription, None)
        self.caller.require("write", subscription_scope(sub.id))


def clock_insert(state: ClockState) -> Insert:
    """The one row of the simulation clock, replacing the stored one."""
    values = {"anchor_real": state.anchor_real, "anchor_sim": state.anchor_sim, "speed": state.speed}
    return Insert("sim_clock", {"id": 1, **values, "paused": state.paused}, replace=True)


def decide_clock(
    facts: SimulationFacts, change: Callable[[ClockState, float], ClockState], field: str = "clock"
) -> Decision[ClockState]:
    """Move the clock as `change` says (from the stored state and the real time); `field` names a bad value."""
    facts.authorize()
    state = facts.clock or ClockState(facts.real, facts.real)
    try:
        new = change(state, facts.real)
    except ValueError as error:
        raise invalid(str(error), field) from None
    return Decision(new, plan(clock_insert(new)))


def setting_insert(key: str, value: str) -> Insert:
    return Insert("setting", {"key": key, "value": value}, replace=True)


def decide_faults(facts: SimulationFacts, rate: float, outages: Iterable[str], seed: str | None) -> Decision[None]:
    """A seeded fault rate for regional jobs, and regions whose first attempt fails."""
    facts.authorize()
    if not 0 <= rate <= 1:
        raise invalid("The fault rate must be between 0 and 1.", "faultRate")
    names = []
    for region in outages:
        found = find_region(region)
        if found is None:
            raise invalid(f"Unknown region '{region}'.", "outages")
        names.append(found.name)
    steps = [setting_insert("fault_rate", str(rate)), setting_insert("fault_outages", json.dumps(names))]
    if seed is not None:
        steps.append(setting_insert("fault_seed", seed))
    return Decision(None, plan(*steps))
