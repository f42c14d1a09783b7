"""Plain sqlite3 connections for the read paths, which must stay cheap to import and fast to run."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SCHEMA_VERSION = 2
Connection = sqlite3.Connection
"""A plain sqlite3 connection, named for the faces that hold one without importing sqlite3."""


def configure(conn: sqlite3.Connection) -> None:
    """WAL, foreign keys on, and a busy timeout so the app and headless commands can share a file."""
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
    configure(conn)
    return conn


def stored_schema_version(path: Path) -> int | None:
    """The schema version a database file carries, None when the file is new or empty."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    conn = sqlite3.connect(str(path))
    try:
        row = conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='schemainfo'").fetchone()
        if row is None:
            return None
        found = conn.execute("SELECT version FROM schemainfo WHERE id = 1").fetchone()
        return found[0] if found else None
    finally:
        conn.close()


class SqliteFile:
    """A database file opened with plain sqlite3: one connection per thread; writes begin IMMEDIATE."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._local = threading.local()
        self._opened: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

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
        """Work that commits together or not at all; inside another transaction it joins that one.

        A writer takes the write lock up front, so it sees and holds the latest state; a reader gets a snapshot
        and never blocks writers.
        """
        conn = self.connection()
        if conn.in_transaction:
            yield conn
            return
        conn.execute("BEGIN" if read_only else "BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def ensure_schema(self) -> bool:
        """Create or migrate the schema through the SQLModel tables; True when the database was new."""
        from .db import Database

        database = Database(self.path)
        try:
            return database.ensure_schema()
        finally:
            database.dispose()

    def dispose(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for conn in opened:
            conn.close()
        self._local = threading.local()
