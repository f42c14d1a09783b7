"""Where a version comes from: a VM named by `virtualMachineId` (api-version 2023-07-03+), and a snapshot that
carries no OS state published into a Specialized definition."""

from __future__ import annotations

from .test_rest import rest  # noqa: F401  (fixture)

URL = ("/subscriptions/{sub}/resourceGroups/MyResourceGroup/providers/Microsoft.Compute/galleries/MyGallery/"
       "images/{definition}/versions/{version}?api-version=2024-03-03")


def _source(sub: str, kind: str, name: str) -> str:
    return f"/subscriptions/{sub}/resourceGroups/MyResourceGroup/providers/Microsoft.Compute/{kind}/{name}"


def test_a_vm_named_by_virtual_machine_id_is_echoed_so(ok, rest, world):  # noqa: F811
    ok("vm create -g MyResourceGroup -n buildVM --os-type Windows --os-disk-size-gb 30")
    body = {"location": "westus", "properties": {"storageProfile": {"source": {
        "virtualMachineId": _source(world, "virtualMachines", "buildVM")}}}}
    status, answer, error = rest("put", URL.format(sub=world, definition="MyImage", version="1.0.0"), body)
    assert status == 201, error
    assert answer["properties"]["storageProfile"]["source"] == body["properties"]["storageProfile"]["source"]
    assert answer["properties"]["storageProfile"]["osDiskImage"]["sizeInGB"] == 30


def test_virtual_machine_id_names_only_a_vm_and_never_with_id(rest, world):  # noqa: F811
    url = URL.format(sub=world, definition="MyImage", version="1.0.0")
    image = _source(world, "images", "myImage")
    status, _, error = rest("put", url, {"location": "westus", "properties": {"storageProfile": {"source": {
        "virtualMachineId": image}}}})
    assert status == 400 and "given as virtualMachineId must be a virtual machine" in error
    status, _, error = rest("put", url, {"location": "westus", "properties": {"storageProfile": {"source": {
        "virtualMachineId": image, "id": image}}}})
    assert status == 400 and "one of 'id' or 'virtualMachineId'" in error
    assert rest("get", url)[0] == 404


def test_a_snapshot_without_os_state_publishes_into_a_specialized_definition(ok, world):
    ok("sig image-definition create -g MyResourceGroup -r MyGallery -i Specialized -p Contoso -f Windows -s spec "
       "--os-type Windows --os-state Specialized")
    snapshot = ok("snapshot show -g MyResourceGroup -n myOSSnapshot")
    assert snapshot["properties"]["osState"] is None
    version = ok("sig image-version create -g MyResourceGroup -r MyGallery -i Specialized -e 1.0.0 "
                 "--os-snapshot myOSSnapshot")
    assert version["properties"]["storageProfile"]["osDiskImage"]["source"]["id"].endswith("/myOSSnapshot")
