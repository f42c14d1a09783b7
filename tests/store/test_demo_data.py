"""The demo story read from sigtui/data/demo.yaml builds exactly the database the TUI snapshots render.

tests/fixtures/demo_dump.sql is the `iterdump` of the demo as built before the story became data; role
assignment ids come from uuid4, so the test numbers them in order, and the owner's assignment made at bootstrap,
before the simulated clock exists, is stamped with the wall clock, so the test fixes that clock: both only to make
the dump repeatable. SQLite lists indexes in the order they were created, which follows Python's set order, so
the dump sorts them.
"""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sigtui.store.demo import build_demo
from sigtui.store.services import Services
from tests.conftest import FIXED_REAL, FakeTime

START = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
DUMP = Path(__file__).parent.parent / "fixtures" / "demo_dump.sql"


def demo_dump(path: Path) -> str:
    """The demo built into `path`, dumped as SQL text; the filter's text index is left out (it is made from the
    rows: tests/store/test_filter_index.py holds it to them)."""
    services = Services(path, real_time=FakeTime())
    services.bootstrap()
    build_demo(services, start=START)
    services.db.dispose()
    conn = sqlite3.connect(path)
    try:
        statements = list(conn.iterdump())
    finally:
        conn.close()
    statements = [s for s in statements if "search_text" not in s and "writable_schema" not in s]
    indexes = sorted(s for s in statements if s.startswith(("CREATE INDEX", "CREATE UNIQUE INDEX")))
    rest = [s for s in statements if s not in indexes]
    return "\n".join(rest + indexes) + "\n"


class FixedWallClock(datetime):
    """A wall clock that always reads FIXED_REAL."""

    @classmethod
    def now(cls, tz=None):
        return datetime.fromtimestamp(FIXED_REAL, tz)


@pytest.fixture
def repeatable(monkeypatch):
    """uuid4 replaced by a numbered sequence and the wall clock fixed, so the dump is the same every time."""
    counter = iter(range(1, 10_000))
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=next(counter)))
    monkeypatch.setattr("sigtui.store.base.datetime", FixedWallClock)


def test_demo_builds_the_same_database_as_before(tmp_path, repeatable):
    assert demo_dump(tmp_path / "demo.db") == DUMP.read_text()
