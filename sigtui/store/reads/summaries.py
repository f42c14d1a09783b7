"""Summaries behind the workbench's tree: galleries, definitions and versions loaded by primary key, without
disks or descriptions, in one query per level. Plain sqlite3 only."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from ...domain import ids
from ...domain.latest import Resolution, resolve_latest
from ...domain.models import ImageVersion, ReplicationJob, TargetRegion
from .mappers import target_from, version_from, when
from .rows import Row, rows
from .state import end_of_life_policy


@dataclass(frozen=True, slots=True)
class DefinitionSummary:
    pk: int
    gallery_pk: int
    subscription: str
    resource_group: str
    gallery: str
    name: str
    publisher: str
    offer: str
    sku: str
    os_type: str
    os_state: str
    end_of_life_date: datetime | None
    version_count: int

    @property
    def id(self) -> str:
        return ids.definition_id(self.subscription, self.resource_group, self.gallery, self.name)


@dataclass(frozen=True, slots=True)
class VersionSummary:
    """A version without data disks: enough for state, badges, replication rows and `latest`."""

    pk: int
    definition_pk: int
    gallery_pk: int
    version: ImageVersion

    @property
    def id(self) -> str:
        return self.version.id

    @property
    def name(self) -> str:
        return self.version.name


@dataclass(frozen=True, slots=True)
class JobFact:
    """One regional replication job and where it sits in the tree."""

    gallery_pk: int
    definition_pk: int
    version_pk: int
    region: str
    job: ReplicationJob
    version_id: str = ""


DEFINITION_COLUMNS = """SELECT d.id AS pk, d.gallery_id AS gallery_pk, rg.subscription_id AS subscription,
    rg.name AS resource_group, g.name AS gallery, d.name AS name, d.publisher, d.offer, d.sku, d.os_type, d.os_state,
    d.end_of_life_date, (SELECT COUNT(*) FROM image_version v WHERE v.definition_id = d.id) AS version_count
    FROM image_definition d JOIN gallery g ON g.id = d.gallery_id JOIN resource_group rg ON rg.id = g.rg_id"""


def _definition(r: Row) -> DefinitionSummary:
    return DefinitionSummary(**{**r, "end_of_life_date": when(r["end_of_life_date"])})


def definitions(conn: sqlite3.Connection, gallery_pk: int) -> list[DefinitionSummary]:
    """The definitions of one gallery, by name."""
    return [_definition(r) for r in rows(conn, DEFINITION_COLUMNS + " WHERE d.gallery_id = ? ORDER BY d.name",
                                         (gallery_pk,))]


def definitions_by_pk(conn: sqlite3.Connection, pks: Iterable[int]) -> list[DefinitionSummary]:
    keys = sorted(set(pks))
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    return [_definition(r) for r in rows(conn, DEFINITION_COLUMNS + f" WHERE d.id IN ({marks}) ORDER BY d.name", keys)]


VERSION_HEADS = """SELECT v.*, d.gallery_id AS gallery_pk, rg.subscription_id AS sub, rg.name AS rg_name,
    g.name AS gallery_name, d.name AS definition_name
    FROM image_version v JOIN image_definition d ON d.id = v.definition_id JOIN gallery g ON g.id = d.gallery_id
    JOIN resource_group rg ON rg.id = g.rg_id"""


def _versions(conn: sqlite3.Connection, where: str, params: Sequence) -> list[VersionSummary]:
    """The versions `where` (a condition on `v`) picks, in order, with their target regions: two queries."""
    heads = rows(conn, f"{VERSION_HEADS} WHERE {where} ORDER BY v.definition_id, v.major, v.minor, v.patch", params)
    targets: dict[int, list[TargetRegion]] = defaultdict(list)
    joined = "target_region t JOIN image_version v ON v.id = t.version_id"
    for r in rows(conn, f"SELECT t.* FROM {joined} WHERE {where} ORDER BY t.position", params):
        targets[r["version_id"]].append(target_from(r))
    return [VersionSummary(r["id"], r["definition_id"], r["gallery_pk"], version_from(r, targets[r["id"]], ()))
            for r in heads]


def versions(conn: sqlite3.Connection, definition_pk: int) -> list[VersionSummary]:
    """The versions of one definition, oldest first, with their target regions and jobs (one query)."""
    return _versions(conn, "v.definition_id = ?", (definition_pk,))


def versions_of(conn: sqlite3.Connection, definition_pks: Iterable[int]) -> dict[int, list[VersionSummary]]:
    keys = sorted(set(definition_pks))
    result: dict[int, list[VersionSummary]] = {k: [] for k in keys}
    if keys:
        marks = ",".join("?" * len(keys))
        for summary in _versions(conn, f"v.definition_id IN ({marks})", keys):
            result[summary.definition_pk].append(summary)
    return result


def versions_by_pk(conn: sqlite3.Connection, version_pks: Iterable[int]) -> dict[int, list[VersionSummary]]:
    """Chosen versions grouped by definition (no other version of those definitions)."""
    keys = sorted(set(version_pks))
    result: dict[int, list[VersionSummary]] = defaultdict(list)
    if keys:
        marks = ",".join("?" * len(keys))
        for summary in _versions(conn, f"v.id IN ({marks})", keys):
            result[summary.definition_pk].append(summary)
    return dict(result)


def version_summary(conn: sqlite3.Connection, version_pk: int) -> VersionSummary | None:
    found = _versions(conn, "v.id = ?", (version_pk,))
    return found[0] if found else None


def latest(conn: sqlite3.Connection, definition_pk: int, now: datetime, region: str | None = None) -> Resolution:
    """`latest` of one definition, reading newest versions first until one is eligible."""
    definition_found = definitions_by_pk(conn, [definition_pk])
    definition_id = definition_found[0].id if definition_found else ""
    seen: list[ImageVersion] = []
    page, offset = 25, 0
    while True:
        newest = ("v.id IN (SELECT id FROM image_version WHERE definition_id = ? "
                  "ORDER BY major DESC, minor DESC, patch DESC LIMIT ? OFFSET ?)")
        batch = _versions(conn, newest, (definition_pk, page, offset))
        seen.extend(s.version for s in batch)
        resolution = resolve_latest(seen, definition_id, region, now, end_of_life_policy(conn))
        if resolution.version is not None or len(batch) < page:
            return resolution
        offset += page
        page *= 2


def unsettled_jobs(conn: sqlite3.Connection, now: datetime) -> list[JobFact]:
    """Jobs that are queued, running or failed at `now`: all the live work there is, in one query."""
    sql = """SELECT d.gallery_id, v.definition_id, v.id AS version_pk, rg.subscription_id AS sub, rg.name AS rg_name,
        g.name AS gallery_name, d.name AS definition_name, v.name AS version_name, t.*
        FROM target_region t JOIN image_version v ON v.id = t.version_id
        JOIN image_definition d ON d.id = v.definition_id JOIN gallery g ON g.id = d.gallery_id
        JOIN resource_group rg ON rg.id = g.rg_id
        WHERE t.fail_at IS NOT NULL OR t.started_at + t.duration_s > ?"""
    return [
        JobFact(
            r["gallery_id"], r["definition_id"], r["version_pk"], r["region"], target_from(r).job,
            ids.version_id(r["sub"], r["rg_name"], r["gallery_name"], r["definition_name"], r["version_name"]),
        )
        for r in rows(conn, sql, (now.timestamp(),))
    ]
