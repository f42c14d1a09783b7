"""The status bar: database, identity, the simulation clock with its speed, live work, the endpoint being
served, read-only mode."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget

from ...domain.clock import ClockState
from ..paths_shown import home_relative
from ..render import local


def _speed(speed: float) -> str:
    return f"×{speed:g}"


class StatusBar(Widget):
    """One line, repainted (never laid out again) only when what it shows changes; when only characters change
    (the clock ticking), the last line drawn takes the new ones in the same cells and styles."""

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
        self._drawn: tuple[Text, int, Strip] | None = None
        """The text last drawn, at which width, and its line: when that line shows the text cell for cell."""

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

    def notify_style_update(self) -> None:
        self._drawn = None
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        text, width = self._text, self.size.width
        if y != 0:
            return super().render_line(y)
        drawn = self._drawn
        if drawn is not None and drawn[1] == width and _same_runs(drawn[0], text):
            strip = _with_characters(drawn[2], text.plain)
        else:
            strip = super().render_line(y)
        self._drawn = (text, width, strip) if _cell_for_cell(strip, text.plain) else None
        return strip

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


def _cell_for_cell(strip: Strip, plain: str) -> bool:
    """Whether the line's first cells show `plain`, one character a cell (nothing cut short, nothing wide)."""
    return cell_len(plain) == len(plain) and "".join(segment.text for segment in strip)[: len(plain)] == plain


def _same_runs(before: Text, after: Text) -> bool:
    """Whether two texts differ only in their characters: same length and same styles over the same cells."""
    plain = after.plain
    return len(before.plain) == len(plain) and before.spans == after.spans and cell_len(plain) == len(plain)


def _with_characters(strip: Strip, plain: str) -> Strip:
    """The line with its first cells showing `plain` instead, in the same styles."""
    segments, start = [], 0
    for segment in strip:
        end = start + len(segment.text)
        if start < len(plain):
            segment = Segment(plain[start:end] + segment.text[len(plain) - start :], segment.style, segment.control)
        segments.append(segment)
        start = end
    return Strip(segments, strip.cell_length)
