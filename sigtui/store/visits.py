"""A demo's clock stands still while no workbench has it open: the workbench holds the clock when it closes
and lets it run again when it opens, so what was replicating is still replicating. Every close also records
the simulated moment, so an opening workbench can tell what happened while it was away."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime

from ..domain.errors import AzureError
from ..domain.plan import Insert, plan
from . import reads
from .base import ServiceBase, Tx
from .raw import DatabaseError

WHILE_CLOSED = "clock_while_closed"
"""`stops` (the demo's) holds the clock while no workbench is open; anything else lets it run."""
HELD = "clock_held_by_workbench"
"""`1` while the clock stands still because the last workbench closed (not because someone paused it)."""
LEFT_AT = "workbench_left_at"
"""The simulated moment (epoch seconds) the last workbench closed."""


@dataclass(frozen=True, slots=True)
class Arrival:
    """When the last workbench left (simulated; None if none ever did) and the simulated time now."""

    left_at: datetime | None
    now: datetime


class Visits(ServiceBase):
    """The workbench opening and closing a database."""

    def _simulation_allowed(self, tx: Tx) -> bool:
        try:
            self.authorize_simulation(tx.conn)
        except AzureError:
            return False
        return True

    def _save(self, tx: Tx, key: str, value: str) -> None:
        tx.apply(plan(Insert("setting", {"key": key, "value": value}, replace=True)))

    def arrive(self, write: bool = True) -> Arrival:
        """Let a held clock run again from where it stood (unless `write` is False or the file cannot be
        written); say when the last workbench left."""
        if write:
            with suppress(AzureError, DatabaseError, OSError):
                return self._arrive_writing()
        with self.read() as conn:
            return Arrival(_left_at(conn), self.clock_state(conn).now(self.real_time()))

    def _arrive_writing(self) -> Arrival:
        with self.write() as tx:
            clock = self.clock_state(tx.conn)
            if reads.setting(tx.conn, HELD) == "1" and clock.paused and self._simulation_allowed(tx):
                clock = self._save_clock(tx, clock.resume(self.real_time()))
                self._save(tx, HELD, "0")
            return Arrival(_left_at(tx.conn), clock.now(self.real_time()))

    def leave(self) -> bool:
        """Record the moment and, for a demo, hold a running clock; False when the database refused it."""
        with suppress(AzureError, DatabaseError, OSError), self.write() as tx:
            clock = self.clock_state(tx.conn)
            holds = reads.setting(tx.conn, WHILE_CLOSED) == "stops"
            if holds and not clock.paused and self._simulation_allowed(tx):
                clock = self._save_clock(tx, clock.pause(self.real_time()))
                self._save(tx, HELD, "1")
            self._save(tx, LEFT_AT, repr(clock.sim_seconds(self.real_time())))
            return True
        return False


def _left_at(conn) -> datetime | None:
    found = reads.setting(conn, LEFT_AT)
    return datetime.fromtimestamp(float(found), UTC) if found else None

