"""The status bar: database, identity, the simulation clock with its speed, live work, the endpoint being
served, read-only mode."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual.widget import Widget

from ...domain.clock import ClockState
from ..paths_shown import home_relative
from ..render import local


def _speed(speed: float) -> str:
    return f"×{speed:g}"


class StatusBar(Widget):
    """One line, repainted (never laid out again) only when what it shows changes."""

    def __init__(self, db: Path, caller: str, readonly: bool, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.db = db
        self.caller = caller
        self.readonly = readonly
        self.clock: ClockState | None = None
        self.running = 0
        self.failed = 0
        self.endpoint = ""
        self._text = Text()

    def show(
        self, now: datetime, clock: ClockState | None = None, running: int | None = None, failed: int | None = None
    ) -> None:
        if clock is not None:
            self.clock = clock
        if running is not None:
            self.running = running
        if failed is not None:
            self.failed = failed
        text = self._status_text(now)
        if text != self._text:
            self._text = text
            self.refresh()

    def render(self) -> Text:
        return self._text

    def _status_text(self, now: datetime) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        if self.clock is None:
            text.append("◷ no clock", "dim")
        elif self.clock.paused:
            text.append(f"■ {local(now, seconds=True)} paused", "bold yellow")
        else:
            text.append(f"▶ {local(now, seconds=True)} {_speed(self.clock.speed)}", "bold")
        if self.running:
            text.append(f"  ↻ {self.running} replicating", "cyan")
        if self.failed:
            text.append(f"  ✗ {self.failed} failed", "red")
        if self.endpoint:
            text.append(f"  ⇄ {self.endpoint}", "green")
        if self.readonly:
            text.append("  READ-ONLY", "bold reverse")
        text.append(f"  {self.caller}", "dim")
        text.append(f"  {home_relative(self.db)}", "dim")
        return text
