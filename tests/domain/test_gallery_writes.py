"""Gallery writes decided on hand-built facts: no database."""

import pytest

from sigtui.domain.access import Caller, RoleAssignment
from sigtui.domain.errors import AzureError
from sigtui.domain.gallery_writes import GalleryFacts, decide_create, decide_delete, decide_update
from sigtui.domain.models import Gallery, Subscription
from sigtui.domain.plan import Delete, Insert, Update

from .builders import T0

SUB = Subscription("s", "Contoso", "t")
OWNER = Caller("admin", "admin", "o-1", (RoleAssignment("a", "o-1", "Owner", "/subscriptions/s"),))
READER = Caller("pat", "pat", "p-1", (RoleAssignment("b", "p-1", "Reader", "/subscriptions/s"),))
EXISTING = Gallery("s", "rg", "g1", "westus", "old", {}, created_at=T0, changed_at=T0)


def facts(caller=OWNER, **changes) -> GalleryFacts:
    values = dict(now=T0, caller=caller, subscription=SUB, requested_subscription=None, resource_group="rg", rg_pk=7)
    return GalleryFacts(**{**values, **changes})


def test_a_new_gallery_is_one_insert_and_its_activity_entry():
    decision = decide_create(facts(), Gallery("ignored", "rg", "g1", "West US", "Golden"))
    row, entry = decision.plan.steps
    assert isinstance(row, Insert) and row.table == "gallery"
    assert row.values["rg_id"] == 7 and row.values["location"] == "westus"
    assert entry.table == "activity" and entry.values["operation"] == "Microsoft.Compute/galleries/write"
    assert decision.result.subscription == "s" and decision.result.created_at == T0


def test_a_missing_resource_group_is_refused_before_anything_else():
    with pytest.raises(AzureError) as refused:
        decide_create(facts(rg_pk=None, caller=READER), Gallery("s", "rg", "g1", "westus"))
    assert refused.value.code == "ResourceGroupNotFound"


def test_a_reader_may_not_create():
    with pytest.raises(AzureError) as refused:
        decide_create(facts(caller=READER), Gallery("s", "rg", "g1", "westus"))
    assert refused.value.code == "AuthorizationFailed" and "'pat' with object id 'p-1'" in refused.value.message


def test_a_name_taken_elsewhere_in_the_subscription_is_refused():
    other = Gallery("s", "rg-other", "g1", "westus")
    with pytest.raises(AzureError) as refused:
        decide_create(facts(same_name=other), Gallery("s", "rg", "g1", "westus"))
    assert refused.value.code == "GalleryNameNotUnique"


def test_the_regional_quota_counts_from_the_facts():
    with pytest.raises(AzureError) as refused:
        decide_create(facts(in_region={"westus": 100}), Gallery("s", "rg", "g1", "westus"))
    assert refused.value.code == "OperationNotAllowed"


def test_put_over_an_existing_gallery_updates_only_what_may_change():
    decision = decide_create(facts(existing=EXISTING, existing_pk=3), Gallery("s", "rg", "g1", "westus", "new"))
    update = decision.plan.steps[0]
    assert isinstance(update, Update) and update.where == {"id": 3}
    assert set(update.values) == {"description", "tags", "changed_at", "soft_delete"}
    assert update.values["description"] == "new"
    with pytest.raises(AzureError) as refused:
        decide_create(facts(existing=EXISTING, existing_pk=3), Gallery("s", "rg", "g1", "westus"), if_none_match=True)
    assert refused.value.code == "ResourceExists"


def test_patch_cannot_move_a_gallery():
    with pytest.raises(AzureError) as refused:
        decide_update(facts(existing=EXISTING, existing_pk=3), "g1", {"location": "eastus"})
    assert (refused.value.code, refused.value.target) == ("PropertyChangeNotAllowed", "gallery.location")


def test_delete_needs_an_empty_gallery():
    with pytest.raises(AzureError) as refused:
        decide_delete(facts(existing=EXISTING, existing_pk=3, has_definitions=True), "g1")
    assert refused.value.code == "CannotDeleteResource"
    decision = decide_delete(facts(existing=EXISTING, existing_pk=3), "g1")
    assert decision.plan.steps[:2] == (Delete("gallery_share", {"gallery_id": 3}), Delete("gallery", {"id": 3}))


def test_a_missing_gallery_is_not_found():
    with pytest.raises(AzureError) as refused:
        decide_update(facts(), "nope", {})
    assert refused.value.code == "ResourceNotFound" and refused.value.status == 404
