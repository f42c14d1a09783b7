"""The filter's text index: the words of every gallery, definition and version that change only when the
resource is written (names, places, identifiers, tags, CMK), in an FTS5 trigram table that triggers keep, so a
filter reads the rows that hold its words instead of every row. Words that change with the clock (states, end of
life) stay out of it: the filter scans when one of its words could be part of them.

Row ids encode the resource: `pk * 4 + kind` (0 gallery, 1 definition, 2 version)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable

TABLE = "search_text"
KINDS = {"gallery": 0, "image_definition": 1, "image_version": 2}


def tags(column: str) -> str:
    """A tags column (JSON) as `key=value` words."""
    return (
        f"CASE WHEN {column} = '{{}}' THEN '' ELSE "
        f"COALESCE((SELECT group_concat(key || '=' || value, ' ') FROM json_each({column})), '') END"
    )


def gallery_words(g: str) -> str:
    return (
        f"{g}.name || ' ' || {g}.location || ' succeeded ' || COALESCE({g}.description, '') || ' ' "
        f"|| {tags(g + '.tags')}"
    )


def definition_words(d: str) -> str:
    return (
        f"{d}.name || ' ' || {d}.publisher || ' ' || {d}.offer || ' ' || {d}.sku || ' ' || {d}.os_type || ' ' "
        f"|| {d}.os_state || ' succeeded ' || {tags(d + '.tags')}"
    )


def version_words(v: str) -> str:
    return (
        f"{v}.name || ' ' || {v}.location || ' ' || {tags(v + '.tags')}"
        f" || CASE WHEN {v}.encrypted THEN ' cmk encrypted' ELSE '' END"
    )


WORDS: dict[str, Callable[[str], str]] = {
    "gallery": gallery_words,
    "image_definition": definition_words,
    "image_version": version_words,
}
"""Each table's indexed words as an SQL expression over a row alias (`g`, `NEW`, or the table's name)."""


def exists(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (TABLE,)).fetchone() is not None


def _row(kind: int) -> str:
    return f"id * 4 + {kind}"


def _fill(table: str, where: str = "") -> str:
    """Index the rows of `table` (those `where` picks) in one statement."""
    return f"INSERT INTO {TABLE} (rowid, hay) SELECT {_row(KINDS[table])}, {WORDS[table](table)} FROM {table}{where}"


def _trigger(table: str, event: str) -> str:
    """The trigger that keeps the index on an INSERT, UPDATE or DELETE of `table`."""
    row = _row(KINDS[table])
    add = f"INSERT INTO {TABLE} (rowid, hay) VALUES (NEW.{row}, {WORDS[table]('NEW')});"
    remove = f"DELETE FROM {TABLE} WHERE rowid = OLD.{row};"
    body = {"INSERT": add, "UPDATE": f"{remove} {add}", "DELETE": remove}[event]
    return f"CREATE TRIGGER {TABLE}_{table}_{event.lower()} AFTER {event} ON {table} BEGIN {body} END"


def create(conn: sqlite3.Connection) -> bool:
    """Create the index with its rows and triggers when it is missing; False where SQLite lacks FTS5's trigram
    tokenizer (the filter then scans every row)."""
    if exists(conn):
        return True
    try:
        conn.execute(f"CREATE VIRTUAL TABLE {TABLE} USING fts5(hay, tokenize = 'trigram')")
    except sqlite3.OperationalError:
        return False
    for table in KINDS:
        conn.execute(_fill(table))
        for event in ("INSERT", "UPDATE", "DELETE"):
            conn.execute(_trigger(table, event))
    return True


def bulk_insert(conn: sqlite3.Connection, table: str, insert: Callable[[], None], explicit_ids: Iterable[int]) -> None:
    """Run `insert`, a bulk load of `table`, and index its new rows in one statement instead of one trigger per
    row (inside the caller's transaction, so a failure undoes both)."""
    if table not in KINDS or not exists(conn):
        insert()
        return
    last = conn.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0]
    if any(pk <= last for pk in explicit_ids):
        insert()
        return
    conn.execute(f"DROP TRIGGER {TABLE}_{table}_insert")
    insert()
    conn.execute(_fill(table, " WHERE id > ?"), (last,))
    conn.execute(_trigger(table, "INSERT"))
