"""Helpers for snapshot-testing an image-workflow demo of your own: a fake clock, a steady environment, and the
workbench app built on a scenario file (or dict) at a fixed moment, ready for pytest-textual-snapshot's
`snap_compare(app, ...)` or Textual's `app.run_test()`."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from .tui.app import SigtuiApp

FIXED_NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
"""The simulated "now" of a scenario that does not set its clock."""


class FakeClock:
    """A real-time source that only moves when a test says so: the simulation clock stands still with it."""

    def __init__(self, start: float = 1_750_000_000.0) -> None:
        self.value = start

    def __call__(self) -> float:
        return self.value

    def advance(self, seconds: float) -> None:
        self.value += seconds


@contextmanager
def stable_environment(home: Path) -> Iterator[None]:
    """UTC, no animations, and a home and XDG directories under `home` (so the status bar shows `~/NAME.db`);
    everything is put back afterwards."""
    wanted = {"HOME": str(home), "TZ": "UTC", "XDG_CONFIG_HOME": str(home / "config"),
              "XDG_DATA_HOME": str(home / "data"), "TEXTUAL_ANIMATIONS": "none"}
    saved = {key: os.environ.get(key) for key in wanted}
    os.environ.update(wanted)
    time.tzset()
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        time.tzset()


def build_world(scenario: Path | str | dict, db_path: Path, now: datetime = FIXED_NOW,
                clock: FakeClock | None = None) -> FakeClock:
    """A new database at `db_path` holding the scenario (a file, YAML text or a dict, in `sigtui apply`'s format),
    with the simulation clock anchored to `clock` (a new FakeClock unless given); returns the clock."""
    from .store.scenario import Scenario, apply_scenario
    from .store.services import Services

    if isinstance(scenario, dict):
        parsed = Scenario(scenario)
    elif isinstance(scenario, Path):
        parsed = Scenario.load(scenario)
    else:
        parsed = Scenario.parse(scenario)
    clock = clock or FakeClock()
    services = Services(db_path, real_time=clock)
    services.bootstrap()
    apply_scenario(services, parsed, now)
    services.db.dispose()
    return clock


def scenario_app(scenario: Path | str | dict, db_path: Path, *, now: datetime = FIXED_NOW, caller: str | None = None,
                 readonly: bool = False) -> SigtuiApp:
    """The workbench on a new database built from the scenario, its clock standing still, animations off."""
    from .tui.app import SigtuiApp

    clock = build_world(scenario, db_path, now)
    app = SigtuiApp(db_path, caller=caller, readonly=readonly, real_time=clock)
    app.animation_level = "none"
    return app


def demo_scenario() -> dict:
    """The demo catalog's scenario (sigtui/data/demo.yaml), to extend or trim in a test."""
    from .domain.reference_data import DATA_DIR

    return yaml.safe_load((DATA_DIR / "demo.yaml").read_text(encoding="utf-8"))
