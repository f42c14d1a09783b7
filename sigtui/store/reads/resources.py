"""Subscriptions, resource groups, galleries, definitions and versions by name or key, as stored: no access check
(`lookups.py` adds it). Each `(pk, value)` pair carries the row's primary key for the queries that follow."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable

from ...domain import ids
from ...domain.models import (
    DiskImage,
    Gallery,
    ImageDefinition,
    ImageVersion,
    ResourceGroup,
    Subscription,
    TargetRegion,
)
from .mappers import (
    data_disk_from,
    definition_from,
    gallery_from,
    resource_group_from,
    subscription_from,
    target_from,
    version_from,
)
from .rows import Row, rows


def subscriptions(conn: sqlite3.Connection) -> list[Subscription]:
    return [subscription_from(r) for r in rows(conn, "SELECT * FROM subscription ORDER BY is_default DESC, name")]


def subscription(conn: sqlite3.Connection, sub_id: str) -> Subscription | None:
    found = rows(conn, "SELECT * FROM subscription WHERE id = ? OR name = ?", (sub_id, sub_id))
    return subscription_from(found[0]) if found else None


def resource_groups(conn: sqlite3.Connection, sub: str | None = None) -> list[tuple[int, ResourceGroup]]:
    sql = "SELECT * FROM resource_group" + (" WHERE subscription_id = ?" if sub else "") + " ORDER BY name"
    return [(r["id"], resource_group_from(r)) for r in rows(conn, sql, (sub,) if sub else ())]


def resource_group(conn: sqlite3.Connection, sub: str, name: str) -> tuple[int, ResourceGroup] | None:
    found = rows(conn, "SELECT * FROM resource_group WHERE subscription_id = ? AND name = ?", (sub, name))
    return (found[0]["id"], resource_group_from(found[0])) if found else None


GALLERY_SQL = """SELECT g.*, rg.name AS rg_name, rg.subscription_id AS sub,
(SELECT json_group_array(json_array(s.kind, s.target)) FROM gallery_share s WHERE s.gallery_id = g.id) AS shares
FROM gallery g JOIN resource_group rg ON rg.id = g.rg_id"""


def galleries(conn: sqlite3.Connection, sub: str | None = None, rg: str | None = None) -> list[tuple[int, Gallery]]:
    clauses, params = [], []
    if sub:
        clauses.append("rg.subscription_id = ?")
        params.append(sub)
    if rg:
        clauses.append("rg.name = ?")
        params.append(rg)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return [(r["id"], gallery_from(r)) for r in rows(conn, GALLERY_SQL + where + " ORDER BY g.name", params)]


def gallery(conn: sqlite3.Connection, sub: str, rg: str, name: str) -> tuple[int, Gallery] | None:
    found = rows(conn, GALLERY_SQL + " WHERE rg.subscription_id = ? AND rg.name = ? AND g.name = ?", (sub, rg, name))
    return (found[0]["id"], gallery_from(found[0])) if found else None


def gallery_by_pk(conn: sqlite3.Connection, pk: int) -> Gallery | None:
    found = rows(conn, GALLERY_SQL + " WHERE g.id = ?", (pk,))
    return gallery_from(found[0]) if found else None


def galleries_named(conn: sqlite3.Connection, sub: str, name: str) -> list[Gallery]:
    return [
        gallery_from(r) for r in rows(conn, GALLERY_SQL + " WHERE rg.subscription_id = ? AND g.name = ?", (sub, name))
    ]


DEFINITION_SQL = """SELECT d.*, g.name AS gallery_name, rg.name AS rg_name, rg.subscription_id AS sub
FROM image_definition d JOIN gallery g ON g.id = d.gallery_id JOIN resource_group rg ON rg.id = g.rg_id"""


def definitions(conn: sqlite3.Connection, gallery_pk: int) -> list[tuple[int, ImageDefinition]]:
    return [
        (r["id"], definition_from(r))
        for r in rows(conn, DEFINITION_SQL + " WHERE d.gallery_id = ? ORDER BY d.name", (gallery_pk,))
    ]


def definition(
    conn: sqlite3.Connection, sub: str, rg: str, gallery_name: str, name: str
) -> tuple[int, ImageDefinition] | None:
    found = rows(
        conn,
        DEFINITION_SQL + " WHERE rg.subscription_id = ? AND rg.name = ? AND g.name = ? AND d.name = ?",
        (sub, rg, gallery_name, name),
    )
    return (found[0]["id"], definition_from(found[0])) if found else None


def definition_by_pk(conn: sqlite3.Connection, pk: int) -> ImageDefinition | None:
    found = rows(conn, DEFINITION_SQL + " WHERE d.id = ?", (pk,))
    return definition_from(found[0]) if found else None


VERSION_SQL = """SELECT v.*, d.name AS definition_name, g.name AS gallery_name, rg.name AS rg_name,
rg.subscription_id AS sub FROM image_version v JOIN image_definition d ON d.id = v.definition_id
JOIN gallery g ON g.id = d.gallery_id JOIN resource_group rg ON rg.id = g.rg_id"""


def versions_from(conn: sqlite3.Connection, found: Iterable[Row]) -> list[tuple[int, ImageVersion]]:
    """Version rows with their target regions and data disks (two more queries)."""
    found = list(found)
    if not found:
        return []
    pks = [r["id"] for r in found]
    marks = ",".join("?" * len(pks))
    targets: dict[int, list[TargetRegion]] = defaultdict(list)
    for r in rows(conn, f"SELECT * FROM target_region WHERE version_id IN ({marks}) ORDER BY position", pks):
        targets[r["version_id"]].append(target_from(r))
    disks: dict[int, list[DiskImage]] = defaultdict(list)
    for r in rows(conn, f"SELECT * FROM data_disk WHERE version_id IN ({marks}) ORDER BY lun", pks):
        disks[r["version_id"]].append(data_disk_from(r))
    return [(r["id"], version_from(r, targets[r["id"]], disks[r["id"]])) for r in found]


def versions(conn: sqlite3.Connection, definition_pk: int) -> list[tuple[int, ImageVersion]]:
    return versions_from(
        conn,
        rows(conn, VERSION_SQL + " WHERE v.definition_id = ? ORDER BY v.major, v.minor, v.patch", (definition_pk,)),
    )


def version(
    conn: sqlite3.Connection, sub: str, rg: str, gallery_name: str, definition_name: str, name: str
) -> tuple[int, ImageVersion] | None:
    found = versions_from(
        conn,
        rows(
            conn,
            VERSION_SQL + " WHERE rg.subscription_id = ? AND rg.name = ? AND g.name = ? AND d.name = ? AND v.name = ?",
            (sub, rg, gallery_name, definition_name, name),
        ),
    )
    return found[0] if found else None


def version_by_pk(conn: sqlite3.Connection, pk: int) -> ImageVersion | None:
    found = versions_from(conn, rows(conn, VERSION_SQL + " WHERE v.id = ?", (pk,)))
    return found[0][1] if found else None


def versions_from_key(
    conn: sqlite3.Connection, definition_pk: int, key: tuple[int, int, int]
) -> list[tuple[int, ImageVersion]]:
    """A definition's versions at or above `key`, newest first, using the (definition, major, minor, patch) index."""
    return versions_from(
        conn,
        rows(
            conn,
            VERSION_SQL + " WHERE v.definition_id = ? AND (v.major, v.minor, v.patch) >= (?, ?, ?) "
            "ORDER BY v.major DESC, v.minor DESC, v.patch DESC",
            (definition_pk, *key),
        ),
    )


def versions_in_subscription(conn: sqlite3.Connection, sub: str | None) -> list[tuple[int, ImageVersion]]:
    """Every image version, or those of one subscription."""
    where = " WHERE rg.subscription_id = ?" if sub else ""
    return versions_from(conn, rows(conn, VERSION_SQL + where, (sub,) if sub else ()))


def encrypted_version_ids(conn: sqlite3.Connection) -> list[str]:
    """The ids of every image version encrypted with customer-managed keys."""
    found = rows(
        conn,
        "SELECT rg.subscription_id AS s, rg.name AS rg, g.name AS g, d.name AS d, "
        "v.name AS v FROM image_version v JOIN image_definition d ON d.id = v.definition_id "
        "JOIN gallery g ON g.id = d.gallery_id JOIN resource_group rg ON rg.id = g.rg_id "
        "WHERE v.encrypted = 1",
    )
    return [ids.version_id(r["s"], r["rg"], r["g"], r["d"], r["v"]) for r in found]
