"""`sigtui cost`: seed 004's billing example, summed over a version, a definition, a gallery and the database."""

from __future__ import annotations

import pytest

G = "-g MyResourceGroup -r MyGallery"


@pytest.fixture
def billed(ok, world) -> dict:
    """Seed 004: a 127 GB OS disk with 10 GB used plus an empty 32 GB data disk, replicated to 3 regions with 2
    replicas each; and a second definition's version holding 5 GB in one region."""
    ok("image create -g MyResourceGroup -n seedImage --os-type Windows --os-disk-size-gb 127 --os-disk-used-gb 10 "
       "--data-disk-sizes-gb 32 --data-disk-used-gb 0")
    ok(f"sig image-version create {G} -i MyImage -e 1.0.0 --managed-image seedImage "
       "--target-regions westus eastus westus2 --replica-count 2")
    ok(f"sig image-definition create {G} -i lin -p Contoso -f Linux -s 1 --os-type Linux")
    ok("image create -g MyResourceGroup -n linImage --os-type Linux --os-disk-size-gb 30 --os-disk-used-gb 5")
    ok(f"sig image-version create {G} -i lin -e 1.0.0 --managed-image linImage")
    return {name: ok(command)["id"] for name, command in (
        ("gallery", f"sig show {G}"), ("definition", f"sig image-definition show {G} -i MyImage"),
        ("version", f"sig image-version show {G} -i MyImage -e 1.0.0"))}


SEED = {"snapshots": 6, "storedGB": {"Standard_LRS": 60.0}, "egressGB": 20.0, "monthlyStorageCost": 3.0,
        "egressCost": 0.4, "monthlyCost": 3.0, "firstMonthCost": 3.4}
"""6 snapshots of 10 GB at 0.05 a GB-month; 10 GB copied to each of the two other regions at 0.02 a GB."""
WITH_LINUX = {**SEED, "snapshots": 7, "storedGB": {"Standard_LRS": 65.0}, "monthlyStorageCost": 3.25,
              "monthlyCost": 3.25, "firstMonthCost": 3.65}


@pytest.mark.parametrize("level, expected", [("version", SEED), ("definition", SEED), ("gallery", WITH_LINUX),
                                             (None, WITH_LINUX)])
def test_seed_004_billing_example(ok, billed, level, expected):
    command = f"cost --id {billed[level]}" if level else "cost"
    estimate = ok(command)
    assert {k: estimate[k] for k in expected} == expected
    assert (estimate["currency"], estimate["illustrative"]) == ("USD", True)
    assert estimate["note"].startswith("Illustrative")
    assert estimate.get("id") == (billed[level] if level else None)


def test_premium_storage_is_priced_per_type(ok, world):
    ok(f"sig image-version create {G} -i MyImage -e 1.0.0 --managed-image myImage "
       "--target-regions westus=1=premium_lrs eastus")
    estimate = ok("cost")
    assert estimate["snapshots"] == 2
    assert estimate["storedGB"] == {"Premium_LRS": 20.0, "Standard_LRS": 20.0}
    assert estimate["monthlyStorageCost"] == round(20 * 0.132 + 20 * 0.05, 2)


def test_cost_only_counts_what_the_caller_may_read(ok, az, billed):
    ok("ad user create --display-name Pat --user-principal-name pat@contoso.onmicrosoft.com")
    me = "--as pat@contoso.onmicrosoft.com"
    assert ok(f"cost {me}")["snapshots"] == 0
    assert az(f"cost --id {billed['gallery']} {me}").err.startswith("(AuthorizationFailed)")
    ok(f"role assignment create --assignee pat@contoso.onmicrosoft.com --role Reader --scope {billed['definition']}")
    assert ok(f"cost {me}")["snapshots"] == 6
    assert ok(f"cost -o tsv --query snapshots {me}") == 6
