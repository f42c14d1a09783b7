"""Benchmark databases: 100 to 100,000 versions (~3 target regions each), `latest` and live data."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sigtui.domain.models import DiskImage, Gallery, ImageDefinition, ImageVersion, TargetRegion
from sigtui.store import reads
from sigtui.store.scale import SCALE_SUBSCRIPTION, build_azure_limits, fill_subscription
from sigtui.store.services import Services

LIVE_MOMENT = "bench_live_moment"
LIVE_SPEED = 3000.0
SIZES = {
    100: dict(galleries=1),
    200: dict(galleries=2),
    1_000: dict(galleries=10),
    10_000: dict(galleries=100),
    100_000: dict(galleries=100, copies=10),
}
LATEST_SUBSCRIPTIONS = {
    9: ("7e5f1c2d-0a3b-4c8d-9e6f-000000000009", "Nine versions"),
    1000: ("7e5f1c2d-0a3b-4c8d-9e6f-000000001000", "A thousand versions"),
}
LIVE_REGIONS = ("westus", "eastus", "westeurope", "japaneast")


def _database(path: Path, fill: Callable[[Services], object]) -> Path:
    """A bootstrapped database filled once; later runs reuse the file."""
    if not path.exists():
        svc = Services(path)
        svc.bootstrap()
        fill(svc)
        svc.db.dispose()
    return path


def build(folder: Path, size: int) -> Path:
    """A database of `size` versions at Azure's per-subscription-per-region limits. Where there are copies, the
    galleries of all but the first subscription are named `copyGallery…`, so that a filter for one gallery's name
    matches one gallery at every size."""

    def fill(svc: Services) -> None:
        build_azure_limits(svc, **SIZES[size])
        with svc.write() as tx:
            tx.conn.execute(
                "UPDATE gallery SET name = replace(name, 'scaleGallery', 'copyGallery') WHERE rg_id IN "
                "(SELECT id FROM resource_group WHERE subscription_id != ?)",
                (SCALE_SUBSCRIPTION[0],),
            )

    return _database(folder / f"bench-{size}.db", fill)


def build_latest(folder: Path) -> Path:
    """One definition with 9 versions and one with 1,000, for `latest` at both sizes."""

    def fill(svc: Services) -> None:
        for count, subscription in LATEST_SUBSCRIPTIONS.items():
            fill_subscription(svc, subscription, 1, 1, count)

    return _database(folder / "bench-latest.db", fill)


def build_live(folder: Path) -> Path:
    """200 regional jobs replicating for hours: 5 definitions × 10 versions × 4 target regions."""

    def fill(svc: Services) -> None:
        sub = svc.list_subscriptions()[0].id
        svc.create_resource_group("rg-live", "westus")
        svc.create_gallery(Gallery(sub, "rg-live", "LiveGallery", "westus"))
        image = svc.create_source("image", "rg-live", "img-big", "westus", None, "Linux", "Generalized", "V1",
                                  os_disk_size_gb=1024, os_disk_used_gb=900).id
        targets = tuple(TargetRegion(r) for r in LIVE_REGIONS)
        for d in range(5):
            definition = ImageDefinition(sub, "rg-live", "LiveGallery", f"app-{d}", "westus", "Live", "App", f"sku{d}",
                                         "Linux")
            svc.create_definition(definition)
            for v in range(10):
                svc.create_version(ImageVersion(sub, "rg-live", "LiveGallery", definition.name, f"1.{v}.0", "westus",
                                                DiskImage(0, 0), source_id=image, target_regions=targets))
        svc.advance_clock(timedelta(hours=2))
        with svc.write() as tx:
            moment = (LIVE_MOMENT, str(tx.now.timestamp()))
            tx.conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", moment)

    return _database(folder / "bench-live.db", fill)


def restart_live(path: Path, speed: float = LIVE_SPEED) -> None:
    """Put the live database's clock back at its build moment, running fast enough to move bars every tick."""
    svc = Services(path)
    with svc.read() as conn:
        moment = float(reads.setting(conn, LIVE_MOMENT))
    svc.reset_clock(datetime.fromtimestamp(moment, UTC), speed=speed, paused=False)
    svc.db.dispose()


def build_writes(folder: Path) -> Path:
    """A fresh database with a gallery, a definition and a managed image, for headless writes."""
    path = folder / "bench-writes.db"
    for leftover in folder.glob("bench-writes.db*"):
        leftover.unlink()

    def fill(svc: Services) -> None:
        sub = svc.list_subscriptions()[0].id
        svc.create_resource_group("rg-writes", "westus")
        svc.create_gallery(Gallery(sub, "rg-writes", "WriteGallery", "westus"))
        svc.create_source("image", "rg-writes", "img-writes", "westus", None, "Linux", "Generalized", "V1",
                          os_disk_size_gb=30, os_disk_used_gb=5)
        svc.create_definition(ImageDefinition(sub, "rg-writes", "WriteGallery", "app", "westus", "Bench", "App", "sku",
                                              "Linux"))

    return _database(path, fill)
