"""Floors for process-level figures: `import sqlmodel`, and a raw sqlite3 bulk build of the same rows and index."""

import sqlite3
import sys
import tempfile
import time
from pathlib import Path


def raw_build() -> None:
    """10,000 versions with 3 regions each inserted with plain executemany, and the filter's text index filled in
    one statement per table: the floor for the demo build."""
    path = Path(tempfile.mkdtemp()) / "floor.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.executescript("""
        CREATE TABLE gallery (id INTEGER PRIMARY KEY, name TEXT, location TEXT);
        CREATE TABLE image_definition (id INTEGER PRIMARY KEY, gallery_id INT, name TEXT, publisher TEXT);
        CREATE TABLE image_version (id INTEGER PRIMARY KEY, definition_id INT, name TEXT, major INT, minor INT,
                                    patch INT, published REAL);
        CREATE INDEX ix_version_latest ON image_version (definition_id, major, minor, patch);
        CREATE TABLE target_region (id INTEGER PRIMARY KEY, version_id INT, region TEXT, started REAL, duration REAL);
        CREATE INDEX ix_region_version ON target_region (version_id);
    """)
    now = time.time()
    with conn:
        conn.executemany("INSERT INTO gallery VALUES (?, ?, 'westus2')", [(g, f"g{g}") for g in range(100)])
        conn.executemany(
            "INSERT INTO image_definition VALUES (?, ?, ?, 'Scale')", [(d, d // 10, f"d{d}") for d in range(1000)]
        )
        conn.executemany(
            "INSERT INTO image_version VALUES (?, ?, ?, 1, ?, 0, ?)",
            [(v, v // 10, f"1.{v % 10}.0", v % 10, now) for v in range(10_000)],
        )
        conn.executemany(
            "INSERT INTO target_region (version_id, region, started, duration) VALUES (?, ?, ?, 1800)",
            [(v, r, now) for v in range(10_000) for r in ("westus2", "eastus", "westeurope")],
        )
        conn.execute("CREATE VIRTUAL TABLE search_text USING fts5(hay, tokenize = 'trigram')")
        for kind, table, words in ((0, "gallery", "name || ' ' || location"), (1, "image_definition", "name"),
                                   (2, "image_version", "name || ' westus2'")):
            conn.execute(f"INSERT INTO search_text (rowid, hay) SELECT id * 4 + {kind}, {words} FROM {table}")


if __name__ == "__main__":
    {"raw-build": raw_build}[sys.argv[1]]()
