"""azure-mgmt-compute's `virtual_machines` against `sigtui serve`: a VM from a gallery image inherits the
version's disks, Azure's osProfile rules, then get, list and delete."""

from __future__ import annotations

import pytest
from azure.core.exceptions import HttpResponseError, ResourceNotFoundError

from .conftest import compute, sigtui

RG = "rg-images"
IMAGE = "/subscriptions/{sub}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/ContosoImages/images/{d}"


@pytest.fixture(scope="module")
def client(served):
    """The demo catalog, and a service principal that owns its subscription."""
    owner = sigtui(served.db, "ad", "sp", "create-for-rbac", "-n", "deployer", "--role", "Owner", "--scopes",
                   f"/subscriptions/{served.sub}")
    return compute(served, owner)


def body(image: str, **extra) -> dict:
    return {"location": "westus", "properties": {
        "hardwareProfile": {"vmSize": "Standard_D2s_v5"},
        "storageProfile": {"imageReference": {"id": image}}, **extra}}


PASSWORD_PROFILE = {"osProfile": {"computerName": "web", "adminUsername": "azureuser",
                                  "adminPassword": "Golden-Image-2026!"}}


def test_a_vm_from_latest_inherits_the_versions_disks(served, client):
    image = IMAGE.format(sub=served.sub, d="ubuntu-web")
    made = client.virtual_machines.begin_create_or_update(RG, "sdk-web", body(image, **PASSWORD_PROFILE)).result()
    storage = made.properties.storage_profile
    assert storage.image_reference.exact_version == "1.3.0"
    assert storage.os_disk.disk_size_gb == 64 and storage.os_disk.create_option == "FromImage"
    assert [(d.lun, d.disk_size_gb, d.create_option) for d in storage.data_disks] == [(0, 128, "FromImage")]
    got = client.virtual_machines.get(RG, "sdk-web")
    assert got.properties.os_profile.admin_username == "azureuser"
    again = client.virtual_machines.begin_create_or_update(RG, "sdk-web", body(image, **PASSWORD_PROFILE)).result()
    assert again.properties.storage_profile.image_reference.exact_version == "1.3.0"
    with pytest.raises(HttpResponseError) as changed:
        client.virtual_machines.begin_create_or_update(RG, "sdk-web", body(image + "x", **PASSWORD_PROFILE)).result()
    assert changed.value.error.code == "PropertyChangeNotAllowed"
    assert "sdk-web" in [vm.name for vm in client.virtual_machines.list(RG)]
    client.virtual_machines.begin_delete(RG, "sdk-web").result()
    with pytest.raises(ResourceNotFoundError):
        client.virtual_machines.get(RG, "sdk-web")


def test_os_profile_rules_follow_the_image_state(served, client):
    with pytest.raises(HttpResponseError) as missing:
        client.virtual_machines.begin_create_or_update(RG, "sdk-bare", body(IMAGE.format(sub=served.sub,
                                                                                        d="ubuntu-web"))).result()
    assert missing.value.error.code == "InvalidParameter"
    assert missing.value.error.message == "Required parameter 'osProfile' is missing (null)."
    specialized = IMAGE.format(sub=served.sub, d="rhel-app")
    with pytest.raises(HttpResponseError) as refused:
        client.virtual_machines.begin_create_or_update(RG, "sdk-rhel", body(specialized, **PASSWORD_PROFILE),
                                                       ).result()
    assert refused.value.error.message == "Parameter 'osProfile' is not allowed."


def test_a_gallery_shared_directly_is_listed_and_deployed_through_the_sdk(served, client):
    dev = ("--subscription", "Contoso Dev/Test")
    for command in (("sig", "create", "-g", "rg-sandbox", "-r", "DevDirect", "--permissions", "Groups"),
                    ("sig", "image-definition", "create", "-g", "rg-sandbox", "-r", "DevDirect", "-i", "tools", "-p",
                     "Contoso", "-f", "Tools", "-s", "1", "--os-type", "Linux"),
                    ("image", "create", "-g", "rg-sandbox", "-n", "img-tools", "-l", "westeurope",
                     "--os-type", "Linux"),
                    ("sig", "image-version", "create", "-g", "rg-sandbox", "-r", "DevDirect", "-i", "tools", "-e",
                     "1.0.0", "--managed-image", "img-tools"),
                    ("sig", "share", "add", "-g", "rg-sandbox", "-r", "DevDirect", "--subscription-ids", served.sub)):
        sigtui(served.db, *command, *dev)
    sigtui(served.db, "clock", "advance", "1d")
    unique = "0b1f6471-1bf0-4dda-aec3-cb9272f09590-DEVDIRECT"
    assert [g.name for g in client.shared_galleries.list("westeurope")] == [unique]
    versions = list(client.shared_gallery_image_versions.list("westeurope", unique, "tools"))
    assert [v.name for v in versions] == ["1.0.0"]
    image = {"sharedGalleryImageId": f"/SharedGalleries/{unique}/Images/tools/Versions/latest"}
    vm = {"location": "westeurope", "properties": {"hardwareProfile": {"vmSize": "Standard_D2s_v5"},
                                                   "storageProfile": {"imageReference": image}, **PASSWORD_PROFILE}}
    made = client.virtual_machines.begin_create_or_update(RG, "sdk-shared", vm).result()
    assert made.properties.storage_profile.image_reference.exact_version == "1.0.0"
