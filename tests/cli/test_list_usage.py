"""`sigtui sig list-usage`: what a subscription uses in a region against Azure's limits, and the refusal at one."""

from __future__ import annotations

import pytest

from sigtui.domain import quotas, reference_data, rules

G = "-g MyResourceGroup -r MyGallery"


def _quotas(rows: list[dict]) -> dict[str, tuple[str, str]]:
    return {row["name"]["value"]: (row["currentValue"], row["limit"]) for row in rows}


def test_usage_counts_what_the_subscription_holds_in_the_region(ok, world):
    ok("image create -g MyResourceGroup -n img2 --os-type Windows --os-disk-size-gb 30")
    ok(f"sig image-version create {G} -i MyImage -e 1.0.0 --managed-image myImage "
       "--target-regions westus=3 eastus=2")
    assert _quotas(ok("sig list-usage -l westus")) == {
        "galleries": ("1", "100"),
        "imageDefinitions": ("1", "1000"),
        "imageVersions": ("1", "10000"),
        "replicasPerImageVersion": ("3", "10"),
    }
    east = _quotas(ok("sig list-usage --location 'East US'"))
    assert east["galleries"] == ("0", "100") and east["replicasPerImageVersion"] == ("2", "10")


def test_usage_rows_have_the_shape_az_prints(ok, world):
    first = ok("sig list-usage -l westus")[0]
    assert first == {"currentValue": "1", "limit": "100", "localName": "Galleries",
                     "name": {"localizedValue": "Galleries", "value": "galleries"}, "unit": "Count"}


def test_usage_table(az, world):
    result = az("sig list-usage -l westus -o table")
    assert result.status == 0
    assert result.out.splitlines()[0].split() == ["CurrentValue", "Limit", "LocalName", "Unit"]
    assert "Image definitions" in result.out


def test_unknown_location_and_missing_location_are_refused(refused, world):
    assert refused("sig list-usage -l nowhere").startswith(
        "(LocationNotAvailableForResourceType) The provided location 'nowhere' is not available")
    assert "the following arguments are required: -l/--location" in refused("sig list-usage", status=2)


@pytest.fixture
def two_galleries(monkeypatch):
    """Azure's limits with room for only two galleries per subscription and region."""
    tight = {**reference_data.limits(), "galleriesPerSubscriptionPerRegion": 2}
    for module in (rules, quotas):
        monkeypatch.setattr(module, "limits", lambda: dict(tight))


def test_a_create_past_the_limit_is_refused_as_azure_does(ok, refused, world, two_galleries):
    ok("sig create -g MyResourceGroup -r Second")
    assert _quotas(ok("sig list-usage -l westus"))["galleries"] == ("2", "2")
    assert refused("sig create -g MyResourceGroup -r Third") == (
        "(OperationNotAllowed) Operation could not be completed as it results in exceeding approved galleries quota. "
        "Limit: 2, Current usage: 2, Additional required: 1.")
    ok("sig create -g MyResourceGroup -r Elsewhere -l eastus")


def test_an_identity_without_a_role_in_the_subscription_is_refused(ok, refused, world):
    ok("ad user create --display-name Mallory --user-principal-name mallory@contoso.onmicrosoft.com")
    assert refused("sig list-usage -l westus --as mallory@contoso.onmicrosoft.com").startswith(
        "(AuthorizationFailed) The client 'mallory@contoso.onmicrosoft.com'")
    ok(f"role assignment create --assignee mallory@contoso.onmicrosoft.com --role Reader --scope "
       f"/subscriptions/{world}/resourceGroups/MyResourceGroup/providers/Microsoft.Compute/galleries/MyGallery")
    assert _quotas(ok("sig list-usage -l westus --as mallory@contoso.onmicrosoft.com"))["galleries"] == ("1", "100")
