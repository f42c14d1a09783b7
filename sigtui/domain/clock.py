"""The simulation clock: real time × a speed factor, pausable, moved forward by `advance`."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, datetime

from .values import LATEST_CLOCK

LATEST_SECONDS = LATEST_CLOCK.timestamp()


@dataclass(frozen=True, slots=True)
class ClockState:
    """Simulated time is `anchor_sim` plus real seconds since `anchor_real` times `speed` (0 while paused)."""

    anchor_real: float
    anchor_sim: float
    speed: float = 1.0
    paused: bool = False

    def sim_seconds(self, real: float) -> float:
        """Simulated seconds since the epoch; time stops at the latest moment the model can hold."""
        if self.paused:
            return min(self.anchor_sim, LATEST_SECONDS)
        return min(self.anchor_sim + (real - self.anchor_real) * self.speed, LATEST_SECONDS)

    def now(self, real: float) -> datetime:
        return datetime.fromtimestamp(self.sim_seconds(real), UTC)

    def _rebased(self, real: float) -> ClockState:
        return dataclasses.replace(self, anchor_real=real, anchor_sim=self.sim_seconds(real))

    def pause(self, real: float) -> ClockState:
        return dataclasses.replace(self._rebased(real), paused=True)

    def resume(self, real: float) -> ClockState:
        return dataclasses.replace(self._rebased(real), paused=False)

    def with_speed(self, real: float, speed: float) -> ClockState:
        if not 0 < speed <= 100_000:
            raise ValueError("speed must be a positive factor no greater than 100000")
        return dataclasses.replace(self._rebased(real), speed=speed)

    def advance(self, real: float, seconds: float) -> ClockState:
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        rebased = self._rebased(real)
        if rebased.anchor_sim + seconds > LATEST_SECONDS:
            raise ValueError(f"the clock cannot move past {LATEST_CLOCK.date().isoformat()}")
        return dataclasses.replace(rebased, anchor_sim=rebased.anchor_sim + seconds)

    def describe(self, real: float) -> dict:
        return {
            "now": self.now(real).isoformat().replace("+00:00", "Z"),
            "speed": self.speed,
            "paused": self.paused,
        }
