"""A world built from an empty `sigtui init` database: tenants, subscriptions in one cloud each, and regions
allow-listed for a subscription."""

from __future__ import annotations

import pytest

CHINA = "--subscription 'Contoso China'"
PAT = "pat@contoso.onmicrosoft.com"


@pytest.fixture
def china(ok) -> dict:
    return ok("account create -n 'Contoso China' --tenant contoso.onmicrosoft.com --cloud azurechinacloud")


def test_a_tenant_and_a_subscription_in_it(ok):
    tenant = ok("account tenant create -n Fabrikam --domain fabrikam.onmicrosoft.com "
                "--tenant-id 0F0F0F0F-0000-4000-8000-000000000001")
    assert tenant["tenantId"] == "0f0f0f0f-0000-4000-8000-000000000001"
    assert [t["displayName"] for t in ok("account tenant list")] == ["Contoso", "Fabrikam"]
    made = ok("account create -n 'Fabrikam Prod' --tenant Fabrikam")
    assert (made["tenantId"], made["environmentName"], made["isDefault"]) == (tenant["tenantId"], "AzureCloud", False)
    assert "Fabrikam Prod" in [s["name"] for s in ok("account list")]
    assert ok("group create -n rg-fab -l westus --subscription 'Fabrikam Prod'")["location"] == "westus"


def test_a_subscription_refuses_the_locations_of_other_clouds(ok, refused, china):
    assert china["environmentName"] == "AzureChinaCloud"
    error = refused(f"group create -n rg -l westus {CHINA}")
    assert error == (
        "(LocationNotAvailableForResourceType) The provided location 'westus' is not available for resource type "
        "'Microsoft.Resources/resourceGroups'. List of available regions for the resource type is 'chinaeast,"
        "chinaeast2,chinanorth,chinanorth2,chinanorth3,chinaeast3'."
    )
    ok(f"group create -n rg -l chinaeast2 {CHINA}")
    ok(f"sig create -g rg -r ChinaGallery {CHINA}")
    assert "'usgovvirginia' is not available" in refused(f"sig create -g rg -r Other -l usgovvirginia {CHINA}")
    assert "'chinaeast' is not available" in refused("group create -n rg-cn -l chinaeast")
    assert ok(f"account region list {CHINA} --query [].name") == [
        "chinaeast", "chinaeast2", "chinanorth", "chinanorth2", "chinanorth3", "chinaeast3"]


def test_allow_listing_opens_australia_central(ok, refused):
    assert "'australiacentral2' is not available" in refused("group create -n rg -l australiacentral2")
    made = ok("account region add -l australiacentral australiacentral2")
    assert made["allowListedRegions"] == ["Australia Central", "Australia Central 2"]
    assert ok("group create -n rg -l australiacentral2")["location"] == "australiacentral2"
    assert ok("account region remove -l australiacentral")["allowListedRegions"] == ["Australia Central 2"]
    assert "needs no access request" in refused("account region add -l westus")
    assert "not a region of the AzureCloud cloud" in refused("account region add -l chinaeast")


def test_bad_input_is_refused_and_changes_nothing(ok, refused, china):
    assert "not a valid domain name" in refused("account tenant create -n X --domain not-a-domain")
    assert "is not a valid GUID" in refused("account tenant create -n X --domain x.example.com --tenant-id 42")
    assert refused("account tenant create -n Again --domain CONTOSO.onmicrosoft.com").startswith(
        "(TenantAlreadyExists)")
    assert refused("account create -n X --tenant nowhere.example.com") == "(TenantNotFound) Tenant " \
                                                                          "'nowhere.example.com' not found."
    assert "invalid choice" in refused("account create -n X --tenant Contoso --cloud AzureGermanCloud", status=2)
    assert refused(f"account create -n Again --tenant Contoso --subscription-id {china['id']}").startswith(
        "(SubscriptionAlreadyExists)")


def test_only_a_directory_administrator_builds_the_world(ok, refused):
    ok(f"ad user create --display-name Pat --user-principal-name {PAT}")
    ok(f"role assignment create --assignee {PAT} --role Contributor --scope /subscriptions/"
       f"{ok('account show')['id']}")
    denied = "(Authorization_RequestDenied) Insufficient privileges to complete the operation."
    assert refused(f"account tenant create -n F --domain f.example.com --as {PAT}") == denied
    assert refused(f"account create -n F --tenant Contoso --as {PAT}") == denied
    assert refused(f"account region add -l australiacentral --as {PAT}").startswith("(AuthorizationFailed)")
