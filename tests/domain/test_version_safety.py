"""Shallow replication and the safety profile, decided on hand-built facts."""

import dataclasses
from datetime import timedelta

import pytest

from sigtui.domain.errors import AzureError
from sigtui.domain.models import TargetRegion
from sigtui.domain.version_writes import decide_create, decide_delete, decide_remove_region, decide_update

from .builders import T1, done, running
from .test_version_writes import IMAGE, IMAGE_ID, existing, facts, request

SOURCES = {IMAGE_ID.lower(): IMAGE}


def test_a_shallow_version_copies_nothing_so_it_is_ready_sooner():
    full = decide_create(facts(sources=SOURCES), request("westus")).result
    shallow = decide_create(facts(sources=SOURCES), dataclasses.replace(request("westus"), replication_mode="shallow"))
    assert shallow.result.replication_mode == "Shallow"
    assert shallow.result.target_regions[0].job.duration_s < full.target_regions[0].job.duration_s


@pytest.mark.parametrize(("targets", "replicas", "words"), [
    ((TargetRegion("westus"), TargetRegion("eastus")), 1, "in its source region 'West US' only"),
    ((TargetRegion("westus", 2),), 1, "the replica count can only be 1"),
    ((TargetRegion("westus"),), 3, "the replica count can only be 1"),
])
def test_shallow_replication_keeps_one_replica_in_the_source_region(targets, replicas, words):
    asked = dataclasses.replace(request(), target_regions=targets, replica_count=replicas, replication_mode="Shallow")
    with pytest.raises(AzureError) as refused:
        decide_create(facts(sources=SOURCES), asked)
    assert words in refused.value.message


def test_the_replication_mode_cannot_change():
    old = dataclasses.replace(existing(done("westus")), replication_mode="Shallow")
    with pytest.raises(AzureError) as refused:
        decide_update(facts(existing=old, existing_pk=8), "1.0.0",
                      {"properties": {"publishingProfile": {"replicationMode": "Full"}}})
    assert "replicationMode' is not allowed" in refused.value.message


def test_a_replicated_region_goes_only_when_the_safety_profile_allows():
    old = existing(done("westus"), done("eastus"), running("northeurope", 0.5))
    with pytest.raises(AzureError) as refused:
        decide_remove_region(facts(existing=old, existing_pk=8), "1.0.0", "eastus")
    assert refused.value.code == "OperationNotAllowed" and "'East US'" in refused.value.message
    assert decide_remove_region(facts(existing=old, existing_pk=8), "1.0.0", "northeurope"), "still replicating"
    allowing = {"properties": {"safetyProfile": {"allowDeletionOfReplicatedLocations": True},
                               "publishingProfile": {"targetRegions": [{"name": "westus"}]}}}
    kept = decide_update(facts(existing=old, existing_pk=8), "1.0.0", allowing).result
    assert [t.name for t in kept.target_regions] == ["westus"] and kept.allow_replicated_location_deletion


def test_deletion_before_end_of_life_is_blocked_when_asked():
    old = dataclasses.replace(existing(done("westus")), block_deletion_before_end_of_life=True,
                              end_of_life_date=T1 + timedelta(days=1))
    with pytest.raises(AzureError) as refused:
        decide_delete(facts(existing=old, existing_pk=8), "1.0.0")
    assert refused.value.code == "DeleteGalleryImageVersionBlockedBeforeEndOfLife"
    past = dataclasses.replace(old, end_of_life_date=T1 - timedelta(days=1))
    assert decide_delete(facts(existing=past, existing_pk=8), "1.0.0").plan.steps
