"""What Azure's 2024-03-03 examples need before sigtui can replay them: the storage account and VHDs they name,
and two changes to requests that break Azure's own rules."""

from __future__ import annotations

import json

ACCOUNT = "gallerysourcencus"
OS_VHD = f"https://{ACCOUNT}.blob.core.windows.net/myvhds/Windows-Server-2012-R2-20171216-en.us-128GB.vhd"
DATA_VHD = f"https://{ACCOUNT}.blob.core.windows.net/myvhds/data.vhd"
GIB = 1024 ** 3
DATA_URI = frozenset({"properties.storageProfile.dataDiskImages[lun=1].source.uri",
                      "value[0].properties.storageProfile.dataDiskImages[lun=1].source.uri"})
"""Azure's VHD examples make the OS and the data disk from one blob, which Azure's own rule refuses ("OSDiskImage
and DataDiskImage cannot point to same blob"): the data disk is made from a second VHD, and its `uri` is left out
of the comparison."""


def make_vhds(ok, folder) -> None:
    """The examples' storage account in West US, with their 128 GB OS VHD and a 10 GB data VHD."""
    ok(f"storage account create -g myResourceGroup -n {ACCOUNT} -l westus")
    for uri, size in ((OS_VHD, 128 * GIB), (DATA_VHD, 10 * GIB)):
        name = uri.rpartition("/")[2]
        path = folder / name
        with path.open("wb") as file:
            file.truncate(size)
        ok(f"storage blob upload --account-name {ACCOUNT} -c myvhds -n {name} -f {path} --type page")


def distinct_data_vhd(body: dict) -> dict:
    """`body` with its data disks made from the second VHD where they name the OS disk's."""
    for disk in body.get("properties", {}).get("storageProfile", {}).get("dataDiskImages", []):
        if disk.get("source", {}).get("uri") == OS_VHD:
            disk["source"]["uri"] = DATA_VHD
    return body


def encrypt_alike(body: dict) -> dict:
    """`body` with every region encrypted as the first encrypted one is (with East US's own sets). Several examples
    encrypt West US alone, which Azure's own rule refuses ("A disk encryption set is required for disk ... in
    target region"); the comparison then reads only the example's own fields."""
    regions = body.get("properties", {}).get("publishingProfile", {}).get("targetRegions", [])
    model = json.dumps(next((r["encryption"] for r in regions if r.get("encryption")), None))
    east = model.replace("/myDiskEncryptionSet", "/myEastUSDiskEncryptionSet").replace(
        "/myOtherDiskEncryptionSet", "/myOtherEastUSDiskEncryptionSet").replace(
        "/myWestUSDiskEncryptionSet", "/myEastUSDiskEncryptionSet")
    for region in regions:
        if not region.get("encryption") and model != "null":
            region["encryption"] = json.loads(east)
    return body
