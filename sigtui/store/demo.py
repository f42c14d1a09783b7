"""The demo catalog: the scenario in sigtui/data/demo.yaml, built through the services so every object obeys
Azure's rules."""

from __future__ import annotations

from datetime import UTC, datetime

from ..domain.reference_data import DATA_DIR
from .scenario import Scenario, apply_scenario
from .services import Services

DEMO_SPEED = 30.0
STORY = DATA_DIR / "demo.yaml"


def build_demo(svc: Services, start: datetime | None = None, speed: float = DEMO_SPEED) -> None:
    """Fill an empty database with galleries, definitions and versions that show every state, in one
    transaction: a demo that fails or is interrupted leaves the database as it was. `start` is the demo's "now"."""
    scenario = Scenario.load(STORY)
    scenario.data["clock"] = {**(scenario.data.get("clock") or {}), "speed": speed}
    apply_scenario(svc, scenario, start or datetime.now(UTC))
