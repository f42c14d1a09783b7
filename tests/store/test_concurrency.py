"""Several processes writing one database at once: no lock errors, no lost acknowledged writes, no duplicates,
and concurrent read-modify-writes of one gallery's tags all land."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

from sigtui.cli.main import main

WRITERS = 4
ROUNDS = 10
WRITER = """
import sys
from sigtui.cli.main import main
db, me, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
for i in range(rounds):
    if main(["group", "create", "-n", f"rg-{me}-{i}", "-l", "westus", "--db", db, "-o", "none"]) == 0:
        print(f"group rg-{me}-{i}", flush=True)
    if main(["sig", "update", "-g", "rg-shared", "-r", "Shared", "--set", f"tags.{me}-{i}=x", "--db", db,
             "-o", "none"]) == 0:
        print(f"tag {me}-{i}", flush=True)
"""


def test_concurrent_writers_lose_nothing(tmp_path):
    path = tmp_path / "busy.db"
    assert main(["init", "--db", str(path)]) == 0
    assert main(["group", "create", "-n", "rg-shared", "-l", "westus", "--db", str(path), "-o", "none"]) == 0
    assert main(["sig", "create", "-g", "rg-shared", "-r", "Shared", "--db", str(path), "-o", "none"]) == 0
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), f"w{n}", str(ROUNDS)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(WRITERS)]
    outputs = [proc.communicate() for proc in procs]
    errors = "".join(err for _, err in outputs)
    assert "locked" not in errors and "(Conflict)" not in errors and "Traceback" not in errors, errors
    acknowledged = [line.split() for out, _ in outputs for line in out.splitlines()]
    assert len(acknowledged) == WRITERS * ROUNDS * 2

    conn = sqlite3.connect(str(path))
    groups = [r[0] for r in conn.execute("SELECT name FROM resource_group")]
    tags = json.loads(conn.execute("SELECT tags FROM gallery WHERE name = 'Shared'").fetchone()[0])
    conn.close()
    assert len(groups) == len(set(groups))
    assert {name for kind, name in acknowledged if kind == "group"} <= set(groups)
    assert {name for kind, name in acknowledged if kind == "tag"} == set(tags)
