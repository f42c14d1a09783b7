"""The SQL paths for `latest` agree with the pure rule on varied data."""

import random
from datetime import timedelta

import pytest

from sigtui.domain.latest import resolve_latest
from sigtui.domain.models import TargetRegion
from sigtui.store import reads

from .world import build_world

REGIONS = ("westus", "eastus", "westeurope")


@pytest.mark.parametrize("seed", range(4))
def test_sql_latest_matches_the_pure_rule(svc, seed):
    rng = random.Random(seed)
    world = build_world(svc)
    svc.set_faults(rate=0.2, seed=str(seed))
    names = {f"{rng.randint(0, 3)}.{rng.randint(0, 12)}.{rng.randint(0, 3)}" for _ in range(25)}
    for name in sorted(names):
        targets = [TargetRegion("westus", exclude_from_latest=rng.choice([None, None, True, False]))]
        targets += [
            TargetRegion(r, exclude_from_latest=rng.choice([None, True, False]))
            for r in REGIONS[1:]
            if rng.random() < 0.6
        ]
        world.create(name, targets=targets, exclude_from_latest=rng.random() < 0.2)
        svc.advance_clock(timedelta(minutes=rng.randint(0, 90)))
    versions = svc.list_versions(None, "rg", "gallery1", "linux")
    now = svc.now()
    with svc.read() as conn:
        pk = reads.definition(conn, world.sub, "rg", "gallery1", "linux")[0]
        for region in (None, *REGIONS):
            expected = resolve_latest(versions, versions[0].definition_id, region, now).version
            assert reads.latest_name(conn, pk, now.timestamp(), region) == (expected.name if expected else None)
            assert reads.latest_names(conn, now.timestamp(), region).get(pk) == (expected.name if expected else None)
