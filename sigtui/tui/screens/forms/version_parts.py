"""Pure pieces of the version form: source labels, the disks a source brings, the PATCH of an edit, costs."""

from __future__ import annotations

from ....domain.costs import CostEstimate
from ....domain.dates import iso
from ....domain.drafts import DISK_SOURCE_KINDS
from ....domain.models import DiskImage, ImageVersion, Source, SourceKind, TargetRegion
from ....domain.reference_data import prices
from ....domain.rest import encryption_to_rest
from ....domain.wording import counted
from .model import FieldPatch, ResourceRef

KIND_NAMES = {
    SourceKind.MANAGED_IMAGE: "managed image",
    SourceKind.VIRTUAL_MACHINE: "virtual machine",
    SourceKind.IMAGE_VERSION: "image version",
    SourceKind.SNAPSHOT: "OS snapshot",
    SourceKind.DISK: "managed disk",
}


def source_label(source: Source) -> str:
    """`managed image · img-ubuntu-web · 64 GB (14 used)`."""
    disk = source.os_disk
    size = f" · {disk.size_gb} GB ({disk.used_gb:g} used)" if disk else ""
    return f"{KIND_NAMES.get(source.kind, source.kind)} · {source.name}{size}"


def data_label(source: Source, lun: int | None) -> str:
    disk = source.os_disk
    size = f" · {disk.size_gb} GB" if disk else ""
    where = f"LUN {lun} ← " if lun is not None else ""
    return f"{where}{KIND_NAMES.get(source.kind, source.kind).replace('OS ', '')} {source.name}{size}"


def is_disk_source(source: Source | None) -> bool:
    return source is not None and source.kind in DISK_SOURCE_KINDS


def source_disks(source: Source | None, data: list[Source]) -> tuple[DiskImage, tuple[DiskImage, ...]]:
    """The disks a version made from these sources has (sizes for the estimate, LUNs for encryption)."""
    if source is None or source.os_disk is None:
        return DiskImage(0, 0), ()
    if not is_disk_source(source):
        return source.os_disk, source.data_disks
    disks = tuple(DiskImage(d.os_disk.size_gb, d.os_disk.used_gb, lun, None, d.id) for lun, d in enumerate(data))
    return source.os_disk, disks


def request_disks(source: Source | None, data: list[Source]) -> dict:
    """What a create request names: a whole source, or an OS disk source plus data disks with LUNs."""
    if source is None:
        return {"os_disk": DiskImage(0, 0)}
    if not is_disk_source(source):
        return {"os_disk": DiskImage(0, 0), "source_id": source.id}
    return {
        "os_disk": DiskImage(0, 0, None, None, source.id),
        "data_disks": tuple(DiskImage(0, 0, lun, None, d.id) for lun, d in enumerate(data)),
    }


def _target_body(target: TargetRegion) -> dict:
    body = {
        "name": target.name,
        "regionalReplicaCount": target.regional_replica_count,
        "storageAccountType": target.storage_account_type,
        "excludeFromLatest": target.exclude_from_latest,
        "encryption": encryption_to_rest(target.encryption),
    }
    return {k: v for k, v in body.items() if v is not None}


def _publishing(version: ImageVersion) -> dict:
    """The updatable part of a version as a PATCH body's publishing profile."""
    return {
        "targetRegions": [_target_body(t) for t in version.target_regions],
        "replicaCount": version.replica_count,
        "excludeFromLatest": version.exclude_from_latest,
        "endOfLifeDate": iso(version.end_of_life_date),
    }


LABELS = {
    "targetRegions": "target regions",
    "replicaCount": "replica count",
    "excludeFromLatest": "exclude from latest",
    "endOfLifeDate": "end of life",
}


def version_patch(old: ImageVersion, new: ImageVersion) -> FieldPatch | None:
    """Before and after of the publishing fields that changed; None when nothing did."""
    before, after = _publishing(old), _publishing(new)
    changed = [key for key in after if after[key] != before[key]]
    if not changed:
        return None
    return FieldPatch(
        ResourceRef.of(old),
        {"properties": {"publishingProfile": {k: before[k] for k in changed}}},
        {"properties": {"publishingProfile": {k: after[k] for k in changed}}},
        ", ".join(LABELS[k] for k in changed),
    )


def _money(value: float) -> str:
    return f"${value:,.2f}"


def cost_text(after: CostEstimate, before: CostEstimate | None = None) -> str:
    """One line: replicas, stored GB, monthly storage and first-copy egress; with `before`, what changes."""
    stored = sum(after.stored_gb.values())
    monthly = f"{_money(after.monthly_storage)}/month"
    if before is not None:
        delta = after.monthly_storage - before.monthly_storage
        monthly += f" (was {_money(before.monthly_storage)}, {'+' if delta >= 0 else '−'}{_money(abs(delta))})"
    label = "illustrative" if prices().get("illustrative") else prices().get("currency", "")
    replicas = counted(after.snapshots, "replica")
    return (
        f"Cost estimate ({label}): {replicas} · {stored:,.0f} GB stored · {monthly} + "
        f"{_money(after.egress)} first-copy egress"
    )
