"""`sigtui sig image-version`: the seeds' commands and az's client-side parsing."""

from __future__ import annotations

import pytest

RG = "-g MyResourceGroup -r MyGallery -i MyImage"
SOURCE = "--managed-image myImage"


def des(sub: str, name: str) -> str:
    return f"/subscriptions/{sub}/resourceGroups/MyResourceGroup/providers/Microsoft.Compute/diskEncryptionSets/{name}"


def regions(version: dict) -> list[dict]:
    return version["properties"]["publishingProfile"]["targetRegions"]


def test_seed_002_managed_image_with_customer_managed_keys(ok, world):
    """Seed 002, CLI: OS disk and the data disk at LUN 0 encrypted in each target region."""
    for name in ("EastUS2DiskEncryptionSet1", "EastUS2DiskEncryptionSet2"):
        ok(f"disk-encryption-set create -g MyResourceGroup -n {name} -l eastus2")
    version = ok(
        "sig image-version create -g MyResourceGroup --gallery-image-version 1.0.0 --location westus "
        "--target-regions westus=2=standard_lrs eastus2 "
        "--target-region-encryption WestUSDiskEncryptionSet1,0,WestUSDiskEncryptionSet2 "
        "EastUS2DiskEncryptionSet1,0,EastUS2DiskEncryptionSet2 --gallery-name MyGallery "
        "--gallery-image-definition MyImage "
        f"--managed-image /subscriptions/{world}/resourceGroups/myResourceGroup/providers/Microsoft.Compute/images/"
        "myImage")
    west, east = regions(version)
    assert (west["name"], west["regionalReplicaCount"], west["storageAccountType"]) == ("West US", 2, "Standard_LRS")
    assert (east["name"], east["regionalReplicaCount"], east["storageAccountType"]) == ("East US 2", 1, "Standard_LRS")
    assert west["encryption"] == {
        "osDiskImage": {"diskEncryptionSetId": des(world, "WestUSDiskEncryptionSet1")},
        "dataDiskImages": [{"lun": 0, "diskEncryptionSetId": des(world, "WestUSDiskEncryptionSet2")}]}
    assert east["encryption"]["dataDiskImages"] == [{"lun": 0,
                                                     "diskEncryptionSetId": des(world, "EastUS2DiskEncryptionSet2")}]
    storage = version["properties"]["storageProfile"]
    assert storage["source"]["id"].endswith("/images/myImage")
    assert [(d["lun"], d["sizeInGB"]) for d in storage["dataDiskImages"]] == [(0, 64)]
    assert version["properties"]["provisioningState"] == "Creating"


def test_seed_002_snapshots_with_customer_managed_keys(ok, world):
    """Seed 002, snapshots: `--os-snapshot`, `--data-snapshot-luns 0 --data-snapshots`, and East US."""
    for name in ("EastUS2DiskEncryptionSet1", "EastUS2DiskEncryptionSet2"):
        ok(f"disk-encryption-set create -g MyResourceGroup -n {name} -l eastus")
    snapshots = f"/subscriptions/{world}/resourceGroups/myResourceGroup/providers/Microsoft.Compute/snapshots"
    version = ok(
        "sig image-version create -g MyResourceGroup --gallery-image-version 1.0.0 --location westus "
        "--target-regions westus=2=standard_lrs eastus "
        "--target-region-encryption WestUSDiskEncryptionSet1,0,WestUSDiskEncryptionSet2 "
        "EastUS2DiskEncryptionSet1,0,EastUS2DiskEncryptionSet2 "
        f"--os-snapshot {snapshots}/myOSSnapshot --data-snapshot-luns 0 --data-snapshots {snapshots}/myDDSnapshot "
        "--gallery-name MyGallery --gallery-image-definition MyImage")
    assert [r["name"] for r in regions(version)] == ["West US", "East US"]
    storage = version["properties"]["storageProfile"]
    assert storage["osDiskImage"]["source"]["id"].lower() == f"{snapshots}/myOSSnapshot".lower()
    assert storage["dataDiskImages"][0]["lun"] == 0
    assert storage["dataDiskImages"][0]["source"]["id"].lower() == f"{snapshots}/myDDSnapshot".lower()
    assert "source" not in storage


def test_replica_counts_from_the_docs(ok, world):
    """`--target-regions "westcentralus" "southcentralus=1" "eastus=1=standard_zrs" --replica-count 2`."""
    version = ok(f"sig image-version create {RG} -e 1.0.0 {SOURCE} --replica-count 2 "
                 '--target-regions "westus" "westcentralus" "southcentralus=1" "eastus=1=standard_zrs"')
    assert [(r["name"], r["regionalReplicaCount"], r["storageAccountType"]) for r in regions(version)] == [
        ("West US", 2, "Standard_LRS"), ("West Central US", 2, "Standard_LRS"), ("South Central US", 1, "Standard_LRS"),
        ("East US", 1, "Standard_ZRS")]
    assert version["properties"]["publishingProfile"]["replicaCount"] == 2


def test_defaults_location_from_the_resource_group_and_targets_from_the_location(ok, world):
    version = ok(f"sig image-version create {RG} -e 1.0.0 {SOURCE} --end-of-life-date 2099-06-30 "
                 "--exclude-from-latest --tags team=platform")
    profile = version["properties"]["publishingProfile"]
    assert version["location"] == "westus"
    assert [(r["name"], r["regionalReplicaCount"]) for r in profile["targetRegions"]] == [("West US", 1)]
    assert profile["endOfLifeDate"] == "2099-06-30T12:59:59Z"
    assert profile["excludeFromLatest"] is True
    assert profile["replicaCount"] == 1 and profile["storageAccountType"] == "Standard_LRS"
    assert version["tags"] == {"team": "platform"}


def test_storage_type_in_the_second_part_keeps_its_case(ok, world):
    version = ok(f"sig image-version create {RG} -e 1.0.0 {SOURCE} --target-regions westus=Premium_LRS")
    assert regions(version)[0]["storageAccountType"] == "Premium_LRS"


INVALID = "usage error: {} is an invalid target region argument. "
STORAGE_LIST = "Storage account types must be one of standard_lrs, standard_zrs, premium_lrs."


@pytest.mark.parametrize("target, message", [
    ("westus=fast", INVALID.format("westus=fast") + "The second part is neither an integer replica count or a valid "
                                                    "storage account type. " + STORAGE_LIST),
    ("westus=x=standard_lrs", INVALID.format("westus=x=standard_lrs") + "The second part must be a valid integer "
                                                                        "replica count."),
    ("westus=2=Standard_LRS", INVALID.format("westus=2=Standard_LRS") + "The third part is not a valid storage "
                                                                        "account type. " + STORAGE_LIST),
    ("westus=2=standard_lrs=x", INVALID.format("westus=2=standard_lrs=x") + "The third part is not a valid storage "
                                                                            "account type. " + STORAGE_LIST),
])
def test_target_region_syntax_errors_are_usage_errors(refused, world, target, message):
    assert refused(f"sig image-version create {RG} -e 1.0.0 {SOURCE} --target-regions {target}", 2) == message


@pytest.mark.parametrize("extra, message", [
    ("--target-regions westus eastus --target-region-encryption WestUSDiskEncryptionSet1",
     "usage error: Length of --target-region-encryption should be as same as length of target regions"),
    ("--target-regions westus --target-region-encryption WestUSDiskEncryptionSet1,0",
     "usage error: LUN and disk encryption set for data disk should appear in pair in --target-region-encryption. "
     "Example: osdes,0,datades0,1,datades1"),
    ("--data-snapshot-luns 0", "usage error: --data-snapshot-luns must be used together with --data-snapshots"),
    ("--data-snapshots a b --data-snapshot-luns 0",
     "usage error: Length of --data-snapshots and --data-snapshot-luns should be equal."),
])
def test_encryption_and_snapshot_usage_errors(refused, world, extra, message):
    assert refused(f"sig image-version create {RG} -e 1.0.0 {SOURCE} {extra}", 2) == message


def test_a_source_is_required(refused, world):
    assert refused(f"sig image-version create {RG} -e 1.0.0", 2).startswith(
        "usage error: Please provide --managed-image or --os-snapshot")


def test_null_os_encryption_and_data_disk_only(ok, world):
    version = ok(f"sig image-version create {RG} -e 1.0.0 {SOURCE} --target-regions westus "
                 "--target-region-encryption null,0,WestUSDiskEncryptionSet2")
    assert regions(version)[0]["encryption"] == {
        "dataDiskImages": [{"lun": 0, "diskEncryptionSetId": des(world, "WestUSDiskEncryptionSet2")}]}


def test_show_list_and_replication_status(ok, world):
    ok(f"sig image-version create {RG} -e 1.0.0 {SOURCE} --target-regions westus eastus")
    ok(f"sig image-version create {RG} -e 1.1.0 {SOURCE}")
    shown = ok(f"sig image-version show {RG} -e 1.0.0")
    assert "replicationStatus" not in shown["properties"]
    status = ok(f"sig image-version show {RG} -e 1.0.0 --expand ReplicationStatus")["properties"]["replicationStatus"]
    assert status["aggregatedState"] in ("Unknown", "InProgress")
    assert [s["region"] for s in status["summary"]] == ["West US", "East US"]
    ok("clock advance 1d")
    done = ok(f"sig image-version show {RG} -e 1.0.0 --expand replicationstatus")["properties"]
    assert done["replicationStatus"] == {"aggregatedState": "Completed", "summary": [
        {"region": "West US", "state": "Completed", "details": "", "progress": 100},
        {"region": "East US", "state": "Completed", "details": "", "progress": 100}]}
    assert done["provisioningState"] == "Succeeded"
    assert [v["name"] for v in ok(f"sig image-version list {RG}")] == ["1.0.0", "1.1.0"]


def test_update_target_regions_replica_count_and_generic_arguments(ok, world):
    ok(f"sig image-version create {RG} -e 1.0.0 {SOURCE}")
    updated = ok(f"sig image-version update {RG} -e 1.0.0 --target-regions westus eastus=2 --replica-count 3")
    assert [(r["name"], r["regionalReplicaCount"]) for r in regions(updated)] == [("West US", 3), ("East US", 2)]
    updated = ok(f"sig image-version update {RG} -e 1.0.0 --add publishingProfile.targetRegions name=westus2 "
                 "regionalReplicaCount=2 --set publishingProfile.excludeFromLatest=true "
                 "--set publishingProfile.endOfLifeDate=2099-01-01")
    assert [r["name"] for r in regions(updated)] == ["West US", "East US", "West US 2"]
    profile = updated["properties"]["publishingProfile"]
    assert profile["excludeFromLatest"] is True
    assert profile["endOfLifeDate"].startswith("2099-01-01T")
    updated = ok(f"sig image-version update {RG} -e 1.0.0 --remove publishingProfile.targetRegions 1 "
                 "--set publishingProfile.targetRegions[0].regionalReplicaCount=5")
    assert [(r["name"], r["regionalReplicaCount"]) for r in regions(updated)] == [("West US", 5), ("West US 2", 2)]
    assert updated["properties"]["provisioningState"] == "Updating"


def test_delete_and_delete_again(ok, az, world):
    ok(f"sig image-version create {RG} -e 1.0.0 {SOURCE}")
    assert ok(f"sig image-version delete {RG} -e 1.0.0") is None
    assert az(f"sig image-version delete {RG} -e 1.0.0").status == 0
    assert ok(f"sig image-version list {RG}") == []
