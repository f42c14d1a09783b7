"""The workbench's read side of one database file, as one caller sees it (the same visibility rule as every other
face): a small pool of sqlite3 connections shared by worker threads."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from ...domain.clock import ClockState
from ...domain.latest import Resolution
from ...domain.models import Gallery, ImageDefinition, ImageVersion
from .. import raw
from ..activity import activity_log
from ..defaults import DEFAULT_OWNER
from . import filtering, gallery_summaries, latest, resources, state, summaries
from .filtering import FilterResult, SearchEntry
from .gallery_summaries import GallerySummary
from .summaries import DefinitionSummary, JobFact, VersionSummary
from .visibility import Visibility, visibility


class Catalog:
    """What the workbench reads: summaries for the tree, details for the pane, filter and palette matches."""

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
        return self._run(state.clock)

    def end_of_life_policy(self) -> str:
        return self._run(state.end_of_life_policy)

    def galleries(self) -> list[GallerySummary]:
        """The galleries the caller may see; role assignments are read afresh (this starts a reload)."""
        self._seen = self._run(visibility, self.caller)
        return self._run(gallery_summaries.visible_galleries, self.seen)

    def definitions(self, gallery_pk: int) -> list[DefinitionSummary]:
        """The definitions the caller may see; counts cover only the versions it may see."""
        shown = [d for d in self._run(summaries.definitions, gallery_pk) if self.seen.leads_to(d.id)]
        return [d if self.seen.sees(d.id) else replace(d, version_count=len(self.versions(d.pk))) for d in shown]

    def versions(self, definition_pk: int) -> list[VersionSummary]:
        return [v for v in self._run(summaries.versions, definition_pk) if self.seen.sees(v.id)]

    def versions_of(self, definition_pks: Iterable[int]) -> dict[int, list[VersionSummary]]:
        found = self._run(summaries.versions_of, definition_pks)
        return {k: [v for v in vs if self.seen.sees(v.id)] for k, vs in found.items()}

    def versions_by_pk(self, version_pks: Iterable[int]) -> dict[int, list[VersionSummary]]:
        """Chosen versions the caller may see, grouped by definition."""
        found = self._run(summaries.versions_by_pk, version_pks)
        return {k: [v for v in vs if self.seen.sees(v.id)] for k, vs in found.items()}

    def version_summary(self, version_pk: int) -> VersionSummary | None:
        return self._run(summaries.version_summary, version_pk)

    def latest(self, definition_pk: int, now: datetime, region: str | None = None) -> Resolution:
        return self._run(summaries.latest, definition_pk, now, region)

    def latest_names(self, definition_pks: Iterable[int], now: datetime) -> dict[int, str | None]:
        """The name `latest` (any region) resolves to, per definition, through the indexed SQL."""
        with self.connection() as conn:
            return {pk: latest.latest_name(conn, pk, now.timestamp()) for pk in definition_pks}

    def unsettled_jobs(self, now: datetime) -> list[JobFact]:
        return [j for j in self._run(summaries.unsettled_jobs, now) if self.seen.sees(j.version_id)]

    def gallery_detail(self, pk: int) -> Gallery | None:
        return self._run(resources.gallery_by_pk, pk)

    def definition_detail(self, pk: int) -> ImageDefinition | None:
        return self._run(resources.definition_by_pk, pk)

    def version_detail(self, pk: int) -> ImageVersion | None:
        return self._run(resources.version_by_pk, pk)

    def activity(self, resource_id: str, now: datetime, limit: int = 200) -> list[dict]:
        """The resource's activity log, replication failures reached by `now` included."""
        return [e for e in self._run(activity_log, now, resource_id, limit) if self.seen.sees(e["resource_id"])]

    def filter_tree(self, text: str, now: datetime) -> FilterResult:
        found = self._run(filtering.filter_tree, text, now)
        if self.seen.scopes is None:
            return found
        names = self._run(filtering.version_names, [v for vs in found.counted.values() for v in vs])
        by_pk = {g.pk: g for g in self._run(gallery_summaries.galleries, {g for g, _, _ in found.paths})}
        return filtering.visible_filter(found, by_pk, self.seen, names)

    def search_entries(self) -> list[SearchEntry]:
        return [e for e in self._run(filtering.search_entries) if self.seen.leads_to(e.resource_id)]
