"""Each api-version answers in its own shape: a property newer than the request's api-version is left out of the
answer and refused in a request body."""

from __future__ import annotations

from .test_rest import rest  # noqa: F401  (fixture)

GALLERY = "/subscriptions/{sub}/resourceGroups/MyResourceGroup/providers/Microsoft.Compute/galleries/MyGallery"
VERSION = GALLERY + "/images/MyImage/versions/1.0.0"


def test_an_older_api_version_does_not_answer_newer_properties(rest, world):  # noqa: F811
    url = VERSION.format(sub=world) + "?api-version="
    image = f"/subscriptions/{world}/resourceGroups/MyResourceGroup/providers/Microsoft.Compute/images/myImage"
    body = {"location": "westus", "properties": {
        "publishingProfile": {"targetRegions": [{"name": "westus", "excludeFromLatest": True}],
                              "endOfLifeDate": "2099-01-01T00:00:00Z"},
        "storageProfile": {"source": {"id": image}}, "safetyProfile": {"blockDeletionBeforeEndOfLife": True}}}
    assert rest("put", url + "2024-03-03", body)[0] == 201
    newest = rest("get", url + "2024-03-03")[1]["properties"]
    assert newest["safetyProfile"]["blockDeletionBeforeEndOfLife"] is True
    assert "excludeFromLatest" in newest["publishingProfile"]["targetRegions"][0]
    middle = rest("get", url + "2022-03-03")[1]["properties"]
    assert "blockDeletionBeforeEndOfLife" not in middle["safetyProfile"]
    assert middle["safetyProfile"]["allowDeletionOfReplicatedLocations"] is False
    old = rest("get", url + "2020-09-30")[1]["properties"]
    assert "safetyProfile" not in old and "excludeFromLatest" not in old["publishingProfile"]["targetRegions"][0]
    assert old["publishingProfile"]["storageAccountType"] == "Standard_LRS"
    listed = rest("get", VERSION.format(sub=world).rpartition("/")[0] + "?api-version=2019-03-01")[1]["value"]
    assert "safetyProfile" not in listed[0]["properties"]
    assert "storageAccountType" in listed[0]["properties"]["publishingProfile"]


def test_a_vm_source_is_its_id_before_2023_07_03(ok, rest, world):  # noqa: F811
    ok("vm create -g MyResourceGroup -n buildVM --os-type Windows --os-disk-size-gb 30")
    vm = f"/subscriptions/{world}/resourceGroups/MyResourceGroup/providers/Microsoft.Compute/virtualMachines/buildVM"
    body = {"location": "westus", "properties": {"storageProfile": {"source": {"virtualMachineId": vm}}}}
    assert rest("put", VERSION.format(sub=world) + "?api-version=2023-07-03", body)[0] == 201
    answer = rest("get", VERSION.format(sub=world) + "?api-version=2022-03-03")[1]
    assert answer["properties"]["storageProfile"]["source"] == {"id": vm}


def test_a_request_with_a_property_newer_than_its_api_version_is_refused(rest, world):  # noqa: F811
    url = GALLERY.format(sub=world).replace("MyGallery", "Soft") + "?api-version=2021-07-01"
    body = {"location": "westus", "properties": {"softDeletePolicy": {"isSoftDeleteEnabled": True}}}
    status, _, error = rest("put", url, body)
    assert status == 400
    assert ("(InvalidParameter) The property 'properties.softDeletePolicy' is not available in api-version "
            "'2021-07-01'; it needs api-version '2022-03-03' or later.") in error
    assert rest("get", url)[0] == 404
    assert rest("put", url.replace("2021-07-01", "2022-03-03"), body)[0] == 201
