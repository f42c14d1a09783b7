"""A database at Azure's limits: 100 galleries × 10 definitions × 10 versions × 3 regions, built with raw SQL."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

GALLERIES, DEFINITIONS, VERSIONS = 100, 10, 10
REGIONS = ("westus", "eastus", "westeurope")


def build_scale_db(template: Path, path: Path) -> Path:
    """Copy the demo database and add 10,000 versions (30,000 target regions) next to it."""
    shutil.copy(template, path)
    conn = sqlite3.connect(path)
    rg = conn.execute("SELECT id FROM resource_group WHERE name = 'rg-images'").fetchone()[0]
    started = conn.execute("SELECT MIN(started_at) FROM target_region").fetchone()[0]
    gallery_rows = [(rg, f"scale{g:03d}", "westus", "{}", started, started) for g in range(GALLERIES)]
    conn.executemany(
        "INSERT INTO gallery (rg_id, name, location, tags, created_at, changed_at) VALUES (?, ?, ?, ?, ?, ?)",
        gallery_rows,
    )
    gallery_pks = [r[0] for r in conn.execute("SELECT id FROM gallery WHERE name LIKE 'scale%' ORDER BY name")]
    conn.executemany(
        "INSERT INTO image_definition (gallery_id, name, location, publisher, offer, sku, os_type, os_state, "
        "hyper_v_generation, tags, disallowed_disk_types, created_at, changed_at) "
        "VALUES (?, ?, 'westus', 'Scale', ?, ?, 'Linux', 'Generalized', 'V2', '{}', '[]', ?, ?)",
        [
            (g, f"def{d:02d}", f"offer{d}", f"sku{i}-{d}", started, started)
            for i, g in enumerate(gallery_pks)
            for d in range(DEFINITIONS)
        ],
    )
    definition_pks = [
        r[0] for r in conn.execute("SELECT id FROM image_definition WHERE publisher = 'Scale' ORDER BY id")
    ]
    conn.executemany(
        "INSERT INTO image_version (definition_id, name, major, minor, patch, location, os_size_gb, os_used_gb, "
        "replica_count, storage_account_type, exclude_from_latest, published_date, tags, operation, deleting, "
        "encrypted, created_at, changed_at) VALUES (?, ?, 1, ?, 0, 'westus', 30, 8, 1, 'Standard_LRS', ?, ?, '{}', "
        "'create', 0, 0, ?, ?)",
        [
            (d, f"1.{v}.0", v, int(v == VERSIONS - 1), started, started, started)
            for d in definition_pks
            for v in range(VERSIONS)
        ],
    )
    version_pks = [
        r[0]
        for r in conn.execute(
            "SELECT v.id FROM image_version v JOIN image_definition d ON d.id = v.definition_id "
            "WHERE d.publisher = 'Scale'"
        )
    ]
    conn.executemany(
        "INSERT INTO target_region (version_id, position, region, started_at, duration_s, failure_detail, attempt) "
        "VALUES (?, ?, ?, ?, 600, '', 0)",
        [(v, i, region, started) for v in version_pks for i, region in enumerate(REGIONS)],
    )
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path
