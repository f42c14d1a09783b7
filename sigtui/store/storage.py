"""Storage accounts and the VHD blobs uploaded to them."""

from __future__ import annotations

from ..domain import storage_writes
from ..domain.errors import resource_not_found
from ..domain.models import Source
from ..domain.storage import ACCOUNT_TYPE, StorageAccount
from . import facts, reads
from .base import ServiceBase


class StorageOps(ServiceBase):
    def create_storage_account(self, resource_group: str, name: str, location: str | None,
                               subscription: str | None = None, sku: str | None = None,
                               kind: str | None = None) -> StorageAccount:
        """A new storage account (an existing one of the same name in this resource group is left as it is)."""
        with self.write() as tx:
            known = facts.account_facts(tx.conn, tx.now, reads.caller(tx.conn, self.caller), subscription,
                                        resource_group, name)
            return tx.decided(storage_writes.decide_create_account(known, name, location, sku, kind))

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
            known = facts.blob_facts(tx.conn, tx.now, reads.caller(tx.conn, self.caller), account_name, container, name)
            return tx.decided(storage_writes.decide_upload_blob(known, container, name, size_bytes))
