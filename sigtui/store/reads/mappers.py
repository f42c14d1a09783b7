"""One mapper per table: a row (columns read by name) becomes a domain value."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime

from ...domain.clock import ClockState
from ...domain.models import (
    DiskEncryptionSet,
    DiskImage,
    Encryption,
    Gallery,
    ImageDefinition,
    ImageVersion,
    ReplicationJob,
    ResourceGroup,
    Source,
    Subscription,
    TargetRegion,
)
from ...domain.sources import with_caching
from .rows import Row


def when(value: float | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, UTC)


def tags_from(text: str) -> dict:
    return {} if text == "{}" else json.loads(text)


def subscription_from(r: Row) -> Subscription:
    regions = tuple(json.loads(r["allowed_regions"]))
    return Subscription(r["id"], r["name"], r["tenant_id"], regions, bool(r["is_default"]), r["cloud"])


def resource_group_from(r: Row) -> ResourceGroup:
    return ResourceGroup(r["subscription_id"], r["name"], r["location"], json.loads(r["tags"]))


def gallery_from(r: Row) -> Gallery:
    """A gallery row joined with its resource group's `rg_name` and `sub`, and (when selected) its direct
    `shares` as a JSON list of [kind, target] pairs."""
    shares = json.loads(r.get("shares") or "[]")
    return Gallery(
        r["sub"],
        r["rg_name"],
        r["name"],
        r["location"],
        r["description"],
        json.loads(r["tags"]),
        created_at=when(r["created_at"]),
        changed_at=when(r["changed_at"]),
        soft_delete=None if r["soft_delete"] is None else bool(r["soft_delete"]),
        sharing=r["sharing"],
        shared_with=tuple(sorted(tuple(pair) for pair in shares)),
    )


def definition_from(r: Row) -> ImageDefinition:
    """A definition row joined with `gallery_name`, `rg_name` and `sub`."""
    return ImageDefinition(
        r["sub"],
        r["rg_name"],
        r["gallery_name"],
        r["name"],
        r["location"],
        r["publisher"],
        r["offer"],
        r["sku"],
        r["os_type"],
        r["os_state"],
        r["hyper_v_generation"],
        r["description"],
        r["eula"],
        r["privacy_statement_uri"],
        r["release_note_uri"],
        when(r["end_of_life_date"]),
        json.loads(r["tags"]),
        r["vcpus_min"],
        r["vcpus_max"],
        r["memory_min"],
        r["memory_max"],
        tuple(json.loads(r["disallowed_disk_types"])),
        r["plan_name"],
        r["plan_publisher"],
        r["plan_product"],
        r["architecture"],
        created_at=when(r["created_at"]),
        changed_at=when(r["changed_at"]),
        features=tuple((name, value) for name, value in json.loads(r["features"])),
    )


def encryption_from(text: str | None) -> Encryption | None:
    if not text:
        return None
    data = json.loads(text)
    return Encryption(data.get("os"), tuple((int(lun), des) for lun, des in data.get("data", [])))


def target_from(r: Row) -> TargetRegion:
    exclude = r["exclude_from_latest"]
    job = ReplicationJob(
        when(r["started_at"]), r["duration_s"], r["fail_at"], r["failure_detail"], r["attempt"], bool(r["serving"])
    )
    return TargetRegion(
        r["region"],
        r["replica_count"],
        r["storage_account_type"],
        None if exclude is None else bool(exclude),
        encryption_from(r["encryption"]),
        job,
    )


def data_disk_from(r: Row) -> DiskImage:
    return DiskImage(r["size_gb"], r["used_gb"], r["lun"], r["host_caching"], r["source_id"], r["storage_account_id"])


def version_from(r: Row, targets: Sequence[TargetRegion], disks: Sequence[DiskImage]) -> ImageVersion:
    """A version row joined with `definition_name`, `gallery_name`, `rg_name` and `sub`, with its children."""
    return ImageVersion(
        r["sub"],
        r["rg_name"],
        r["gallery_name"],
        r["definition_name"],
        r["name"],
        r["location"],
        DiskImage(r["os_size_gb"], r["os_used_gb"], None, r["os_host_caching"], r["os_source_id"],
                  r["os_storage_account_id"]),
        tuple(disks),
        r["source_id"],
        tuple(targets),
        r["replica_count"],
        r["storage_account_type"],
        bool(r["exclude_from_latest"]),
        when(r["end_of_life_date"]),
        when(r["published_date"]),
        tags_from(r["tags"]),
        r["operation"],
        bool(r["deleting"]),
        when(r["created_at"]),
        when(r["changed_at"]),
        r["replication_mode"],
        bool(r["allow_replicated_location_deletion"]),
        bool(r["block_deletion_before_end_of_life"]),
        r["source_field"],
    )


def source_from(r: Row) -> Source:
    """A source row joined with its resource group's `rg_name`."""
    disks = tuple(DiskImage(d["sizeGB"], d["usedGB"], d["lun"], d.get("caching")) for d in json.loads(r["data_disks"]))
    os_disk, disks = with_caching(
        r["kind"], r["os_type"], DiskImage(r["os_size_gb"], r["os_used_gb"]), disks,
        r["os_host_caching"], [d.host_caching for d in disks],
    )
    return Source(
        r["arm_id"],
        r["kind"],
        r["subscription_id"],
        r["rg_name"],
        r["name"],
        r["location"],
        r["os_type"],
        r["os_state"],
        r["hyper_v_generation"],
        os_disk,
        disks,
        bool(r["encrypted"]),
        storage_account_id=json.loads(r["details"]).get("storageAccountId"),
    )


def des_from(r: Row) -> DiskEncryptionSet:
    """A disk_encryption_set row joined with its resource group's `rg_name`."""
    return DiskEncryptionSet(
        r["arm_id"], r["subscription_id"], r["rg_name"], r["name"], r["location"], r["encryption_type"]
    )


def clock_from(r: Row) -> ClockState:
    return ClockState(r["anchor_real"], r["anchor_sim"], r["speed"], bool(r["paused"]))
