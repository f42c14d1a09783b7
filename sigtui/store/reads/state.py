"""The simulation's state: its clock, settings and the activity log."""

from __future__ import annotations

import sqlite3

from ...domain.clock import ClockState
from ...domain.latest import DEFAULT_END_OF_LIFE_POLICY
from .mappers import clock_from
from .rows import rows


def clock(conn: sqlite3.Connection) -> ClockState | None:
    found = rows(conn, "SELECT * FROM sim_clock WHERE id = 1")
    return clock_from(found[0]) if found else None


def end_of_life_policy(conn: sqlite3.Connection) -> str:
    """`block` (the default) or `warn`: what a version past its end of life allows."""
    return setting(conn, "end_of_life_policy") or DEFAULT_END_OF_LIFE_POLICY


def setting(conn: sqlite3.Connection, key: str, default: str | None = None) -> str | None:
    found = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return found[0] if found else default


def activity(conn: sqlite3.Connection, resource_id: str | None = None, limit: int | None = None) -> list[dict]:
    sql = "SELECT * FROM activity"
    params: list = []
    if resource_id:
        sql += " WHERE resource_id = ? OR resource_id LIKE ?"
        params += [resource_id, resource_id.rstrip("/") + "/%"]
    sql += " ORDER BY at DESC, id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [dict(r) for r in rows(conn, sql, params)]
