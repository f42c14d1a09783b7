"""The benchmark's machinery, run once at its tiny size: every figure comes out beside its floor, with the ratio,
the target and whether it was met, and the growth table has every size. Nothing here asserts a timing."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIGURES = (
    "cold start of `sigtui` to first paint",
    "expand a gallery then a definition, key to paint",
    "selective filter `app-07`",
    "broad filter `1.9.0`",
    "200 regions replicating, live bars",
    "clock ticks per second while 200 regions replicate",
    "nothing replicating, app idle",
    "peak memory with 100 versions open",
    "peak memory with 200 versions open",
    "`latest` for one definition (9 versions)",
    "`latest` for one definition (1,000 versions)",
    "`latest` for every definition at once",
    "headless `sig list`",
    "headless `sig image-version show`",
    "headless write `group create`",
    "headless write `sig image-version create`",
)
GROWTH = (
    "start-up to first paint",
    "expand, key to paint",
    "filter `scaleGallery000` (one gallery), key to paint",
    "`latest` for one definition",
)
NUMBER = r"\d[\d.,e+-]*"


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> tuple[str, dict]:
    """The printed report and the JSON of `bench/run.py --tiny`, without comparing against an Azure CLI."""
    folder = tmp_path_factory.mktemp("bench")
    done = subprocess.run(
        [
            sys.executable,
            "bench/run.py",
            "--tiny",
            "--no-az",
            "--keep",
            str(folder),
            "--json",
            str(folder / "out.json"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout, json.loads((folder / "out.json").read_text(encoding="utf-8"))


def line_of(report: str, name: str) -> str:
    table = report.split("\nfloors:")[0]
    lines = [line for line in table.splitlines() if line.startswith(name)]
    assert len(lines) == 1, f"{name!r} in\n{table}"
    return lines[0]


@pytest.mark.parametrize("name", FIGURES)
def test_every_figure_is_printed_with_its_floor_ratio_target_and_verdict(tiny, name):
    report, _ = tiny
    line = line_of(report, name)
    assert re.search(rf"{NUMBER} +{NUMBER} +(≤|≥) [\d.]+(×| \S+).* (met|MISSED)$", line), line


@pytest.mark.parametrize("name", FIGURES)
def test_every_figure_says_what_its_floor_is(tiny, name):
    report, _ = tiny
    floors = report.split("\nfloors:")[1].split("\ngrowth")[0]
    assert re.search(rf"^  {re.escape(name)}.*: .+ \({NUMBER} \S+\)$", floors, re.MULTILINE), floors


def test_the_json_has_the_same_figures_with_floor_ratio_and_target(tiny):
    _, body = tiny
    for name in FIGURES:
        (figure,) = [value for key, value in body.items() if key.startswith(name)]
        assert figure["floor"] > 0
        assert figure["ratio"] == pytest.approx(figure["median"] / figure["floor"], rel=0.01)
        assert figure["target"].startswith(("≤", "≥"))
        assert figure["met"] in (True, False)


def test_the_growth_table_has_every_size_and_the_growth(tiny):
    report, body = tiny
    table = report.split("\ngrowth")[1]
    assert re.match(r" +100 +200 +growth +target +met", table)
    for name in GROWTH:
        assert re.search(
            rf"^{re.escape(name)} \(\w+\) +{NUMBER} +{NUMBER} +{NUMBER} +≤ 1.3× +(met|MISSED)$", table, re.MULTILINE
        ), table
        assert set(body["growth"][name]["by_size"]) == {"100", "200"}


def test_without_the_azure_cli_the_report_says_peer_ratios_were_skipped(tiny):
    report, body = tiny
    assert "peer ratios against the Azure CLI skipped (--no-az)" in report
    assert not [name for name in body if "beside az's" in name]
