"""Counts and keys the writes are decided on: children, per-region quotas, what a resource group holds."""

from __future__ import annotations

import sqlite3

COUNTED_JOINS = {
    "gallery": "gallery x JOIN resource_group rg ON rg.id = x.rg_id",
    "image_definition": "image_definition x JOIN gallery g ON g.id = x.gallery_id "
    "JOIN resource_group rg ON rg.id = g.rg_id",
    "image_version": "image_version x JOIN image_definition d ON d.id = x.definition_id "
    "JOIN gallery g ON g.id = d.gallery_id JOIN resource_group rg ON rg.id = g.rg_id",
}
"""How each counted table reaches its subscription."""


def gallery_keys_in(conn: sqlite3.Connection, rg_pk: int) -> list[int]:
    """The primary keys of the galleries in a resource group."""
    return [r[0] for r in conn.execute("SELECT id FROM gallery WHERE rg_id = ?", (rg_pk,))]


def catalog_keys_in(conn: sqlite3.Connection, rg_pk: int) -> tuple[list[int], list[int]]:
    """The primary keys of the image definitions and image versions in a resource group."""
    definitions = [
        r[0]
        for r in conn.execute(
            "SELECT d.id FROM image_definition d JOIN gallery g ON g.id = d.gallery_id WHERE g.rg_id = ?", (rg_pk,)
        )
    ]
    versions = [
        r[0]
        for r in conn.execute(
            "SELECT v.id FROM image_version v JOIN image_definition d ON d.id = v.definition_id "
            "JOIN gallery g ON g.id = d.gallery_id WHERE g.rg_id = ?",
            (rg_pk,),
        )
    ]
    return definitions, versions


def has_children(conn: sqlite3.Connection, table: str, parent_column: str, parent_pk: int) -> bool:
    """Whether any row of `table` (image definitions, image versions) belongs to the parent."""
    return conn.execute(f"SELECT 1 FROM {table} WHERE {parent_column} = ? LIMIT 1", (parent_pk,)).fetchone() is not None


def count_per_region(conn: sqlite3.Connection, table: str, sub: str) -> dict[str, int]:
    """How many galleries, definitions or versions a subscription has in each region."""
    found = conn.execute(
        f"SELECT x.location, COUNT(*) FROM {COUNTED_JOINS[table]} WHERE rg.subscription_id = ? GROUP BY x.location",
        (sub,),
    )
    return dict(found.fetchall())


def replicas_per_region(conn: sqlite3.Connection, sub: str) -> dict[str, tuple[int, int]]:
    """Per region: the replicas every version of a subscription keeps there, and the largest count of one."""
    found = conn.execute(
        "SELECT t.region, SUM(COALESCE(t.replica_count, x.replica_count)), "
        f"MAX(COALESCE(t.replica_count, x.replica_count)) FROM {COUNTED_JOINS['image_version']} "
        "JOIN target_region t ON t.version_id = x.id WHERE rg.subscription_id = ? GROUP BY t.region",
        (sub,),
    )
    return {region: (total, largest) for region, total, largest in found}


def next_key(conn: sqlite3.Connection, table: str) -> int:
    """The primary key after the highest one in `table` (a bulk load numbers its rows from there)."""
    return conn.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}").fetchone()[0]
