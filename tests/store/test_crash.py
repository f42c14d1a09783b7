"""Processes killed (SIGKILL) at seeded random moments during bootstrap, writes, `demo` and `demo --scale`: the
database stays whole, every acknowledged write is there, and the next command works."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import time

from sigtui.cli.main import main

WRITER = """
import sys
from sigtui.cli.main import main
for i in range(int(sys.argv[2])):
    if main(["group", "create", "-n", f"rg-{i}", "-l", "westus", "--db", sys.argv[1], "-o", "none"]) == 0:
        print(f"ok rg-{i}", flush=True)
"""


def killed_after(seconds: float, *argv: str) -> str:
    """Start a process, SIGKILL it after `seconds`, and return what it printed before."""
    proc = subprocess.Popen([sys.executable, *argv], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    time.sleep(seconds)
    proc.kill()
    out, _ = proc.communicate()
    return out


def whole(path) -> bool:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def count(path, table: str) -> int:
    conn = sqlite3.connect(str(path))
    try:
        exists = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone()
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] if exists else 0
    finally:
        conn.close()


def works(path, capsys) -> list:
    """The next command succeeds and sees the default subscription."""
    capsys.readouterr()
    assert main(["account", "list", "--db", str(path), "--query", "[].name"]) == 0
    return capsys.readouterr().out


def test_a_killed_first_command_leaves_a_database_that_works(tmp_path, capsys):
    rng = random.Random(11)
    for round_ in range(4):
        path = tmp_path / f"new-{round_}.db"
        killed_after(rng.uniform(0.5, 1.3), "-m", "sigtui", "init", "--db", str(path))
        if not path.exists():
            assert main(["init", "--db", str(path)]) == 0
        assert whole(path)
        assert count(path, "subscription") in (0, 1)
        assert "Contoso Production" in works(path, capsys)


def test_acknowledged_writes_survive_a_kill(tmp_path, capsys):
    rng = random.Random(12)
    path = tmp_path / "writes.db"
    assert main(["init", "--db", str(path)]) == 0
    for _ in range(2):
        acknowledged = killed_after(rng.uniform(0.8, 2.5), "-c", WRITER, str(path), "500").split()[1::2]
        assert whole(path)
        conn = sqlite3.connect(str(path))
        stored = {r[0] for r in conn.execute("SELECT name FROM resource_group")}
        conn.close()
        assert set(acknowledged) <= stored
    assert main(["group", "create", "-n", "rg-after", "-l", "westus", "--db", str(path), "-o", "none"]) == 0


def test_a_killed_demo_is_all_or_nothing(tmp_path, capsys):
    rng = random.Random(13)
    for round_ in range(2):
        path = tmp_path / f"demo-{round_}.db"
        assert main(["init", "--db", str(path)]) == 0
        killed_after(rng.uniform(0.4, 1.6), "-m", "sigtui", "demo", "--db", str(path))
        assert whole(path)
        galleries = count(path, "gallery")
        assert galleries in (0, 3)
        works(path, capsys)
        if galleries == 0:
            assert main(["demo", "--db", str(path)]) == 0
            assert count(path, "gallery") == 3


def test_a_killed_scale_build_is_all_or_nothing(tmp_path, capsys):
    rng = random.Random(14)
    for round_ in range(2):
        path = tmp_path / f"scale-{round_}.db"
        assert main(["init", "--db", str(path)]) == 0
        killed_after(rng.uniform(0.8, 1.4), "-m", "sigtui", "demo", "--scale", "azure-limits", "--db", str(path))
        assert whole(path)
        assert count(path, "image_version") in (0, 10_000)
        works(path, capsys)
        if count(path, "image_version") == 0:
            assert main(["demo", "--scale", "azure-limits", "--db", str(path)]) == 0
            assert count(path, "image_version") == 10_000
