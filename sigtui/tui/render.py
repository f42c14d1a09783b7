"""Small pure helpers shared by the widgets: local dates with hints, smooth progress, bar segments."""

from __future__ import annotations

from datetime import datetime

from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from ..domain.dates import relative_hint
from ..domain.models import AggregatedState, ImageVersion, ReplicationJob, ReplicationState
from ..domain.replication import aggregate, provisioning_state, region_status

EIGHTHS = " ▏▎▍▌▋▊▉"


def local(value: datetime | None, seconds: bool = False) -> str:
    """A date in the local time zone, e.g. `2026-03-01 12:00`."""
    if value is None:
        return "—"
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def local_with_hint(value: datetime | None, now: datetime) -> str:
    """`2026-06-01 12:00 (in 3 months)`; an em dash when unset."""
    if value is None:
        return "—"
    return f"{local(value)} ({relative_hint(value, now)})"


def progress(job: ReplicationJob | None, now: datetime) -> float:
    """Fraction done in [0, 1], continuous in time so bars move smoothly; a failed job stops where it failed."""
    if job is None:
        return 0.0
    status = region_status("", job, now)
    if status.state is ReplicationState.COMPLETED:
        return 1.0
    if status.state is ReplicationState.FAILED:
        return float(job.fail_at or 0.0)
    if status.state is ReplicationState.UNKNOWN or job.duration_s <= 0:
        return 0.0
    return min(1.0, (now - job.started_at).total_seconds() / job.duration_s)


def version_state(version: ImageVersion, now: datetime) -> tuple[AggregatedState, str, float]:
    """Aggregated replication state, provisioning state and the mean progress of all regions."""
    statuses = [region_status(t.name, t.job, now) for t in version.target_regions]
    aggregated = aggregate(statuses)
    fractions = [progress(t.job, now) for t in version.target_regions]
    mean = sum(fractions) / len(fractions) if fractions else 0.0
    return aggregated, provisioning_state(aggregated, version.operation, version.deleting), mean


def bar_segments(fraction: float, width: int, fill: Style, track: Style) -> list[Segment]:
    """A bar `width` cells wide drawn with eighth blocks over a track colour."""
    if width <= 0:
        return []
    eighths = round(max(0.0, min(1.0, fraction)) * width * 8)
    full, part = divmod(eighths, 8)
    segments = [Segment("█" * full, fill)] if full else []
    if full < width:
        cell_style = track + Style(color=fill.color) if part else track
        segments.append(Segment(EIGHTHS[part] if part else " ", cell_style))
        rest = width - full - 1
        if rest:
            segments.append(Segment(" " * rest, track))
    return segments


def bar_text(fraction: float, width: int, fill: Style, track: Style) -> Text:
    text = Text()
    for segment in bar_segments(fraction, width, fill, track):
        text.append(segment.text, segment.style)
    return text


def percent(fraction: float) -> str:
    return f"{int(fraction * 100):>3d}%"


def author(entry: dict) -> str:
    """Who made an activity entry and through which face: `admin · cli` (the name before any `@`)."""
    who = entry["caller"].split("@")[0]
    return f"{who} · {entry['face']}" if entry.get("face") else who
