"""Costs from the seed's billing example: 6 snapshots of 10 GB, egress for the first copy to each other region."""

import pytest

from sigtui.domain.costs import estimate, estimate_version
from sigtui.domain.models import DiskImage, ImageVersion, TargetRegion
from sigtui.domain.reference_data import prices


def seed_example(storage="Standard_LRS", regions=("westus", "eastus", "westeurope")) -> ImageVersion:
    """A 127 GB OS disk with 10 GB used plus an empty 32 GB data disk, 3 regions × 2 replicas."""
    return ImageVersion(
        "s",
        "rg",
        "g",
        "d",
        "1.0.0",
        "westus",
        DiskImage(127, 10),
        (DiskImage(32, 0, 0),),
        target_regions=tuple(TargetRegion(r) for r in regions),
        replica_count=2,
        storage_account_type=storage,
    )


def test_seed_billing_example():
    cost = estimate_version(seed_example())
    table = prices()
    assert cost.snapshots == 6
    assert cost.stored_gb == {"Standard_LRS": 60}
    assert cost.egress_gb == 20
    assert cost.monthly_storage == pytest.approx(60 * table["snapshotPerGBMonth"]["Standard_LRS"])
    same, far = table["egressPerGB"]["sameContinent"], table["egressPerGB"]["interContinent"]
    assert cost.egress == pytest.approx(10 * same + 10 * far)
    body = cost.to_json()
    assert body["currency"] == "USD" and body["illustrative"] is True
    assert body["snapshots"] == 6 and body["storedGB"] == {"Standard_LRS": 60} and body["egressGB"] == 20


def test_storage_type_per_region_and_regional_replicas():
    version = ImageVersion(
        "s",
        "rg",
        "g",
        "d",
        "1.0.0",
        "eastus",
        DiskImage(30, 8),
        target_regions=(TargetRegion("eastus", 3, "Standard_ZRS"), TargetRegion("eastus2", 1, "Premium_LRS")),
    )
    cost = estimate_version(version)
    assert cost.snapshots == 4
    assert cost.stored_gb == {"Standard_ZRS": 24, "Premium_LRS": 8}
    assert cost.egress_gb == 8


def test_estimates_add_up():
    total = estimate([seed_example(), seed_example("Premium_LRS")])
    assert total.snapshots == 12
    assert total.stored_gb == {"Standard_LRS": 60, "Premium_LRS": 60}
    assert total.egress_gb == 40


def test_single_region_has_no_egress():
    assert estimate_version(seed_example(regions=("westus",))).egress_gb == 0
