"""The README's set-up commands and its headless walkthrough, run as a new user would run them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()
BIN = Path(sys.executable).parent


def walkthrough() -> str:
    """The first bash block under "## Headless commands", verbatim."""
    section = README[README.index("## Headless commands"):]
    return re.search(r"```bash\n(.*?)```", section, re.S).group(1)


def environment(tmp_path: Path, db: Path) -> dict:
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "SIGTUI_DB": str(db),
            "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}


def run_walkthrough(tmp_path: Path, db: Path) -> list[str]:
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", walkthrough()], capture_output=True, text=True,
                          cwd=tmp_path, env=environment(tmp_path, db), check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith('"')]


def sigtui(tmp_path: Path, db: Path, *args: str):
    done = subprocess.run([str(BIN / "sigtui"), *args], capture_output=True, text=True, cwd=tmp_path,
                          env=environment(tmp_path, db), check=True)
    return json.loads(done.stdout)


def test_the_readme_opens_with_exactly_two_set_up_commands():
    first_block = re.search(r"```bash\n(.*?)```", README, re.S).group(1)
    commands = [line for line in first_block.splitlines() if line and not line.startswith("#")]
    assert len(commands) == 2
    assert commands[0].endswith("/sigtui") and "pytest" in commands[1]
    assert ".ci/run" not in commands[1] and (ROOT / ".ci" / "run").read_text().count(commands[1]) == 1


def test_the_walkthrough_runs_end_to_end_on_a_fresh_database(tmp_path):
    printed = run_walkthrough(tmp_path, tmp_path / "fresh" / "walk.db")
    assert printed == ["InProgress", "Completed", "1.0.0", "Golden images"]


@pytest.mark.parametrize("kind", ["demo"])
def test_the_walkthrough_leaves_the_demo_as_it_was(tmp_path, kind):
    db = tmp_path / "demo.db"
    subprocess.run([str(BIN / "sigtui"), kind, "--db", str(db)], check=True, capture_output=True)
    before = {r["id"]: r for r in sigtui(tmp_path, db, "export")["value"]}
    printed = run_walkthrough(tmp_path, db)
    assert printed[-2:] == ["1.0.0", "Golden images"]
    after = {r["id"]: r for r in sigtui(tmp_path, db, "export")["value"]}
    assert set(before) < set(after)
    assert {i: settled(r) for i, r in after.items() if i in before} == {i: settled(r) for i, r in before.items()}


def settled(resource: dict) -> dict:
    """A resource without the fields the clock moves on its own."""
    properties = {k: v for k, v in resource.get("properties", {}).items()
                  if k not in ("provisioningState", "replicationStatus")}
    return {**resource, "properties": properties}
