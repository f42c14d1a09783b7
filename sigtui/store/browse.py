"""Read models for the UI: column queries behind the tree, the filter and the palette. Plain sqlite3 only."""

from __future__ import annotations

import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from ..domain import access, ids
from ..domain.clock import ClockState
from ..domain.latest import Resolution, resolve_latest
from ..domain.models import DiskImage, Gallery, ImageDefinition, ImageVersion, ReplicationJob, TargetRegion
from . import raw, reads
from .defaults import DEFAULT_OWNER

FILTER_LIMIT = 1000
"""At most this many matching versions come back from one filter query."""


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
    """A version without disks, source or tags: enough for state, badges, replication rows and `latest`."""

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


@dataclass(frozen=True, slots=True)
class FilterResult:
    """What a filter matched: (gallery, definition, version) paths, plus the rows needed to draw them.

    `versions` holds only the matching versions of each definition."""

    text: str
    paths: tuple[tuple[int, int | None, int | None], ...]
    definitions: tuple[DefinitionSummary, ...]
    versions: dict[int, list[VersionSummary]] = field(default_factory=dict)
    truncated: bool = False


@dataclass(frozen=True, slots=True)
class SearchEntry:
    """One resource the command palette can jump to."""

    text: str
    kind: str
    path: tuple[int, int | None, int | None]
    resource_id: str = ""


def _when(value: float | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, UTC)


def galleries(conn: sqlite3.Connection) -> list[GallerySummary]:
    """Every gallery with its subscription, resource group and definition count."""
    sql = """SELECT g.id, rg.subscription_id, s.name, rg.name, g.name, g.location,
        (SELECT COUNT(*) FROM image_definition d WHERE d.gallery_id = g.id)
        FROM gallery g JOIN resource_group rg ON rg.id = g.rg_id JOIN subscription s ON s.id = rg.subscription_id
        ORDER BY s.is_default DESC, s.name, rg.name, g.name"""
    return [GallerySummary(*r) for r in conn.execute(sql)]


DEFINITION_COLUMNS = """SELECT d.id, d.gallery_id, rg.subscription_id, rg.name, g.name, d.name, d.publisher,
    d.offer, d.sku, d.os_type, d.os_state, d.end_of_life_date,
    (SELECT COUNT(*) FROM image_version v WHERE v.definition_id = d.id)
    FROM image_definition d JOIN gallery g ON g.id = d.gallery_id JOIN resource_group rg ON rg.id = g.rg_id"""


def _definition(r: Sequence) -> DefinitionSummary:
    return DefinitionSummary(*r[:11], _when(r[11]), r[12])


def definitions(conn: sqlite3.Connection, gallery_pk: int) -> list[DefinitionSummary]:
    """The definitions of one gallery, by name."""
    return [
        _definition(r)
        for r in conn.execute(DEFINITION_COLUMNS + " WHERE d.gallery_id = ? ORDER BY d.name", (gallery_pk,))
    ]


def definitions_by_pk(conn: sqlite3.Connection, pks: Iterable[int]) -> list[DefinitionSummary]:
    keys = sorted(set(pks))
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    return [
        _definition(r) for r in conn.execute(DEFINITION_COLUMNS + f" WHERE d.id IN ({marks}) ORDER BY d.name", keys)
    ]


VERSION_COLUMNS = """SELECT v.id, v.definition_id, d.gallery_id, rg.subscription_id, rg.name, g.name, d.name,
    v.name, v.location, v.replica_count, v.storage_account_type, v.exclude_from_latest, v.end_of_life_date,
    v.published_date, v.operation, v.deleting,
    t.region, t.replica_count, t.storage_account_type, t.exclude_from_latest, t.encryption, t.started_at,
    t.duration_s, t.fail_at, t.failure_detail, t.attempt, t.serving
    FROM image_version v JOIN image_definition d ON d.id = v.definition_id JOIN gallery g ON g.id = d.gallery_id
    JOIN resource_group rg ON rg.id = g.rg_id LEFT JOIN target_region t ON t.version_id = v.id"""

VERSION_ORDER = " ORDER BY v.definition_id, v.major, v.minor, v.patch, t.position"


def _versions(found: Iterable[Sequence]) -> list[VersionSummary]:
    heads: dict[int, Sequence] = {}
    targets: dict[int, list[TargetRegion]] = defaultdict(list)
    for r in found:
        heads.setdefault(r[0], r)
        if r[16] is not None:
            exclude = None if r[19] is None else bool(r[19])
            job = ReplicationJob(_when(r[21]), r[22], r[23], r[24], r[25], bool(r[26]))
            targets[r[0]].append(TargetRegion(r[16], r[17], r[18], exclude, reads.encryption_from(r[20]), job))
    result = []
    for pk, r in heads.items():
        version = ImageVersion(
            r[3],
            r[4],
            r[5],
            r[6],
            r[7],
            r[8],
            DiskImage(0, 0),
            target_regions=tuple(targets[pk]),
            replica_count=r[9],
            storage_account_type=r[10],
            exclude_from_latest=bool(r[11]),
            end_of_life_date=_when(r[12]),
            published_date=_when(r[13]),
            operation=r[14],
            deleting=bool(r[15]),
        )
        result.append(VersionSummary(pk, r[1], r[2], version))
    return result


def versions(conn: sqlite3.Connection, definition_pk: int) -> list[VersionSummary]:
    """The versions of one definition, oldest first, with their target regions and jobs (one query)."""
    return _versions(conn.execute(VERSION_COLUMNS + " WHERE v.definition_id = ?" + VERSION_ORDER, (definition_pk,)))


def versions_of(conn: sqlite3.Connection, definition_pks: Iterable[int]) -> dict[int, list[VersionSummary]]:
    keys = sorted(set(definition_pks))
    result: dict[int, list[VersionSummary]] = {k: [] for k in keys}
    if keys:
        marks = ",".join("?" * len(keys))
        for summary in _versions(
            conn.execute(VERSION_COLUMNS + f" WHERE v.definition_id IN ({marks})" + VERSION_ORDER, keys)
        ):
            result[summary.definition_pk].append(summary)
    return result


def versions_by_pk(conn: sqlite3.Connection, version_pks: Iterable[int]) -> dict[int, list[VersionSummary]]:
    """Chosen versions grouped by definition (no other version of those definitions)."""
    keys = sorted(set(version_pks))
    result: dict[int, list[VersionSummary]] = defaultdict(list)
    if keys:
        marks = ",".join("?" * len(keys))
        for summary in _versions(conn.execute(VERSION_COLUMNS + f" WHERE v.id IN ({marks})" + VERSION_ORDER, keys)):
            result[summary.definition_pk].append(summary)
    return dict(result)


def version_summary(conn: sqlite3.Connection, version_pk: int) -> VersionSummary | None:
    found = _versions(conn.execute(VERSION_COLUMNS + " WHERE v.id = ?" + VERSION_ORDER, (version_pk,)))
    return found[0] if found else None


def latest(conn: sqlite3.Connection, definition_pk: int, now: datetime, region: str | None = None) -> Resolution:
    """`latest` of one definition, reading newest versions first until one is eligible."""
    definition_found = definitions_by_pk(conn, [definition_pk])
    definition_id = definition_found[0].id if definition_found else ""
    seen: list[ImageVersion] = []
    page, offset = 25, 0
    while True:
        batch = _versions(
            conn.execute(
                VERSION_COLUMNS + " WHERE v.id IN (SELECT id FROM image_version WHERE definition_id = ? "
                "ORDER BY major DESC, minor DESC, patch DESC LIMIT ? OFFSET ?)" + VERSION_ORDER,
                (definition_pk, page, offset),
            )
        )
        seen.extend(s.version for s in batch)
        resolution = resolve_latest(seen, definition_id, region, now, reads.end_of_life_policy(conn))
        if resolution.version is not None or len(batch) < page:
            return resolution
        offset += page
        page *= 2


def latest_names(conn: sqlite3.Connection, definition_pks: Iterable[int], now: datetime) -> dict[int, str | None]:
    """The name `latest` (any region) resolves to, per definition, through the engine's indexed SQL."""
    return {pk: reads.latest_name(conn, pk, now.timestamp()) for pk in definition_pks}


def unsettled_jobs(conn: sqlite3.Connection, now: datetime) -> list[JobFact]:
    """Jobs that are queued, running or failed at `now`: all the live work there is, in one query."""
    sql = """SELECT d.gallery_id, v.definition_id, v.id, t.region, t.started_at, t.duration_s, t.fail_at,
        t.failure_detail, t.attempt, t.serving, rg.subscription_id, rg.name, g.name, d.name, v.name
        FROM target_region t JOIN image_version v ON v.id = t.version_id
        JOIN image_definition d ON d.id = v.definition_id JOIN gallery g ON g.id = d.gallery_id
        JOIN resource_group rg ON rg.id = g.rg_id
        WHERE t.fail_at IS NOT NULL OR t.started_at + t.duration_s > ?"""
    return [
        JobFact(r[0], r[1], r[2], r[3], ReplicationJob(_when(r[4]), r[5], r[6], r[7], r[8], bool(r[9])),
                ids.version_id(*r[10:]))
        for r in conn.execute(sql, (now.timestamp(),))
    ]


def gallery_detail(conn: sqlite3.Connection, pk: int) -> Gallery | None:
    found = reads.rows(conn, reads.GALLERY_SQL + " WHERE g.id = ?", (pk,))
    return reads.gallery_from(found[0]) if found else None


def definition_detail(conn: sqlite3.Connection, pk: int) -> ImageDefinition | None:
    found = reads.rows(conn, reads.DEFINITION_SQL + " WHERE d.id = ?", (pk,))
    return reads.definition_from(found[0]) if found else None


def version_detail(conn: sqlite3.Connection, pk: int) -> ImageVersion | None:
    found = reads.versions_from(conn, reads.rows(conn, reads.VERSION_SQL + " WHERE v.id = ?", (pk,)))
    return found[0][1] if found else None


def _tokens(text: str) -> list[str]:
    escaped = (t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for t in text.split())
    return [f"%{t}%" for t in escaped if t]


def _tags(column: str) -> str:
    return (
        f"CASE WHEN {column} = '{{}}' THEN '' ELSE "
        f"COALESCE((SELECT group_concat(key || '=' || value, ' ') FROM json_each({column})), '') END"
    )


FILTER_SQL = """
SELECT g_pk, d_pk, v_pk FROM (
  SELECT g.id AS g_pk, NULL AS d_pk, NULL AS v_pk, 0 AS kind,
    g.name || ' ' || g.location || ' succeeded ' || COALESCE(g.description, '') || ' ' || {g_tags} AS hay
  FROM gallery g
  UNION ALL
  SELECT d.gallery_id, d.id, NULL, 1,
    d.name || ' ' || d.publisher || ' ' || d.offer || ' ' || d.sku || ' ' || d.os_type || ' ' || d.os_state
    || ' succeeded ' || {d_tags}
    || CASE WHEN d.end_of_life_date IS NOT NULL AND d.end_of_life_date <= :now THEN ' eol' ELSE '' END
  FROM image_definition d
  UNION ALL
  SELECT d.gallery_id, v.definition_id, v.id, 2,
    v.name || ' ' || v.location || ' ' || {v_tags}
    || CASE WHEN v.deleting THEN ' deleting'
            WHEN s.failed > 0 THEN ' failed'
            WHEN s.done = s.n THEN ' succeeded completed'
            WHEN v.operation = 'update' THEN ' updating'
            ELSE ' creating' END
    || CASE WHEN s.running > 0 THEN ' replicating' ELSE '' END
    || CASE WHEN v.exclude_from_latest OR s.excluded > 0 THEN ' excluded' ELSE '' END
    || CASE WHEN v.end_of_life_date IS NOT NULL AND v.end_of_life_date <= :now THEN ' eol' ELSE '' END
    || CASE WHEN v.encrypted THEN ' cmk encrypted' ELSE '' END
  FROM image_version v JOIN image_definition d ON d.id = v.definition_id
  LEFT JOIN (
    SELECT version_id, COUNT(*) AS n,
      SUM(fail_at IS NOT NULL AND fail_at <= 1 AND :now >= started_at + duration_s * fail_at) AS failed,
      SUM((fail_at IS NULL OR fail_at > 1) AND :now >= started_at + duration_s) AS done,
      SUM(:now >= started_at AND :now < started_at + duration_s * MIN(COALESCE(fail_at, 1), 1)) AS running,
      SUM(COALESCE(exclude_from_latest, 0)) AS excluded
    FROM target_region GROUP BY version_id) s ON s.version_id = v.id
) WHERE {where} ORDER BY kind LIMIT :limit"""


def filter_paths(
    conn: sqlite3.Connection, text: str, now: datetime, limit: int = FILTER_LIMIT
) -> tuple[list[tuple[int, int | None, int | None]], bool]:
    """Paths of every resource whose name, identifier, state, badges or tags (`key=value`) contain all words."""
    tokens = _tokens(text)
    if not tokens:
        return [], False
    where = " AND ".join(f"hay LIKE :t{i} ESCAPE '\\'" for i in range(len(tokens)))
    sql = FILTER_SQL.format(g_tags=_tags("g.tags"), d_tags=_tags("d.tags"), v_tags=_tags("v.tags"), where=where)
    params = {"now": now.timestamp(), "limit": limit + 1, **{f"t{i}": t for i, t in enumerate(tokens)}}
    found = [tuple(r) for r in conn.execute(sql, params)]
    return found[:limit], len(found) > limit


def filter_tree(conn: sqlite3.Connection, text: str, now: datetime) -> FilterResult:
    """The filter's matches with the definitions and versions needed to show them in context."""
    paths, truncated = filter_paths(conn, text, now)
    definition_pks = {d for _, d, _ in paths if d is not None}
    version_pks = {v for _, _, v in paths if v is not None}
    return FilterResult(
        text, tuple(paths), tuple(definitions_by_pk(conn, definition_pks)), versions_by_pk(conn, version_pks), truncated
    )


def search_entries(conn: sqlite3.Connection) -> list[SearchEntry]:
    """Every gallery, definition and version as `Gallery › definition › version` for the palette."""
    names = "SELECT rg.subscription_id, rg.name, g.name, g.id"
    joins = " FROM gallery g JOIN resource_group rg ON rg.id = g.rg_id"
    entries = [
        SearchEntry(g, "gallery", (g_pk, None, None), ids.gallery_id(sub, rg, g))
        for sub, rg, g, g_pk in conn.execute(names + joins + " ORDER BY g.name")
    ]
    entries += [
        SearchEntry(f"{g} › {d}", "image definition", (g_pk, d_pk, None), ids.definition_id(sub, rg, g, d))
        for sub, rg, g, g_pk, d, d_pk in conn.execute(
            names + ", d.name, d.id" + joins + " JOIN image_definition d ON d.gallery_id = g.id ORDER BY g.name, d.name"
        )
    ]
    entries += [
        SearchEntry(f"{g} › {d} › {v}", "image version", (g_pk, d_pk, v_pk), ids.version_id(sub, rg, g, d, v))
        for sub, rg, g, g_pk, d, d_pk, v, v_pk in conn.execute(
            names + ", d.name, d.id, v.name, v.id" + joins + " JOIN image_definition d ON d.gallery_id = g.id "
            "JOIN image_version v ON v.definition_id = d.id ORDER BY g.name, d.name, v.major, v.minor, v.patch"
        )
    ]
    return entries


@dataclass(frozen=True, slots=True)
class Visibility:
    """What a caller may see: what its roles cover, and the parents that lead there (None: no access control)."""

    scopes: tuple[str, ...] | None = None

    def sees(self, resource_id: str) -> bool:
        if self.scopes is None:
            return True
        return any(access.covers(scope, resource_id) for scope in self.scopes)

    def leads_to(self, resource_id: str) -> bool:
        if self.sees(resource_id):
            return True
        prefix = resource_id.rstrip("/").lower() + "/"
        return any(scope.startswith(prefix) for scope in self.scopes)


def visibility(conn: sqlite3.Connection, caller: str) -> Visibility:
    has_roles = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'role_assignment'")
    if has_roles.fetchone() is None:
        return Visibility()
    return Visibility(tuple(a.scope.rstrip("/").lower() for a in reads.grants(conn, caller)[1]))


def visible_filter(result: FilterResult, galleries_by_pk: dict[int, GallerySummary], seen: Visibility) -> FilterResult:
    """The filter's matches that the caller may see."""
    definitions = tuple(d for d in result.definitions if seen.leads_to(d.id))
    versions = {k: [v for v in vs if seen.sees(v.id)] for k, vs in result.versions.items()}
    definition_pks = {d.pk for d in definitions}
    version_pks = {v.pk for vs in versions.values() for v in vs}
    paths = tuple(
        (g, d, v)
        for g, d, v in result.paths
        if g in galleries_by_pk
        and (d is None or d in definition_pks)
        and (v is None or v in version_pks)
        and (d is not None or seen.sees(galleries_by_pk[g].id))
    )
    return FilterResult(result.text, paths, definitions, {k: vs for k, vs in versions.items() if vs}, result.truncated)


class Catalog:
    """The UI's read side of one database file, as one caller sees it: a small pool of sqlite3 connections
    shared by worker threads."""

    def __init__(self, path: Path | str, caller: str = DEFAULT_OWNER):
        self.path = Path(path)
        self.caller = caller
        self._idle: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._seen: Visibility | None = None

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._idle.pop() if self._idle else None
        if conn is None:
            conn = raw.connect(self.path)
        try:
            yield conn
        finally:
            with self._lock:
                self._idle.append(conn)

    def close(self) -> None:
        with self._lock:
            for conn in self._idle:
                conn.close()
            self._idle.clear()

    def _run(self, function, *args):
        with self.connection() as conn:
            return function(conn, *args)

    @property
    def seen(self) -> Visibility:
        if self._seen is None:
            self._seen = self._run(visibility, self.caller)
        return self._seen

    def clock(self) -> ClockState | None:
        return self._run(reads.clock)

    def galleries(self) -> list[GallerySummary]:
        """The galleries the caller may see; role assignments are read afresh (this starts a reload)."""
        self._seen = self._run(visibility, self.caller)
        shown = [g for g in self._run(galleries) if self.seen.leads_to(g.id)]
        return [g if self.seen.sees(g.id) else replace(g, definition_count=len(self.definitions(g.pk))) for g in shown]

    def definitions(self, gallery_pk: int) -> list[DefinitionSummary]:
        """The definitions the caller may see; counts cover only the versions it may see."""
        shown = [d for d in self._run(definitions, gallery_pk) if self.seen.leads_to(d.id)]
        return [d if self.seen.sees(d.id) else replace(d, version_count=len(self.versions(d.pk))) for d in shown]

    def versions(self, definition_pk: int) -> list[VersionSummary]:
        return [v for v in self._run(versions, definition_pk) if self.seen.sees(v.id)]

    def versions_of(self, definition_pks: Iterable[int]) -> dict[int, list[VersionSummary]]:
        found = self._run(versions_of, definition_pks)
        return {k: [v for v in vs if self.seen.sees(v.id)] for k, vs in found.items()}

    def version_summary(self, version_pk: int) -> VersionSummary | None:
        return self._run(version_summary, version_pk)

    def latest(self, definition_pk: int, now: datetime, region: str | None = None) -> Resolution:
        return self._run(latest, definition_pk, now, region)

    def latest_names(self, definition_pks: Iterable[int], now: datetime) -> dict[int, str | None]:
        return self._run(latest_names, definition_pks, now)

    def unsettled_jobs(self, now: datetime) -> list[JobFact]:
        return [j for j in self._run(unsettled_jobs, now) if self.seen.sees(j.version_id)]

    def gallery_detail(self, pk: int) -> Gallery | None:
        return self._run(gallery_detail, pk)

    def definition_detail(self, pk: int) -> ImageDefinition | None:
        return self._run(definition_detail, pk)

    def version_detail(self, pk: int) -> ImageVersion | None:
        return self._run(version_detail, pk)

    def activity(self, resource_id: str, limit: int = 200) -> list[dict]:
        return [e for e in self._run(reads.activity, resource_id, limit) if self.seen.sees(e["resource_id"])]

    def filter_tree(self, text: str, now: datetime) -> FilterResult:
        found = self._run(filter_tree, text, now)
        if self.seen.scopes is None:
            return found
        return visible_filter(found, {g.pk: g for g in self._run(galleries)}, self.seen)

    def search_entries(self) -> list[SearchEntry]:
        return [e for e in self._run(search_entries) if self.seen.leads_to(e.resource_id)]
