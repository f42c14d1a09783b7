"""Direct sharing's pure rules: the SharingUpdate operations, Azure's limits, who sees a shared gallery, and the
`/SharedGalleries/...` ids."""

from __future__ import annotations

import dataclasses

import pytest

from sigtui.domain import direct_share
from sigtui.domain.errors import AzureError
from sigtui.domain.models import Gallery, Subscription

SUB = Subscription("11111111-1111-4111-8111-111111111111", "Consumer", "tttttttt-0000-4000-8000-000000000000")
GOV = Subscription("22222222-2222-4222-8222-222222222222", "Gov", "tttttttt-0000-4000-8000-000000000000",
                   cloud="AzureUSGovernment")
DIRECT = Gallery("33333333-3333-4333-8333-333333333333", "rg", "Direct", "westus", sharing="Groups")


def update(operation: str, **groups) -> dict:
    return {"operationType": operation, "groups": [{"type": k, "ids": v} for k, v in groups.items()]}


def test_add_remove_and_reset():
    added = direct_share.shared_with(DIRECT, update("add", Subscriptions=[SUB.id.upper()]), SUB)
    assert added == (("Subscriptions", SUB.id),)
    shared = dataclasses.replace(DIRECT, shared_with=added)
    assert direct_share.shared_with(shared, update("Remove", Subscriptions=[SUB.id]), SUB) == ()
    assert direct_share.shared_with(shared, {"operationType": "Reset"}, SUB) == ()


def test_the_limits_are_30_subscriptions_and_5_tenants():
    ids = [f"00000000-0000-4000-8000-{i:012d}" for i in range(31)]
    assert len(direct_share.shared_with(DIRECT, update("Add", Subscriptions=ids[:30]), SUB)) == 30
    with pytest.raises(AzureError) as refused:
        direct_share.shared_with(DIRECT, update("Add", Subscriptions=ids), SUB)
    assert refused.value.code == "OperationNotAllowed" and refused.value.status == 409
    with pytest.raises(AzureError, match="6 tenants"):
        direct_share.shared_with(DIRECT, update("Add", AADTenants=ids[:6]), SUB)


@pytest.mark.parametrize("gallery, body, subscription, message", [
    (Gallery("s", "rg", "Private", "westus"), update("Add", Subscriptions=["x"]), SUB, "not a direct shared gallery"),
    (DIRECT, update("Add"), SUB, "Required parameter 'groups' is missing"),
    (DIRECT, update("Add", Groups=["x"]), SUB, r"'groups\[0\].type' is invalid"),
    (DIRECT, {"operationType": "Share"}, SUB, "'operationType' is invalid"),
    (DIRECT, update("Add", Subscriptions=["x"]), GOV, "not supported in the AzureUSGovernment cloud"),
])
def test_refusals(gallery, body, subscription, message):
    with pytest.raises(AzureError, match=message):
        direct_share.shared_with(gallery, body, subscription)


def test_who_sees_a_shared_gallery():
    by_tenant = dataclasses.replace(DIRECT, shared_with=(("AADTenants", SUB.tenant_id),))
    assert direct_share.visible_to(by_tenant, SUB, to_tenant=True)
    assert direct_share.visible_to(by_tenant, SUB)
    assert not direct_share.visible_to(DIRECT, SUB)


def test_shared_gallery_ids():
    assert direct_share.unique_id(DIRECT, "web", "1.0.0") == (
        "/SharedGalleries/33333333-3333-4333-8333-333333333333-DIRECT/Images/web/Versions/1.0.0")
    assert direct_share.parse_shared_id("/SharedGalleries/u-G/Images/web/Versions/latest") == ("u-G", "web", "latest")
    assert direct_share.parse_shared_id("/SharedGalleries/u-G/Images/web") == ("u-G", "web", None)
    assert direct_share.parse_shared_id("/subscriptions/s/resourceGroups/rg") is None
