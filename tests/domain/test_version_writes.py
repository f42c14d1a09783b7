"""Image version writes decided on hand-built facts: no database."""

import dataclasses

import pytest

from sigtui.domain.errors import AzureError
from sigtui.domain.models import DiskImage, ImageDefinition, ImageVersion, Source, SourceKind, TargetRegion
from sigtui.domain.plan import Delete, Insert, NewKey, Update
from sigtui.domain.version_writes import VersionFacts, decide_create, decide_delete, decide_remove_region, decide_retry

from .builders import T0, T1, done, failed
from .test_gallery_writes import OWNER, READER, SUB

DEFINITION = ImageDefinition("s", "rg", "g", "d", "westus", "P", "O", "S", "Linux", "Generalized")
IMAGE_ID = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/images/img"
IMAGE = Source(
    IMAGE_ID, SourceKind.MANAGED_IMAGE, "s", "rg", "img", "westus", "Linux", "Generalized", "V1", DiskImage(30, 5)
)
TARGETS = "galleryImageVersion.properties.publishingProfile.targetRegions"


def facts(caller=OWNER, **changes) -> VersionFacts:
    values = dict(now=T1, caller=caller, subscription=SUB, requested_subscription=None, resource_group="rg", rg_pk=1)
    parents = dict(gallery_name="g", definition_name="d", definition=DEFINITION, definition_pk=5)
    return VersionFacts(**{**values, **parents, **changes})


def request(*regions: str) -> ImageVersion:
    targets = tuple(TargetRegion(r) for r in regions)
    return ImageVersion("s", "rg", "g", "d", "1.0.0", "westus", None, source_id=IMAGE_ID, target_regions=targets)


def existing(*targets: TargetRegion) -> ImageVersion:
    return ImageVersion("s", "rg", "g", "d", "1.0.0", "westus", DiskImage(30, 5), target_regions=targets)


def test_a_new_version_is_its_row_its_regions_and_an_accepted_entry():
    decision = decide_create(facts(sources={IMAGE_ID.lower(): IMAGE}), request("westus", "eastus"))
    version, *regions, entry = decision.plan.steps
    assert isinstance(version, Insert) and version.key == NewKey("version") and version.values["definition_id"] == 5
    assert [r.values["region"] for r in regions] == ["westus", "eastus"]
    assert all(r.values["version_id"] == NewKey("version") for r in regions)
    assert entry.values["status"] == "Accepted"
    assert decision.result.os_disk.size_gb == 30 and decision.result.published_date == T1


def test_a_source_missing_from_the_facts_is_not_found():
    with pytest.raises(AzureError) as refused:
        decide_create(facts(), request("westus"))
    assert refused.value.code == "InvalidParameter" and f"Source {IMAGE_ID} is not found" in refused.value.message


def test_a_reader_may_not_create_a_version():
    with pytest.raises(AzureError) as refused:
        decide_create(facts(READER, sources={IMAGE_ID.lower(): IMAGE}), request("westus"))
    assert refused.value.code == "AuthorizationFailed"


def test_only_a_failed_region_is_retried():
    old = existing(done("westus"), failed("eastus"))
    decision = decide_retry(facts(existing=old, existing_pk=8), "1.0.0", "East US")
    restart, touched, failure, _ = decision.plan.steps
    assert isinstance(restart, Update) and restart.where == {"version_id": 8, "region": "eastus"}
    assert restart.values["attempt"] == 1 and touched.values["operation"] == "update"
    assert failure.table == "activity" and failure.values["status"] == "Failed", "the failure stays in the log"
    assert failure.values["caller"] == "Microsoft.Compute"
    assert "Replication to eastus failed" in failure.values["message"]
    with pytest.raises(AzureError) as refused:
        decide_retry(facts(existing=old, existing_pk=8), "1.0.0", "westus")
    assert refused.value.target == TARGETS and "has not failed" in refused.value.message


def test_removing_a_region_rewrites_the_remaining_ones():
    old = dataclasses.replace(existing(done("westus"), done("eastus")), allow_replicated_location_deletion=True)
    decision = decide_remove_region(facts(existing=old, existing_pk=8), "1.0.0", "eastus")
    assert [t.name for t in decision.result.target_regions] == ["westus"]
    assert Delete("target_region", {"version_id": 8}) in decision.plan.steps
    with pytest.raises(AzureError) as refused:
        decide_remove_region(facts(existing=old, existing_pk=8), "1.0.0", "japaneast")
    assert refused.value.target == TARGETS


def test_delete_removes_children_first():
    old = dataclasses.replace(existing(done("westus")), created_at=T0)
    steps = decide_delete(facts(existing=old, existing_pk=8), "1.0.0").plan.steps
    assert [(s.table, s.where) for s in steps[:3]] == [
        ("target_region", {"version_id": 8}),
        ("data_disk", {"version_id": 8}),
        ("image_version", {"id": 8}),
    ]
