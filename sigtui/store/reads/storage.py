"""Storage accounts (where VHD sources live) and soft-deleted image versions."""

from __future__ import annotations

import sqlite3

from ...domain.models import ImageDefinition, SoftDeletedVersion
from ...domain.storage import StorageAccount
from .mappers import when
from .rows import rows

STORAGE_SQL = "SELECT a.*, rg.name AS rg_name FROM storage_account a JOIN resource_group rg ON rg.id = a.rg_id"


def _account_from(r: sqlite3.Row) -> StorageAccount:
    return StorageAccount(r["subscription_id"], r["rg_name"], r["name"], r["location"], r["sku"], r["kind"])


def storage_accounts(conn: sqlite3.Connection, sub: str, rg: str | None = None) -> list[StorageAccount]:
    sql = STORAGE_SQL + " WHERE a.subscription_id = ?" + (" AND rg.name = ?" if rg else "") + " ORDER BY a.name"
    return [_account_from(r) for r in rows(conn, sql, (sub, rg) if rg else (sub,))]


def storage_account_named(conn: sqlite3.Connection, name: str) -> StorageAccount | None:
    """A storage account by name, in any subscription: the names are unique across Azure."""
    found = rows(conn, STORAGE_SQL + " WHERE a.name = ?", (name,))
    return _account_from(found[0]) if found else None


def soft_deleted_versions(
    conn: sqlite3.Connection, definition_pk: int, definition: ImageDefinition, name: str | None = None
) -> list[SoftDeletedVersion]:
    """The definition's soft-deleted versions (only `name`'s, when given), in the order they were deleted."""
    sql = "SELECT * FROM soft_deleted_version WHERE definition_id = ?" + (" AND name = ?" if name else "")
    d = definition
    return [
        SoftDeletedVersion(d.subscription, d.resource_group, d.gallery, d.name, r["name"], r["location"],
                           when(r["deleted_at"]), r["snapshot"])
        for r in rows(conn, sql + " ORDER BY deleted_at, id", (definition_pk, name) if name else (definition_pk,))
    ]
