"""Noticing other writers cheaply: SQLite's `PRAGMA data_version` changes on a connection when any other
connection (another process, or another connection of this one) commits to the database."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from . import raw


class ChangeWatch:
    """One connection kept for asking whether the database changed since the last look; safe across threads."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = None
        self._seen: int | None = None
        self._lock = threading.Lock()

    def _version(self) -> int:
        if self._conn is None:
            self._conn = raw.connect(self.path)
        return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def mark(self) -> None:
        """Take what is committed now as seen (call it just before reading what it covers)."""
        with self._lock:
            self._seen = self._version()

    def changed(self) -> bool:
        """Whether another connection committed since the last `mark` or `changed`; False before any mark."""
        with self._lock:
            if self._seen is None:
                return False
            version = self._version()
            found, self._seen = version != self._seen, version
            return found

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
