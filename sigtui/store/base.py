"""The core of the service layer: transactions, the shared clock, identity and the activity log."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import access
from ..domain.clock import ClockState
from ..domain.errors import AzureError
from ..domain.models import Subscription
from ..domain.plan import Decision, Insert, Plan, T, activity
from . import facts, reads
from .apply import apply
from .defaults import DEFAULT_OWNER, NOBODY
from .raw import SqliteFile

if TYPE_CHECKING:
    from .reads.visibility import Visibility


@dataclass(frozen=True)
class Attempt:
    """What a write sets out to do, logged as `Failed` when it is refused: the operation and the resource (its
    id built from the subscription id, once the subscription named, or the default one, is known)."""

    operation: str
    subscription: str | None
    resource: Callable[[str], str]


@dataclass
class Tx:
    """One write transaction: its connection, simulated `now` at its start, who writes and through which face."""

    conn: sqlite3.Connection
    now: datetime
    caller: str
    face: str = ""

    def apply(self, plan: Plan) -> dict[str, int]:
        """Apply a decided plan, its activity entries stamped with the face; the primary keys of its named inserts."""
        return apply(self.conn, Plan(tuple(self._stamped(step) for step in plan.steps)))

    def _stamped(self, step):
        if isinstance(step, Insert) and step.table == "activity" and "face" not in step.values:
            return replace(step, values={**step.values, "face": self.face})
        return step

    def decided(self, decision: Decision[T]) -> T:
        """Apply what a rule decided; what it decided to return."""
        self.apply(decision.plan)
        return decision.result


class ServiceBase:
    """Shared plumbing of every service: validate first, then write in one transaction."""

    def __init__(
        self,
        db: SqliteFile | Path | str,
        caller: str | None = None,
        real_time: Callable[[], float] = time.time,
        face: str = "",
    ):
        """`face`: what the activity log says the writes came through (`tui`, `cli`, `rest`, `serve`)."""
        self.db = db if isinstance(db, SqliteFile) else SqliteFile(Path(db))
        self.real_time = real_time
        self.caller = caller or DEFAULT_OWNER
        self.face = face

    @contextmanager
    def write(self, attempt: Attempt | None = None) -> Iterator[Tx]:
        """One IMMEDIATE transaction: what is read in it is what the plan applied in it is decided on. A refused
        `attempt` is logged once the transaction has rolled back."""
        try:
            with self.db.transaction() as conn:
                clock = reads.clock(conn)
                now = clock.now(self.real_time()) if clock else datetime.now(UTC)
                yield Tx(conn, now, self.caller, self.face)
        except AzureError as refused:
            if attempt is not None:
                self.db.defer(partial(self._log_refusal, attempt=attempt, refused=refused))
                if not self.db.connection().in_transaction:
                    self.db.flush_deferred()
            raise

    def _log_refusal(self, conn: sqlite3.Connection, attempt: Attempt, refused: AzureError) -> None:
        try:
            sub = self.subscription(conn, attempt.subscription).id
        except AzureError:
            sub = attempt.subscription or ""
        clock = reads.clock(conn)
        now = clock.now(self.real_time()) if clock else datetime.now(UTC)
        entry = activity(now, self.caller, attempt.operation, attempt.resource(sub), None, None, "Failed", str(refused))
        Tx(conn, now, self.caller, self.face).apply(Plan((entry,)))

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

    def authorize(
        self, conn: sqlite3.Connection, action: str, resource_id: str, seen: Visibility | None = None
    ) -> None:
        """Refuse with Azure's AuthorizationFailed unless the caller's roles allow `action` on the resource (`seen`:
        the caller as this transaction's lookups already read it)."""
        (seen.caller if seen is not None else reads.caller(conn, self.caller)).require(action, resource_id)

    def readable(self, conn: sqlite3.Connection) -> Callable[[str], bool]:
        """A predicate telling which resource ids the caller may read."""
        return reads.visibility(conn, self.caller).sees
