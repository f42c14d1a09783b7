"""Every rule of SPEC §2 through the service layer: Azure's code and message, and an unchanged database."""

import dataclasses
from datetime import timedelta

import pytest

from sigtui.domain.errors import AzureError
from sigtui.domain.models import DiskImage, Encryption, Gallery, ImageDefinition, TargetRegion

from .world import build_world, dump, encrypted


@pytest.fixture
def world(svc):
    return build_world(svc)


def definition(world, name="d2", publisher="Other", offer="Linux", sku="22", os_type="Linux", **kw):
    return ImageDefinition(world.sub, "rg", "gallery1", name, "westus", publisher, offer, sku, os_type, **kw)


CASES = {
    "gallery name with a dash": (
        lambda w: w.svc.create_gallery(Gallery(w.sub, "rg", "my-gallery", "westus")),
        "InvalidParameter",
        "Gallery name is invalid.",
    ),
    "gallery name not unique in the subscription": (
        lambda w: w.svc.create_gallery(Gallery(w.sub, "rg2", "gallery1", "westus")),
        "GalleryNameNotUnique",
        "The gallery name gallery1 is not unique within the subscription",
    ),
    "gallery in an unknown region": (
        lambda w: w.svc.create_gallery(Gallery(w.sub, "rg", "g2", "westmars")),
        "LocationNotAvailableForResourceType",
        "The provided location 'westmars' is not available for resource type 'Microsoft.Compute/galleries'.",
    ),
    "gallery in Australia Central without allow-listing": (
        lambda w: w.svc.create_gallery(Gallery(w.sub, "rg", "g2", "Australia Central")),
        "LocationNotAvailableForResourceType",
        "The provided location 'Australia Central' is not available",
    ),
    "gallery in a missing resource group": (
        lambda w: w.svc.create_gallery(Gallery(w.sub, "nope", "g2", "westus")),
        "ResourceGroupNotFound",
        "Resource group 'nope' could not be found.",
    ),
    "definition in a missing gallery": (
        lambda w: w.svc.create_definition(
            ImageDefinition(w.sub, "rg", "nogallery", "d", "westus", "a", "b", "c", "Linux")
        ),
        "ParentResourceNotFound",
        "Can not perform requested operation on nested resource. Parent resource 'nogallery' not found.",
    ),
    "definition triple already used": (
        lambda w: w.svc.create_definition(definition(w, publisher="Contoso", offer="Linux", sku="22")),
        "Conflict",
        "Gallery image: d2 identified by (publisher:Contoso, offer:Linux, sku:22) already exists.",
    ),
    "definition publisher too long": (
        lambda w: w.svc.create_definition(definition(w, publisher="p" * 129)),
        "InvalidParameter",
        "Asset name galleryImage.properties.identifier.publisher is not valid.",
    ),
    "definition with min above max": (
        lambda w: w.svc.create_definition(definition(w, vcpus_min=8, vcpus_max=2)),
        "InvalidParameter",
        "The minimum value of vCPUs must not be greater than the maximum value of vCPUs.",
    ),
    "definition end of life in the past": (
        lambda w: w.svc.create_definition(definition(w, end_of_life_date=w.svc.now() - timedelta(days=1))),
        "InvalidParameter",
        "EndOfLifeDate must be set to a future date.",
    ),
    "definition with an unknown OS type": (
        lambda w: w.svc.create_definition(definition(w, os_type="Plan9")),
        "InvalidParameter",
        "Cannot bind parameter osType. Cannot convert value Plan9",
    ),
    "version name with four parts": (
        lambda w: w.create("1.0.0.0"),
        "InvalidParameter",
        "The image version name is invalid.",
    ),
    "version in a missing definition": (
        lambda w: w.svc.create_version(_missing_definition(w)),
        "ParentResourceNotFound",
        "Can not perform requested operation on nested resource. Parent resource 'gallery1/nodef' not found.",
    ),
    "targets without the source region": (
        lambda w: w.create(targets=("eastus",)),
        "InvalidParameter",
        "Gallery image version publishing profile regions 'East US' must contain the location of image version "
        "'West US'.",
    ),
    "duplicate target regions": (
        lambda w: w.create(targets=("westus", "West US")),
        "InvalidParameter",
        "Duplicate regions are not allowed in target publishing regions",
    ),
    "ZRS in a region without zones": (
        lambda w: w.create(targets=(TargetRegion("westus", storage_account_type="Standard_ZRS"),)),
        "InvalidParameter",
        "ZRS storage account type is not supported in this region.",
    ),
    "regional replica count above 10": (
        lambda w: w.create(targets=(TargetRegion("westus", 11),)),
        "InvalidParameter",
        "The value 11 of parameter galleryImageVersion.properties.publishingProfile.targetRegions."
        "regionalReplicaCount is out of range. The value must be between 1 and 10, inclusive",
    ),
    "common replica count 0": (lambda w: w.create(replica_count=0), "InvalidParameter", "The value 0 of parameter"),
    "target in Australia Central 2 without allow-listing": (
        lambda w: w.create(targets=("westus", "australiacentral2")),
        "LocationNotAvailableForResourceType",
        "The provided location 'australiacentral2' is not available for resource type "
        "'Microsoft.Compute/galleries/images/versions'.",
    ),
    "replication across clouds": (
        lambda w: w.create(targets=("westus", "chinaeast")),
        "InvalidParameter",
        "Replication across clouds is not supported: 'China East' is in the china cloud",
    ),
    "source does not exist": (
        lambda w: w.create(source_id=w.image + "x"),
        "InvalidParameter",
        "Source /subscriptions/",
    ),
    "source in another region": (lambda w: w.create(source_id=w.eastus_image), "InvalidParameter", "Source "),
    "source OS state differs": (
        lambda w: w.create(source_id=w.image_specialized),
        "InvalidParameter",
        "Cannot create Gallery Image Version from: ",
    ),
    "source Hyper-V generation differs": (
        lambda w: w.create(source_id=w.image_v2),
        "InvalidParameter",
        "The resource with id '",
    ),
    "source OS type differs": (
        lambda w: w.create(source_id=w.windows_image),
        "InvalidParameter",
        "The resource with id '",
    ),
    "no source at all": (
        lambda w: w.create(source_id=None),
        "InvalidParameter",
        "The gallery artifact version source can only be specified either directly under storageProfile",
    ),
    "two OS sources": (
        lambda w: w.create(os_source=w.snapshot_os),
        "InvalidParameter",
        "The gallery artifact version source can only be specified",
    ),
    "snapshot where an image is expected": (
        lambda w: w.create(source_id=w.snapshot_os),
        "InvalidParameter",
        "The source id: ",
    ),
    "duplicate data disk LUNs": (
        lambda w: w.svc.create_version(_snapshot_version(w, ((0, w.snapshot_data), (0, w.snapshot_data)))),
        "InvalidParameter",
        "Duplicated lun numbers have been detected in the input data disks.",
    ),
    "same source twice": (
        lambda w: w.svc.create_version(_snapshot_version(w, ((0, w.snapshot_data), (1, w.snapshot_data)))),
        "InvalidParameter",
        "Duplicated source ids are found in the input disks.",
    ),
    "OS and data disk from one source": (
        lambda w: w.svc.create_version(_snapshot_version(w, ((0, w.snapshot_os),))),
        "InvalidParameter",
        "OSDiskImage and DataDiskImage cannot point to same blob",
    ),
    "end of life in the past": (
        lambda w: w.create(end_of_life_date=w.svc.now() - timedelta(hours=1)),
        "InvalidParameter",
        "EndOfLifeDate must be set to a future date.",
    ),
    "encryption set in another region": (
        lambda w: w.create(targets=(TargetRegion("westus", encryption=Encryption(w.des_eastus)),)),
        "InvalidParameter",
        "The disk encryption set '",
    ),
    "encryption set not found": (
        lambda w: w.create(targets=(TargetRegion("westus", encryption=Encryption(w.des_westus + "x")),)),
        "InvalidParameter",
        "The disk encryption set ",
    ),
    "encryption in one region only": (
        lambda w: w.create(targets=(encrypted(w)[0], TargetRegion("eastus"))),
        "InvalidParameter",
        "A disk encryption set is required for disk 'galleryArtifactVersion.properties.publishingProfile."
        "targetRegions.encryption.osDiskImage.diskEncryptionSetId' in target region 'eastus'",
    ),
    "encryption for a LUN that does not exist": (
        lambda w: w.create(
            targets=(TargetRegion("westus", encryption=Encryption(w.des_westus, ((7, w.des_westus),))),)
        ),
        "InvalidParameter",
        "An invalid lun [7] was specified in encryption.dataDiskImages. The lun must be one of the following "
        "values ['0,1'].",
    ),
    "encryption LUN twice in a region": (
        lambda w: w.create(
            targets=(
                TargetRegion("westus", encryption=Encryption(w.des_westus, ((0, w.des_westus), (0, w.des_westus)))),
            )
        ),
        "InvalidParameter",
        "Duplicate luns '0' were specified in target region 'westus' encryption.dataDiskImages.",
    ),
}


def _snapshot_version(world, data):
    return world.version(
        source_id=None,
        os_source=world.snapshot_os,
        data=tuple(DiskImage(0, 0, lun, None, sid) for lun, sid in data),
        targets=("westus",),
    )


def _missing_definition(world):
    return dataclasses.replace(world.version(), definition="nodef")


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_rule_is_enforced_and_changes_nothing(world, case):
    action, code, message = CASES[case]
    before = dump(world.svc.db.path)
    with pytest.raises(AzureError) as error:
        action(world)
    assert error.value.code == code
    assert error.value.message.startswith(message), error.value.message
    assert dump(world.svc.db.path) == before


def test_version_limit_per_subscription_and_region(world, monkeypatch):
    import sigtui.domain.rules as rules

    real = rules.limits()
    monkeypatch.setattr(rules, "limits", lambda: {**real, "imageVersionsPerSubscriptionPerRegion": 1})
    world.create("1.0.0")
    with pytest.raises(AzureError) as error:
        world.create("1.0.1")
    assert error.value.code == "OperationNotAllowed"
    assert "Limit: 1, Current usage: 1" in error.value.message


def test_allow_listed_subscription_may_use_australia_central(world):
    svc = world.svc
    svc.add_subscription("11111111-2222-3333-4444-555555555555", "Allowed", allowed_regions=("Australia Central",))
    svc.create_resource_group("rg-au", "australiacentral", "Allowed")
    gallery = svc.create_gallery(Gallery("Allowed", "rg-au", "augallery", "Australia Central"))
    assert gallery.location == "australiacentral"


def test_encrypted_version_is_created_with_sets_in_each_region(world):
    version = world.create(targets=encrypted(world))
    assert version.encrypted
    assert [t.encryption.os_disk_set for t in version.target_regions] == [world.des_westus, world.des_eastus]


def test_cmk_version_cannot_be_the_source_of_another_version(world, fake_time):
    encrypted_version = world.create(targets=encrypted(world))
    world.svc.advance_clock(timedelta(days=2))
    with pytest.raises(AzureError) as error:
        world.create("2.0.0", source_id=encrypted_version.id)
    assert error.value.message.startswith("ACG Image version source encrypted with CMK cannot be used as source")


def test_plain_version_can_be_copied_once_replicated(world):
    first = world.create()
    with pytest.raises(AzureError):
        world.create("2.0.0", source_id=first.id)
    world.svc.advance_clock(timedelta(days=1))
    copy = world.create("2.0.0", source_id=first.id)
    assert copy.os_disk.size_gb == first.os_disk.size_gb
