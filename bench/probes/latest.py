"""`latest` timings through the service layer, beside the same query on a bare sqlite3 connection."""

import json
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sigtui.store import reads
from sigtui.store.services import Services


def timed(fn, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main(db: str, mode: str, repeat: int) -> None:
    svc = Services(Path(db))
    now = svc.now()
    raw = sqlite3.connect(db)
    if mode == "all":
        service_ms = timed(lambda: svc_all(svc, now), repeat)
        floor_ms = timed(lambda: reads.latest_names(raw, now.timestamp(), "eastus"), repeat)
    else:
        sub = {"9": "Nine versions", "1000": "A thousand versions"}[mode]
        galleries = svc.list_galleries(sub)
        gallery = galleries[0].name
        definition = svc.list_definitions(sub, "rg-scale", gallery)[0].name
        pk = raw.execute(
            "SELECT d.id FROM image_definition d JOIN gallery g ON g.id = d.gallery_id WHERE g.name = ? AND d.name = ?",
            (gallery, definition),
        ).fetchone()[0]
        svc.resolve_latest(sub, "rg-scale", gallery, definition, "eastus")
        service_ms = timed(lambda: svc.resolve_latest(sub, "rg-scale", gallery, definition, "eastus"), repeat)
        floor_ms = timed(lambda: reads.latest_name(raw, pk, now.timestamp(), "eastus"), repeat)
    print("METRICS " + json.dumps({"value": service_ms, "floor": floor_ms}))


def svc_all(svc, now):
    with svc.read() as conn:
        return reads.latest_names(conn, now.timestamp(), "eastus")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
