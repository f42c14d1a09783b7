"""Every refusal of a version, definition or gallery rule names the property at fault (`target`)."""

import dataclasses

import pytest

from sigtui.domain import rules
from sigtui.domain.errors import AzureError
from sigtui.domain.models import DiskImage, Encryption, TargetRegion

from .builders import T0
from .test_gallery_writes import SUB
from .test_version_writes import DEFINITION, IMAGE, IMAGE_ID, existing, facts, request

STORAGE = "galleryImageVersion.properties.storageProfile"
ENCRYPTION = "galleryImageVersion.properties.publishingProfile.targetRegions.encryption"


def refusal(call) -> AzureError:
    with pytest.raises(AzureError) as refused:
        call()
    return refused.value


def test_a_missing_source_names_the_source_id():
    error = refusal(lambda: rules.resolve_disks(request("westus"), DEFINITION, "westus", lambda _: None))
    assert error.target == f"{STORAGE}.source.id"


def test_a_source_of_the_wrong_os_names_the_source_id():
    windows = dataclasses.replace(IMAGE, os_type="Windows")
    error = refusal(lambda: rules.check_source_matches(windows, DEFINITION, "westus"))
    assert error.target == f"{STORAGE}.source.id"


def test_two_kinds_of_source_name_the_storage_profile():
    both = dataclasses.replace(request("westus"), os_disk=DiskImage(30, 5, source_id=IMAGE_ID))
    assert refusal(lambda: rules.resolve_disks(both, DEFINITION, "westus", lambda _: IMAGE)).target == STORAGE


def test_a_missing_encryption_set_names_the_encryption():
    enc = TargetRegion("westus", encryption=Encryption("/subscriptions/s/x/diskEncryptionSets/none"))
    version = dataclasses.replace(existing(), target_regions=(enc,))
    assert refusal(lambda: rules.check_encryption(version, lambda _: None, "s")).target == ENCRYPTION


def test_the_regional_quota_names_the_location():
    error = refusal(lambda: rules.check_quota("galleries", 100, "galleriesPerSubscriptionPerRegion"))
    assert error.target == "location"


def test_an_unavailable_location_names_the_location():
    assert refusal(lambda: rules.check_location("mars", SUB, rules.GALLERY_TYPE)).target == "location"


def test_a_version_marked_for_deletion_cannot_change():
    old = dataclasses.replace(existing(), deleting=True, created_at=T0)
    error = refusal(lambda: rules.validate_version_update(old, old, SUB, facts().find_set, T0))
    assert error.target == "galleryImageVersion"
