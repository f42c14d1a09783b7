"""`latest` through the service layer, beside the same answer from raw queries on a bare sqlite3 connection.

Modes: `9` and `1000` (the definition with that many versions in the `latest` database), `one` (the first
definition of a scale database) and `all` (every definition at once).
"""

import json
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sigtui.store import reads
from sigtui.store.services import Services

SUBSCRIPTIONS = {"9": "Nine versions", "1000": "A thousand versions", "one": None}
REGION = "eastus"
DEFINITION_PK = (
    "SELECT d.id FROM image_definition d JOIN gallery g ON g.id = d.gallery_id JOIN resource_group rg "
    "ON rg.id = g.rg_id WHERE rg.subscription_id = ? AND rg.name = ? AND g.name = ? AND d.name = ?"
)


def timed(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def one_definition(svc: Services, raw: sqlite3.Connection, mode: str, repeat: int) -> tuple[float, float]:
    """The service resolving `latest` by names, and raw SQL finding the definition by names and its latest."""
    scale = raw.execute("SELECT subscription_id FROM resource_group WHERE name = 'rg-scale' LIMIT 1").fetchone()[0]
    subscriptions = {s.id: s.name for s in svc.list_subscriptions()}
    subscription = SUBSCRIPTIONS[mode] or subscriptions[scale]
    sub_id = next(pk for pk, name in subscriptions.items() if name == subscription)
    gallery = svc.list_galleries(subscription)[0].name
    definition = svc.list_definitions(subscription, "rg-scale", gallery)[0].name
    now = svc.now().timestamp()

    def floor() -> str | None:
        pk = raw.execute(DEFINITION_PK, (sub_id, "rg-scale", gallery, definition)).fetchone()[0]
        return reads.latest_name(raw, pk, now, REGION)

    def service():
        return svc.resolve_latest(subscription, "rg-scale", gallery, definition, REGION)

    service()
    return timed(service, repeat), timed(floor, repeat)


def every_definition(svc: Services, raw: sqlite3.Connection, repeat: int) -> tuple[float, float]:
    now = svc.now().timestamp()

    def service():
        with svc.read() as conn:
            return reads.latest_names(conn, now, REGION)

    return timed(service, repeat), timed(lambda: reads.latest_names(raw, now, REGION), repeat)


def main(db: str, mode: str, repeat: int) -> None:
    svc, raw = Services(Path(db)), sqlite3.connect(db)
    value, floor = every_definition(svc, raw, repeat) if mode == "all" else one_definition(svc, raw, mode, repeat)
    print("METRICS " + json.dumps({"value": value, "floor": floor}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
