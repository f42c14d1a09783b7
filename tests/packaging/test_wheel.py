"""A wheel built from the repository, installed into a new virtual environment, runs everything."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SKIP = shutil.ignore_patterns(".git", ".venv*", "__pycache__", "*.egg-info", "build", "dist", ".pytest_cache", "*.db*")


def run(*args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False,
                          stdin=subprocess.DEVNULL, timeout=600)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The `bin` folder of a new virtual environment holding only the wheel and its dependencies."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=SKIP)
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", work / "dist", source, cwd=work)
    wheel = next((work / "dist").glob("sigtui-*.whl"))
    run(sys.executable, "-m", "venv", work / "venv", cwd=work)
    run(work / "venv" / "bin" / "pip", "install", "-q", wheel, cwd=work)
    return work / "venv" / "bin"


@pytest.fixture
def user(tmp_path) -> dict:
    return {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_CONFIG_HOME": str(tmp_path / "config"), "TEXTUAL_ANIMATIONS": "none"}


def test_the_wheel_carries_every_package_and_data_file(installed, tmp_path, user):
    code = ("import importlib, pkgutil, sigtui; "
            "[importlib.import_module(m.name) for m in pkgutil.walk_packages(sigtui.__path__, 'sigtui.') "
            "if m.name != 'sigtui.__main__']; "
            "from sigtui.domain.reference_data import DATA_DIR; print(sorted(p.name for p in DATA_DIR.glob('*.json')))")
    shown = run(installed / "python", "-c", code, cwd=tmp_path, env=user)
    assert "regions.json" in shown.stdout and "limits.json" in shown.stdout
    assert run(installed / "python", "-c", "import sigtui; print(sigtui.__file__)", cwd=tmp_path, env=user) \
        .stdout.startswith(str(installed.parent))


def test_the_installed_command_and_python_m_work(installed, tmp_path, user):
    assert "\n    sig " in run(installed / "sigtui", "--help", cwd=tmp_path, env=user).stdout
    assert "\n    image-version " in run(installed / "sigtui", "sig", "--help", cwd=tmp_path, env=user).stdout
    run(installed / "python", "-m", "sigtui", "init", "--db", tmp_path / "x.db", cwd=tmp_path, env=user)
    assert run(installed / "sigtui", "sig", "list", "--db", tmp_path / "x.db", cwd=tmp_path, env=user) \
        .stdout.strip() == "[]"


def test_the_installed_workbench_opens_every_form_and_dialog(installed, tmp_path, user):
    run(installed / "sigtui", "demo", "--db", tmp_path / "demo.db", cwd=tmp_path, env=user)
    script = tmp_path / "open_everything.py"
    shutil.copy(HERE / "open_everything.py", script)
    shown = run(installed / "python", script, tmp_path / "demo.db", cwd=tmp_path, env=user).stdout
    opened = {line.rsplit(": ", 1)[-1] for line in shown.splitlines()}
    assert {"GalleryForm", "DefinitionForm", "VersionForm", "CreateVmDialog", "ShareScreen", "HelpScreen",
            "ActivityLogScreen", "VmListScreen", "IdentityScreen", "CostScreen"} <= opened
