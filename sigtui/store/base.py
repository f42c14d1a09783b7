"""The core of the service layer: transactions, the shared clock, identity and the activity log."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..domain import access
from ..domain.clock import ClockState
from ..domain.models import Subscription
from ..domain.plan import Decision, Plan, T
from . import facts, reads
from .apply import apply
from .defaults import DEFAULT_OWNER, NOBODY
from .raw import SqliteFile


@dataclass
class Tx:
    """One write transaction: its connection, simulated `now` at its start, and who writes."""

    conn: sqlite3.Connection
    now: datetime
    caller: str

    def apply(self, plan: Plan) -> dict[str, int]:
        """Apply a decided plan; the primary keys of its named inserts."""
        return apply(self.conn, plan)

    def decided(self, decision: Decision[T]) -> T:
        """Apply what a rule decided; what it decided to return."""
        self.apply(decision.plan)
        return decision.result


class ServiceBase:
    """Shared plumbing of every service: validate first, then write in one transaction."""

    def __init__(
        self, db: SqliteFile | Path | str, caller: str | None = None, real_time: Callable[[], float] = time.time
    ):
        self.db = db if isinstance(db, SqliteFile) else SqliteFile(Path(db))
        self.real_time = real_time
        self.caller = caller or DEFAULT_OWNER

    @contextmanager
    def write(self) -> Iterator[Tx]:
        """One IMMEDIATE transaction: what is read in it is what the plan applied in it is decided on."""
        with self.db.transaction() as conn:
            clock = reads.clock(conn)
            now = clock.now(self.real_time()) if clock else datetime.now(UTC)
            yield Tx(conn, now, self.caller)

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A read-only snapshot (WAL)."""
        with self.db.transaction(read_only=True) as conn:
            yield conn

    def clock_state(self, conn: sqlite3.Connection | None = None) -> ClockState:
        if conn is None:
            with self.read() as conn:
                return self.clock_state(conn)
        state = reads.clock(conn)
        return state or ClockState(self.real_time(), self.real_time())

    def now(self) -> datetime:
        return self.clock_state().now(self.real_time())

    def lookups(self, conn: sqlite3.Connection) -> reads.Lookups:
        """Reads by name as the caller may make them (Azure's 404 and 403)."""
        return reads.Lookups.of(conn, self.caller)

    def subscription(self, conn: sqlite3.Connection, sub_id: str | None) -> Subscription:
        """The named subscription, or the default one."""
        return self.lookups(conn).subscription(sub_id)

    def check_caller(self, conn: sqlite3.Connection) -> None:
        """Refuse an identity the directory does not have, before it does anything."""
        if reads.find_principal(conn, self.caller) is None:
            scope = access.subscription_scope(self.subscription(conn, None).id)
            raise access.authorization_failed(self.caller, NOBODY, "read", scope)

    def authorize_simulation(self, conn: sqlite3.Connection) -> None:
        """The clock, faults and demo data are the subscription's: Owner or Contributor on it."""
        facts.simulation_facts(conn, reads.caller(conn, self.caller), self.real_time()).authorize()

    def authorize(self, conn: sqlite3.Connection, action: str, resource_id: str) -> None:
        """Refuse with Azure's AuthorizationFailed unless the caller's roles allow `action` on the resource."""
        reads.caller(conn, self.caller).require(action, resource_id)

    def readable(self, conn: sqlite3.Connection) -> Callable[[str], bool]:
        """A predicate telling which resource ids the caller may read."""
        return reads.visibility(conn, self.caller).sees

    def rg_pk(self, conn: sqlite3.Connection, sub: str, rg: str) -> int:
        return self.lookups(conn).resource_group_key(sub, rg).pk
