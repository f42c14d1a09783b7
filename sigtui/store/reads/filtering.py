"""The workbench's filter and command palette: every resource whose words, states, badges or tags match, in one
query, with the rows needed to show the matches in context. Plain sqlite3 only."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from ...domain import ids
from .. import search_index
from . import job_states
from .gallery_summaries import GallerySummary
from .summaries import DefinitionSummary, VersionSummary, definitions_by_pk, versions_by_pk
from .visibility import Visibility

FILTER_LIMIT = 1000
"""At most this many matching versions come back from one filter query."""
COUNTED_ABOVE = 200
"""A filter matching more versions than this returns them as counts: their rows load when their definition opens."""


@dataclass(frozen=True, slots=True)
class FilterResult:
    """What a filter matched: (gallery, definition, version) paths, plus the rows needed to draw them.

    `versions` holds only the matching versions of each definition; a wide result (more than `COUNTED_ABOVE`
    versions) leaves it empty and names them in `counted` instead: definition pk → the matching versions' pks."""

    text: str
    paths: tuple[tuple[int, int | None, int | None], ...]
    definitions: tuple[DefinitionSummary, ...]
    versions: dict[int, list[VersionSummary]] = field(default_factory=dict)
    truncated: bool = False
    counted: dict[int, tuple[int, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SearchEntry:
    """One resource the command palette can jump to."""

    text: str
    kind: str
    path: tuple[int, int | None, int | None]
    resource_id: str = ""


def _tokens(text: str) -> list[str]:
    escaped = (t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for t in text.split())
    return [f"%{t}%" for t in escaped if t]


VERSION_STATE_WORDS = ("deleting", "failed", "succeeded", "completed", "updating", "creating", "replicating",
                       "excluded")
"""The words a version's state adds to what the filter matches, read from its regional jobs."""
CLOCK_WORDS = (*VERSION_STATE_WORDS, "eol")
"""Words that change with the clock, so the text index does not hold them."""

VERSION_STATES = """
    || CASE WHEN v.deleting THEN ' deleting'
            WHEN s.failed > 0 THEN ' failed'
            WHEN s.done = s.n THEN ' succeeded completed'
            WHEN v.operation = 'update' THEN ' updating'
            ELSE ' creating' END
    || CASE WHEN s.running > 0 THEN ' replicating' ELSE '' END
    || CASE WHEN v.exclude_from_latest OR s.excluded > 0 THEN ' excluded' ELSE '' END"""

VERSION_JOBS = """
  LEFT JOIN (
    SELECT version_id, COUNT(*) AS n,
      SUM({failed}) AS failed, SUM({completed}) AS done, SUM({replicating}) AS running,
      SUM(COALESCE(exclude_from_latest, 0)) AS excluded
    FROM target_region GROUP BY version_id) s ON s.version_id = v.id"""

FILTER_SQL = """{hits}
SELECT g_pk, d_pk, v_pk FROM (
  SELECT g.id AS g_pk, NULL AS d_pk, NULL AS v_pk, 0 AS kind, {gallery_words} AS hay
  FROM {galleries}
  UNION ALL
  SELECT d.gallery_id, d.id, NULL, 1, {definition_words}
    || CASE WHEN d.end_of_life_date IS NOT NULL AND d.end_of_life_date <= :now THEN ' eol' ELSE '' END
  FROM {definitions}
  UNION ALL
  SELECT d.gallery_id, v.definition_id, v.id, 2, {version_words}{version_states}
    || CASE WHEN v.end_of_life_date IS NOT NULL AND v.end_of_life_date <= :now THEN ' eol' ELSE '' END
  FROM {versions} JOIN image_definition d ON d.id = v.definition_id{version_jobs}
) WHERE {where} ORDER BY kind LIMIT :limit"""

SCANNED = {"hits": "", "galleries": "gallery g", "definitions": "image_definition d", "versions": "image_version v"}
INDEXED = {
    "galleries": "hits JOIN gallery g ON g.id = hits.r / 4 AND hits.r % 4 = 0",
    "definitions": "hits JOIN image_definition d ON d.id = hits.r / 4 AND hits.r % 4 = 1",
    "versions": "hits JOIN image_version v ON v.id = hits.r / 4 AND hits.r % 4 = 2",
}
"""The rows the filter reads: every row, or (through the text index) only those holding every word."""


WORD_ROWS = (("gallery", "gallery", "g"), ("definition", "image_definition", "d"), ("version", "image_version", "v"))
"""Each branch of the query: its kind, its table and the table's alias."""


def _indexed(words: list[str], conn: sqlite3.Connection) -> bool:
    """Whether the text index can find every match: each word has a trigram, no LIKE wildcard, and cannot be part
    of a word that changes with the clock."""
    return all(
        len(word) >= 3 and not set(word) & set("%_\\") and not any(word.lower() in w for w in CLOCK_WORDS)
        for word in words
    ) and search_index.exists(conn)


def _filter_sql(words: list[str], conn: sqlite3.Connection) -> str:
    """The filter's query; a version's state comes from its regional jobs only when a word could match it."""
    where = " AND ".join(f"hay LIKE :t{i} ESCAPE '\\'" for i in range(len(words)))
    words_sql = {f"{kind}_words": search_index.WORDS[table](alias) for kind, table, alias in WORD_ROWS}
    rows_read = SCANNED
    if _indexed(words, conn):
        hits = " AND ".join(f"hay LIKE :t{i}" for i in range(len(words)))
        rows_read = {"hits": f"WITH hits AS MATERIALIZED (SELECT rowid AS r FROM {search_index.TABLE} WHERE {hits})",
                     **INDEXED}
    if not any(word.lower() in state for word in words for state in VERSION_STATE_WORDS):
        return FILTER_SQL.format(**words_sql, **rows_read, version_states="", version_jobs="", where=where)
    states = {name: getattr(job_states, name)() for name in ("failed", "completed", "replicating")}
    return FILTER_SQL.format(**words_sql, **rows_read, version_states=VERSION_STATES,
                             version_jobs=VERSION_JOBS.format(**states), where=where)


def filter_paths(
    conn: sqlite3.Connection, text: str, now: datetime, limit: int = FILTER_LIMIT
) -> tuple[list[tuple[int, int | None, int | None]], bool]:
    """Paths of every resource whose name, identifier, state, badges or tags (`key=value`) contain all words."""
    tokens = _tokens(text)
    if not tokens:
        return [], False
    sql = _filter_sql(text.split(), conn)
    params = {"now": now.timestamp(), "limit": limit + 1, **{f"t{i}": t for i, t in enumerate(tokens)}}
    found = [tuple(r) for r in conn.execute(sql, params)]
    return found[:limit], len(found) > limit


def filter_tree(conn: sqlite3.Connection, text: str, now: datetime) -> FilterResult:
    """The filter's matches with the definitions and versions needed to show them in context."""
    paths, truncated = filter_paths(conn, text, now)
    definitions = tuple(definitions_by_pk(conn, {d for _, d, _ in paths if d is not None}))
    version_pks = {v for _, _, v in paths if v is not None}
    if len(version_pks) <= COUNTED_ABOVE:
        return FilterResult(text, tuple(paths), definitions, versions_by_pk(conn, version_pks), truncated)
    counted: dict[int, list[int]] = defaultdict(list)
    for _, definition_pk, version_pk in sorted(paths, key=lambda p: (p[1] or 0, p[2] or 0)):
        if version_pk is not None:
            counted[definition_pk].append(version_pk)
    return FilterResult(text, tuple(paths), definitions, {}, truncated, {d: tuple(vs) for d, vs in counted.items()})


def version_names(conn: sqlite3.Connection, version_pks: Iterable[int]) -> dict[int, str]:
    """The names of chosen versions (pk → name), for visibility checks on counted matches."""
    keys = sorted(set(version_pks))
    marks = ",".join("?" * len(keys))
    return dict(conn.execute(f"SELECT id, name FROM image_version WHERE id IN ({marks})", keys)) if keys else {}


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


def visible_filter(
    result: FilterResult,
    galleries_by_pk: dict[int, GallerySummary],
    seen: Visibility,
    version_names: dict[int, str],
) -> FilterResult:
    """The filter's matches that the caller may see; `version_names` names the counted versions (pk → name)."""
    definitions = tuple(d for d in result.definitions if seen.leads_to(d.id))
    versions = {k: [v for v in vs if seen.sees(v.id)] for k, vs in result.versions.items()}
    ids_by_pk = {d.pk: d.id for d in definitions}
    counted = {
        d: tuple(v for v in vs if seen.sees(f"{ids_by_pk[d]}/versions/{version_names[v]}"))
        for d, vs in result.counted.items()
        if d in ids_by_pk
    }
    definition_pks = {d.pk for d in definitions}
    version_pks = {v.pk for vs in versions.values() for v in vs} | {v for vs in counted.values() for v in vs}
    paths = tuple(
        (g, d, v)
        for g, d, v in result.paths
        if g in galleries_by_pk
        and (d is None or d in definition_pks)
        and (v is None or v in version_pks)
        and (d is not None or seen.sees(galleries_by_pk[g].id))
    )
    kept_versions = {k: vs for k, vs in versions.items() if vs}
    return FilterResult(result.text, paths, definitions, kept_versions, result.truncated,
                        {k: vs for k, vs in counted.items() if vs})
