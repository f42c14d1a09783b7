"""How domain values become the rows a `Plan` writes: one builder per table, columns by name."""

from __future__ import annotations

import json
from datetime import datetime

from .models import DiskEncryptionSet, Encryption, Gallery, ImageDefinition, ImageVersion, Source
from .plan import Insert, NewKey
from .vm_disks import data_disks_to_json
from .vm_plan import VmPlan


def _stamp(value: datetime | None) -> float | None:
    return value.timestamp() if value else None


def gallery_row(gallery: Gallery, rg_pk: int) -> dict:
    return {
        "rg_id": rg_pk,
        "name": gallery.name,
        "location": gallery.location,
        "description": gallery.description,
        "tags": json.dumps(gallery.tags),
        "created_at": _stamp(gallery.created_at),
        "changed_at": _stamp(gallery.changed_at),
        "soft_delete": gallery.soft_delete,
        "sharing": gallery.sharing,
    }


def definition_row(d: ImageDefinition) -> dict:
    """The columns of an image definition, without its gallery."""
    return {
        "name": d.name,
        "location": d.location,
        "publisher": d.publisher,
        "offer": d.offer,
        "sku": d.sku,
        "os_type": d.os_type,
        "os_state": d.os_state,
        "hyper_v_generation": d.hyper_v_generation,
        "description": d.description,
        "eula": d.eula,
        "privacy_statement_uri": d.privacy_statement_uri,
        "release_note_uri": d.release_note_uri,
        "end_of_life_date": _stamp(d.end_of_life_date),
        "tags": json.dumps(d.tags),
        "vcpus_min": d.vcpus_min,
        "vcpus_max": d.vcpus_max,
        "memory_min": d.memory_min,
        "memory_max": d.memory_max,
        "disallowed_disk_types": json.dumps(list(d.disallowed_disk_types)),
        "plan_name": d.plan_name,
        "plan_publisher": d.plan_publisher,
        "plan_product": d.plan_product,
        "architecture": d.architecture,
        "created_at": _stamp(d.created_at),
        "changed_at": _stamp(d.changed_at),
        "features": json.dumps([list(f) for f in d.features]),
    }


def encryption_column(enc: Encryption | None) -> str | None:
    """A region's customer-managed keys as stored."""
    if enc is None or enc.is_empty:
        return None
    return json.dumps({"os": enc.os_disk_set, "data": [list(p) for p in enc.data_disk_sets]})


def version_row(v: ImageVersion, definition_pk: int) -> dict:
    major, minor, patch = v.key
    return {
        "definition_id": definition_pk,
        "name": v.name,
        "major": major,
        "minor": minor,
        "patch": patch,
        "location": v.location,
        "source_id": v.source_id,
        "os_size_gb": v.os_disk.size_gb,
        "os_used_gb": v.os_disk.used_gb,
        "os_host_caching": v.os_disk.host_caching,
        "os_source_id": v.os_disk.source_id,
        "os_storage_account_id": v.os_disk.storage_account_id,
        "replica_count": v.replica_count,
        "storage_account_type": v.storage_account_type,
        "exclude_from_latest": v.exclude_from_latest,
        "end_of_life_date": _stamp(v.end_of_life_date),
        "published_date": _stamp(v.published_date),
        "tags": json.dumps(v.tags),
        "operation": v.operation,
        "encrypted": v.encrypted,
        "created_at": _stamp(v.created_at),
        "changed_at": _stamp(v.changed_at),
        "replication_mode": v.replication_mode,
        "allow_replicated_location_deletion": v.allow_replicated_location_deletion,
        "block_deletion_before_end_of_life": v.block_deletion_before_end_of_life,
        "source_field": v.source_field,
    }


def data_disk_inserts(v: ImageVersion, version_pk: int | NewKey) -> list[Insert]:
    return [
        Insert(
            "data_disk",
            {
                "version_id": version_pk,
                "lun": d.lun,
                "size_gb": d.size_gb,
                "used_gb": d.used_gb,
                "host_caching": d.host_caching,
                "source_id": d.source_id,
                "storage_account_id": d.storage_account_id,
            },
        )
        for d in v.data_disks
    ]


def target_region_inserts(v: ImageVersion, version_pk: int | NewKey) -> list[Insert]:
    """A version's target regions in order, each with its replication job."""
    return [
        Insert(
            "target_region",
            {
                "version_id": version_pk,
                "position": position,
                "region": t.name,
                "replica_count": t.regional_replica_count,
                "storage_account_type": t.storage_account_type,
                "exclude_from_latest": t.exclude_from_latest,
                "encryption": encryption_column(t.encryption),
                "started_at": t.job.started_at.timestamp(),
                "duration_s": t.job.duration_s,
                "fail_at": t.job.fail_at,
                "failure_detail": t.job.failure_detail,
                "attempt": t.job.attempt,
                "serving": t.job.serving,
            },
        )
        for position, t in enumerate(v.target_regions)
    ]


def source_insert(source: Source, rg_pk: int, now: datetime, details: dict | None = None) -> Insert:
    """A managed image, snapshot, disk or VM that versions can be made from."""
    disks = [{"lun": d.lun, "sizeGB": d.size_gb, "usedGB": d.used_gb, "caching": d.host_caching}
             for d in source.data_disks]
    return Insert(
        "source",
        {
            "arm_id": source.id,
            "kind": source.kind,
            "subscription_id": source.subscription,
            "rg_id": rg_pk,
            "name": source.name,
            "location": source.location,
            "os_type": source.os_type,
            "os_state": source.os_state,
            "hyper_v_generation": source.hyper_v_generation,
            "os_size_gb": source.os_disk.size_gb,
            "os_used_gb": source.os_disk.used_gb,
            "os_host_caching": source.os_disk.host_caching,
            "data_disks": json.dumps(disks),
            "encrypted": source.encrypted,
            "details": json.dumps(details or {}),
            "created_at": now.timestamp(),
        },
    )


def disk_encryption_set_insert(des: DiskEncryptionSet, rg_pk: int, now: datetime) -> Insert:
    return Insert(
        "disk_encryption_set",
        {
            "arm_id": des.id,
            "subscription_id": des.subscription,
            "rg_id": rg_pk,
            "name": des.name,
            "location": des.location,
            "encryption_type": des.encryption_type,
            "created_at": now.timestamp(),
        },
    )


def virtual_machine_row(plan: VmPlan, image_id: str, rg_pk: int, now: datetime) -> dict:
    """A VM or scale set made from a gallery image, as reviewed."""
    r, generalized = plan.request, plan.definition.os_state == "Generalized"
    return dict(
        arm_id=plan.id,
        kind=plan.kind,
        rg_id=rg_pk,
        name=r.name,
        location=r.location,
        size=plan.size.name,
        image_reference=image_id,
        exact_version=plan.version.name,
        version_id=plan.version.id,
        os_type=plan.definition.os_type,
        os_disk_type=plan.os_disk_type,
        admin_username=r.admin_username if generalized else None,
        authentication=("ssh" if r.ssh_key else "password") if generalized else None,
        inbound_port=plan.inbound_port,
        availability=plan.availability,
        zone=plan.zone,
        encryption=r.encryption,
        disk_encryption_set=r.disk_encryption_set,
        instance_count=r.instance_count,
        created_at=now.timestamp(),
        os_disk_size_gb=plan.disks.os_disk_size_gb,
        os_disk_encryption_set=plan.disks.os_disk_encryption_set,
        data_disks=data_disks_to_json(plan.disks),
    )
