"""The galleries the workbench opens on, as one caller sees them: light to import, so a first screen can show
them before the rest of the read model loads."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from ...domain import ids
from .. import raw
from .rows import rows
from .visibility import Visibility, visibility


@dataclass(frozen=True, slots=True)
class GallerySummary:
    pk: int
    subscription: str
    subscription_name: str
    resource_group: str
    name: str
    location: str
    definition_count: int

    @property
    def id(self) -> str:
        return ids.gallery_id(self.subscription, self.resource_group, self.name)


def galleries(conn: sqlite3.Connection, pks: Iterable[int] | None = None) -> list[GallerySummary]:
    """Every gallery (or those of `pks`) with its subscription, resource group and definition count."""
    keys = sorted(set(pks)) if pks is not None else None
    chosen = f"WHERE g.id IN ({','.join('?' * len(keys))})" if keys is not None else ""
    sql = f"""SELECT g.id AS pk, rg.subscription_id AS subscription, s.name AS subscription_name,
        rg.name AS resource_group, g.name AS name, g.location AS location,
        (SELECT COUNT(*) FROM image_definition d WHERE d.gallery_id = g.id) AS definition_count
        FROM gallery g JOIN resource_group rg ON rg.id = g.rg_id JOIN subscription s ON s.id = rg.subscription_id
        {chosen} ORDER BY s.is_default DESC, s.name, rg.name, g.name"""
    return [GallerySummary(**r) for r in rows(conn, sql, keys or ())]


def visible_galleries(conn: sqlite3.Connection, seen: Visibility) -> list[GallerySummary]:
    """The galleries the caller sees, or holds something in; for the latter, only the definitions it sees count."""
    shown = [g for g in galleries(conn) if seen.leads_to(g.id)]
    return [g if seen.sees(g.id) else replace(g, definition_count=_definitions_seen(conn, g, seen)) for g in shown]


def _definitions_seen(conn: sqlite3.Connection, gallery: GallerySummary, seen: Visibility) -> int:
    names = [r[0] for r in conn.execute("SELECT name FROM image_definition WHERE gallery_id = ?", (gallery.pk,))]
    return sum(
        seen.leads_to(ids.definition_id(gallery.subscription, gallery.resource_group, gallery.name, name))
        for name in names
    )


def opening_galleries(path: Path, caller: str) -> list[GallerySummary]:
    """The galleries `caller` sees in the database at `path`, on a connection of their own."""
    conn = raw.connect(path)
    try:
        return visible_galleries(conn, visibility(conn, caller))
    finally:
        conn.close()
