"""The demo catalog: the scenario in sigtui/data/demo.yaml, built through the services so every object obeys
Azure's rules."""

from __future__ import annotations

from datetime import UTC, datetime

from ..domain.plan import plan
from ..domain.reference_data import DATA_DIR
from ..domain.simulation_writes import setting_insert
from ..domain.visits import WHILE_CLOSED
from .scenario import Scenario, apply_scenario
from .services import Services

DEMO_SPEED = 30.0
STORY = DATA_DIR / "demo.yaml"


def build_demo(svc: Services, start: datetime | None = None, speed: float = DEMO_SPEED) -> None:
    """Fill an empty database with galleries, definitions and versions that show every state, in one
    transaction: a demo that fails or is interrupted leaves the database as it was. `start` is the demo's "now".
    The demo's clock stands still while no workbench has it open, so its replication is live whenever opened."""
    scenario = Scenario.load(STORY)
    scenario.data["clock"] = {"speed": speed}
    with svc.db.batch():
        apply_scenario(svc, scenario, start or datetime.now(UTC))
        with svc.write() as tx:
            tx.apply(plan(setting_insert(WHILE_CLOSED, "stops")))
