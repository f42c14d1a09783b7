"""A benchmark figure beside the floor measured in the same run, its ratio and its target; the printed tables."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field


@dataclass
class Figure:
    """One measured figure: its samples, the floor samples it is divided by, and its targets.

    `ratio_target` bounds figure ÷ floor (from above, or from below when `at_least`); `limit` optionally bounds the
    figure itself in its unit as well. `floor_name` says what the floor is.
    """

    name: str
    unit: str
    floor_name: str
    ratio_target: float | None = None
    limit: float | None = None
    at_least: bool = False
    samples: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)

    def add(self, sample: float, floor: float) -> None:
        self.samples.append(sample)
        self.floor.append(floor)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def floor_median(self) -> float:
        return statistics.median(self.floor)

    @property
    def ratio(self) -> float | None:
        return self.median / self.floor_median if self.floor_median else None

    @property
    def target_text(self) -> str:
        sign = "≥" if self.at_least else "≤"
        parts = [f"{sign} {self.ratio_target:g}×"] if self.ratio_target is not None else []
        if self.limit is not None:
            parts.append(f"{sign} {self.limit:g} {self.unit}")
        return ", ".join(parts) or "–"

    @property
    def met(self) -> bool | None:
        """Whether every target holds; None for a figure shown only beside another floor."""
        if self.ratio_target is None and self.limit is None:
            return None
        ratio, median = self.ratio, self.median
        checks = []
        if self.ratio_target is not None:
            checks.append(
                ratio is not None and (ratio >= self.ratio_target if self.at_least else ratio <= self.ratio_target)
            )
        if self.limit is not None:
            checks.append(median >= self.limit if self.at_least else median <= self.limit)
        return all(checks)

    def to_json(self) -> dict:
        return {
            "median": round(self.median, 4),
            "min": round(min(self.samples), 4),
            "max": round(max(self.samples), 4),
            "unit": self.unit,
            "floor": round(self.floor_median, 4),
            "floor_is": self.floor_name,
            "ratio": round(self.ratio, 3) if self.ratio is not None else None,
            "target": self.target_text,
            "met": self.met,
        }


@dataclass
class Growth:
    """How one figure changes with the catalogue's size; flat means the largest is ≤ `limit` × the smallest
    (no limit: shown only, as a floor beside the figure above it)."""

    name: str
    unit: str
    limit: float | None = 1.3
    by_size: dict[int, float] = field(default_factory=dict)

    @property
    def growth(self) -> float | None:
        sizes = sorted(self.by_size)
        first = self.by_size[sizes[0]] if sizes else 0
        return self.by_size[sizes[-1]] / first if first else None

    @property
    def met(self) -> bool | None:
        if self.limit is None:
            return None
        return self.growth is not None and self.growth <= self.limit

    @property
    def target_text(self) -> str:
        return "–" if self.limit is None else f"≤ {self.limit:g}×"

    def to_json(self) -> dict:
        return {
            "unit": self.unit,
            "by_size": {str(size): round(value, 4) for size, value in self.by_size.items()},
            "growth": round(self.growth, 3) if self.growth is not None else None,
            "target": self.target_text,
            "met": self.met,
        }


MET = {True: "met", False: "MISSED", None: "–"}


def number(value: float | None) -> str:
    """Three significant digits, without an exponent up to a million."""
    if value is None:
        return "–"
    return f"{value:,.0f}" if 1000 <= abs(value) < 1e6 else f"{value:.3g}"


def print_figures(figures: list[Figure]) -> None:
    """One line per figure: median and range, the floor and what it is, the ratio, the target and met/missed."""
    width = max(len(f.name) for f in figures)
    print(f"\n{'figure':<{width}} {'median':>10} {'range':>17} {'floor':>9} {'ratio':>7}  {'target':<20} met")
    for f in figures:
        span = f"[{number(min(f.samples))}..{number(max(f.samples))}]"
        print(
            f"{f.name:<{width}} {number(f.median):>7} {f.unit:<2}{span:>17} {number(f.floor_median):>9} "
            f"{number(f.ratio):>7}  {f.target_text:<20} {MET[f.met]}"
        )
    print("\nfloors:")
    for f in figures:
        print(f"  {f.name}: {f.floor_name} ({number(f.floor_median)} {f.unit})")


def print_growth(rows: list[Growth]) -> None:
    """The growth table: each figure at every size, and largest ÷ smallest against its target."""
    if not rows:
        return
    sizes = sorted({size for row in rows for size in row.by_size})
    width = max(len(f"{row.name} ({row.unit})") for row in rows)
    head = "".join(f"{size:>11,}" for size in sizes)
    print(f"\n{'growth':<{width}}{head} {'growth':>8}  {'target':<7} met")
    for row in rows:
        cells = "".join(f"{number(row.by_size.get(size)):>11}" for size in sizes)
        label = f"{row.name} ({row.unit})"
        print(f"{label:<{width}}{cells} {number(row.growth):>8}  {row.target_text:<7} {MET[row.met]}")
