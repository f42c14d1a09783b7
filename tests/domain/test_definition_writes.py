"""Image definition writes decided on hand-built facts: no database."""

import pytest

from sigtui.domain.definition_writes import DefinitionFacts, decide_create, decide_delete, decide_update
from sigtui.domain.errors import AzureError
from sigtui.domain.models import Gallery, ImageDefinition
from sigtui.domain.plan import Delete, Insert, Update

from .builders import T0
from .test_gallery_writes import OWNER, READER, SUB

GALLERY = Gallery("s", "rg", "g1", "westus")


def definition(name="d1", sku="22_04", **changes) -> ImageDefinition:
    values = dict(location="", publisher="Contoso", offer="Ubuntu", sku=sku, os_type="Linux", os_state="Generalized")
    return ImageDefinition("s", "rg", "g1", name, **{**values, **changes})


def facts(caller=OWNER, **changes) -> DefinitionFacts:
    values = dict(now=T0, caller=caller, subscription=SUB, requested_subscription=None, resource_group="rg")
    parents = dict(rg_pk=7, gallery_name="g1", gallery=GALLERY, gallery_pk=4)
    return DefinitionFacts(**{**values, **parents, **changes})


def test_a_new_definition_takes_the_gallery_location_and_is_one_insert():
    decision = decide_create(facts(), definition())
    row, entry = decision.plan.steps
    assert isinstance(row, Insert) and row.values["gallery_id"] == 4 and row.values["location"] == "westus"
    assert entry.values["operation"] == "Microsoft.Compute/galleries/images/write"


def test_a_missing_gallery_is_the_missing_parent():
    with pytest.raises(AzureError) as refused:
        decide_create(facts(gallery=None, gallery_pk=None), definition())
    assert refused.value.code == "ParentResourceNotFound"


def test_the_identifier_triple_is_unique_in_the_gallery():
    with pytest.raises(AzureError) as refused:
        decide_create(facts(siblings=(definition("other"),)), definition())
    assert refused.value.status == 409 and "already exists" in refused.value.message


def test_a_reader_may_not_change_a_definition():
    existing = definition(location="westus")
    with pytest.raises(AzureError) as refused:
        decide_update(facts(READER, existing=existing, existing_pk=9), "d1", {"properties": {"description": "x"}})
    assert refused.value.code == "AuthorizationFailed"


def test_patch_changes_the_description_in_place():
    existing = definition(location="westus")
    decision = decide_update(facts(existing=existing, existing_pk=9), "d1", {"properties": {"description": "x"}})
    update = decision.plan.steps[0]
    assert isinstance(update, Update) and update.where == {"id": 9} and update.values["description"] == "x"


def test_delete_needs_no_versions():
    existing = definition(location="westus")
    with pytest.raises(AzureError) as refused:
        decide_delete(facts(existing=existing, existing_pk=9, has_versions=True), "d1")
    assert refused.value.code == "CannotDeleteResource"
    steps = decide_delete(facts(existing=existing, existing_pk=9), "d1").plan.steps
    assert steps[:2] == (Delete("soft_deleted_version", {"definition_id": 9}), Delete("image_definition", {"id": 9}))
