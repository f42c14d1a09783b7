"""azure-identity and azure-mgmt-compute against `sigtui serve`: sign-in, the gallery's whole life with
long-running operations that follow the simulation clock, RBAC per service principal, Azure's errors."""

from __future__ import annotations

import pytest
import requests
from azure.core.exceptions import HttpResponseError, ResourceNotFoundError

from .conftest import MANAGED_IMAGE, compute, sigtui

RG = "rg-serve"


@pytest.fixture(scope="module")
def owner(served) -> dict:
    """A service principal that owns the subscription, with the resource group and managed image to publish."""
    sigtui(served.db, "group", "create", "-n", RG, "-l", "westus")
    sigtui(served.db, "image", "create", "-g", RG, "-n", "img-web", "-l", "westus", "--os-type", "Linux",
           "--os-disk-size-gb", "30", "--os-disk-used-gb", "8")
    return sigtui(served.db, "ad", "sp", "create-for-rbac", "-n", "pipeline", "--role", "Owner", "--scopes",
                  f"/subscriptions/{served.sub}")


@pytest.fixture(scope="module")
def client(served, owner):
    return compute(served, owner)


def headers_of(responses: list):
    return responses[0].http_response.headers


def test_a_version_is_published_updated_and_deleted_through_the_sdk(served, client):
    seen: list = []
    hook = {"raw_response_hook": seen.append}
    gallery = client.galleries.begin_create_or_update(RG, "SdkGallery", {"location": "westus"}, **hook).result()
    assert "Azure-AsyncOperation" in headers_of(seen) and gallery.properties.provisioning_state == "Succeeded"
    client.gallery_images.begin_create_or_update(RG, "SdkGallery", "web", {"location": "westus", "properties": {
        "osType": "Linux", "osState": "Generalized", "hyperVGeneration": "V1",
        "identifier": {"publisher": "Contoso", "offer": "Web", "sku": "22_04"}}}).result()

    seen.clear()
    body = {"location": "westus", "properties": {
        "publishingProfile": {"targetRegions": [{"name": "westus"}, {"name": "eastus2", "regionalReplicaCount": 2}]},
        "storageProfile": {"source": {"id": MANAGED_IMAGE.format(sub=served.sub)}}}}
    poller = client.gallery_image_versions.begin_create_or_update(RG, "SdkGallery", "web", "1.0.0", body, **hook)
    first = headers_of(seen)
    assert seen[0].http_response.status_code == 201 and first["Retry-After"] == "1"
    assert "/capsOperations/" in first["Azure-AsyncOperation"] and first["x-ms-request-id"]
    assert poller.status() == "InProgress"
    sigtui(served.db, "clock", "advance", "1d")
    assert poller.result().properties.provisioning_state == "Succeeded"

    got = client.gallery_image_versions.get(RG, "SdkGallery", "web", "1.0.0", expand="ReplicationStatus")
    status = got.properties.replication_status
    assert status.aggregated_state == "Completed"
    assert sorted(s.region for s in status.summary) == ["East US 2", "West US"]
    assert [v.name for v in client.gallery_image_versions.list_by_gallery_image(RG, "SdkGallery", "web")] == ["1.0.0"]

    regions = [*body["properties"]["publishingProfile"]["targetRegions"], {"name": "northeurope"}]
    update = {"properties": {"publishingProfile": {"targetRegions": regions}}}
    poller = client.gallery_image_versions.begin_update(RG, "SdkGallery", "web", "1.0.0", update)
    assert poller.status() == "InProgress"
    sigtui(served.db, "clock", "advance", "1d")
    updated = poller.result()
    assert len(updated.properties.publishing_profile.target_regions) == 3

    seen.clear()
    client.gallery_image_versions.begin_delete(RG, "SdkGallery", "web", "1.0.0", **hook).result()
    assert seen[0].http_response.status_code == 202 and "Location" in headers_of(seen)
    with pytest.raises(ResourceNotFoundError) as gone:
        client.gallery_image_versions.get(RG, "SdkGallery", "web", "1.0.0")
    assert gone.value.status_code == 404 and gone.value.error.code == "ResourceNotFound"


def test_a_reader_may_look_but_not_write(served, client, owner):
    reader = sigtui(served.db, "ad", "sp", "create-for-rbac", "-n", "auditor", "--role", "Reader", "--scopes",
                    f"/subscriptions/{served.sub}/resourceGroups/{RG}")
    as_reader = compute(served, reader)
    assert "SdkGallery" in [g.name for g in as_reader.galleries.list_by_resource_group(RG)]
    with pytest.raises(HttpResponseError) as refused:
        as_reader.galleries.begin_create_or_update(RG, "ReaderGallery", {"location": "westus"})
    assert refused.value.status_code == 403 and refused.value.error.code == "AuthorizationFailed"
    assert "Microsoft.Compute/galleries/write" in refused.value.error.message


def test_a_bad_name_is_refused_with_azures_code(client):
    with pytest.raises(HttpResponseError) as refused:
        client.galleries.begin_create_or_update(RG, "bad-name!", {"location": "westus"})
    assert refused.value.status_code == 400 and refused.value.error.code == "InvalidParameter"


def test_without_a_token_resource_manager_answers_401(served):
    url = f"{served.endpoint}/subscriptions/{served.sub}/providers/Microsoft.Compute/galleries?api-version=2024-03-03"
    missing = requests.get(url, verify=served.ca)
    assert missing.status_code == 401 and missing.json()["error"]["code"] == "AuthenticationFailed"
    assert missing.headers["WWW-Authenticate"].startswith("Bearer authorization_uri=")
    forged = requests.get(url, verify=served.ca, headers={"Authorization": "Bearer not.a.token"})
    assert forged.status_code == 401 and forged.json()["error"]["code"] == "InvalidAuthenticationToken"
