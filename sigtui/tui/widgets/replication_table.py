"""Replication rows with live bars, drawn by one Line-API widget: cheap at 10 Hz however many regions there are."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...domain.models import AggregatedState, ReplicationJob, ReplicationState
from ...domain.replication import aggregate
from ..render import JOBS, bar_segments, percent, progress

HEADER_LINES = 2
STATE_STYLE = {
    "Completed": "ok",
    "Succeeded": "ok",
    "Replicating": "running",
    "InProgress": "running",
    "Creating": "running",
    "Updating": "running",
    "Failed": "failed",
    "Unknown": "dim",
    "Queued": "dim",
}


@dataclass(frozen=True, slots=True)
class ReplicationRow:
    """One region of a version (one job), or one version of a definition (all its regional jobs)."""

    label: str
    storage: str
    replicas: str
    jobs: tuple[ReplicationJob | None, ...]

    def state(self, now: datetime) -> str:
        statuses = [JOBS.status(job, now) for job in self.jobs]
        if len(statuses) == 1:
            state = statuses[0].state
            return "Queued" if state is ReplicationState.UNKNOWN and self.jobs[0] else state.value
        return aggregate(statuses).value

    def fraction(self, now: datetime) -> float:
        if not self.jobs:
            return 0.0
        return sum(progress(job, now) for job in self.jobs) / len(self.jobs)

    def detail(self, now: datetime) -> str:
        failed = [JOBS.status(job, now) for job in self.jobs]
        return next((s.details for s in failed if s.state is ReplicationState.FAILED and s.details), "")


class ReplicationTable(ScrollView, can_focus=True):
    """Region, storage, replicas, state and a progress bar per row; failure details under failed rows."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "replication-table--header",
        "replication-table--summary",
        "replication-table--dim",
        "replication-table--ok",
        "replication-table--running",
        "replication-table--failed",
        "replication-table--track",
        "replication-table--cursor",
    }

    DEFAULT_CSS = """
    ReplicationTable { height: 1fr; overflow-x: hidden; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.now = datetime.now(UTC)
        self.first_column = "Region"
        self.summary = ""
        self.empty = "Select an image version to see its replication."
        self.rows: list[ReplicationRow] = []
        self._lines: list[tuple[int, bool]] = []
        self._styles: dict[str, Style] = {}
        self._last_drawn: tuple = ()

    def show(self, rows: list[ReplicationRow], first_column: str, summary: str = "", empty: str = "") -> None:
        self.rows = rows
        self.first_column = first_column
        self.summary = summary
        if empty:
            self.empty = empty
        self._layout_lines()

    def _layout_lines(self) -> None:
        lines: list[tuple[int, bool]] = []
        for index, row in enumerate(self.rows):
            lines.append((index, False))
            if row.detail(self.now):
                lines.append((index, True))
        self._lines = lines
        self._last_drawn = ()
        self.virtual_size = Size(self.size.width, HEADER_LINES + len(lines))
        self.refresh()

    def aggregated(self) -> AggregatedState:
        return aggregate(JOBS.status(j, self.now) for r in self.rows for j in r.jobs)

    def tick(self, now: datetime) -> None:
        """Move the clock on; redraw only the rows whose state, bar eighth or percent would change."""
        self.now = now
        if len(self._lines) != len(self.rows) + sum(1 for r in self.rows if r.detail(now)):
            self._layout_lines()
            return
        drawn, last = self._drawn(now), self._last_drawn
        self._last_drawn = drawn
        if len(drawn) != len(last):
            self.refresh()
            return
        for position, (row_index, is_detail) in enumerate(self._lines):
            if not is_detail and drawn[row_index] != last[row_index]:
                self.refresh_line(HEADER_LINES + position)

    def _drawn(self, now: datetime) -> tuple:
        cells = self._columns(self.size.width)[4]
        drawn = []
        for row in self.rows:
            fraction = row.fraction(now)
            drawn.append((row.state(now), round(fraction * cells * 8), percent(fraction)))
        return tuple(drawn)

    def notify_style_update(self) -> None:
        self._styles.clear()
        super().notify_style_update()

    def _style(self, name: str) -> Style:
        """Component styles, looked up once per theme (the lookup walks the DOM)."""
        if name not in self._styles:
            self._styles[name] = self.get_component_rich_style(f"replication-table--{name}")
        return self._styles[name]

    def _base(self) -> Style:
        """The widget's own style, looked up once per theme like the component styles."""
        if "" not in self._styles:
            self._styles[""] = self.rich_style
        return self._styles[""]

    def _columns(self, width: int) -> tuple[int, int, int, int, int]:
        """Widths of label, storage, replicas, state and bar; storage, then replicas, go when space is short."""
        label = min(22, max([len(self.first_column)] + [len(r.label) for r in self.rows]) + 2)
        storage = 14 if width >= label + 14 + 10 + 13 + 5 + 8 else 0
        replicas = 10 if width >= label + storage + 10 + 13 + 5 + 8 else 0
        return label, storage, replicas, 13, max(6, width - label - storage - replicas - 13 - 5)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if not self.rows:
            text = self.empty if y == 0 else ""
            return self._text_line(text, width, self._style("dim"))
        if y == 0:
            return self._text_line(self.summary, width, self._style("summary"))
        if y == 1:
            return self._header(width)
        index = y - HEADER_LINES + self.scroll_offset.y
        if index >= len(self._lines):
            return Strip.blank(width, self._base())
        row_index, is_detail = self._lines[index]
        row = self.rows[row_index]
        if is_detail:
            label_width = self._columns(width)[0]
            return self._text_line(" " * label_width + "↳ " + row.detail(self.now), width, self._style("failed"))
        return self._row(row, width)

    def _text_line(self, text: str, width: int, style: Style) -> Strip:
        return Strip([Segment(text[:width].ljust(width), self._base() + style)], width)

    def _header(self, width: int) -> Strip:
        label, storage, replicas, state, _ = self._columns(width)
        parts = [self.first_column.ljust(label)]
        if storage:
            parts.append("Storage".ljust(storage))
        if replicas:
            parts.append("Replicas".ljust(replicas))
        parts += ["State".ljust(state), "Progress"]
        return self._text_line("".join(parts), width, self._style("header"))

    def _row(self, row: ReplicationRow, width: int) -> Strip:
        label, storage, replicas, state_width, bar = self._columns(width)
        base = self._base()
        state = row.state(self.now)
        color = self._style(STATE_STYLE.get(state, "dim"))
        segments = [Segment(row.label[: label - 1].ljust(label), base)]
        if storage:
            segments.append(Segment(row.storage[: storage - 1].ljust(storage), base))
        if replicas:
            segments.append(Segment(row.replicas[: replicas - 1].ljust(replicas), base))
        segments.append(Segment(state.ljust(state_width), base + color))
        fraction = row.fraction(self.now)
        segments += bar_segments(fraction, bar, base + color, base + self._style("track"))
        segments.append(Segment(" " + percent(fraction), base + color))
        return Strip(segments).adjust_cell_length(width, base)
