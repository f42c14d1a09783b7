"""Managed images, snapshots, managed disks, VMs and disk encryption sets: what versions are made from."""

from __future__ import annotations

from ..domain import ids, rules
from ..domain.errors import invalid
from ..domain.models import DiskEncryptionSet, Source
from ..domain.plan import plan
from ..domain.rest import des_to_rest, source_to_rest
from ..domain.rows import disk_encryption_set_insert, source_insert
from ..domain.sources import KIND_NAMES, check_encryption_type, check_resource_name, make_disks, with_caching
from . import reads
from .base import ServiceBase

HOST_CACHING = ("None", "ReadOnly", "ReadWrite")


def _caching(prop: str, value: str | None) -> str | None:
    return None if value is None else rules.enum_value(prop, value, HOST_CACHING)


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
        if kind not in KIND_NAMES:
            raise invalid(f"Unknown source kind '{kind}'.")
        check_resource_name(name, kind)
        with self.write() as tx:
            sub = self.subscription(tx.conn, subscription)
            rg_pk = self.rg_pk(tx.conn, sub.id, resource_group)
            region = rules.check_location(location, sub, f"Microsoft.Compute/{KIND_NAMES[kind].value}")
            os_type = rules.enum_value("osType", os_type, ("Windows", "Linux")) if os_type else None
            if kind in ("image", "vm") and os_type is None:
                raise invalid("Required parameter 'osType' is missing (null).", "osType")
            if os_state is None and os_type and kind in ("image", "vm"):
                os_state = "Generalized"
            # Snapshots and disks carry no OS state unless given: the definition a version goes to decides.
            os_state = rules.enum_value("osState", os_state, ("Generalized", "Specialized")) if os_state else None
            generation = (
                rules.enum_value("hyperVGeneration", hyper_v_generation or "V1", ("V1", "V2")) if os_type else None
            )
            os_disk, data = make_disks(
                os_disk_size_gb, os_disk_used_gb, list(data_disk_sizes_gb), list(data_disk_used_gb), data_disk_luns
            )
            os_disk, data = with_caching(
                KIND_NAMES[kind].value, os_type, os_disk, data, _caching("osDisk.caching", os_host_caching),
                [_caching("dataDisks.caching", c) for c in data_disk_caching],
            )
            if kind in ("snapshot", "disk") and data:
                raise invalid(f"A {kind} holds one disk; create one {kind} per data disk.")
            arm_id = ids.resource_id(sub.id, resource_group, KIND_NAMES[kind].value, name)
            self.authorize(tx.conn, "write", arm_id)
            if reads.source(tx.conn, arm_id):
                raise rules.already_exists(name)
            source = Source(
                arm_id,
                KIND_NAMES[kind].value,
                sub.id,
                resource_group,
                name,
                region.name,
                os_type,
                os_state,
                generation,
                os_disk,
                data,
                encrypted,
            )
            tx.apply(plan(source_insert(source, rg_pk, tx.now, details)))
            tx.log(f"Microsoft.Compute/{source.kind}/write", arm_id, None, source_to_rest(source))
            return source

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
        check_resource_name(name, "disk encryption set")
        with self.write() as tx:
            sub = self.subscription(tx.conn, subscription)
            rg_pk = self.rg_pk(tx.conn, sub.id, resource_group)
            region = rules.check_location(location, sub, "Microsoft.Compute/diskEncryptionSets")
            arm_id = ids.resource_id(sub.id, resource_group, "diskEncryptionSets", name)
            self.authorize(tx.conn, "write", arm_id)
            if reads.disk_encryption_set(tx.conn, arm_id):
                raise rules.already_exists(name)
            des = DiskEncryptionSet(
                arm_id, sub.id, resource_group, name, region.name, check_encryption_type(encryption_type)
            )
            tx.apply(plan(disk_encryption_set_insert(des, rg_pk, tx.now)))
            tx.log("Microsoft.Compute/diskEncryptionSets/write", arm_id, None, des_to_rest(des))
            return des

    def list_disk_encryption_sets(self, location: str | None = None) -> list[DiskEncryptionSet]:
        with self.read() as conn:
            readable = self.readable(conn)
            return [d for d in reads.disk_encryption_sets(conn, location) if readable(d.id)]
