"""Storage accounts and the VHD blobs in them: enough of `Microsoft.Storage/storageAccounts` for a gallery image
version made from a VHD (`source.uri` with its `storageAccountId`)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from . import ids
from .errors import AzureError, invalid
from .models import DiskImage, Source

ACCOUNT_TYPE = "Microsoft.Storage/storageAccounts"
SKUS = ("Standard_LRS", "Standard_GRS", "Standard_RAGRS", "Standard_ZRS", "Standard_GZRS", "Standard_RAGZRS",
        "Premium_LRS", "Premium_ZRS")
KINDS = ("StorageV2", "Storage", "BlobStorage", "BlockBlobStorage", "FileStorage")
VHD_KIND = "vhd"
"""The source kind of a VHD blob, which a version's disk can be made from."""
_ACCOUNT_NAME = re.compile(r"[a-z0-9]{3,24}")
_CONTAINER = re.compile(r"[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]")
GIB = 1024 ** 3


@dataclass(frozen=True, slots=True)
class StorageAccount:
    subscription: str
    resource_group: str
    name: str
    location: str
    sku: str = "Standard_LRS"
    kind: str = "StorageV2"

    @property
    def id(self) -> str:
        return f"{ids.rg_id(self.subscription, self.resource_group)}/providers/{ACCOUNT_TYPE}/{self.name}"

    @property
    def blob_endpoint(self) -> str:
        return f"https://{self.name}.blob.core.windows.net/"


def check_account_name(name: str, taken: bool) -> None:
    """Azure's rules: 3 to 24 lower-case letters and digits, unique across Azure."""
    if not _ACCOUNT_NAME.fullmatch(name or ""):
        raise AzureError("AccountNameInvalid", f"{name} is not a valid storage account name. Storage account name "
                                               "must be between 3 and 24 characters in length and use numbers and "
                                               "lower-case letters only.", 400, "name")
    if taken:
        raise AzureError("StorageAccountAlreadyTaken", f"The storage account named {name} is already taken.", 409,
                         "name")


def account_to_rest(account: StorageAccount) -> dict:
    return {
        "id": account.id, "name": account.name, "type": ACCOUNT_TYPE, "location": account.location,
        "sku": {"name": account.sku, "tier": account.sku.split("_")[0]}, "kind": account.kind,
        "properties": {"provisioningState": "Succeeded", "primaryLocation": account.location,
                       "primaryEndpoints": {"blob": account.blob_endpoint}},
    }


def blob_uri(account: StorageAccount, container: str, name: str) -> str:
    """Where a blob lives: the account's blob endpoint, the container, the blob's name."""
    return f"{account.blob_endpoint}{container}/{name}"


def vhd_blob(account: StorageAccount, container: str, name: str, size_bytes: int) -> Source:
    """A page blob holding a VHD, as the source of a version's disk: its size is the disk's."""
    if not _CONTAINER.fullmatch(container or ""):
        raise invalid(f"The container name '{container}' is invalid: use 3 to 63 lower-case letters, digits and "
                      "single hyphens, starting and ending with a letter or digit.", "container")
    if not name or not name.lower().endswith(".vhd"):
        raise invalid(f"The blob '{name}' is not a VHD: a gallery image version is made from a '.vhd' page blob.",
                      "name")
    if size_bytes <= 0 or size_bytes % 512:
        raise invalid(f"The VHD '{name}' is {size_bytes} bytes: a page blob holds whole 512-byte pages.", "file")
    disk = DiskImage(math.ceil(size_bytes / GIB), round(size_bytes / GIB, 3))
    uri = blob_uri(account, container, name)
    return Source(uri, VHD_KIND, account.subscription, account.resource_group, f"{container}/{name}",
                  account.location, None, None, None, disk, storage_account_id=account.id)


def check_vhd(source: Source, storage_account_id: str | None, path: str) -> None:
    """A VHD source names its storage account (`storageAccountId`), and the blob lives in that account."""
    if not storage_account_id:
        raise invalid(f"Required parameter 'storageAccountId' is missing (null): a VHD source "
                      f"'{source.id}' needs its storage account.", f"{path}.storageAccountId")
    if (source.storage_account_id or "").lower() != storage_account_id.lower():
        account = urlsplit(source.id).hostname.split(".")[0]
        raise invalid(f"The VHD '{source.id}' is in storage account '{account}', not in '{storage_account_id}'.",
                      f"{path}.storageAccountId")
