"""Other writers appear by themselves: twice a second a watcher thread asks SQLite whether another connection
committed (a headless command, `sigtui serve`, another workbench); only then does it post a message, and the
catalog is read again. Asking costs one `PRAGMA data_version`, so an idle workbench stays idle."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from ..store.raw import DatabaseError
from .messages import DatabaseChanged

if TYPE_CHECKING:
    from .workbench import WorkbenchScreen

POLL_SECONDS = 0.5


class Watching:
    """A daemon thread that only reads the database's change counter and posts `DatabaseChanged`; a change
    reloads the tree as `r` does, without the toast. (A Textual worker would never complete, so it is a thread
    of its own, stopped with the screen.)"""

    def __init__(self, screen: WorkbenchScreen) -> None:
        self.screen = screen
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._watch, name="sigtui-watch", daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        changes = self.screen.backend.changes
        while not self._stop.wait(POLL_SECONDS):
            try:
                changed = changes.changed()
            except DatabaseError:
                continue
            if changed:
                self.screen.post_message(DatabaseChanged())

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(POLL_SECONDS * 4)

    def database_changed(self) -> None:
        self.screen.browsing.follow_changes()
