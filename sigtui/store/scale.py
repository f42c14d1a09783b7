"""Azure's per-subscription-per-region limits as data: 100 galleries × 10 definitions × 10 versions, in bulk."""

from __future__ import annotations

import time
import uuid
from datetime import timedelta

from ..domain import ids
from .services import Services

SCALE_SUBSCRIPTION = ("5c9d3b8a-7e21-4f6b-9a0c-2d8e6f4b1a37", "Contoso Scale")
REGION = "westus2"
TARGETS = ("westus2", "eastus", "westeurope")


def scale_subscription(copy: int) -> tuple[str, str]:
    if copy == 0:
        return SCALE_SUBSCRIPTION
    return str(uuid.uuid5(uuid.UUID(SCALE_SUBSCRIPTION[0]), str(copy))), f"{SCALE_SUBSCRIPTION[1]} {copy + 1}"


def build_azure_limits(
    svc: Services, galleries: int = 100, definitions: int = 10, versions: int = 10, copies: int = 1
) -> float:
    """Add `copies` subscriptions, each at Azure's limits, with bulk inserts in one transaction; returns the
    seconds it took."""
    started = time.perf_counter()
    with svc.db.batch():
        with svc.read() as conn:
            svc.authorize_simulation(conn)
        for copy in range(copies):
            fill_subscription(svc, scale_subscription(copy), galleries, definitions, versions)
    return time.perf_counter() - started


def fill_subscription(
    svc: Services, subscription: tuple[str, str], galleries: int, definitions: int, versions: int
) -> None:
    sub = svc.add_subscription(*subscription).id
    svc.create_resource_group("rg-scale", REGION, sub)
    image = svc.create_source("image", "rg-scale", "img-scale", REGION, sub, "Linux", "Generalized", "V1", 30, 5).id
    with svc.write() as tx:
        conn = tx.conn
        rg_pk = conn.execute(
            "SELECT id FROM resource_group WHERE subscription_id = ? AND name = 'rg-scale'", (sub,)
        ).fetchone()[0]
        past = (tx.now - timedelta(days=30)).timestamp()
        eol = (tx.now + timedelta(days=365)).timestamp()
        first_gallery = (conn.execute("SELECT COALESCE(MAX(id), 0) FROM gallery").fetchone()[0]) + 1
        conn.executemany(
            "INSERT INTO gallery (id, rg_id, name, location, description, tags, created_at, changed_at) "
            "VALUES (?, ?, ?, ?, ?, '{}', ?, ?)",
            [
                (first_gallery + g, rg_pk, f"scaleGallery{g:03d}", REGION, f"Scale gallery {g}", past, past)
                for g in range(galleries)
            ],
        )
        first_definition = (conn.execute("SELECT COALESCE(MAX(id), 0) FROM image_definition").fetchone()[0]) + 1
        definition_rows = []
        for g in range(galleries):
            for d in range(definitions):
                definition_rows.append(
                    (
                        first_definition + g * definitions + d,
                        first_gallery + g,
                        f"app-{d:02d}",
                        REGION,
                        "Scale",
                        f"Offer{g:03d}",
                        f"sku{d:02d}",
                        "Linux",
                        "Generalized",
                        "V1",
                        past,
                        past,
                    )
                )
        conn.executemany(
            "INSERT INTO image_definition (id, gallery_id, name, location, publisher, offer, sku, os_type, os_state, "
            "hyper_v_generation, tags, disallowed_disk_types, created_at, changed_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', '[]', ?, ?)",
            definition_rows,
        )
        first_version = (conn.execute("SELECT COALESCE(MAX(id), 0) FROM image_version").fetchone()[0]) + 1
        version_rows, region_rows = [], []
        for i, (def_pk, *_rest) in enumerate(definition_rows):
            for v in range(versions):
                pk = first_version + i * versions + v
                excluded = (i + v) % 10 == 9
                version_rows.append(
                    (
                        pk,
                        def_pk,
                        f"1.{v}.0",
                        1,
                        v,
                        0,
                        REGION,
                        image,
                        30,
                        5.0,
                        "ReadOnly",
                        excluded,
                        eol if v % 3 == 0 else None,
                        past + v,
                        past + v,
                        past + v,
                    )
                )
                for position, region in enumerate(TARGETS):
                    region_rows.append((pk, position, region, past + v, 1800.0 + 600 * position))
        conn.executemany(
            "INSERT INTO image_version (id, definition_id, name, major, minor, patch, location, source_id, "
            "os_size_gb, os_used_gb, os_host_caching, replica_count, storage_account_type, exclude_from_latest, "
            "end_of_life_date, published_date, tags, operation, deleting, encrypted, created_at, changed_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'Standard_LRS', ?, ?, ?, '{}', 'create', 0, 0, ?, ?)",
            version_rows,
        )
        conn.executemany(
            "INSERT INTO target_region (version_id, position, region, started_at, duration_s, failure_detail, "
            "attempt) VALUES (?, ?, ?, ?, ?, '', 0)",
            region_rows,
        )
        tx.log(
            "Microsoft.Compute/galleries/write",
            ids.rg_id(sub, "rg-scale"),
            None,
            {"galleries": galleries, "definitions": len(definition_rows), "versions": len(version_rows)},
            message="Bulk load at Azure's per-subscription-per-region limits",
        )
