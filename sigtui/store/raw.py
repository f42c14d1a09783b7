"""Plain sqlite3 connections for the read paths, which must stay cheap to import and fast to run."""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..domain.errors import AzureError

SCHEMA_VERSION = 3
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
