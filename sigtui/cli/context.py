"""One command's view of the database: a cheap raw reader, and the service layer only when needed."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cached_property

from ..store import raw, reads
from ..store.defaults import DEFAULT_OWNER
from ..store.paths import db_path
from .args import GlobalOptions


class MissingDatabase(Exception):
    """A command named a database that does not exist; only `init` and `demo` create one."""

    def __init__(self, path):
        super().__init__(
            f"sigtui: error: no database at {path}. Create one with 'sigtui init --db {path}' (empty) "
            f"or 'sigtui demo --db {path}' (the demo catalog)."
        )


class Context:
    """The database a command works on, who is calling, and which subscription it means."""

    def __init__(self, options: GlobalOptions, creates: bool = False, bootstrap: bool = True, face: str = "cli"):
        """`creates`: a missing database may be made; `bootstrap=False` leaves making it, and checking who calls,
        to the command; `face` is what the activity log says the writes came through."""
        self.path = db_path(options.db)
        self.face = face
        self.caller = options.caller
        self.subscription = options.subscription
        if not creates and not self.path.is_file():
            raise MissingDatabase(self.path)
        if creates:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        if not bootstrap:
            return
        if raw.stored_schema_version(self.path) != raw.SCHEMA_VERSION:
            self.services.bootstrap()
        if reads.find_principal(self.conn, self.identity) is None:
            self.services.check_caller(self.conn)

    @property
    def identity(self) -> str:
        """Who is calling: `--as`, else the database's default owner."""
        return self.caller or DEFAULT_OWNER

    @cached_property
    def services(self):
        """The service layer (SQLModel); imported on first use so read-only commands start fast."""
        from ..store.services import Services

        return Services(self.path, caller=self.caller, face=self.face)

    @cached_property
    def conn(self) -> raw.Connection:
        return raw.connect(self.path)

    @cached_property
    def lookups(self) -> reads.Lookups:
        """Reads by name as the caller may make them (Azure's 404 and 403), `--subscription` by default."""
        return reads.Lookups.of(self.conn, self.identity, self.subscription)

    @property
    def readable(self) -> Callable[[str], bool]:
        """Which resource ids the caller may read: the one visibility rule every face uses."""
        return self.lookups.seen.sees

    def now(self) -> datetime:
        """Simulated time, as the services see it."""
        clock = reads.clock(self.conn)
        return clock.now(time.time()) if clock else datetime.now(UTC)

    def close(self) -> None:
        if "conn" in self.__dict__:
            self.conn.close()
        if "services" in self.__dict__:
            self.services.db.dispose()


def atomic(handler: Callable) -> Callable:
    """A command handler whose reads and writes run in one write transaction: what it read is still current
    when it writes (no update made meanwhile by another process is lost)."""

    def run(ctx: Context, ns):
        with ctx.services.db.batch():
            return handler(ctx, ns)

    return run
