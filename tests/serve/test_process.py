"""The `sigtui serve` process: a new database gets the demo catalog, one JSON line announces the endpoint, each
request is logged on one line, and SIGTERM ends it with status 0."""

from __future__ import annotations

import socket

import requests

from sigtui.cli.main import main

from .conftest import compute, sigtui


def test_serve_announces_logs_and_stops_cleanly(served):
    assert set(served.info) == {"endpoint", "ca", "tenant", "subscription"}
    assert served.endpoint.startswith("https://127.0.0.1:") and served.ca.endswith("sigtui/ca.pem")
    sp = sigtui(served.db, "ad", "sp", "create-for-rbac", "-n", "viewer", "--role", "Reader", "--scopes",
                f"/subscriptions/{served.sub}")
    assert {g.name for g in compute(served, sp).galleries.list()} >= {"ContosoImages"}
    metadata = requests.get(f"{served.endpoint}/metadata/endpoints", verify=served.ca).json()
    assert metadata["authentication"]["loginEndpoint"] == served.endpoint
    status, log = served.stop()
    assert status == 0
    lines = log.splitlines()
    assert f"GET /subscriptions/{served.sub}/providers/Microsoft.Compute/galleries 200 viewer " in log
    assert all(line.endswith("ms") for line in lines), log


def test_bad_options_and_a_port_in_use_are_refused_before_anything_is_written(tmp_path, capsys):
    db = tmp_path / "new" / "sigtui.db"
    assert main(["serve", "--host", "0.0.0.0", "--db", str(db)]) == 2
    assert "'0.0.0.0' is not a loopback address" in capsys.readouterr().err
    assert main(["serve", "--port", "70000", "--db", str(db)]) == 2
    assert "'70000' is not a port number" in capsys.readouterr().err
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        assert main(["serve", "--port", str(taken.getsockname()[1]), "--db", str(db)]) == 1
    assert capsys.readouterr().err.strip() == "sigtui serve: error: Address already in use"
    assert not db.exists()
