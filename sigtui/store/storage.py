"""Storage accounts and the VHD blobs uploaded to them."""

from __future__ import annotations

from ..domain import rules
from ..domain.errors import AzureError, resource_not_found
from ..domain.models import Source
from ..domain.plan import Insert, activity, plan
from ..domain.rest_resources import source_to_rest
from ..domain.rows import source_insert
from ..domain.storage import ACCOUNT_TYPE, KINDS, SKUS, StorageAccount, account_to_rest, check_account_name, vhd_blob
from . import reads
from .base import ServiceBase


class StorageOps(ServiceBase):
    def create_storage_account(self, resource_group: str, name: str, location: str | None,
                               subscription: str | None = None, sku: str | None = None,
                               kind: str | None = None) -> StorageAccount:
        """A new storage account (an existing one of the same name in this resource group is left as it is)."""
        with self.write() as tx:
            sub = self.subscription(tx.conn, subscription)
            rg_pk = self.rg_pk(tx.conn, sub.id, resource_group)
            rg = reads.resource_group(tx.conn, sub.id, resource_group)[1]
            region = rules.check_location(location or rg.location, sub, ACCOUNT_TYPE)
            account = StorageAccount(sub.id, rg.name, name, region.name,
                                     rules.enum_value("sku", sku or "Standard_LRS", SKUS),
                                     rules.enum_value("kind", kind or "StorageV2", KINDS))
            self.authorize(tx.conn, "write", account.id)
            same = reads.storage_account_named(tx.conn, name)
            if same is not None and same.id.lower() == account.id.lower():
                return same
            check_account_name(name, taken=same is not None)
            tx.apply(plan(Insert("storage_account", {
                "arm_id": account.id, "subscription_id": sub.id, "rg_id": rg_pk, "name": name,
                "location": account.location, "sku": account.sku, "kind": account.kind,
                "created_at": tx.now.timestamp()}), self._entry(tx, f"{ACCOUNT_TYPE}/write", account.id,
                                                                account_to_rest(account))))
            return account

    def _entry(self, tx, operation: str, resource_id: str, after: dict) -> Insert:
        """The activity-log entry of a storage write, by the caller."""
        return activity(tx.now, reads.caller(tx.conn, self.caller).name, operation, resource_id, None, after)

    def list_storage_accounts(self, resource_group: str | None = None,
                              subscription: str | None = None) -> list[StorageAccount]:
        with self.read() as conn:
            readable = self.readable(conn)
            sub = self.subscription(conn, subscription).id
            return [a for a in reads.storage_accounts(conn, sub, resource_group) if readable(a.id)]

    def get_storage_account(self, resource_group: str, name: str, subscription: str | None = None) -> StorageAccount:
        with self.read() as conn:
            sub = self.subscription(conn, subscription).id
            found = next((a for a in reads.storage_accounts(conn, sub, resource_group)
                          if a.name.lower() == name.lower()), None)
            if found is None:
                raise resource_not_found(ACCOUNT_TYPE, name, resource_group)
            self.authorize(conn, "read", found.id)
            return found

    def upload_blob(self, account_name: str, container: str, name: str, size_bytes: int) -> Source:
        """A VHD page blob in a storage account: a source a version's disk can be made from."""
        with self.write() as tx:
            account = reads.storage_account_named(tx.conn, account_name)
            if account is None:
                raise AzureError("StorageAccountNotFound", f"The storage account '{account_name}' was not found.",
                                 404, "account_name")
            self.authorize(tx.conn, "write", account.id)
            blob = vhd_blob(account, container, name, size_bytes)
            if reads.source(tx.conn, blob.id):
                raise rules.already_exists(blob.id)
            rg_pk = self.rg_pk(tx.conn, account.subscription, account.resource_group)
            details = {"storageAccountId": account.id}
            entry = self._entry(tx, f"{ACCOUNT_TYPE}/blobServices/containers/blobs/write", account.id,
                                source_to_rest(blob))
            tx.apply(plan(source_insert(blob, rg_pk, tx.now, details), entry))
            return blob
