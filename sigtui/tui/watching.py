"""Other writers appear by themselves: twice a second a thread worker asks SQLite whether another connection
committed (a headless command, `sigtui serve`, another workbench); only then is the catalog read again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .messages import DatabaseChanged

if TYPE_CHECKING:
    from textual.timer import Timer
    from textual.worker import Worker

    from .workbench import WorkbenchScreen

POLL_SECONDS = 0.5


class Watching:
    """Polls the database's change counter; a change reloads the tree as `r` does, without the toast."""

    def __init__(self, screen: WorkbenchScreen) -> None:
        self.screen = screen
        self.timer: Timer | None = None
        self.worker: Worker | None = None

    def start(self) -> None:
        self.timer = self.screen.set_interval(POLL_SECONDS, self.poll)

    def poll(self) -> None:
        """Ask once, unless the previous question is still being answered."""
        if self.worker is not None and self.worker.is_running:
            return
        changes = self.screen.backend.changes
        self.worker = self.screen.run("watch", lambda: DatabaseChanged() if changes.changed() else None)

    def database_changed(self) -> None:
        self.screen.browsing.follow_changes()
