"""The simulation clock on the workbench: it ticks while something replicates; otherwise only the status bar's
clock moves, once a second, until the next change; it redraws what depends on time; pausing, advancing, speed
and retries go through the services."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from textual.message import Message

from ..domain.clock import ClockState
from ..domain.models import ReplicationState
from ..domain.replication import region_status
from ..store.reads.summaries import JobFact
from . import live
from .messages import CatalogLoaded, ClockChanged, JobsChanged, ServicesReady
from .nodes import failed_regions
from .widgets.tree_nodes import NodeData

if TYPE_CHECKING:
    from textual.timer import Timer

    from .workbench import WorkbenchScreen

ADVANCE = timedelta(minutes=10)


class LiveClock:
    """Owns the clock state and the replication jobs the workbench shows."""

    def __init__(self, screen: WorkbenchScreen) -> None:
        self.screen = screen
        self.state: ClockState | None = None
        self.jobs: list[JobFact] = []
        self.ticking = False
        self.ticker: Timer | None = None
        self.second: Timer | None = None
        self.wake: Timer | None = None
        self._signature: frozenset = frozenset()
        self._due: datetime | None = None
        """From when the regional states may differ from `_signature`; None: they never will."""

    def now(self) -> datetime:
        real_time = self.screen.options.real_time
        return self.state.now(real_time()) if self.state else datetime.now(UTC)

    def start(self) -> None:
        self.ticker = self.screen.set_interval(live.TICK_SECONDS, self.tick, pause=True)
        self.second = self.screen.set_interval(live.CLOCK_SECONDS, self.show_time, pause=True)

    def show_time(self) -> None:
        """Once a second while the clock runs and nothing replicates: only the status bar's clock moves."""
        self.screen.status.show(self.now())

    # Planning the ticks

    def replan(self) -> None:
        """Tick while something replicates; otherwise sleep until the next change (or forever)."""
        plan = live.plan(self.state, self.jobs, self.now())
        self.ticking = plan.ticking
        if self.ticker is not None:
            if plan.ticking:
                self.ticker.resume()
            else:
                self.ticker.pause()
        if self.second is not None:
            if plan.ticking or self.state is None or self.state.paused:
                self.second.pause()
            else:
                self.second.resume()
        if self.wake is not None:
            self.wake.stop()
            self.wake = None
        if plan.wake_in is not None:
            self.wake = self.screen.set_timer(plan.wake_in, self._woken)

    def _woken(self) -> None:
        self.wake = None
        self.tick()
        self.replan()

    def tick(self) -> None:
        screen, now = self.screen, self.now()
        screen.resource_tree.tick(now)
        if self._states_moved(now):
            self.states_changed(now)
        screen.details.tick(now)
        screen.status.show(now)

    def _note_states(self, now: datetime) -> None:
        self._signature = live.signature(self.jobs, now)
        self._due = live.states_due(self.jobs, now)

    def _states_moved(self, now: datetime) -> bool:
        """Whether a regional state changed since they were last noted; worked out only once one may have."""
        if self._due is None or now < self._due:
            return False
        before = self._signature
        self._note_states(now)
        return self._signature != before

    def states_changed(self, now: datetime) -> None:
        """Regional states changed: redraw badges, `latest`, roll-ups and counts, and plan the next tick."""
        screen = self.screen
        screen.resource_tree.now = now
        screen.resource_tree.states_changed()
        screen.browsing.resolve_partial_latest()
        screen.details.now = now
        screen.details.states_changed(screen.cursor_data())
        screen.offer_actions()
        self.show_counts(now)
        self.replan()

    def show_counts(self, now: datetime) -> None:
        failed = {
            f.version_pk for f in self.jobs if region_status(f.region, f.job, now).state is ReplicationState.FAILED
        }
        self.screen.status.show(now, self.state, live.running(self.jobs, now), len(failed))

    def refresh(self) -> None:
        """The clock or the jobs changed: redraw everything time-dependent once."""
        screen, now = self.screen, self.now()
        self._note_states(now)
        screen.resource_tree.set_jobs(self.jobs)
        screen.resource_tree.tick(now)
        screen.details.tick(now)
        self.states_changed(now)

    # What the workers found

    def catalog_loaded(self, message: CatalogLoaded) -> None:
        """Take the clock and jobs; the tree is rebuilt next, then `settled` plans the ticks."""
        self.state = message.clock
        self.jobs = message.jobs
        now = self.now()
        self.screen.resource_tree.now = now
        self.screen.resource_tree.set_jobs(self.jobs)

    def settled(self) -> None:
        """The tree shows the catalog's jobs: count them and plan the ticks."""
        now = self.now()
        self._note_states(now)
        self.show_counts(now)
        self.replan()

    def clock_changed(self, message: ClockChanged) -> None:
        self.state = message.clock
        self.screen.status.show(self.now(), self.state)
        self.refresh()
        if message.note:
            self.screen.notify(message.note, timeout=2)

    def jobs_changed(self, message: JobsChanged) -> None:
        self.jobs = message.jobs
        if message.version is not None:
            self.screen.resource_tree.replace_version(message.version)
        self.refresh()
        if message.note:
            self.screen.notify(message.note, timeout=3)

    # Changes

    def change(self, operation: str) -> None:
        """Pause/resume, advance or change speed; the status bar shows the result, so no toast."""
        if self.screen.refuse():
            return
        backend = self.screen.backend

        def job() -> ClockChanged:
            services = backend.services()
            state = services.clock_state()
            if operation == "toggle":
                return ClockChanged(services.resume_clock() if state.paused else services.pause_clock())
            if operation == "advance":
                return ClockChanged(services.advance_clock(ADVANCE))
            factor = 2.0 if operation == "faster" else 0.5
            return ClockChanged(services.set_clock_speed(min(100_000.0, max(0.125, state.speed * factor))))

        self.screen.run("write", job)

    def retry_failed(self, data: NodeData | None) -> None:
        if self.screen.refuse() or data is None:
            return
        regions = [region for region, _ in failed_regions(data, self.now())]
        if not regions:
            self.screen.notify("Nothing to retry: no region of this version has failed.")
            return
        self.retry(data, regions)

    def retry(self, data: NodeData, regions: list[str]) -> None:
        backend = self.screen.backend

        def job() -> JobsChanged:
            services = backend.services()
            v = data.summary.version
            for region in regions:
                services.retry_region(v.subscription, v.resource_group, v.gallery, v.definition, v.name, region)
            summary = backend.catalog.version_summary(data.pk)
            jobs = backend.catalog.unsettled_jobs(services.now())
            return JobsChanged(jobs, summary, f"Retrying {', '.join(regions)} for {v.name}")

        self.screen.run("write", job)

    def open_services(self) -> None:
        """Open the write side in the background; then apply `--speed`."""
        backend, speed = self.screen.backend, self.screen.options.speed

        def job() -> list[Message]:
            services = backend.services()
            if not speed:
                return [ServicesReady(services)]
            return [ServicesReady(services), ClockChanged(services.set_clock_speed(speed), f"Clock speed ×{speed:g}")]

        self.screen.run("services", job, exclusive=True)
