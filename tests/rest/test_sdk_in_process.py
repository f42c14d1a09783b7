"""azure-mgmt-compute driving the REST face in this process through `InProcessTransport`: create, get, list,
update and delete at all three levels, `$expand=ReplicationStatus`, long-running operations that end when the
simulated clock has moved, and Azure's errors raised as `HttpResponseError`."""

from __future__ import annotations

import contextlib
import io
import json

import pytest
from azure.core.exceptions import HttpResponseError, ResourceNotFoundError
from azure.mgmt.compute import ComputeManagementClient

from sigtui.cli.main import main

from .inprocess import ENDPOINT, InProcessTransport, StaticToken

RG = "rg-sdk"


def sigtui(db, *args: str):
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()) as err:
        assert main([*args, "--db", str(db)]) == 0, err.getvalue()
    text = out.getvalue().strip()
    return json.loads(text) if text.startswith(("{", "[")) else text or None


@pytest.fixture
def world(tmp_path):
    """A new database with its clock paused, a resource group and a managed image to publish."""
    db = tmp_path / "sigtui.db"
    sigtui(db, "init")
    sigtui(db, "clock", "pause")
    sigtui(db, "group", "create", "-n", RG, "-l", "westus")
    sigtui(db, "image", "create", "-g", RG, "-n", "img-web", "-l", "westus", "--os-type", "Linux",
           "--os-disk-size-gb", "30", "--os-disk-used-gb", "8")
    transport = InProcessTransport(db)
    sub = sigtui(db, "account", "show")["id"]
    client = ComputeManagementClient(StaticToken(), sub, base_url=ENDPOINT, transport=transport)
    return db, sub, client, transport


DEFINITION = {"location": "westus", "properties": {
    "osType": "Linux", "osState": "Generalized", "hyperVGeneration": "V1",
    "identifier": {"publisher": "Contoso", "offer": "Web", "sku": "22_04"}}}


def _version(sub: str, *regions: str) -> dict:
    image = f"/subscriptions/{sub}/resourceGroups/{RG}/providers/Microsoft.Compute/images/img-web"
    return {"location": "westus", "properties": {
        "publishingProfile": {"targetRegions": [{"name": region} for region in regions]},
        "storageProfile": {"source": {"id": image}}}}


def test_the_gallery_s_whole_life_through_the_sdk(world):
    db, sub, client, transport = world
    gallery = client.galleries.begin_create_or_update(RG, "Sdk", {"location": "westus"}).result()
    assert gallery.properties.provisioning_state == "Succeeded"
    updated = client.galleries.begin_update(RG, "Sdk", {"properties": {"description": "In process"}}).result()
    assert updated.properties.description == "In process"
    assert [g.name for g in client.galleries.list_by_resource_group(RG)] == ["Sdk"]
    client.gallery_images.begin_create_or_update(RG, "Sdk", "web", DEFINITION).result()
    client.gallery_images.begin_update(RG, "Sdk", "web", {"properties": {"description": "Web"}}).result()
    assert client.gallery_images.get(RG, "Sdk", "web").properties.description == "Web"
    assert [d.name for d in client.gallery_images.list_by_gallery(RG, "Sdk")] == ["web"]

    poller = client.gallery_image_versions.begin_create_or_update(RG, "Sdk", "web", "1.0.0",
                                                                  _version(sub, "westus", "eastus2"))
    assert poller.status() == "InProgress"
    sigtui(db, "clock", "advance", "1d")
    assert poller.result().properties.provisioning_state == "Succeeded"
    got = client.gallery_image_versions.get(RG, "Sdk", "web", "1.0.0", expand="ReplicationStatus")
    assert got.properties.replication_status.aggregated_state == "Completed"
    assert sorted(s.region for s in got.properties.replication_status.summary) == ["East US 2", "West US"]
    assert [v.name for v in client.gallery_image_versions.list_by_gallery_image(RG, "Sdk", "web")] == ["1.0.0"]

    patch = {"properties": {"publishingProfile": {"excludeFromLatest": True}}}
    changed = client.gallery_image_versions.begin_update(RG, "Sdk", "web", "1.0.0", patch).result()
    assert changed.properties.publishing_profile.exclude_from_latest is True

    client.gallery_image_versions.begin_delete(RG, "Sdk", "web", "1.0.0").result()
    client.gallery_images.begin_delete(RG, "Sdk", "web").result()
    client.galleries.begin_delete(RG, "Sdk").result()
    assert list(client.galleries.list_by_resource_group(RG)) == []
    polls = [status for method, path, status in transport.sent if method == "GET" and "/capsOperations/" in path]
    assert polls and set(polls) == {200}, "the long-running operations were polled to their end"


def test_azure_s_errors_come_back_as_http_response_errors(world):
    client = world[2]
    with pytest.raises(ResourceNotFoundError) as missing:
        client.galleries.get(RG, "Nowhere")
    assert missing.value.error.code == "ResourceNotFound"
    client.galleries.begin_create_or_update(RG, "Sdk", {"location": "westus"}).result()
    with pytest.raises(HttpResponseError) as refused:
        client.gallery_images.begin_create_or_update(RG, "Sdk", "web", {"location": "westus", "properties": {
            "osType": "Linux", "identifier": {"publisher": "P", "offer": "O", "sku": "S"}}}).result()
    assert refused.value.status_code == 400 and refused.value.error.code == "InvalidParameter"
    assert "osState" in refused.value.error.message
    client.gallery_images.begin_create_or_update(RG, "Sdk", "web", DEFINITION).result()
    with pytest.raises(HttpResponseError) as blocked:
        client.galleries.begin_delete(RG, "Sdk").result()
    assert blocked.value.error.code == "CannotDeleteResource"
