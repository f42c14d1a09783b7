"""`sigtui serve` in a subprocess (port 0, a temporary database and data directory), driven by Azure's own
Python clients over HTTPS; and sigtui's commands run against the same database."""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from sigtui.cli.main import main

MANAGED_IMAGE = "/subscriptions/{sub}/resourceGroups/rg-serve/providers/Microsoft.Compute/images/img-web"


def sigtui(db: Path, *args: str) -> dict | list | str | None:
    """Run one sigtui command on `db`; its JSON output. It must succeed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main([*args, "--db", str(db)])
    assert status == 0, err.getvalue()
    text = out.getvalue().strip()
    return json.loads(text) if text.startswith(("{", "[")) else text or None


@dataclass
class Served:
    """A running `sigtui serve`: what it announced, its database and process."""

    info: dict
    db: Path
    process: subprocess.Popen

    @property
    def endpoint(self) -> str:
        return self.info["endpoint"]

    @property
    def ca(self) -> str:
        return self.info["ca"]

    @property
    def sub(self) -> str:
        return self.info["subscription"]

    def stop(self) -> tuple[int, str]:
        """SIGTERM; the exit status and everything it logged on stderr."""
        self.process.send_signal(signal.SIGTERM)
        _, err = self.process.communicate(timeout=20)
        return self.process.returncode, err


def start(folder: Path) -> Served:
    db = folder / "sigtui.db"
    env = {**os.environ, "XDG_DATA_HOME": str(folder / "xdg")}
    process = subprocess.Popen([sys.executable, "-m", "sigtui", "serve", "--db", str(db), "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    line = process.stdout.readline()
    if not line:
        raise AssertionError(process.communicate(timeout=20)[1])
    return Served(json.loads(line), db, process)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """One server per test module, its clock paused so replication moves only when a test advances it."""
    server = start(tmp_path_factory.mktemp("serve"))
    sigtui(server.db, "clock", "pause")
    yield server
    if server.process.poll() is None:
        server.stop()


def credential(served: Served, sp: dict):
    from azure.identity import ClientSecretCredential

    return ClientSecretCredential(sp["tenant"], sp["appId"], sp["password"], authority=served.endpoint,
                                  disable_instance_discovery=True, connection_verify=served.ca)


def compute(served: Served, sp: dict):
    """`ComputeManagementClient` for the service principal `sp`, polling as often as the server allows."""
    from azure.mgmt.compute import ComputeManagementClient

    return ComputeManagementClient(credential(served, sp), served.sub, base_url=served.endpoint,
                                   credential_scopes=[f"{served.endpoint}/.default"],
                                   connection_verify=served.ca, polling_interval=0.1)
