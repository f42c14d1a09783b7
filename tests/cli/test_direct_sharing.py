"""Direct sharing, from an empty `sigtui init` database: a gallery made with `--permissions Groups` is shared with
subscriptions and tenants (`sig share add|remove|reset`, `POST .../share`), within Azure's limits and never with
encrypted versions; the receiving subscription lists it (`list-shared`) and creates VMs from it."""

from __future__ import annotations

import json
import uuid

import pytest

G = "-g rg -r Direct"
CREDENTIALS = "--admin-username azureuser --admin-password Golden-Image-2026!"


@pytest.fixture
def world(ok) -> dict:
    """A publisher subscription with a direct shared gallery holding `web` 1.0.0 (West US, East US); a consumer and
    an outsider subscription in the same tenant."""
    ok("clock pause")
    publisher = ok("account show")["id"]
    consumer = ok("account create -n Consumer --tenant Contoso")["id"]
    outsider = ok("account create -n Outsider --tenant Contoso")["id"]
    ok("group create -n rg -l westus")
    ok(f"sig create {G} --permissions groups")
    ok(f"sig image-definition create {G} -i web -p Contoso -f Web -s 1 --os-type Linux")
    ok("image create -g rg -n img -l westus --os-type Linux --os-disk-size-gb 30")
    ok(f"sig image-version create {G} -i web -e 1.0.0 --managed-image img --target-regions westus eastus")
    ok("clock advance 1d")
    for name in ("Consumer", "Outsider"):
        ok(f"group create -n rg-app -l eastus --subscription {name}")
    return {"publisher": publisher, "consumer": consumer, "outsider": outsider,
            "unique": f"{publisher}-DIRECT", "tenant": ok("account show")["tenantId"]}


def test_share_add_remove_and_reset(ok, world):
    assert ok(f"sig show {G}")["properties"]["sharingProfile"] == {"permissions": "Groups"}
    answer = ok(f"sig share add {G} --subscription-ids {world['consumer']} --tenant-ids {world['tenant']}")
    assert answer["operationType"] == "Add"
    assert ok(f"sig show {G}")["properties"]["sharingProfile"] == {"permissions": "Groups", "groups": [
        {"type": "Subscriptions", "ids": [world["consumer"]]}, {"type": "AADTenants", "ids": [world["tenant"]]}]}
    ok(f"sig share remove {G} --tenant-ids {world['tenant']}")
    assert ok(f"sig show {G}")["properties"]["sharingProfile"]["groups"] == [
        {"type": "Subscriptions", "ids": [world["consumer"]]}]
    ok(f"sig share reset {G}")
    assert ok(f"sig show {G}")["properties"]["sharingProfile"] == {"permissions": "Groups"}
    assert ok("activity list")[0]["operationName"]["value"] == "Microsoft.Compute/galleries/share/action"


def test_the_receiving_subscription_sees_the_gallery_and_creates_vms_from_it(ok, refused, world):
    assert ok("sig list-shared -l westus --subscription Consumer") == []
    ok(f"sig share add {G} --subscription-ids {world['consumer']}")
    unique = world["unique"]
    galleries = ok("sig list-shared -l eastus --subscription Consumer")
    assert galleries == [{"name": unique, "location": "eastus",
                          "identifier": {"uniqueId": f"/SharedGalleries/{unique}"},
                          "properties": {"artifactTags": {}}}]
    assert ok("sig list-shared -l westus --subscription Outsider") == []
    assert ok(f"sig show-shared -l eastus --gallery-unique-name {unique} --subscription Consumer") == galleries[0]
    assert refused(f"sig show-shared -l eastus --gallery-unique-name {unique} --subscription Outsider") == (
        f"(GalleryNotFound) The shared gallery '{unique}' was not found, or is not shared with the subscription.")
    images = ok(f"sig image-definition list-shared -l eastus --gallery-unique-name {unique} --subscription Consumer")
    assert [(i["name"], i["properties"]["osType"]) for i in images] == [("web", "Linux")]
    version = ok(f"sig image-version show-shared -l eastus --gallery-unique-name {unique} -i web -e 1.0.0 "
                 "--subscription Consumer")
    assert version["identifier"]["uniqueId"] == f"/SharedGalleries/{unique}/Images/web/Versions/1.0.0"
    assert version["properties"]["storageProfile"]["osDiskImage"]["diskSizeGB"] == 30
    made = ok(f"vm create -g rg-app -n vm1 --image {version['identifier']['uniqueId']} {CREDENTIALS} "
              "--subscription Consumer")
    assert made["properties"]["storageProfile"]["imageReference"] == {
        "sharedGalleryImageId": version["identifier"]["uniqueId"], "exactVersion": "1.0.0"}
    latest = f"/SharedGalleries/{unique}/Images/web/Versions/latest"
    assert refused(f"vm create -g rg-app -n vm2 --image {latest} {CREDENTIALS} --subscription Outsider") == (
        f"(GalleryNotFound) The shared gallery '{unique}' was not found, or is not shared with the subscription.")
    assert ok(f"vm create -g rg-app -n vm2 --image {latest} {CREDENTIALS} --subscription Consumer")


def test_sharing_with_the_tenant_reaches_every_subscription_in_it(ok, world):
    ok(f"sig share add {G} --tenant-ids {world['tenant']}")
    assert [g["name"] for g in ok("sig list-shared -l westus --shared-to tenant --subscription Outsider")] == [
        world["unique"]]
    assert ok("sig list-shared -l westus --subscription Outsider") == [
        ok("sig list-shared -l westus --shared-to tenant --subscription Outsider")[0]]


def test_azures_rules_for_direct_sharing(ok, refused, world):
    ok("sig create -g rg -r Private")
    assert "is not a direct shared gallery" in refused(
        f"sig share add -g rg -r Private --subscription-ids {world['consumer']}")
    many = " ".join(str(uuid.UUID(int=i)) for i in range(1, 32))
    assert refused(f"sig share add {G} --subscription-ids {many}") == (
        "(OperationNotAllowed) A gallery can be directly shared with at most 30 subscriptions and 5 tenants; this "
        "would share it with 31 subscriptions.")
    tenants = " ".join(str(uuid.UUID(int=i)) for i in range(1, 7))
    assert "this would share it with 6 tenants" in refused(f"sig share add {G} --tenant-ids {tenants}")
    assert "give --subscription-ids and/or --tenant-ids" in refused(f"sig share add {G}", status=2)
    change = json.dumps({"location": "westus", "properties": {"sharingProfile": {"permissions": "Private"}}})
    url = f"/subscriptions/{world['publisher']}/resourceGroups/rg/providers/Microsoft.Compute/galleries/Direct"
    assert refused(["rest", "--method", "put", "--url", f"{url}?api-version=2024-03-03", "--body", change]) == (
        "(PropertyChangeNotAllowed) Changing property 'gallery.properties.sharingProfile.permissions' is not allowed.")


def test_a_direct_shared_gallery_holds_no_version_encrypted_with_customer_managed_keys(ok, refused, world):
    ok("disk-encryption-set create -g rg -n des-west -l westus")
    ok("disk-encryption-set create -g rg -n des-east -l eastus")
    encrypted = "--target-regions westus eastus --target-region-encryption des-west des-east"
    assert refused(f"sig image-version create {G} -i web -e 2.0.0 --managed-image img {encrypted}") == (
        "(InvalidParameter) The image version '2.0.0' is encrypted with customer-managed keys, and a direct shared "
        "gallery cannot hold encrypted image versions.")
    ok("sig create -g rg -r Private")
    ok("sig image-definition create -g rg -r Private -i web -p Contoso -f Web -s 1 --os-type Linux")
    ok(f"sig image-version create -g rg -r Private -i web -e 2.0.0 --managed-image img {encrypted}")


def test_only_an_owner_shares(ok, refused, world):
    pat = "pat@contoso.onmicrosoft.com"
    ok(f"ad user create --display-name Pat --user-principal-name {pat}")
    ok(f"role assignment create --assignee {pat} --role Contributor --scope /subscriptions/{world['publisher']}")
    assert refused(f"sig share add {G} --subscription-ids {world['consumer']} --as {pat}").startswith(
        "(AuthorizationFailed)")


def test_the_share_action_and_shared_galleries_over_rest(ok, refused, world):
    base = f"/subscriptions/{world['publisher']}/resourceGroups/rg/providers/Microsoft.Compute/galleries/Direct"
    body = json.dumps({"operationType": "Add", "groups": [{"type": "Subscriptions", "ids": [world["consumer"]]}]})
    ok(["rest", "--method", "post", "--url", f"{base}/share?api-version=2024-03-03", "--body", body])
    shared = (f"/subscriptions/{world['consumer']}/providers/Microsoft.Compute/locations/westus/sharedGalleries/"
              f"{world['unique']}")
    assert ok(["rest", "--method", "get", "--url", f"{shared}?api-version=2024-03-03"])["name"] == world["unique"]
    versions = ok(["rest", "--method", "get", "--url", f"{shared}/images/web/versions?api-version=2024-03-03"])
    assert [v["name"] for v in versions["value"]] == ["1.0.0"]
    community = json.dumps({"operationType": "EnableCommunity"})
    assert "'operationType' is not supported" in refused(
        ["rest", "--method", "post", "--url", f"{base}/share?api-version=2024-03-03", "--body", community])
