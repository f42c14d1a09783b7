"""Small pure helpers shared by the widgets: local dates with hints, smooth progress, bar segments."""

from __future__ import annotations

from datetime import datetime

from rich.segment import Segment
from rich.style import Style

from ..domain.dates import relative_hint
from ..domain.models import AggregatedState, ImageVersion, ReplicationJob
from ..domain.replication import RegionStatus, aggregate, elapsed_fraction, provisioning_state, region_status

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


class JobStates:
    """Each replication job's state and progress at one moment, worked out once however many lines draw it.
    Moving to another moment forgets the last one; the objects held meanwhile keep their ids unique. Used on the
    UI's thread only."""

    def __init__(self) -> None:
        self._now: datetime | None = None
        self._statuses: dict[int, tuple[ReplicationJob | None, RegionStatus]] = {}
        self._fractions: dict[int, tuple[ReplicationJob | None, float]] = {}
        self._means: dict[int, tuple[ImageVersion, float]] = {}

    def _at(self, now: datetime) -> None:
        if now != self._now:
            self._now = now
            self._statuses, self._fractions, self._means = {}, {}, {}

    def status(self, job: ReplicationJob | None, now: datetime) -> RegionStatus:
        self._at(now)
        known = self._statuses.get(id(job))
        if known is None:
            known = self._statuses[id(job)] = (job, region_status("", job, now))
        return known[1]

    def fraction(self, job: ReplicationJob | None, now: datetime) -> float:
        self._at(now)
        known = self._fractions.get(id(job))
        if known is None:
            known = self._fractions[id(job)] = (job, _fraction(job, now))
        return known[1]

    def mean(self, version: ImageVersion, now: datetime) -> float:
        """The mean progress of a version's regions."""
        self._at(now)
        known = self._means.get(id(version))
        if known is None:
            fractions = [_fraction(t.job, now) for t in version.target_regions]
            known = self._means[id(version)] = (version, sum(fractions) / len(fractions) if fractions else 0.0)
        return known[1]


JOBS = JobStates()


def _fraction(job: ReplicationJob | None, now: datetime) -> float:
    fraction = None if job is None else elapsed_fraction(job, now)
    if fraction is None:
        return 0.0
    if job.fail_at is not None and fraction >= job.fail_at:
        return float(job.fail_at)
    return fraction


def progress(job: ReplicationJob | None, now: datetime) -> float:
    """Fraction done in [0, 1], continuous in time so bars move smoothly; a failed job stops where it failed."""
    return JOBS.fraction(job, now)


def version_state(version: ImageVersion, now: datetime) -> tuple[AggregatedState, str, float]:
    """Aggregated replication state, provisioning state and the mean progress of all regions."""
    aggregated = aggregate(JOBS.status(t.job, now) for t in version.target_regions)
    return aggregated, provisioning_state(aggregated, version.operation, version.deleting), mean_progress(version, now)


def mean_progress(version: ImageVersion, now: datetime) -> float:
    """The mean progress of a version's regions."""
    return JOBS.mean(version, now)


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


def percent(fraction: float) -> str:
    return f"{int(fraction * 100):>3d}%"


def author(entry: dict) -> str:
    """Who made an activity entry and through which face: `admin · cli` (the name before any `@`)."""
    who = entry["caller"].split("@")[0]
    return f"{who} · {entry['face']}" if entry.get("face") else who
