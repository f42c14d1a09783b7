"""sigtui's benchmark: every figure beside a floor measured in the same run, with its target.

Run from a checkout: `python bench/run.py [--quick] [--json PATH]`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import dbs  # noqa: E402

PYTHON = sys.executable
PROBES = ROOT / "bench" / "probes"


@dataclass
class Figure:
    """One measured figure: samples, the floor samples it is compared with, and its target."""

    name: str
    unit: str
    target: float
    kind: str
    samples: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def floor_median(self) -> float | None:
        return statistics.median(self.floor) if self.floor else None

    @property
    def ratio(self) -> float | None:
        floor = self.floor_median
        return self.median / floor if floor else None

    @property
    def target_text(self) -> str:
        if self.kind == "ticks":
            return "–"
        return f"≤ {self.target:g}" + (" × floor" if self.kind == "ratio" else f" {self.unit}")

    @property
    def met(self) -> bool | None:
        if self.kind == "ticks":
            return None
        value = self.ratio if self.kind == "ratio" else self.median
        return value is not None and value <= self.target

    def to_json(self) -> dict:
        return {
            "median": round(self.median, 4),
            "min": round(min(self.samples), 4),
            "max": round(max(self.samples), 4),
            "unit": self.unit,
            "floor": round(self.floor_median, 4) if self.floor_median is not None else None,
            "ratio": round(self.ratio, 3) if self.ratio is not None else None,
            "target": self.target_text,
            "met": self.met,
        }


def run(command: list[str], env: dict | None = None) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds (user + system), peak RSS in MB and stdout of a child process."""
    with tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        child = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=err, text=True, env={**os.environ, **(env or {})}, cwd=ROOT
        )
        out = child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            err.seek(0)
            raise RuntimeError(f"{' '.join(command)} failed:\n{err.read()[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out


def metrics(out: str) -> dict:
    """The `METRICS {json}` line a probe prints."""
    for line in out.splitlines():
        if line.startswith("METRICS "):
            return json.loads(line[len("METRICS ") :])
    raise RuntimeError(f"probe printed no METRICS line:\n{out[-1000:]}")


def probe(script: str, *args: str) -> dict:
    return metrics(run([PYTHON, str(PROBES / script), *map(str, args)])[3])


def sigtui(*args: str) -> list[str]:
    return [PYTHON, "-m", "sigtui", *args]


def build_figure(reps: int) -> Figure:
    figure = Figure("build the 10,000-version demo (demo --scale azure-limits)", "s", 3.0, "max")
    for _ in range(reps):
        with tempfile.TemporaryDirectory() as folder:
            figure.samples.append(run(sigtui("demo", "--db", f"{folder}/x.db", "--scale", "azure-limits"))[0])
        figure.floor.append(run([PYTHON, str(PROBES / "headless.py"), "raw-build"])[0])
    return figure


def headless_figures(db: Path, reps: int) -> list[Figure]:
    listing = Figure("headless `sig list` (100 galleries), whole process", "s", 1.2, "ratio")
    showing = Figure("headless `sig image-version show`, whole process", "s", 1.2, "ratio")
    gallery = ["--subscription", "Contoso Scale", "-g", "rg-scale"]
    for _ in range(reps):
        listing.samples.append(run(sigtui("--db", str(db), "sig", "list", *gallery))[0])
        showing.samples.append(
            run(
                sigtui(
                    "--db",
                    str(db),
                    "sig",
                    "image-version",
                    "show",
                    *gallery,
                    "-r",
                    "scaleGallery042",
                    "-i",
                    "app-03",
                    "-e",
                    "1.4.0",
                )
            )[0]
        )
        floor = run([PYTHON, "-c", "import sqlmodel"])[0]
        listing.floor.append(floor)
        showing.floor.append(floor)
    return [listing, showing]


def latest_figures(latest_db: Path, db: Path, reps: int) -> list[Figure]:
    figures = []
    for label, path, mode, target in (
        ("9 versions", latest_db, "9", 1.0),
        ("1,000 versions", latest_db, "1000", 1.0),
        ("all 1,000 definitions", db, "all", 50.0),
    ):
        name = f"`latest` for one definition ({label})" if mode != "all" else f"`latest` for {label}"
        figure = Figure(name, "ms", target, "max")
        for _ in range(reps):
            result = probe("latest.py", path, mode, 30)
            figure.samples.append(result["value"])
            figure.floor.append(result["floor"])
        figures.append(figure)
    return figures


def tui_figures(db: Path, live_db: Path, reps: int) -> list[Figure]:
    """Figures that need the workbench: first paint, expand, filter, live and idle CPU, memory."""
    paint = Figure("cold start of `sigtui` to first paint (10,000 versions)", "s", 1.3, "ratio")
    expand = Figure("expand a gallery then a definition, key to paint", "ms", 100.0, "max")
    filtering = Figure("filter across 10,000 versions (`app-07`: 100 definitions), key to paint", "ms", 150.0, "max")
    broad = Figure("filter matching 1,000 versions (`1.9.0`), key to paint", "ms", 150.0, "max")
    memory = Figure("peak memory with 10,000 versions open (expanded, filtered)", "MB", 150.0, "max")
    for _ in range(reps):
        paint.samples.append(run([PYTHON, str(PROBES / "tui.py"), "paint", str(db)])[0])
        bare_wall, _, _, out = run([PYTHON, str(PROBES / "tui.py"), "bare"])
        paint.floor.append(bare_wall)
        memory.floor.append(metrics(out)["peak_mb"])
        result = probe("tui.py", "interact", db, "app-07")
        memory.samples.append(result["peak_mb"])
        expand.samples.append(result["expand_ms"])
        expand.floor.append(result["expand_floor_ms"])
        filtering.samples.append(result["filter_ms"])
        filtering.floor.append(result["filter_floor_ms"])
        result = probe("tui.py", "interact", db, "1.9.0")
        broad.samples.append(result["filter_ms"])
        broad.floor.append(result["filter_floor_ms"])
    live = Figure("200 regions replicating, bars at ≥ 10 Hz (CPU, % of one core)", "%", 15.0, "max")
    idle = Figure("nothing replicating, app idle (CPU, % of one core)", "%", 1.0, "max")
    ticks = Figure("ticks delivered per second while 200 regions replicate", "Hz", 0.0, "ticks")
    for _ in range(max(2, reps // 2)):
        result = probe("tui.py", "cpu", db, live_db)
        live.samples.append(result["live_pct"])
        live.floor.append(result["bare_idle_pct"])
        ticks.samples.append(result["live_hz"])
        idle.samples.append(result["idle_pct"])
        idle.floor.append(result["bare_idle_pct"])
    return [paint, expand, filtering, broad, live, ticks, idle, memory]


def serve_figures(db: Path, reps: int, requests: int = 200) -> list[Figure]:
    """The endpoint over HTTPS beside the same REST handler in-process (bench/probes/serve.py), and the memory
    of a server holding the 10,000-version catalog beside one holding an empty database."""
    figures = {
        (method, stat): Figure(f"`{method.upper()} version` over HTTPS, {label}", unit, target, kind)
        for method, targets in (("get", (25.0, 60.0)), ("put", (80.0, 200.0)))
        for stat, label, unit, target, kind in (
            ("rps", "requests per second (floor: in-process)", "/s", 0.0, "ticks"),
            ("p50", "p50 latency", "ms", targets[0], "max"),
            ("p99", "p99 latency", "ms", targets[1], "max"),
        )
    }
    memory = Figure("`sigtui serve` memory holding 10,000 versions (floor: empty database)", "MB", 150.0, "max")
    for _ in range(reps):
        result = probe("serve.py", db, requests)
        for (method, stat), figure in figures.items():
            figure.samples.append(result["https"][method][stat])
            figure.floor.append(result["in_process"][method][stat])
        memory.samples.append(result["rss_mb"])
        memory.floor.append(probe("serve.py", "empty")["rss_mb"])
    return [*figures.values(), memory]


def growth(folder: Path, sizes: list[int], reps: int) -> dict[str, dict[int, float]]:
    """How start-up, expand and `latest` change from 1,000 to 100,000 versions."""
    table: dict[str, dict[int, float]] = {
        "start-up to first paint (s)": {},
        "expand, key to paint (ms)": {},
        "latest for all definitions (ms)": {},
    }
    for size in sizes:
        db = dbs.build(folder, size)
        walls, expands = [], []
        for _ in range(reps):
            walls.append(run([PYTHON, str(PROBES / "tui.py"), "paint", str(db)])[0])
            expands.append(probe("tui.py", "interact", db, "app-07")["expand_ms"])
        table["start-up to first paint (s)"][size] = statistics.median(walls)
        table["expand, key to paint (ms)"][size] = statistics.median(expands)
        table["latest for all definitions (ms)"][size] = probe("latest.py", db, "all", 10)["value"]
    return table


def report(figures: list[Figure], table: dict[str, dict[int, float]]) -> None:
    print(f"\n{'figure':<66} {'median':>9} {'range':>19} {'floor':>9} {'ratio':>7}  {'target':<16} met")
    for f in figures:
        floor = f"{f.floor_median:.3g}" if f.floor_median is not None else "–"
        ratio = f"{f.ratio:.2f}" if f.ratio is not None else "–"
        met = {None: "–", True: "yes", False: "NO"}[f.met]
        span = f"[{min(f.samples):.3g}..{max(f.samples):.3g}]"
        print(f"{f.name:<66} {f.median:>7.3g} {f.unit:<2}{span:>19} {floor:>9} {ratio:>7}  {f.target_text:<16} {met}")
    if table:
        sizes = sorted({size for row in table.values() for size in row})
        print(f"\n{'growth':<36}" + "".join(f"{size:>12,}" for size in sizes))
        for name, row in table.items():
            print(f"{name:<36}" + "".join(f"{row[size]:>12.3g}" for size in sizes))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="only the 10,000-version size, fewer repetitions")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    parser.add_argument("--keep", type=Path, help="keep the benchmark databases in this folder")
    args = parser.parse_args()
    reps = 3 if args.quick else 7
    folder = args.keep or Path(tempfile.mkdtemp(prefix="sigtui-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"databases in {folder}; {reps} repetitions")
    db = dbs.build(folder, 10_000)
    latest_db = dbs.build_latest(folder)
    live_db = dbs.build_live(folder)
    figures = [
        build_figure(reps),
        *tui_figures(db, live_db, reps),
        *latest_figures(latest_db, db, reps),
        *headless_figures(db, reps),
        *serve_figures(db, reps),
    ]
    table = {} if args.quick else growth(folder, [1_000, 10_000, 100_000], 3)
    report(figures, table)
    if args.json:
        body = {f.name: f.to_json() for f in figures}
        if table:
            body["growth"] = {name: {str(k): round(v, 4) for k, v in row.items()} for name, row in table.items()}
        args.json.write_text(json.dumps(body, indent=2, ensure_ascii=False))
        print(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()
