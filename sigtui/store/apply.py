"""Apply a decided `Plan` with plain sqlite3 statements generated from the column maps."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from ..domain.plan import Delete, Insert, InsertMany, NewKey, Plan, Update
from . import search_index
from .columns import AUTO, COLUMNS, REQUIRED

IN_CHUNK = 500
"""Items per `IN (...)`, well under SQLite's limit on bound parameters."""


def _columns(table: str, names) -> Mapping[str, object]:
    columns = COLUMNS[table]
    unknown = set(names) - set(columns)
    if unknown:
        raise KeyError(f"{table} has no column {', '.join(sorted(unknown))}")
    return columns


def _resolve(value: object, keys: Mapping[str, int]) -> object:
    return keys[value.name] if isinstance(value, NewKey) else value


def _full_row(table: str, values: Mapping[str, object], keys: Mapping[str, int]) -> dict[str, object]:
    """The row's values with the column map's defaults filled in."""
    row = {}
    for name, default in _columns(table, values).items():
        if name in values:
            row[name] = _resolve(values[name], keys)
        elif default is REQUIRED:
            raise KeyError(f"{table}.{name} is required")
        elif default is not AUTO:
            row[name] = default
    return row


def _insert_sql(table: str, columns) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def insert_row(conn: sqlite3.Connection, step: Insert, keys: Mapping[str, int]) -> int:
    """Insert one row, filling the column map's defaults; its primary key."""
    row = _full_row(step.table, step.values, keys)
    sql = _insert_sql(step.table, list(row))
    if step.replace:
        sql += " ON CONFLICT DO UPDATE SET " + ", ".join(f"{name} = excluded.{name}" for name in row)
    return conn.execute(sql, [*row.values()]).lastrowid


def insert_many(conn: sqlite3.Connection, step: InsertMany, keys: Mapping[str, int]) -> None:
    """Insert every row of a bulk load with one prepared statement; the filter's index takes them in one more."""
    if not step.rows:
        return
    template = _full_row(step.table, step.rows[0], keys)
    names = list(template)
    defaults = [(name, template[name] if name not in step.rows[0] else None) for name in names]
    for values in step.rows[1:]:
        if values.keys() != step.rows[0].keys():
            raise KeyError(f"the rows of a bulk load of {step.table} name different columns")
    rows = [[_resolve(values[name], keys) if name in values else default for name, default in defaults]
            for values in step.rows]
    search_index.bulk_insert(conn, step.table, lambda: conn.executemany(_insert_sql(step.table, names), rows),
                             [values["id"] for values in step.rows if "id" in values])


def _where(table: str, where: Mapping[str, object], keys: Mapping[str, int]) -> list[tuple[str, list]]:
    """`WHERE` clauses with their parameters: one per chunk of a list value, or one in all."""
    _columns(table, where)
    plain, listed = [], None
    params: list = []
    for name, value in where.items():
        if isinstance(value, list | tuple | set | frozenset):
            listed = (name, [_resolve(v, keys) for v in value])
        else:
            plain.append(f"{name} = ?")
            params.append(_resolve(value, keys))
    if listed is None:
        return [(" AND ".join(plain) or "1", params)]
    name, values = listed
    return [
        (" AND ".join([*plain, f"{name} IN ({', '.join('?' * len(chunk))})"]), [*params, *chunk])
        for chunk in (values[i : i + IN_CHUNK] for i in range(0, len(values), IN_CHUNK))
    ]


def apply(conn: sqlite3.Connection, plan: Plan) -> dict[str, int]:
    """Run every step in order inside the caller's transaction; the primary keys of the named inserts."""
    keys: dict[str, int] = {}
    for step in plan.steps:
        if isinstance(step, InsertMany):
            insert_many(conn, step, keys)
            continue
        if isinstance(step, Insert):
            pk = insert_row(conn, step, keys)
            if step.key is not None:
                keys[step.key.name] = pk
            continue
        for clause, params in _where(step.table, step.where, keys):
            if isinstance(step, Update):
                _columns(step.table, step.values)
                sets = ", ".join(f"{name} = ?" for name in step.values)
                values = [_resolve(v, keys) for v in step.values.values()]
                conn.execute(f"UPDATE {step.table} SET {sets} WHERE {clause}", [*values, *params])
            elif isinstance(step, Delete):
                conn.execute(f"DELETE FROM {step.table} WHERE {clause}", params)
    return keys
