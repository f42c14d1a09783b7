"""Fixtures for the TUI tests: a seeded demo database per test, a fake clock, UTC, isolated XDG dirs."""

from __future__ import annotations

import asyncio
import inspect
import shutil
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sigtui.testing import FakeClock as FakeTime

FIXED = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
"""The demo's "now": ubuntu-web 1.3.0 started replicating 20 minutes earlier."""

SIZE = (120, 40)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run `async def` tests on a fresh event loop (no asyncio plugin needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    asyncio.run(pyfuncitem.obj(**arguments))
    return True


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> tuple[Path, float]:
    """The demo catalog built once per worker, with the clock anchored at a fixed real time."""
    from sigtui.store.demo import build_demo
    from sigtui.store.services import Services

    path = tmp_path_factory.mktemp("template") / "demo.db"
    fake = FakeTime()
    services = Services(path, real_time=fake)
    services.bootstrap()
    build_demo(services, start=FIXED)
    services.db.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path, fake.value


@pytest.fixture
def env(monkeypatch, tmp_path):
    """UTC local time, and a home and XDG directories of our own (the status bar shows `~/demo.db`)."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    yield tmp_path
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def fake_time(demo_template) -> FakeTime:
    return FakeTime(demo_template[1])


@pytest.fixture
def demo_db(demo_template, env) -> Path:
    path = env / "demo.db"
    shutil.copy(demo_template[0], path)
    return path


@pytest.fixture
def make_app(demo_db, fake_time):
    """Build the app on the demo database with the fake clock; animations off."""
    from sigtui.tui.app import SigtuiApp

    def make(**kwargs) -> SigtuiApp:
        app = SigtuiApp(kwargs.pop("db_path", demo_db), real_time=fake_time, **kwargs)
        app.animation_level = "none"
        return app

    return make
