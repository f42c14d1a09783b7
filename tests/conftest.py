"""Shared fixtures: a fake real-time clock and services over a fresh SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

FIXED_REAL = datetime(2026, 11, 23, 12, 0, tzinfo=UTC).timestamp()


class FakeTime:
    """A real-time source that only moves when told to."""

    def __init__(self, start: float = FIXED_REAL):
        self.value = start

    def __call__(self) -> float:
        return self.value

    def tick(self, seconds: float) -> None:
        self.value += seconds


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def svc(tmp_path, fake_time):
    """Bootstrapped services on a new database, clock at FIXED_REAL and paused."""
    from sigtui.store.services import Services

    services = Services(tmp_path / "sigtui.db", real_time=fake_time)
    services.bootstrap()
    services.pause_clock()
    return services
