"""Managed images, snapshots, managed disks, VMs and disk encryption sets: what versions are made from."""

from __future__ import annotations

from ..domain import ids, source_writes
from ..domain.models import DiskEncryptionSet, Source
from ..domain.source_writes import SourceRequest
from . import facts, reads
from .base import Attempt, ServiceBase, Tx


class SourceOps(ServiceBase):
    def create_source(
        self,
        kind: str,
        resource_group: str,
        name: str,
        location: str,
        subscription: str | None = None,
        os_type: str | None = None,
        os_state: str | None = None,
        hyper_v_generation: str | None = None,
        os_disk_size_gb: int = 30,
        os_disk_used_gb: float | None = None,
        data_disk_sizes_gb: list[int] = (),
        data_disk_used_gb: list[float] = (),
        data_disk_luns: list[int] | None = None,
        encrypted: bool = False,
        details: dict | None = None,
        os_host_caching: str | None = None,
        data_disk_caching: list[str | None] = (),
    ) -> Source:
        """Create a managed image (`image`), `snapshot`, `disk` or `vm`, validated like Azure would."""
        request = SourceRequest(
            kind, name, location, os_type, os_state, hyper_v_generation, os_disk_size_gb, os_disk_used_gb,
            list(data_disk_sizes_gb), list(data_disk_used_gb), data_disk_luns, encrypted, details, os_host_caching,
            list(data_disk_caching),
        )
        rtype = request.check_name()
        attempt = Attempt(f"Microsoft.Compute/{rtype}/write", subscription,
                          lambda s: ids.resource_id(s, resource_group, rtype, name))
        with self.write(attempt) as tx:
            known = self._placement(tx, subscription, resource_group, rtype, name)
            return tx.decided(source_writes.decide_create_source(known, request))

    def _placement(self, tx: Tx, subscription: str | None, rg: str, rtype: str, name: str):
        return facts.placement_facts(tx.conn, tx.now, reads.caller(tx.conn, self.caller), subscription, rg, rtype, name)

    def get_source(self, arm_id: str) -> Source | None:
        with self.read() as conn:
            found = reads.source(conn, arm_id)
            if found is not None:
                self.authorize(conn, "read", found.id)
            return found

    def list_sources(self, location: str | None = None) -> list[Source]:
        with self.read() as conn:
            readable = self.readable(conn)
            return [s for s in reads.sources(conn, location) if readable(s.id)]

    def create_disk_encryption_set(
        self,
        resource_group: str,
        name: str,
        location: str,
        subscription: str | None = None,
        encryption_type: str | None = None,
    ) -> DiskEncryptionSet:
        attempt = Attempt("Microsoft.Compute/diskEncryptionSets/write", subscription,
                          lambda s: ids.resource_id(s, resource_group, "diskEncryptionSets", name))
        with self.write(attempt) as tx:
            known = self._placement(tx, subscription, resource_group, "diskEncryptionSets", name)
            decision = source_writes.decide_create_disk_encryption_set(known, name, location, encryption_type)
            return tx.decided(decision)

    def list_disk_encryption_sets(self, location: str | None = None) -> list[DiskEncryptionSet]:
        with self.read() as conn:
            readable = self.readable(conn)
            return [d for d in reads.disk_encryption_sets(conn, location) if readable(d.id)]
