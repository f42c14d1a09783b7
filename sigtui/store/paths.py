"""Where the default database lives, and how `--db` (a path or a SQLAlchemy URL) maps to a file."""

from __future__ import annotations

import os
from pathlib import Path


def default_db_path() -> Path:
    """The embedded default database in the XDG data directory."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "sigtui" / "sigtui.db"


def db_path(value: str | os.PathLike | None) -> Path:
    """Accept a file path, `sqlite:///path`, or nothing (then SIGTUI_DB, then the default)."""
    text = str(value) if value is not None else os.environ.get("SIGTUI_DB")
    if not text:
        return default_db_path()
    if "://" in text:
        scheme, _, rest = text.partition("://")
        if not scheme.startswith("sqlite"):
            raise ValueError(f"unsupported database URL '{text}': sigtui stores its model in SQLite")
        return Path(rest[1:] if rest.startswith("/") else rest)
    return Path(text).expanduser()
