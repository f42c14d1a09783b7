"""Rows read by column name: the one way every read model turns a query's answer into Python values."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

Row = dict[str, object]
"""A row as column name → value (faster to read by name than `Row` for the wide joined rows)."""


def rows(conn: sqlite3.Connection, sql: str, params: Sequence | dict = ()) -> list[Row]:
    """The rows of a query, each readable by column name (the first of two columns of the same name wins)."""
    cursor = conn.execute(sql, params)
    names = [column[0] for column in cursor.description]
    unique = len(set(names)) == len(names)
    if unique:
        return [dict(zip(names, found, strict=True)) for found in cursor]
    return [dict(reversed(list(zip(names, found, strict=True)))) for found in cursor]
