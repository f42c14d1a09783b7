"""Creating storage accounts and uploading VHD blobs, decided on the facts the store loads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from . import rules
from .access import Caller
from .errors import AzureError
from .models import Source
from .plan import Decision, Insert, activity, plan
from .presence import WriteScope
from .rest_resources import source_to_rest
from .rows import source_insert
from .storage import ACCOUNT_TYPE, KINDS, SKUS, StorageAccount, account_to_rest, check_account_name, vhd_blob


@dataclass(frozen=True)
class AccountFacts(WriteScope):
    """Creating a storage account: the resource group's location and any account already holding the name."""

    rg_location: str | None = None
    same_named: StorageAccount | None = None


@dataclass(frozen=True)
class BlobFacts:
    """Uploading a blob: the account (if found), its resource group's key and whether the blob is there."""

    now: datetime
    caller: Caller
    account_name: str
    account: StorageAccount | None
    rg_pk: int | None
    exists: bool


def decide_create_account(facts: AccountFacts, name: str, location: str | None, sku: str | None,
                          kind: str | None) -> Decision[StorageAccount]:
    """A new storage account; an existing one of the same id is left as it is."""
    sub, rg_pk = facts.scope()
    region = rules.check_location(location or facts.rg_location, sub, ACCOUNT_TYPE)
    account = StorageAccount(sub.id, facts.resource_group, name, region.name,
                             rules.enum_value("sku", sku or "Standard_LRS", SKUS),
                             rules.enum_value("kind", kind or "StorageV2", KINDS))
    facts.caller.require("write", account.id)
    same = facts.same_named
    if same is not None and same.id.lower() == account.id.lower():
        return Decision(same, plan())
    check_account_name(name, taken=same is not None)
    row = Insert("storage_account", {
        "arm_id": account.id, "subscription_id": sub.id, "rg_id": rg_pk, "name": name,
        "location": account.location, "sku": account.sku, "kind": account.kind, "created_at": facts.now.timestamp()})
    entry = activity(facts.now, facts.caller.name, f"{ACCOUNT_TYPE}/write", account.id, None, account_to_rest(account))
    return Decision(account, plan(row, entry))


def decide_upload_blob(facts: BlobFacts, container: str, name: str, size_bytes: int) -> Decision[Source]:
    """A VHD page blob in a storage account: a source a version's disk can be made from."""
    account = facts.account
    if account is None:
        raise AzureError("StorageAccountNotFound", f"The storage account '{facts.account_name}' was not found.",
                         404, "account_name")
    facts.caller.require("write", account.id)
    blob = vhd_blob(account, container, name, size_bytes)
    if facts.exists:
        raise rules.already_exists(blob.id)
    row = source_insert(blob, facts.rg_pk, facts.now, {"storageAccountId": account.id})
    entry = activity(facts.now, facts.caller.name, f"{ACCOUNT_TYPE}/blobServices/containers/blobs/write", account.id,
                     None, source_to_rest(blob))
    return Decision(blob, plan(row, entry))
