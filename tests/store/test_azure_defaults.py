"""What Azure fills in when a request leaves it out: architecture, safety profile, and disk caching copied from
the source."""

import pytest

from sigtui.domain.errors import AzureError
from sigtui.domain.models import DiskImage, Gallery, ImageDefinition, ImageVersion, TargetRegion
from sigtui.domain.rest import definition_to_rest, version_to_rest

RG, GALLERY, DEFINITION = "rg", "gallery", "linux"


@pytest.fixture
def world(svc):
    sub = svc.list_subscriptions()[0].id
    svc.create_resource_group(RG, "westus")
    svc.create_gallery(Gallery(sub, RG, GALLERY, "westus"))
    svc.create_definition(ImageDefinition(sub, RG, GALLERY, DEFINITION, "westus", "pub", "offer", "sku", "Linux"))
    disks = dict(os_type="Linux", os_state="Generalized", hyper_v_generation="V1", os_disk_size_gb=10)
    svc.create_source("image", RG, "img", "westus", **disks, data_disk_sizes_gb=[4])
    svc.create_source("snapshot", RG, "snap", "westus", **disks)
    svc.create_source("disk", RG, "data", "westus", os_disk_size_gb=4)
    return svc, sub


def _version(svc, sub, name: str, os_disk: DiskImage, source_id=None, data=()) -> dict:
    version = ImageVersion(sub, RG, GALLERY, DEFINITION, name, "westus", os_disk, tuple(data), source_id,
                           (TargetRegion("westus"),))
    svc.create_version(version)
    return version_to_rest(svc.get_version(None, RG, GALLERY, DEFINITION, name), svc.now())


def _rid(sub: str, kind: str, name: str) -> str:
    return f"/subscriptions/{sub}/resourceGroups/{RG}/providers/Microsoft.Compute/{kind}/{name}"


def test_a_definition_without_architecture_is_x64(world):
    svc, _ = world
    body = definition_to_rest(svc.get_definition(None, RG, GALLERY, DEFINITION))
    assert body["properties"]["architecture"] == "x64"


def test_a_version_from_a_managed_image_copies_its_caching_and_has_a_safety_profile(world):
    svc, sub = world
    body = _version(svc, sub, "1.0.0", DiskImage(0, 0), _rid(sub, "images", "img"))
    storage = body["properties"]["storageProfile"]
    assert storage["osDiskImage"]["hostCaching"] == "ReadWrite"
    assert storage["dataDiskImages"][0]["hostCaching"] == "None"
    assert body["properties"]["safetyProfile"] == {
        "reportedForPolicyViolation": False, "allowDeletionOfReplicatedLocations": False,
        "blockDeletionBeforeEndOfLife": False}


def test_a_version_from_snapshots_caches_reads_on_the_os_disk(world):
    svc, sub = world
    data = [DiskImage(0, 0, 0, None, _rid(sub, "disks", "data"))]
    body = _version(svc, sub, "1.0.0", DiskImage(0, 0, None, None, _rid(sub, "snapshots", "snap")), data=data)
    storage = body["properties"]["storageProfile"]
    assert storage["osDiskImage"]["hostCaching"] == "ReadOnly"
    assert storage["dataDiskImages"][0]["hostCaching"] == "None"


def test_the_caching_a_request_asks_for_wins_over_the_source(world):
    svc, sub = world
    body = _version(svc, sub, "1.0.0", DiskImage(0, 0, None, "None"), _rid(sub, "images", "img"))
    assert body["properties"]["storageProfile"]["osDiskImage"]["hostCaching"] == "None"


def test_a_source_keeps_the_caching_it_was_made_with(world):
    svc, _ = world
    made = svc.create_source("vm", RG, "vm1", "westus", os_type="Linux", os_disk_size_gb=10,
                             os_host_caching="readonly", data_disk_sizes_gb=[4], data_disk_caching=["ReadWrite"])
    found = svc.get_source(made.id)
    assert found.os_disk.host_caching == "ReadOnly"
    assert found.data_disks[0].host_caching == "ReadWrite"


def test_an_unknown_caching_is_refused(world):
    svc, _ = world
    with pytest.raises(AzureError, match="Specify one of the following enumerator names"):
        svc.create_source("image", RG, "bad", "westus", os_type="Linux", os_host_caching="Sometimes")
    assert svc.list_sources() and all(s.name != "bad" for s in svc.list_sources())


def test_a_snapshot_without_os_state_makes_a_version_of_a_specialized_definition(world):
    svc, sub = world
    svc.create_definition(ImageDefinition(sub, RG, GALLERY, "special", "westus", "pub", "offer", "special", "Linux",
                                          "Specialized"))
    snapshot = svc.create_source("snapshot", RG, "vmdisk", "westus", os_type="Linux", os_disk_size_gb=10)
    assert snapshot.os_state is None
    version = ImageVersion(sub, RG, GALLERY, "special", "1.0.0", "westus", DiskImage(0, 0, None, None, snapshot.id),
                           target_regions=(TargetRegion("westus"),))
    assert svc.create_version(version).os_disk.source_id == snapshot.id
