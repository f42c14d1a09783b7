"""Resource names for shell completion, read straight from the database file: read-only, a missing file is
never created, and nothing heavier than sqlite3 is imported."""

from __future__ import annotations

import sqlite3
from pathlib import Path

_FROM = """FROM resource_group rg
LEFT JOIN gallery g ON g.rg_id = rg.id
LEFT JOIN image_definition d ON d.gallery_id = g.id
LEFT JOIN image_version v ON v.definition_id = d.id"""
_COLUMNS = {"resource_group": "rg.name", "gallery": "g.name", "definition": "d.name", "version": "v.name"}
_FILTERS = (("resource_group", "rg.name"), ("gallery", "g.name"), ("definition", "d.name"))
_NAMED_SUBSCRIPTION = "SELECT id FROM subscription WHERE id = ? COLLATE NOCASE OR name = ? COLLATE NOCASE"
_DEFAULT_SUBSCRIPTION = "SELECT id FROM subscription ORDER BY is_default DESC LIMIT 1"


def _read_only(path: Path) -> sqlite3.Connection | None:
    if not path.is_file():
        return None
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def names(path: Path, kind: str, **filters: str | None) -> list[str]:
    """Sorted distinct names of one kind (`resource_group`, `gallery`, `definition`, `version`) in the given
    subscription (else the default one, as commands use), narrowed by the names given for the levels above it
    (case-insensitively, as Azure compares names)."""
    column = _COLUMNS[kind]
    subscription = filters.get("subscription")
    clauses = [f"{column} IS NOT NULL",
               f"rg.subscription_id IN ({_NAMED_SUBSCRIPTION if subscription else _DEFAULT_SUBSCRIPTION})"]
    params = [subscription, subscription] if subscription else []
    for name, filtered in _FILTERS:
        if filters.get(name):
            clauses.append(f"{filtered} = ? COLLATE NOCASE")
            params.append(filters[name])
    return _select(path, f"SELECT DISTINCT {column} {_FROM} WHERE {' AND '.join(clauses)} ORDER BY 1", params)


def subscriptions(path: Path) -> list[str]:
    """Subscription ids and display names."""
    return _select(path, "SELECT id FROM subscription UNION SELECT name FROM subscription ORDER BY 1", [])


def _select(path: Path, sql: str, params: list[str]) -> list[str]:
    conn = _read_only(path)
    if conn is None:
        return []
    try:
        return [row[0] for row in conn.execute(sql, params)]
    except sqlite3.Error:
        return []
    finally:
        conn.close()
