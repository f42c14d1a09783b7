"""VHD sources: a storage account (`sigtui storage account`), a VHD uploaded as a page blob (`sigtui storage blob
upload`), and image versions made from it with az's `--os-vhd-uri` or Azure's `source.uri` + `storageAccountId`."""

from __future__ import annotations

import pytest

from .test_rest import rest  # noqa: F401  (fixture)

RG = "-g MyResourceGroup -r MyGallery -i MyImage"
MIB = 1024 * 1024
ACCOUNTS = "/subscriptions/{sub}/resourceGroups/MyResourceGroup/providers/Microsoft.Storage/storageAccounts/"


@pytest.fixture
def vhd(ok, world, tmp_path):
    """Storage account `vhdstore` in West US with a 3 GiB OS VHD and a 1 GiB data VHD."""
    ok("storage account create -g MyResourceGroup -n vhdstore -l westus")
    for name, size in (("os.vhd", 3072 * MIB), ("data.vhd", 1024 * MIB)):
        path = tmp_path / name
        with path.open("wb") as file:
            file.truncate(size)
        ok(f"storage blob upload --account-name vhdstore -c vhds -f {path} --type page")
    return world


def test_a_storage_account_follows_azure_s_rules(ok, refused, world):
    created = ok("storage account create -g MyResourceGroup -n vhdstore")
    assert created["location"] == "westus" and created["sku"] == {"name": "Standard_LRS", "tier": "Standard"}
    assert ok("storage account create -g MyResourceGroup -n vhdstore")["id"] == created["id"]
    assert ok("storage account show -g MyResourceGroup -n vhdstore")["kind"] == "StorageV2"
    assert [a["name"] for a in ok("storage account list")] == ["vhdstore"]
    assert refused("storage account create -g MyResourceGroup -n Bad_Name").startswith("(AccountNameInvalid)")
    ok("group create -n other -l eastus")
    assert refused("storage account create -g other -n vhdstore").startswith("(StorageAccountAlreadyTaken)")


def test_a_blob_must_be_a_vhd_of_whole_pages(ok, refused, world, tmp_path):
    ok("storage account create -g MyResourceGroup -n vhdstore")
    odd = tmp_path / "odd.vhd"
    odd.write_bytes(b"x" * 1000)
    assert "whole 512-byte pages" in refused(f"storage blob upload --account-name vhdstore -c vhds -f {odd}")
    text = tmp_path / "notes.txt"
    text.write_bytes(b"x" * 512)
    assert "is not a VHD" in refused(f"storage blob upload --account-name vhdstore -c vhds -f {text}")


def test_a_version_from_vhds_with_az_s_flags(ok, vhd):
    version = ok(f"sig image-version create {RG} -e 1.0.0 --os-vhd-uri https://vhdstore.blob.core.windows.net/vhds/"
                 "os.vhd --os-vhd-storage-account vhdstore --data-vhds-uris https://vhdstore.blob.core.windows.net/"
                 "vhds/data.vhd --data-vhds-luns 1")
    storage = version["properties"]["storageProfile"]
    account = ACCOUNTS.format(sub=vhd) + "vhdstore"
    assert storage["osDiskImage"]["source"] == {"uri": "https://vhdstore.blob.core.windows.net/vhds/os.vhd",
                                                "storageAccountId": account}
    assert storage["osDiskImage"]["sizeInGB"] == 3
    assert [(d["lun"], d["sizeInGB"]) for d in storage["dataDiskImages"]] == [(1, 1)]


def test_a_vhd_needs_its_own_storage_account(ok, rest, vhd):  # noqa: F811
    url = (f"/subscriptions/{vhd}/resourceGroups/MyResourceGroup/providers/Microsoft.Compute/galleries/MyGallery/"
           "images/MyImage/versions/1.0.0?api-version=2024-03-03")
    uri = "https://vhdstore.blob.core.windows.net/vhds/os.vhd"
    ok("storage account create -g MyResourceGroup -n otherstore")
    other = ACCOUNTS.format(sub=vhd) + "otherstore"
    for source, words in (({"uri": uri}, "'storageAccountId' is missing"),
                          ({"uri": uri, "storageAccountId": other}, "is in storage account 'vhdstore'"),
                          ({"uri": uri.replace("os.vhd", "gone.vhd"), "storageAccountId": other}, "not found")):
        body = {"location": "westus", "properties": {"storageProfile": {"osDiskImage": {"source": source}}}}
        status, _, error = rest("put", url, body)
        assert status == 400 and words in error, error
    assert rest("get", url)[0] == 404
