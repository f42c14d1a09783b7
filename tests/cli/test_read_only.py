"""A database file this user may not write: reads work, writes fail in one line, and the file stays as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from sigtui.cli.main import main

from ..store.world import dump

NOBODY = 65534


def _reader() -> list[str]:
    """How to run a command as a user who may not write the file: root may write any file, so as root it runs
    as `nobody` (through util-linux's setpriv)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: no way to act as an unprivileged user")
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


@pytest.fixture
def read_only_db():
    folder = Path(tempfile.mkdtemp(prefix="sigtui-ro-"))
    path = folder / "sigtui.db"
    assert main(["demo", "--db", str(path)]) == 0
    path.chmod(0o444)
    folder.chmod(0o555)
    yield path
    folder.chmod(0o755)
    shutil.rmtree(folder)


def sigtui(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([*_reader(), sys.executable, "-m", "sigtui", *argv], capture_output=True, text=True,
                          cwd="/", env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})


def test_reads_work_and_writes_are_refused_on_a_read_only_file(read_only_db):
    before = dump(read_only_db)
    listed = sigtui("sig", "list", "--db", str(read_only_db), "--query", "[].name")
    assert listed.returncode == 0, listed.stderr
    assert "ContosoImages" in listed.stdout
    refused = sigtui("sig", "create", "-g", "rg-images", "-r", "NewGallery", "--db", str(read_only_db))
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr == f"sigtui: error: {read_only_db} is read-only: this command would change it, so nothing " \
                             "was done\n"
    assert dump(read_only_db) == before
