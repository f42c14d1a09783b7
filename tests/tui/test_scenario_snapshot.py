"""The README's scenario file and `sigtui.testing` example, run as they are: `sigtui apply` on the file, and the
example's snapshot test of the workbench built on it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sigtui.testing import FakeClock, build_world, demo_scenario, scenario_app, stable_environment

from .helpers import settle, tree_text

ROOT = Path(__file__).resolve().parents[2]
SECTION = (ROOT / "README.md").read_text().split("## Scenario files and snapshot tests", 1)[1].split("\n## ", 1)[0]


def block(language: str) -> str:
    return re.search(rf"```{language}\n(.*?)```", SECTION, re.S).group(1)


@pytest.fixture
def team(tmp_path, monkeypatch) -> Path:
    """The README's scenario file, in a folder of its own that is the current directory."""
    (tmp_path / "team.yaml").write_text(block("yaml"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_readme_commands_apply_the_scenario(team):
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "HOME": str(team),
           "XDG_DATA_HOME": str(team / "data"), "XDG_CONFIG_HOME": str(team / "config")}
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", block("bash")], capture_output=True, text=True,
                          cwd=team, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "applied team.yaml to team.db: 1 gallery, 1 definition, 2 versions, 1 role assignment", "1.0.0", "1.1.0"]


def test_the_readme_snapshot_test(snap_compare, team):
    namespace: dict = {}
    exec(compile(block("python"), "README.md", "exec"), namespace)
    namespace["test_team_demo"](snap_compare, team)


async def test_a_scenario_dict_and_the_demo_scenario_build_the_app(tmp_path):
    scenario = demo_scenario()
    scenario["galleries"] = scenario["galleries"][:1]
    scenario["definitions"] = [d for d in scenario["definitions"] if d["gallery"] == "ContosoImages"]
    scenario["versions"] = [v for v in scenario["versions"] if v["definition"] in {"ubuntu-web", "rhel-app"}]
    scenario["role_assignments"] = [r for r in scenario["role_assignments"] if r["gallery"] == "ContosoImages"]
    with stable_environment(tmp_path):
        app = scenario_app(scenario, tmp_path / "trimmed.db")
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            text = tree_text(app)
            assert "ContosoImages" in text and "FinanceGallery" not in text


def test_the_fake_clock_moves_only_when_told(tmp_path):
    clock = build_world({"clock": {"now": "2026-01-01T00:00:00Z", "speed": 2}}, tmp_path / "c.db", clock=FakeClock())
    from sigtui.store.services import Services

    services = Services(tmp_path / "c.db", real_time=clock)
    assert services.now().isoformat() == "2026-01-01T00:00:00+00:00"
    clock.advance(30)
    assert services.now().isoformat() == "2026-01-01T00:01:00+00:00"
