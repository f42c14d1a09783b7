"""Changes to the simulation itself, its clock, its simulated faults and its end-of-life policy, decided on the
facts the store loads.
They belong to the subscription: Owner or Contributor on the caller's default subscription."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from .access import Caller, subscription_scope
from .clock import ClockState
from .errors import invalid
from .latest import END_OF_LIFE_POLICIES
from .models import Subscription
from .plan import Decision, Insert, activity, plan
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


def decide_end_of_life_policy(facts: SimulationFacts, policy: str, before: str, now: datetime) -> Decision[str]:
    """`block` (no VM from a version past its end of life) or `warn` (allowed, with a warning)."""
    facts.authorize()
    if policy not in END_OF_LIFE_POLICIES:
        raise invalid(f"The value '{policy}' of setting 'eol-policy' is invalid. Allowed values: "
                      f"{', '.join(END_OF_LIFE_POLICIES)}.", "eol-policy")
    scope = subscription_scope(require_subscription(facts.subscription, None).id)
    entry = activity(now, facts.caller.name, "Microsoft.Resources/settings/write", scope, {"eolPolicy": before},
                     {"eolPolicy": policy})
    return Decision(policy, plan(setting_insert("end_of_life_policy", policy), entry))
