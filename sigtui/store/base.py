"""The core of the service layer: transactions, the shared clock, identity and the activity log."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import Session

from ..domain import access
from ..domain.clock import ClockState
from ..domain.errors import AzureError, not_found
from ..domain.models import Subscription
from . import reads
from .db import Database
from .defaults import DEFAULT_OWNER, NOBODY
from .tables import ActivityRow, SimClockRow


@dataclass
class Tx:
    """One write transaction: its session, the raw connection under it, and simulated `now` at its start."""

    session: Session
    conn: sqlite3.Connection
    now: datetime
    caller: str
    entries: list[dict] = field(default_factory=list)

    def log(
        self,
        operation: str,
        resource_id: str,
        before: dict | None,
        after: dict | None,
        status: str = "Succeeded",
        message: str = "",
    ) -> None:
        row = ActivityRow(
            at=self.now.timestamp(),
            caller=self.caller,
            operation=operation,
            resource_id=resource_id,
            status=status,
            before=json.dumps(before) if before is not None else None,
            after=json.dumps(after) if after is not None else None,
            message=message,
        )
        self.session.add(row)
        self.entries.append({"operation": operation, "resource_id": resource_id})


class ServiceBase:
    """Shared plumbing of every service: validate first, then write in one transaction."""

    def __init__(
        self, db: Database | Path | str, caller: str | None = None, real_time: Callable[[], float] = time.time
    ):
        self.db = db if isinstance(db, Database) else Database(Path(db))
        self.real_time = real_time
        self.caller = caller or DEFAULT_OWNER
        self._reader: sqlite3.Connection | None = None

    @contextmanager
    def write(self) -> Iterator[Tx]:
        with self.db.transaction() as session:
            conn = session.connection().connection.driver_connection
            clock = reads.clock(conn)
            now = clock.now(self.real_time()) if clock else datetime.now(UTC)
            yield Tx(session, conn, now, self.caller)

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A read-only view over the raw connection (snapshot isolation in WAL)."""
        with self.db.transaction(read_only=True) as session:
            yield session.connection().connection.driver_connection

    def clock_state(self, conn: sqlite3.Connection | None = None) -> ClockState:
        if conn is None:
            with self.read() as conn:
                return self.clock_state(conn)
        state = reads.clock(conn)
        return state or ClockState(self.real_time(), self.real_time())

    def now(self) -> datetime:
        return self.clock_state().now(self.real_time())

    def _save_clock(self, tx: Tx, state: ClockState) -> ClockState:
        row = tx.session.get(SimClockRow, 1)
        if row is None:
            row = SimClockRow(id=1, anchor_real=state.anchor_real, anchor_sim=state.anchor_sim)
        row.anchor_real, row.anchor_sim, row.speed, row.paused = (
            state.anchor_real,
            state.anchor_sim,
            state.speed,
            state.paused,
        )
        tx.session.add(row)
        return state

    def subscription(self, conn: sqlite3.Connection, sub_id: str | None) -> Subscription:
        """The named subscription, or the default one."""
        if sub_id:
            found = reads.subscription(conn, sub_id)
            if found is None:
                raise not_found("SubscriptionNotFound", f"The subscription '{sub_id}' could not be found.")
            return found
        subs = reads.subscriptions(conn)
        if not subs:
            raise AzureError("SubscriptionNotFound", "No subscriptions found. Run 'sigtui account list'.", 404)
        return next(iter(reads.visible_subscriptions(conn, self.caller)), subs[0])

    def check_caller(self, conn: sqlite3.Connection) -> None:
        """Refuse an identity the directory does not have, before it does anything."""
        if reads.find_principal(conn, self.caller) is None:
            scope = access.subscription_scope(self.subscription(conn, None).id)
            raise access.authorization_failed(self.caller, NOBODY, "read", scope)

    def authorize_simulation(self, conn: sqlite3.Connection) -> None:
        """The clock, faults and demo data are the subscription's: Owner or Contributor on it."""
        self.authorize(conn, "write", access.subscription_scope(self.subscription(conn, None).id))

    def authorize(self, conn: sqlite3.Connection, action: str, resource_id: str) -> None:
        """Refuse with Azure's AuthorizationFailed unless the caller's roles allow `action` on the resource."""
        principal, grants = reads.grants(conn, self.caller)
        if not access.permitted(grants, action, resource_id):
            label, object_id = (principal.label, principal.id) if principal else (self.caller, NOBODY)
            raise access.authorization_failed(label, object_id, action, resource_id)

    def readable(self, conn: sqlite3.Connection) -> Callable[[str], bool]:
        """A predicate telling which resource ids the caller may read."""
        return reads.readable(conn, self.caller)

    def rg_pk(self, conn: sqlite3.Connection, sub: str, rg: str) -> int:
        found = reads.resource_group(conn, sub, rg)
        if found is None:
            raise not_found("ResourceGroupNotFound", f"Resource group '{rg}' could not be found.")
        return found[0]
