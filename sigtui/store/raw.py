"""Plain sqlite3 connections for the read paths, which must stay cheap to import and fast to run."""

from __future__ import annotations

import sqlite3
from pathlib import Path

SCHEMA_VERSION = 2


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
