"""Illustrative cost estimates: replicas billed as snapshots of their occupied size, plus first-copy egress."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .models import ImageVersion
from .reference_data import find_region, prices


@dataclass(frozen=True, slots=True)
class CostEstimate:
    snapshots: int = 0
    stored_gb: dict[str, float] = field(default_factory=dict)
    egress_gb: float = 0.0
    monthly_storage: float = 0.0
    egress: float = 0.0

    @property
    def first_month(self) -> float:
        return self.monthly_storage + self.egress

    def __add__(self, other: CostEstimate) -> CostEstimate:
        stored = defaultdict(float, self.stored_gb)
        for kind, gb in other.stored_gb.items():
            stored[kind] += gb
        return CostEstimate(
            self.snapshots + other.snapshots,
            dict(stored),
            self.egress_gb + other.egress_gb,
            self.monthly_storage + other.monthly_storage,
            self.egress + other.egress,
        )

    def to_json(self, resource_id: str | None = None) -> dict:
        table = prices()
        body = {
            "snapshots": self.snapshots,
            "storedGB": {k: round(v, 2) for k, v in sorted(self.stored_gb.items())},
            "egressGB": round(self.egress_gb, 2),
            "monthlyStorageCost": round(self.monthly_storage, 2),
            "egressCost": round(self.egress, 2),
            "monthlyCost": round(self.monthly_storage, 2),
            "firstMonthCost": round(self.first_month, 2),
            "currency": table["currency"],
            "illustrative": table["illustrative"],
            "note": table["note"],
        }
        return {"id": resource_id, **body} if resource_id else body


def occupied_gb(version: ImageVersion) -> float:
    return version.os_disk.used_gb + sum(d.used_gb for d in version.data_disks)


def _egress_rate(source: str, target: str) -> float:
    rates = prices()["egressPerGB"]
    a, b = find_region(source), find_region(target)
    if a is None or b is None:
        return rates["default"]
    return rates["sameContinent"] if a.continent == b.continent else rates["interContinent"]


def estimate_version(version: ImageVersion) -> CostEstimate:
    """Storage: occupied GB × replicas in each region, priced per storage type; egress: one copy per other region."""
    snapshot_prices = prices()["snapshotPerGBMonth"]
    size = occupied_gb(version)
    stored: dict[str, float] = defaultdict(float)
    snapshots, storage_cost, egress_gb, egress_cost = 0, 0.0, 0.0, 0.0
    for target in version.target_regions:
        replicas = version.replicas_in(target)
        kind = version.storage_in(target)
        snapshots += replicas
        stored[kind] += size * replicas
        storage_cost += size * replicas * snapshot_prices[kind]
        if target.name != version.location:
            egress_gb += size
            egress_cost += size * _egress_rate(version.location, target.name)
    return CostEstimate(snapshots, dict(stored), egress_gb, storage_cost, egress_cost)


def estimate(versions: Iterable[ImageVersion]) -> CostEstimate:
    total = CostEstimate()
    for version in versions:
        total = total + estimate_version(version)
    return total
