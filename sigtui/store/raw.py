"""Plain sqlite3 connections for the read paths, which must stay cheap to import and fast to run."""

from __future__ import annotations

import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TypeVar

from ..domain.errors import AzureError

SCHEMA_VERSION = 8
Connection = sqlite3.Connection
"""A plain sqlite3 connection, named for the faces that hold one without importing sqlite3."""
DatabaseError = sqlite3.Error
"""What SQLite raises, named for the faces that report it."""
BUSY_TIMEOUT_MS = 5000
BUSY_ATTEMPTS = 4
"""A writer waits for the write lock up to the busy timeout, this many times, with a random pause between."""

T = TypeVar("T")


def busy_error() -> AzureError:
    seconds = BUSY_TIMEOUT_MS * BUSY_ATTEMPTS // 1000
    return AzureError(
        "Conflict",
        f"The operation could not start: other writers held the database for more than {seconds} seconds. "
        "Nothing was changed; try again.",
        409,
    )


def is_busy(error: BaseException) -> bool:
    text = str(error).lower()
    return "database is locked" in text or "database is busy" in text or "database table is locked" in text


def retry_busy(step: Callable[[], T], errors: type[BaseException] | tuple = sqlite3.OperationalError) -> T:
    """Run `step`, again after a short random pause while the database is locked; `Conflict` past the bound."""
    for attempt in range(BUSY_ATTEMPTS):
        try:
            return step()
        except errors as error:
            if not is_busy(error):
                raise
            if attempt + 1 < BUSY_ATTEMPTS:
                time.sleep(random.uniform(0.01, 0.2) * (attempt + 1))
    raise busy_error()


def configure(conn: sqlite3.Connection) -> None:
    """WAL, foreign keys on, and a busy timeout so the app and headless commands can share a file."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        retry_busy(lambda: conn.execute("PRAGMA journal_mode = WAL"))
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")


def writable(path: Path) -> bool:
    """Whether this process may write the file (and so set it up); a read-only file can still be read."""
    return not path.exists() or os.access(path, os.W_OK)


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes. A WAL database whose shared-memory file cannot be made here (a read-only
    folder) is read as an immutable file."""
    uri = Path(path).resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    try:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.OperationalError as error:
        conn.close()
        if "readonly" not in str(error) and "unable to open" not in str(error):
            raise
        conn = sqlite3.connect(f"{uri}?immutable=1", uri=True, check_same_thread=False, isolation_level=None)
    return conn


def connect(path: Path) -> sqlite3.Connection:
    """A connection for reads; a file this process may not write is opened read-only."""
    if not writable(path):
        return read_only(path)
    conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
    configure(conn)
    return conn


def stored_schema_version(path: Path) -> int | None:
    """The schema version of a database that is set up (schema and its first subscription), None otherwise."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    conn = read_only(path)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"schemainfo", "subscription"} <= names:
            return None
        if conn.execute("SELECT 1 FROM subscription LIMIT 1").fetchone() is None:
            return None
        found = conn.execute("SELECT version FROM schemainfo WHERE id = 1").fetchone()
        return found[0] if found else None
    finally:
        conn.close()


def knows(path: Path, identity: str) -> bool:
    """Whether the directory of the database at `path` has this identity (object id, user principal name or
    display name)."""
    from .reads import find_principal

    conn = read_only(path)
    try:
        return find_principal(conn, identity) is not None
    finally:
        conn.close()


class SqliteFile:
    """A database file opened with plain sqlite3: one connection per thread; writes begin IMMEDIATE."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._local = threading.local()
        self._opened: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._depth = 0

    def connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = self._local.conn = connect(self.path)
            with self._lock:
                self._opened.append(conn)
        return conn

    @contextmanager
    def transaction(self, read_only: bool = False) -> Iterator[sqlite3.Connection]:
        """Work that commits together or not at all; inside a batch it is a savepoint of the batch.

        A writer takes the write lock up front, so it sees and holds the latest state; a reader gets a snapshot
        and never blocks writers.
        """
        conn = self.connection()
        if conn.in_transaction:
            with self._savepoint(conn):
                yield conn
            return
        retry_busy(lambda: conn.execute("BEGIN" if read_only else "BEGIN IMMEDIATE"))
        with self._rolled_back_on_error(conn):
            yield conn
            self._run_deferred(conn)
        conn.execute("COMMIT")

    @contextmanager
    def batch(self) -> Iterator[sqlite3.Connection]:
        """One write transaction that every transaction opened inside joins: all of it commits, or none of it."""
        conn = self.connection()
        if conn.in_transaction:
            yield conn
            return
        retry_busy(lambda: conn.execute("BEGIN IMMEDIATE"))
        with self._rolled_back_on_error(conn):
            yield conn
            self._run_deferred(conn)
        conn.execute("COMMIT")

    def defer(self, step: Callable[[sqlite3.Connection], None]) -> None:
        """Run `step` when this thread's outermost transaction ends: just before it commits, or after it rolls
        back in a transaction of its own (so a refused write still leaves its activity-log entry)."""
        self._local.deferred = [*getattr(self._local, "deferred", []), step]

    def flush_deferred(self) -> None:
        """Outside any transaction: run what was deferred now, in a transaction of its own."""
        self._run_deferred(self.connection(), alone=True)

    def _run_deferred(self, conn: sqlite3.Connection, alone: bool = False) -> None:
        steps, self._local.deferred = getattr(self._local, "deferred", []), []
        if not steps:
            return
        if not alone:
            for step in steps:
                step(conn)
            return
        with suppress(sqlite3.Error):
            retry_busy(lambda: conn.execute("BEGIN IMMEDIATE"))
            try:
                for step in steps:
                    step(conn)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @contextmanager
    def _savepoint(self, conn: sqlite3.Connection) -> Iterator[None]:
        self._depth += 1
        name = f"inner_{threading.get_ident()}_{self._depth}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
            raise
        finally:
            self._depth -= 1
        conn.execute(f"RELEASE {name}")

    @contextmanager
    def _rolled_back_on_error(self, conn: sqlite3.Connection) -> Iterator[None]:
        """Roll back on any error, then run what was deferred; a rollback that fails too never hides the error
        that caused it."""
        try:
            yield
        except BaseException:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            with suppress(Exception):
                self._run_deferred(conn, alone=True)
            raise

    def ensure_schema(self) -> bool:
        """Create or migrate the schema from the SQLModel tables; True when the database was new."""
        from .db import ensure_schema

        with self.transaction() as conn:
            return ensure_schema(conn, self.path)

    def dispose(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for conn in opened:
            conn.close()
        self._local = threading.local()
