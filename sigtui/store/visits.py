"""The workbench opening and closing a database: the facts are loaded here, `domain/visits.py` decides."""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from datetime import UTC, datetime

from ..domain.errors import AzureError
from ..domain.visits import HELD, LEFT_AT, WHILE_CLOSED, Arrival, VisitFacts, decide_arrival, decide_leave
from . import facts, reads
from .base import ServiceBase
from .raw import DatabaseError


class Visits(ServiceBase):
    """Holds a demo's clock while no workbench is open and says when the last one left."""

    def _facts(self, conn: sqlite3.Connection) -> VisitFacts:
        left_at = reads.setting(conn, LEFT_AT)
        return VisitFacts(
            facts.simulation_facts(conn, reads.caller(conn, self.caller), self.real_time()),
            reads.setting(conn, WHILE_CLOSED) == "stops",
            reads.setting(conn, HELD) == "1",
            datetime.fromtimestamp(float(left_at), UTC) if left_at else None,
        )

    def arrive(self, write: bool = True) -> Arrival:
        """Let a held clock run again (unless `write` is False or the file cannot be written); say when the
        last workbench left."""
        if write:
            with suppress(AzureError, DatabaseError, OSError), self.write() as tx:
                return tx.decided(decide_arrival(self._facts(tx.conn)))
        with self.read() as conn:
            return decide_arrival(self._facts(conn)).result

    def leave(self) -> bool:
        """Record the moment and, for a demo, hold a running clock; False when the database refused it."""
        with suppress(AzureError, DatabaseError, OSError), self.write() as tx:
            tx.decided(decide_leave(self._facts(tx.conn)))
            return True
        return False
