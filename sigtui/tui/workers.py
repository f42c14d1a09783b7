"""Thread workers: they read and write through `sigtui.store` and only post past-tense messages."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from textual import work
from textual.message import Message
from textual.worker import get_current_worker

from ..store.browse import Catalog
from .messages import (
    CatalogLoaded,
    ClockChanged,
    DefinitionsLoaded,
    DetailsLoaded,
    FilterMatched,
    JobsChanged,
    LatestResolved,
    PathLoaded,
    ServicesReady,
    VersionsLoaded,
)
from .widgets.resource_tree import NodeData

ADVANCE = timedelta(minutes=10)


class Workers:
    """Mixed into the app: everything that touches the database, off the UI thread."""

    catalog: Catalog
    db_path: Path
    caller: str | None
    initial_speed: float | None
    real_time: Callable[[], float]
    post_message: Callable[[Message], bool]
    now: Callable[[], datetime]

    def _init_workers(self) -> None:
        self._services = None
        self._services_lock = threading.Lock()

    @work(thread=True, exclusive=True, group="catalog", exit_on_error=False)
    def load_catalog(
        self, galleries_open: Iterable[int] = (), definitions_open: Iterable[int] = (), filter_text: str = ""
    ) -> None:
        clock = self.catalog.clock()
        now = clock.now(self.real_time()) if clock else datetime.now(UTC)
        galleries = self.catalog.galleries()
        jobs = self.catalog.unsettled_jobs(now)
        definitions = {pk: self.catalog.definitions(pk) for pk in galleries_open}
        versions = self.catalog.versions_of(definitions_open) if definitions_open else {}
        filtered = self.catalog.filter_tree(filter_text, now) if filter_text else None
        if filtered is not None:
            definitions = defaultdict(list)
            for definition in filtered.definitions:
                definitions[definition.gallery_pk].append(definition)
        self.post_message(CatalogLoaded(galleries, clock, jobs, dict(definitions), versions, filtered))

    @work(thread=True, group="children", exit_on_error=False)
    def load_children(self, kind: str, pk: int) -> None:
        if kind == "gallery":
            self.post_message(DefinitionsLoaded(pk, self.catalog.definitions(pk)))
        else:
            self.post_message(VersionsLoaded(pk, self.catalog.versions(pk)))

    @work(thread=True, exclusive=True, group="path", exit_on_error=False)
    def load_path(self, path: tuple[int, int | None, int | None], need_definitions: bool, need_versions: bool) -> None:
        gallery_pk, definition_pk, _ = path
        definitions = self.catalog.definitions(gallery_pk) if need_definitions else []
        versions = self.catalog.versions(definition_pk) if need_versions and definition_pk else []
        self.post_message(PathLoaded(path, definitions, versions))

    @work(thread=True, exclusive=True, group="filter", exit_on_error=False)
    def run_filter(self, text: str) -> None:
        started = time.perf_counter()
        result = self.catalog.filter_tree(text, self.now()) if text else None
        self.post_message(FilterMatched(result, (time.perf_counter() - started) * 1000))

    @work(thread=True, exclusive=True, group="latest", exit_on_error=False)
    def resolve_latest(self, definition_pks: list[int]) -> None:
        self.post_message(LatestResolved(self.catalog.latest_names(definition_pks, self.now())))

    @work(thread=True, exclusive=True, group="details", exit_on_error=False)
    def load_details(self, data: NodeData) -> None:
        now = self.now()
        versions = latest = None
        if not self.catalog.seen.sees(data.arm_id):
            self.post_message(DetailsLoaded(data.key, None, []))
            return
        if data.kind == "gallery":
            resource = self.catalog.gallery_detail(data.pk)
        elif data.kind == "definition":
            resource = self.catalog.definition_detail(data.pk)
            known = data.loaded and data.complete and data.versions
            versions = data.versions if known else self.catalog.versions(data.pk)
            latest = self.catalog.latest(data.pk, now)
        else:
            resource = self.catalog.version_detail(data.pk)
            latest = self.catalog.latest(data.summary.definition_pk, now) if data.summary else None
        if resource is None or get_current_worker().is_cancelled:
            return
        activity = self.catalog.activity(resource.id)
        self.post_message(DetailsLoaded(data.key, resource, activity, latest, versions))

    def _services_now(self):
        """The write side, created on first use (importing SQLModel costs most of a second)."""
        with self._services_lock:
            if self._services is None:
                from ..store.services import Services

                self._services = Services(self.db_path, caller=self.caller, real_time=self.real_time)
            return self._services

    def forget_services(self) -> None:
        """The identity changed: the next use opens the write side as the new caller."""
        with self._services_lock:
            self._services = None

    @work(thread=True, exclusive=True, group="services", exit_on_error=False)
    def load_services(self) -> None:
        services = self._services_now()
        self.post_message(ServicesReady(services))
        if self.initial_speed:
            self.post_message(
                ClockChanged(services.set_clock_speed(self.initial_speed), f"Clock speed ×{self.initial_speed:g}")
            )

    @work(thread=True, group="write", exit_on_error=False)
    def change_clock(self, operation: str) -> None:
        """Pause/resume, advance or change speed; the status bar shows the result, so no toast."""
        services = self._services_now()
        state = services.clock_state()
        if operation == "toggle":
            new = services.resume_clock() if state.paused else services.pause_clock()
        elif operation == "advance":
            new = services.advance_clock(ADVANCE)
        else:
            factor = 2.0 if operation == "faster" else 0.5
            new = services.set_clock_speed(min(100_000.0, max(0.125, state.speed * factor)))
        self.post_message(ClockChanged(new))

    @work(thread=True, group="write", exit_on_error=False)
    def retry_regions(self, data: NodeData, regions: list[str]) -> None:
        services = self._services_now()
        v = data.summary.version
        for region in regions:
            services.retry_region(v.subscription, v.resource_group, v.gallery, v.definition, v.name, region)
        summary = self.catalog.version_summary(data.pk)
        jobs = self.catalog.unsettled_jobs(services.now())
        self.post_message(JobsChanged(jobs, summary, f"Retrying {', '.join(regions)} for {v.name}"))
