"""A database file this user may not write: reads work, writes fail in one line, and the file stays as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from sigtui.cli.main import main

from ..store.world import dump


def _reader() -> list[str]:
    """How to run a command that may not write the file: root may write any file, so as root it runs without the
    capabilities that override file permissions (through util-linux's setpriv)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: file permissions cannot be made to apply")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


@pytest.fixture
def read_only_db(tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir()
    path = folder / "sigtui.db"
    assert main(["demo", "--db", str(path)]) == 0
    path.chmod(0o444)
    folder.chmod(0o555)
    yield path
    folder.chmod(0o755)


def sigtui(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([*_reader(), sys.executable, "-m", "sigtui", *argv], capture_output=True, text=True,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})


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
