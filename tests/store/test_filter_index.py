"""The filter's text index finds exactly what scanning every row finds, before and after writes."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sigtui.cli.main import main
from sigtui.store import search_index
from sigtui.store.reads.filtering import _indexed, filter_paths

NOW = datetime(2026, 11, 30, tzinfo=UTC)
VOCABULARY = ["Contoso", "ubuntu", "web", "1.0", "1.2.0", "westus", "eastus2", "Finance", "Linux", "Windows",
              "cmk", "encrypted", "env=", "prod", "myImage", "Gallery", "rhel", "22_04", "2022", "Generalized",
              "Specialized", "V2", "images", "Sandbox", "app", "1.1.0", "finance", "failed", "replicating", "eol",
              "succeeded", "excluded", "creating", "completed"]
WORDS = st.one_of(st.sampled_from(VOCABULARY), st.text(alphabet="abceilnorstuwCW0129.-_%=", min_size=1, max_size=6))


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """The demo with its index, and a copy whose filter must scan (no index)."""
    folder = tmp_path_factory.mktemp("index")
    indexed = folder / "indexed.db"
    assert main(["demo", "--db", str(indexed)]) == 0
    scanned = folder / "scanned.db"
    shutil.copy(indexed, scanned)
    with sqlite3.connect(scanned) as conn:
        for (trigger,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            conn.execute(f"DROP TRIGGER {trigger}")
        conn.execute(f"DROP TABLE {search_index.TABLE}")
    return indexed, scanned


def same_matches(pair, text: str) -> None:
    with sqlite3.connect(pair[0]) as indexed, sqlite3.connect(pair[1]) as scanned:
        assert search_index.exists(indexed) and not search_index.exists(scanned)
        assert filter_paths(indexed, text, NOW) == filter_paths(scanned, text, NOW), text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(WORDS, min_size=1, max_size=3))
def test_the_index_finds_what_a_scan_finds(pair, words):
    same_matches(pair, " ".join(words))


def test_names_use_the_index_and_clock_words_scan(pair):
    with sqlite3.connect(pair[0]) as conn:
        assert _indexed(["ubuntu-web", "1.2.0"], conn)
        assert not _indexed(["rep"], conn) and not _indexed(["eol"], conn) and not _indexed(["we"], conn)
        assert not _indexed(["5%"], conn)
    same_matches(pair, "ubuntu-web")
    assert filter_paths(sqlite3.connect(pair[0]), "ubuntu-web", NOW)[0]


def test_writes_keep_the_index(pair, tmp_path):
    indexed = tmp_path / "indexed.db"
    shutil.copy(pair[0], indexed)
    db = ["--db", str(indexed)]
    assert main([*db, "sig", "create", "-g", "rg-images", "-r", "IndexedGallery", "-l", "westus2", "-o", "none"]) == 0
    assert main([*db, "sig", "update", "-g", "rg-images", "-r", "IndexedGallery", "--set", "tags.team=blue",
                 "-o", "none"]) == 0
    with sqlite3.connect(indexed) as conn:
        assert filter_paths(conn, "IndexedGallery team=blue", NOW)[0]
    assert main([*db, "sig", "delete", "-g", "rg-images", "-r", "IndexedGallery"]) == 0
    with sqlite3.connect(indexed) as conn:
        assert filter_paths(conn, "IndexedGallery", NOW) == ([], False)
        assert conn.execute("SELECT COUNT(*) FROM search_text").fetchone()[0] == sum(
            conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in search_index.KINDS
        )


def test_a_bulk_load_is_indexed_in_one_statement(tmp_path):
    from sigtui.store.scale import fill_subscription
    from sigtui.store.services import Services

    svc = Services(tmp_path / "bulk.db")
    svc.bootstrap()
    fill_subscription(svc, ("7e5f1c2d-0a3b-4c8d-9e6f-00000000b01c", "Bulk"), 3, 2, 4)
    svc.db.dispose()
    with sqlite3.connect(tmp_path / "bulk.db") as conn:
        counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in search_index.KINDS}
        assert conn.execute("SELECT COUNT(*) FROM search_text").fetchone()[0] == sum(counts.values()) == 3 + 6 + 24
        triggers = conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'").fetchone()[0]
        assert triggers == 9, "the insert triggers are back after the load"
        assert len(filter_paths(conn, "scaleGallery001", NOW)[0]) == 1
        assert len(filter_paths(conn, "1.3.0", NOW)[0]) == 3 * 2
