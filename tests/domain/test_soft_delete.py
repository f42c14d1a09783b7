"""Soft delete decided on hand-built facts: what a delete keeps, and how a restore puts it back."""

import json

import pytest

from sigtui.domain.errors import AzureError
from sigtui.domain.models import SoftDeletedVersion
from sigtui.domain.plan import Delete, Insert, NewKey
from sigtui.domain.soft_delete import decide_restore
from sigtui.domain.version_writes import decide_create, decide_delete

from .builders import T1, done
from .test_version_writes import IMAGE, IMAGE_ID, existing, facts, request


def _kept(old) -> SoftDeletedVersion:
    step = decide_delete(facts(existing=old, existing_pk=8, soft_delete=True), "1.0.0").plan.steps[0]
    assert isinstance(step, Insert) and step.table == "soft_deleted_version"
    values = step.values
    assert (values["definition_id"], values["name"], values["deleted_at"]) == (5, "1.0.0", T1.timestamp())
    return SoftDeletedVersion("s", "rg", "g", "d", "1.0.0", "westus", T1, values["snapshot"])


def test_a_soft_delete_keeps_the_version_then_deletes_its_rows():
    old = existing(done("westus"), done("eastus"))
    steps = decide_delete(facts(existing=old, existing_pk=8, soft_delete=True), "1.0.0").plan.steps
    assert [s.table for s in steps] == ["soft_deleted_version", "target_region", "data_disk", "image_version",
                                        "activity"]
    snapshot = json.loads(steps[0].values["snapshot"])
    assert [r["region"] for r in snapshot["target_regions"]] == ["westus", "eastus"]
    assert snapshot["rest"]["name"] == "1.0.0"


def test_without_soft_delete_nothing_is_kept():
    steps = decide_delete(facts(existing=existing(done("westus")), existing_pk=8), "1.0.0").plan.steps
    assert "soft_deleted_version" not in [s.table for s in steps]


def test_a_restore_puts_the_same_rows_back_under_the_definition():
    deleted = _kept(existing(done("westus"), done("eastus")))
    steps = decide_restore(facts(soft_deleted=deleted, definition_pk=6), "1.0.0").plan.steps
    version, westus, eastus, gone, entry = steps
    assert version.table == "image_version" and version.values["definition_id"] == 6
    assert version.key == NewKey("version")
    assert (westus.values["region"], eastus.values["region"]) == ("westus", "eastus")
    assert westus.values["version_id"] == NewKey("version") and westus.values["started_at"] is not None
    assert gone == Delete("soft_deleted_version", {"definition_id": 6, "name": "1.0.0"})
    assert entry.table == "activity" and entry.values["message"] == "Restored from soft delete"


def test_a_restore_with_nothing_deleted_is_not_found():
    with pytest.raises(AzureError) as refused:
        decide_restore(facts(), "1.0.0")
    assert refused.value.status == 404


def test_a_new_version_may_not_take_a_soft_deleted_name():
    deleted = _kept(existing(done("westus")))
    with pytest.raises(AzureError) as refused:
        decide_create(facts(soft_deleted=deleted, sources={IMAGE_ID.lower(): IMAGE}), request("westus"))
    assert refused.value.status == 409 and "soft-deleted" in refused.value.message
