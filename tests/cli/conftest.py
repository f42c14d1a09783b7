"""Drive `sigtui.cli.main.main(argv)` against a real database file, as a user would from a shell."""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass

import pytest

from sigtui.cli.main import main

from ..store.world import dump


@dataclass
class Result:
    status: int
    out: str
    err: str

    @property
    def json(self):
        return json.loads(self.out)


@pytest.fixture
def db(tmp_path):
    """A new, empty database, made as a user makes one: `sigtui init`."""
    path = tmp_path / "sigtui.db"
    assert main(["init", "--db", str(path)]) == 0
    return path


@pytest.fixture
def az(db, capsys):
    """Run one command line (a string split like a shell would, or a list) against `db`."""
    def run(command: str | list[str]) -> Result:
        argv = shlex.split(command) if isinstance(command, str) else list(command)
        capsys.readouterr()
        status = main([*argv, "--db", str(db)])
        captured = capsys.readouterr()
        return Result(status, captured.out, captured.err)
    return run


@pytest.fixture
def ok(az):
    """Run a command that must succeed; its JSON output (None when it prints nothing)."""
    def run(command: str | list[str]):
        result = az(command)
        assert result.status == 0, result.err
        return result.json if result.out.strip() else None
    return run


@pytest.fixture
def refused(az, db):
    """Run a command that must fail; assert its exit status and that the database did not change."""
    def run(command: str | list[str], status: int = 1) -> str:
        before = dump(db)
        result = az(command)
        assert result.status == status, (result.out, result.err)
        assert result.out == ""
        assert dump(db) == before
        return result.err.strip()
    return run


@pytest.fixture
def sub(ok) -> str:
    """A new database's default subscription, with the clock paused so replication is deterministic."""
    ok("clock pause")
    return ok("account show")["id"]


@pytest.fixture
def world(ok, sub) -> str:
    """The seeds' setup: a resource group, gallery and Windows definition, a managed image with a data disk at
    LUN 0, OS and data-disk snapshots, and seed 002's West US disk encryption sets (each test adds the others)."""
    ok("group create -n MyResourceGroup -l westus")
    ok("sig create -g MyResourceGroup -r MyGallery")
    ok("sig image-definition create -g MyResourceGroup -r MyGallery -i MyImage -p Contoso -f Windows -s 2022 "
       "--os-type Windows")
    ok("image create -g MyResourceGroup -n myImage --os-type Windows --os-disk-size-gb 30 --os-disk-used-gb 12 "
       "--data-disk-sizes-gb 64 --data-disk-used-gb 8")
    ok("snapshot create -g MyResourceGroup -n myOSSnapshot --os-type Windows --os-disk-size-gb 30")
    ok("snapshot create -g MyResourceGroup -n myDDSnapshot --os-disk-size-gb 64 --os-disk-used-gb 8")
    for name in ("WestUSDiskEncryptionSet1", "WestUSDiskEncryptionSet2"):
        ok(f"disk-encryption-set create -g MyResourceGroup -n {name} -l westus")
    return sub
