"""The compute resources around a gallery: image sources, disk encryption sets, virtual machines."""

from __future__ import annotations

import sqlite3

from ...domain.models import DiskEncryptionSet, Source
from ...domain.usage import Deployment
from .mappers import des_from, source_from
from .rows import rows

SOURCE_SQL = "SELECT s.*, rg.name AS rg_name FROM source s JOIN resource_group rg ON rg.id = s.rg_id"
DES_SQL = "SELECT s.*, rg.name AS rg_name FROM disk_encryption_set s JOIN resource_group rg ON rg.id = s.rg_id"


def source(conn: sqlite3.Connection, arm_id: str) -> Source | None:
    found = rows(conn, SOURCE_SQL + " WHERE s.arm_id = ?", (arm_id,))
    return source_from(found[0]) if found else None


def sources(conn: sqlite3.Connection, location: str | None = None) -> list[Source]:
    sql = SOURCE_SQL + (" WHERE s.location = ?" if location else "") + " ORDER BY s.kind, s.name"
    return [source_from(r) for r in rows(conn, sql, (location,) if location else ())]


def disk_encryption_set(conn: sqlite3.Connection, arm_id: str) -> DiskEncryptionSet | None:
    """Find a set by id; `diskEncryptionSet/` (as in Azure's own examples) and `diskEncryptionSets/` both match."""
    normalized = arm_id.replace("/diskEncryptionSet/", "/diskEncryptionSets/")
    found = rows(conn, DES_SQL + " WHERE s.arm_id = ? OR s.arm_id = ?", (arm_id, normalized))
    return des_from(found[0]) if found else None


def disk_encryption_sets(conn: sqlite3.Connection, location: str | None = None) -> list[DiskEncryptionSet]:
    sql = DES_SQL + (" WHERE s.location = ?" if location else "") + " ORDER BY s.name"
    return [des_from(r) for r in rows(conn, sql, (location,) if location else ())]


def virtual_machines(conn: sqlite3.Connection, arm_id: str | None = None, version_id: str | None = None) -> list[dict]:
    """VMs and scale sets as stored: one by id, those made from one version, or all, by name."""
    if arm_id:
        return [dict(r) for r in rows(conn, "SELECT * FROM virtual_machine WHERE arm_id = ?", (arm_id,))]
    sql = "SELECT * FROM virtual_machine" + (" WHERE version_id = ?" if version_id else "") + " ORDER BY name"
    return [dict(r) for r in rows(conn, sql, (version_id,) if version_id else ())]


def deployments(conn: sqlite3.Connection) -> list[Deployment]:
    """Every VM and scale set made from a gallery image: the image it asked for and the version it got."""
    return [
        Deployment(r["arm_id"], r["name"], r["kind"], r["location"], r["image_reference"], r["exact_version"],
                   r["version_id"])
        for r in rows(conn, "SELECT * FROM virtual_machine ORDER BY name")
    ]
