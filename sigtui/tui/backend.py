"""Who the workbench acts as and its two ways into the database: the fast read models (`Catalog`) and the
write side (`Services`), opened on first use because importing SQLModel costs most of a second."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from ..domain.meanwhile import while_away
from ..store.defaults import DEFAULT_OWNER
from ..store.reads.workbench import Catalog
from ..store.visits import Visits
from ..store.watch import ChangeWatch


class Backend:
    """Used from thread workers only (the catalog and the services do I/O); `identity()` is safe anywhere."""

    def __init__(self, db_path: Path, caller: str | None, real_time: Callable[[], float]) -> None:
        self.db_path = db_path
        self.caller = caller
        self.real_time = real_time
        self.catalog = Catalog(db_path, caller or DEFAULT_OWNER)
        self.changes = ChangeWatch(db_path)
        self.visits: Visits | None = None
        self._services = None
        self._lock = threading.Lock()

    def identity(self) -> str:
        """The caller every read and write acts as."""
        return self.caller or DEFAULT_OWNER

    @property
    def services_opened(self) -> bool:
        return self._services is not None

    def services(self):
        """The write side, created on first use."""
        with self._lock:
            if self._services is None:
                from ..store.services import Services

                self._services = Services(self.db_path, caller=self.caller, real_time=self.real_time, face="tui")
            return self._services

    def act_as(self, caller: str) -> None:
        """Read and write as `caller` from now on: a new catalog; the services open again on next use."""
        old = self.catalog
        self.caller = caller
        self.catalog = Catalog(self.db_path, caller)
        old.close()
        with self._lock:
            self._services = None

    def arrive(self, readonly: bool) -> str:
        """Let a demo's held clock run again; what replication did since the last workbench left (or "")."""
        with self._lock:
            if self.visits is not None:
                return ""
            self.visits = Visits(self.db_path, self.caller, self.real_time, face="tui")
        arrival = self.visits.arrive(write=not readonly)
        if arrival.left_at is None or arrival.now <= arrival.left_at:
            return ""
        jobs = self.catalog.unsettled_jobs(arrival.left_at)
        named = [(" ".join(f.version_id.split("/")[-3::2]), f.region, f.job) for f in jobs]
        return while_away(named, arrival.left_at, arrival.now)

    def leave(self, readonly: bool) -> None:
        """Record when the workbench left; a demo's clock stands still until the next one opens."""
        if self.visits is not None:
            if not readonly:
                self.visits.leave()
            self.visits.db.dispose()

    def close(self) -> None:
        self.catalog.close()
        self.changes.close()
