"""Azure's REST examples go in through the service layer and come back out with the same fields and values."""

import pytest

from sigtui.domain.rest import (
    definition_from_rest,
    definition_to_rest,
    gallery_from_rest,
    gallery_to_rest,
    version_from_rest,
    version_to_rest,
)

from ..oracle import assert_subset, load

VERSION_EXAMPLES = [
    "CreateOrUpdateASimpleGalleryImageVersion.json",
    "CreateOrUpdateASimpleGalleryImageVersionWithVMAsSource.json",
    "CreateOrUpdateASimpleGalleryImageVersionWithSnapshotsAsSource.json",
]


@pytest.fixture
def azure(svc):
    """The prerequisites the examples refer to: resource group, gallery, definition, sources and key sets."""
    sub = svc.list_subscriptions()[0].id
    svc.create_resource_group("myResourceGroup", "westus")
    for p in (load("CreateOrUpdateASimpleGallery.json", sub)["parameters"],):
        svc.create_gallery(gallery_from_rest(p["gallery"], sub, p["resourceGroupName"], p["galleryName"]))
    p = load("CreateOrUpdateASimpleGalleryImage.json", sub)["parameters"]
    svc.create_definition(
        definition_from_rest(
            p["galleryImage"], sub, p["resourceGroupName"], p["galleryName"], p["galleryImageName"], svc.now()
        )
    )
    disks = dict(
        os_type="Windows", os_state="Generalized", hyper_v_generation="V1", os_disk_size_gb=10, os_disk_used_gb=4
    )
    svc.create_source(
        "image", "myResourceGroup", "myImage", "westus", **disks, data_disk_sizes_gb=[10, 10], data_disk_used_gb=[1, 1],
        os_host_caching="ReadOnly",
    )
    svc.create_source(
        "vm", "myResourceGroup", "myVM", "westus", **disks, data_disk_sizes_gb=[10, 10], data_disk_used_gb=[1, 1],
        os_host_caching="ReadOnly",
    )
    svc.create_source("snapshot", "myResourceGroup", "myOsSnapshot", "westus", **disks)
    svc.create_source("disk", "myResourceGroup", "myDataDisk", "westus", os_disk_size_gb=10, os_disk_used_gb=2)
    for name, region in (
        ("myWestUSDiskEncryptionSet", "westus"),
        ("myOtherWestUSDiskEncryptionSet", "westus"),
        ("myEastUSDiskEncryptionSet", "eastus"),
        ("myOtherEastUSDiskEncryptionSet", "eastus"),
        ("myDiskEncryptionSet", "westus"),
        ("myOtherDiskEncryptionSet", "westus"),
    ):
        svc.create_disk_encryption_set("myResourceGroup", name, region)
    return svc, sub


def test_gallery_round_trip(azure):
    svc, sub = azure
    example = load("CreateOrUpdateASimpleGallery.json", sub)
    gallery = svc.get_gallery(None, "myResourceGroup", "myGalleryName")
    assert_subset(example["responses"]["201"]["body"], gallery_to_rest(gallery))
    patch = load("UpdateASimpleGallery.json", sub)
    updated = svc.update_gallery(None, "myResourceGroup", "myGalleryName", patch["parameters"]["gallery"])
    assert_subset(patch["responses"]["200"]["body"], gallery_to_rest(updated))


def test_definition_round_trip(azure):
    svc, sub = azure
    example = load("CreateOrUpdateASimpleGalleryImage.json", sub)
    definition = svc.get_definition(None, "myResourceGroup", "myGalleryName", "myGalleryImageName")
    assert_subset(example["responses"]["201"]["body"], definition_to_rest(definition))
    patch = load("UpdateASimpleGalleryImage.json", sub)
    updated = svc.update_definition(
        None, "myResourceGroup", "myGalleryName", "myGalleryImageName", patch["parameters"]["galleryImage"]
    )
    assert_subset(patch["responses"]["200"]["body"], definition_to_rest(updated))


@pytest.mark.parametrize("name", VERSION_EXAMPLES)
def test_version_round_trip(azure, name):
    svc, sub = azure
    p = load(name, sub)["parameters"]
    version = version_from_rest(
        p["galleryImageVersion"],
        sub,
        p["resourceGroupName"],
        p["galleryName"],
        p["galleryImageName"],
        p["galleryImageVersionName"],
        svc.now(),
    )
    created = svc.create_version(version)
    expected = load(name, sub)["responses"]["201"]["body"]
    assert_subset(expected, version_to_rest(created, svc.now()))
    stored = svc.get_version(None, "myResourceGroup", "myGalleryName", "myGalleryImageName", "1.0.0")
    assert_subset(expected, version_to_rest(stored, svc.now()))


def test_replication_status_and_list_shapes(azure):
    from datetime import timedelta

    svc, sub = azure
    p = load(VERSION_EXAMPLES[0], sub)["parameters"]
    svc.create_version(
        version_from_rest(
            p["galleryImageVersion"], sub, "myResourceGroup", "myGalleryName", "myGalleryImageName", "1.0.0", svc.now()
        )
    )
    svc.advance_clock(timedelta(days=1))
    got = version_to_rest(
        svc.get_version(None, "myResourceGroup", "myGalleryName", "myGalleryImageName", "1.0.0"), svc.now(), expand=True
    )
    example = load("GetAGalleryImageVersionWithReplicationStatus.json", sub)["responses"]["200"]["body"]
    assert_subset(example["properties"]["replicationStatus"], got["properties"]["replicationStatus"])
    assert got["properties"]["provisioningState"] == "Succeeded"
