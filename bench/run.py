"""sigtui's benchmark: every figure as a ratio to a floor measured in the same run, doing the same work by the most
direct means, so that a figure means the same on any machine.

Run from a checkout: `python bench/run.py [--quick | --tiny] [--json PATH]`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import dbs  # noqa: E402
from figures import Figure, Growth, print_figures, print_growth  # noqa: E402

PYTHON = sys.executable
PROBES = ROOT / "bench" / "probes"
SCALE = ["--subscription", "Contoso Scale", "-g", "rg-scale"]
VERSION = [*SCALE, "-r", "scaleGallery000", "-i", "app-03", "-e", "1.4.0"]
BARE_APP = "a bare Textual app to first paint"
SQLMODEL = "`python -c 'import sqlmodel'`"
GROWTH_FILTER = "scaleGallery000"
"""The growth table's filter: one gallery at every size (the 100,000-version catalogue's nine other subscriptions
name theirs `copyGallery…`), so each size paints the same nodes (`app-07` matches one definition per gallery: ten
times more at each size)."""


@dataclass(frozen=True)
class Mode:
    """How much to measure: the main catalogue's size, repetitions, the CPU window and the growth sizes."""

    size: int
    reps: int
    window: float
    growth: tuple[int, ...]
    growth_reps: int
    build: bool = True


MODES = {
    "full": Mode(10_000, 7, 5.0, (1_000, 10_000, 100_000), 5),
    "quick": Mode(10_000, 3, 5.0, (), 0),
    "tiny": Mode(100, 1, 0.3, (100, 200), 1, build=False),
}


def run(command: list[str], env: dict | None = None, check: bool = True) -> tuple[float, str]:
    """Wall seconds and stdout of a child process (a failure raises unless `check` is off)."""
    started = time.perf_counter()
    child = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **(env or {})}, cwd=ROOT)
    wall = time.perf_counter() - started
    if check and child.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{child.stderr[-2000:]}")
    return wall, child.stdout


def metrics(out: str) -> dict:
    """The `METRICS {json}` line a probe prints."""
    for line in out.splitlines():
        if line.startswith("METRICS "):
            return json.loads(line[len("METRICS ") :])
    raise RuntimeError(f"probe printed no METRICS line:\n{out[-1000:]}")


def probe(script: str, *args, env: dict | None = None) -> dict:
    return metrics(run([PYTHON, str(PROBES / script), *map(str, args)], env)[1])


def sigtui(*args: str) -> list[str]:
    return [PYTHON, "-m", "sigtui", *args]


def compile_bytecode() -> None:
    """Write sigtui's bytecode as `pip install` does, so a checkout (or PYTHONDONTWRITEBYTECODE) does not make
    every process compile sigtui from source while the floors load their libraries' compiled files."""
    run([PYTHON, "-m", "compileall", "-q", str(ROOT / "sigtui")], env={"PYTHONDONTWRITEBYTECODE": ""})


def build_figure(reps: int) -> Figure:
    figure = Figure(
        "build the 10,000-version demo (demo --scale azure-limits)", "s", "raw sqlite3 bulk insert of the same rows", 10
    )
    for _ in range(reps):
        with tempfile.TemporaryDirectory() as folder:
            sample = run(sigtui("demo", "--db", f"{folder}/x.db", "--scale", "azure-limits"))[0]
        figure.add(sample, run([PYTHON, str(PROBES / "headless.py"), "raw-build"])[0])
    return figure


def headless_figures(db: Path, writes_db: Path, reps: int) -> list[Figure]:
    """Whole processes: reads ≤ 0.3× and writes ≤ 0.8× `import sqlmodel`, each also beside `python -c pass`."""
    commands = {
        "headless `sig list`, whole process": (0.3, ["--db", str(db), "sig", "list", *SCALE]),
        "headless `sig image-version show`, whole process": (
            0.3,
            ["--db", str(db), "sig", "image-version", "show", *VERSION],
        ),
        "headless write `group create`, whole process": (
            0.8,
            ["--db", str(writes_db), "group", "create", "-n", "rg-more", "-l", "westus", "-o", "none"],
        ),
        "headless write `sig image-version create`, whole process": (0.8, None),
    }
    figures = {name: Figure(name, "s", SQLMODEL, target) for name, (target, _) in commands.items()}
    interpreter = Figure("`python -c pass` (the interpreter alone)", "s", SQLMODEL)
    for rep in range(reps):
        floor = run([PYTHON, "-c", "import sqlmodel"])[0]
        for name, (_, args) in commands.items():
            figures[name].add(run(sigtui(*(args or version_create(writes_db, rep))))[0], floor)
        interpreter.add(run([PYTHON, "-c", "pass"])[0], floor)
    return [*figures.values(), interpreter]


def version_create(db: Path, rep: int, prefix: str = "9.0") -> list[str]:
    return [
        "--db",
        str(db),
        "sig",
        "image-version",
        "create",
        "-g",
        "rg-writes",
        "-r",
        "WriteGallery",
        "-i",
        "app",
        "-e",
        f"{prefix}.{rep}",
        "-l",
        "westus",
        "--managed-image",
        "img-writes",
        "-o",
        "none",
    ]


def az_figures(az: str, db: Path, writes_db: Path, reps: int) -> list[Figure]:
    """sigtui beside the Azure CLI doing the same command up to where az needs a login (a peer ratio)."""
    show = Figure("`sig image-version show` beside az's (peer)", "s", "`az sig image-version show` until login", 0.3)
    create = Figure(
        "`sig image-version create` beside az's (peer)", "s", "`az sig image-version create` until login", 0.5
    )
    with tempfile.TemporaryDirectory() as config:
        env = {"AZURE_CONFIG_DIR": config, "AZURE_CORE_COLLECT_TELEMETRY": "no"}
        run([az, "version"], env, check=False)
        for rep in range(reps):
            az_show = run([az, "sig", "image-version", "show", *VERSION], env, check=False)[0]
            show.add(run(sigtui("--db", str(db), "sig", "image-version", "show", *VERSION))[0], az_show)
            args = version_create(writes_db, rep, "8.0")
            az_create = run([az, *args[2:]], env, check=False)[0]
            create.add(run(sigtui(*args))[0], az_create)
    return [show, create]


def find_az() -> str | None:
    """An Azure CLI to compare with: $SIGTUI_BENCH_AZ, else `az` on PATH."""
    return os.environ.get("SIGTUI_BENCH_AZ") or shutil.which("az")


def latest_figures(latest_db: Path, db: Path, reps: int) -> list[Figure]:
    floor = "raw sqlite3: the definition by names, then its latest"
    figures = [
        (Figure("`latest` for one definition (9 versions)", "ms", floor, 30), latest_db, "9"),
        (Figure("`latest` for one definition (1,000 versions)", "ms", floor, 30), latest_db, "1000"),
        (Figure("`latest` for every definition at once", "ms", "the same window query on raw sqlite3", 1.2), db, "all"),
    ]
    for figure, path, mode in figures:
        for _ in range(reps):
            result = probe("latest.py", path, mode, 30)
            figure.add(result["value"], result["floor"])
    return [figure for figure, _, _ in figures]


def tui_figures(db: Path, live_db: Path, mode: Mode) -> list[Figure]:
    """The workbench: first paint, expand, both filters, live bars and ticks, idle CPU and memory."""
    size = f"{mode.size:,} versions"
    paint = Figure(f"cold start of `sigtui` to first paint ({size})", "s", BARE_APP, 1.3)
    expand = Figure("expand a gallery then a definition, key to paint", "ms", "a bare Tree adding the same nodes", 3)
    both, sql = "the filter's SQL, then a bare Tree showing the same nodes", "the filter's SQL alone"
    filtering = Figure("selective filter `app-07` (one definition a gallery), key to paint", "ms", both, 10, 150)
    broad = Figure("broad filter `1.9.0` (one version a definition), key to paint", "ms", both, 10, 150)
    trees = [Figure(f"… the same filter `{text}`, key to paint", "ms", sql) for text in ("app-07", "1.9.0")]
    memory = Figure(f"peak memory with {size} open (expanded, filtered)", "MB", BARE_APP, None, 150)
    for _ in range(mode.reps):
        started = run([PYTHON, str(PROBES / "tui.py"), "paint", str(db)])[0]
        bare_wall, out = run([PYTHON, str(PROBES / "tui.py"), "bare"])
        paint.add(started, bare_wall)
        result = probe("tui.py", "interact", db, "app-07")
        memory.add(result["peak_mb"], metrics(out)["peak_mb"])
        expand.add(result["expand_ms"], result["expand_floor_ms"])
        for figure, sql_floor, found in ((filtering, trees[0], result), (broad, trees[1], None)):
            found = found or probe("tui.py", "interact", db, "1.9.0")
            figure.add(found["filter_ms"], found["filter_floor_ms"] + found["filter_tree_floor_ms"])
            sql_floor.add(found["filter_ms"], found["filter_floor_ms"])
    return [paint, expand, filtering, trees[0], broad, trees[1], *cpu_figures(db, live_db, mode), memory]


def serve_figures(db: Path, mode: Mode) -> list[Figure]:
    """The endpoint over HTTPS beside the same REST handler called in-process (bench/probes/serve.py), and the
    memory of a server holding the catalogue beside one holding an empty database."""
    in_process = "the same REST handler called in-process"
    figures = {
        (method, stat): Figure(f"`{method.upper()} version` over HTTPS, {label}", unit, in_process, None, limit,
                               at_least=stat == "rps")
        for method, limits in (("get", (100.0, 25.0, 60.0)), ("put", (10.0, 80.0, 200.0)))
        for stat, label, unit, limit in zip(("rps", "p50", "p99"), ("requests per second", "p50", "p99"),
                                            ("/s", "ms", "ms"), limits, strict=True)
    }
    memory = Figure(f"`sigtui serve` memory holding {mode.size:,} versions", "MB", "`sigtui serve` on an empty "
                    "database", 1.5, 150)
    requests = 200 if mode.size >= 10_000 else 20
    for _ in range(mode.reps):
        result = probe("serve.py", db, requests)
        for (method, stat), figure in figures.items():
            figure.add(result["https"][method][stat], result["in_process"][method][stat])
        memory.add(result["rss_mb"], probe("serve.py", "empty")["rss_mb"])
    return [*figures.values(), memory]


def cpu_figures(db: Path, live_db: Path, mode: Mode) -> list[Figure]:
    line_api = "a bare Line-API widget repainting 200 lines at 10 Hz"
    live = Figure("200 regions replicating, live bars (CPU, % of one core)", "%", line_api, 1.5)
    ticks = Figure("clock ticks per second while 200 regions replicate", "Hz", line_api, 0.98, 9.8, at_least=True)
    idle = Figure("nothing replicating, app idle (CPU, % of one core)", "%", "a bare Textual app, idle", None, 1)
    for _ in range(max(1, mode.reps // 2)):
        result = probe("tui.py", "cpu", db, live_db, env={"SIGTUI_BENCH_WINDOW": str(mode.window)})
        live.add(result["live_pct"], result["bars_floor_pct"])
        ticks.add(result["live_hz"], result["bars_floor_hz"])
        idle.add(result["idle_pct"], result["bare_idle_pct"])
    return [live, ticks, idle]


def growth(folder: Path, mode: Mode) -> tuple[list[Growth], list[Figure]]:
    """Start-up, expand, filter and `latest` for one definition at each size, with the floors of expand and
    filter (shown only); memory at the largest."""
    rows = [
        Growth("start-up to first paint", "s"),
        Growth("expand, key to paint", "ms"),
        Growth("… its floor: a bare Tree adding the same nodes", "ms", None),
        Growth(f"filter `{GROWTH_FILTER}` (one gallery), key to paint", "ms"),
        Growth("… its floor: the filter's SQL, then a bare Tree showing the same nodes", "ms", None),
        Growth("`latest` for one definition", "ms"),
    ]
    largest = max(mode.growth)
    memory = Figure(
        f"peak memory with {largest:,} versions open (expanded, filtered)",
        "MB",
        BARE_APP,
        None,
        300 if largest >= 100_000 else 150,
    )
    for size in mode.growth:
        db = dbs.build(folder, size)
        samples: list[list[float]] = [[] for _ in rows]
        for _ in range(mode.growth_reps):
            samples[0].append(run([PYTHON, str(PROBES / "tui.py"), "paint", str(db)])[0])
            result = probe("tui.py", "interact", db, GROWTH_FILTER)
            floor = result["filter_floor_ms"] + result["filter_tree_floor_ms"]
            timed = (result["expand_ms"], result["expand_floor_ms"], result["filter_ms"], floor)
            for index, value in enumerate(timed, 1):
                samples[index].append(value)
            samples[5].append(probe("latest.py", db, "one", 30)["value"])
            if size == largest:
                memory.add(result["peak_mb"], metrics(run([PYTHON, str(PROBES / "tui.py"), "bare"])[1])["peak_mb"])
        for row, values in zip(rows, samples, strict=True):
            row.by_size[size] = sorted(values)[len(values) // 2]
    return rows, [memory] if largest != mode.size else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="only the 10,000-version size, 3 repetitions")
    size.add_argument("--tiny", action="store_true", help="100 versions, 1 repetition: checks the machinery only")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    parser.add_argument("--no-az", action="store_true", help="skip the peer ratios against an Azure CLI")
    parser.add_argument("--keep", type=Path, help="keep the benchmark databases in this folder")
    args = parser.parse_args()
    mode = MODES["tiny" if args.tiny else "quick" if args.quick else "full"]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="sigtui-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"databases in {folder}; {mode.reps} repetitions", flush=True)
    compile_bytecode()
    db, latest_db, live_db = dbs.build(folder, mode.size), dbs.build_latest(folder), dbs.build_live(folder)
    writes_db = dbs.build_writes(folder)
    az = None if args.no_az else find_az()
    figures = [
        *([build_figure(mode.reps)] if mode.build else []),
        *tui_figures(db, live_db, mode),
        *latest_figures(latest_db, db, mode.reps),
        *headless_figures(db, writes_db, mode.reps),
        *(az_figures(az, db, writes_db, mode.reps) if az else []),
        *serve_figures(db, mode),
    ]
    table, more = growth(folder, mode) if mode.growth else ([], [])
    figures += more
    if not az:
        why = "--no-az" if args.no_az else "no Azure CLI found: set SIGTUI_BENCH_AZ or put `az` on PATH"
        print(f"peer ratios against the Azure CLI skipped ({why})")
    print_figures(figures)
    print_growth(table)
    if args.json:
        body = {f.name: f.to_json() for f in figures}
        if table:
            body["growth"] = {row.name: row.to_json() for row in table}
        args.json.write_text(json.dumps(body, indent=2, ensure_ascii=False))
        print(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()
