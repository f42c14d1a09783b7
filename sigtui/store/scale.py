"""Azure's per-subscription-per-region limits as data: 100 galleries × 10 definitions × 10 versions, in bulk."""

from __future__ import annotations

import time
import uuid
from datetime import timedelta

from ..domain import ids
from ..domain.plan import InsertMany, activity, plan
from . import reads
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
        past = (tx.now - timedelta(days=30)).timestamp()
        eol = (tx.now + timedelta(days=365)).timestamp()
        rg_pk = reads.resource_group(conn, sub, "rg-scale")[0]
        gallery_rows = _galleries(reads.next_key(conn, "gallery"), rg_pk, galleries, past)
        definition_rows = _definitions(reads.next_key(conn, "image_definition"), gallery_rows, definitions, past)
        version_rows, region_rows = _versions(
            reads.next_key(conn, "image_version"), definition_rows, versions, image, past, eol
        )
        counts = {"galleries": galleries, "definitions": len(definition_rows), "versions": len(version_rows)}
        entry = activity(tx.now, tx.caller, "Microsoft.Compute/galleries/write", ids.rg_id(sub, "rg-scale"), None,
                         counts, message="Bulk load at Azure's per-subscription-per-region limits")
        tx.apply(plan(*(InsertMany(table, tuple(rows)) for table, rows in (
            ("gallery", gallery_rows), ("image_definition", definition_rows),
            ("image_version", version_rows), ("target_region", region_rows),
        )), entry))


def _galleries(first: int, rg_pk: int, count: int, past: float) -> list[dict]:
    return [
        {"id": first + g, "rg_id": rg_pk, "name": f"scaleGallery{g:03d}", "location": REGION,
         "description": f"Scale gallery {g}", "tags": "{}", "created_at": past, "changed_at": past}
        for g in range(count)
    ]


def _definitions(first: int, galleries: list[dict], per_gallery: int, past: float) -> list[dict]:
    return [
        {"id": first + g * per_gallery + d, "gallery_id": gallery["id"], "name": f"app-{d:02d}", "location": REGION,
         "publisher": "Scale", "offer": f"Offer{g:03d}", "sku": f"sku{d:02d}", "os_type": "Linux",
         "os_state": "Generalized", "hyper_v_generation": "V1", "tags": "{}", "disallowed_disk_types": "[]",
         "created_at": past, "changed_at": past}
        for g, gallery in enumerate(galleries)
        for d in range(per_gallery)
    ]


def _versions(
    first: int, definitions: list[dict], per_definition: int, image: str, past: float, eol: float
) -> tuple[list[dict], list[dict]]:
    """Every definition's versions, one in ten excluded from latest, and their three target regions each."""
    versions, regions = [], []
    for i, definition in enumerate(definitions):
        for v in range(per_definition):
            pk = first + i * per_definition + v
            versions.append({
                "id": pk, "definition_id": definition["id"], "name": f"1.{v}.0", "major": 1, "minor": v, "patch": 0,
                "location": REGION, "source_id": image, "os_size_gb": 30, "os_used_gb": 5.0,
                "os_host_caching": "ReadOnly", "replica_count": 1, "storage_account_type": "Standard_LRS",
                "exclude_from_latest": (i + v) % 10 == 9, "end_of_life_date": eol if v % 3 == 0 else None,
                "published_date": past + v, "tags": "{}", "operation": "create", "deleting": False,
                "encrypted": False, "created_at": past + v, "changed_at": past + v,
            })
            regions += [
                {"version_id": pk, "position": position, "region": region, "started_at": past + v,
                 "duration_s": 1800.0 + 600 * position, "failure_detail": "", "attempt": 0}
                for position, region in enumerate(TARGETS)
            ]
    return versions, regions
