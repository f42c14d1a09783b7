"""One mapper per table: a `sqlite3.Row` (columns read by name) becomes a domain value."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

from ...domain.access import Principal, RoleAssignment
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


def rows(conn: sqlite3.Connection, sql: str, params: Sequence | dict = ()) -> list[sqlite3.Row]:
    """The rows of a query, each readable by column name."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, params).fetchall()


def when(value: float | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, UTC)


def subscription_from(r: sqlite3.Row) -> Subscription:
    regions = tuple(json.loads(r["allowed_regions"]))
    return Subscription(r["id"], r["name"], r["tenant_id"], regions, bool(r["is_default"]), r["cloud"])


def resource_group_from(r: sqlite3.Row) -> ResourceGroup:
    return ResourceGroup(r["subscription_id"], r["name"], r["location"], json.loads(r["tags"]))


def gallery_from(r: sqlite3.Row) -> Gallery:
    """A gallery row joined with its resource group's `rg_name` and `sub`, and (when selected) its direct
    `shares` as a JSON list of [kind, target] pairs."""
    shares = json.loads(r["shares"] or "[]") if "shares" in r.keys() else []
    return Gallery(
        r["sub"],
        r["rg_name"],
        r["name"],
        r["location"],
        r["description"],
        json.loads(r["tags"]),
        created_at=when(r["created_at"]),
        changed_at=when(r["changed_at"]),
        sharing=r["sharing"],
        shared_with=tuple(sorted(tuple(pair) for pair in shares)),
    )


def definition_from(r: sqlite3.Row) -> ImageDefinition:
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
    )


def encryption_from(text: str | None) -> Encryption | None:
    if not text:
        return None
    data = json.loads(text)
    return Encryption(data.get("os"), tuple((int(lun), des) for lun, des in data.get("data", [])))


TARGET_COLUMNS = (
    "region", "replica_count", "storage_account_type", "exclude_from_latest", "encryption", "started_at",
    "duration_s", "fail_at", "failure_detail", "attempt", "serving",
)
"""The target_region columns the mapper reads; a join selects them as `t_<column>`."""


def target_from(r: sqlite3.Row, prefix: str = "") -> TargetRegion:
    """A target_region row; `prefix` names its columns when it is joined to its version (`t_`)."""
    exclude = r[prefix + "exclude_from_latest"]
    job = ReplicationJob(
        when(r[prefix + "started_at"]),
        r[prefix + "duration_s"],
        r[prefix + "fail_at"],
        r[prefix + "failure_detail"],
        r[prefix + "attempt"],
        bool(r[prefix + "serving"]),
    )
    return TargetRegion(
        r[prefix + "region"],
        r[prefix + "replica_count"],
        r[prefix + "storage_account_type"],
        None if exclude is None else bool(exclude),
        encryption_from(r[prefix + "encryption"]),
        job,
    )


def data_disk_from(r: sqlite3.Row) -> DiskImage:
    return DiskImage(r["size_gb"], r["used_gb"], r["lun"], r["host_caching"], r["source_id"])


def version_from(r: sqlite3.Row, targets: Sequence[TargetRegion], disks: Sequence[DiskImage]) -> ImageVersion:
    """A version row joined with `definition_name`, `gallery_name`, `rg_name` and `sub`, with its children."""
    return ImageVersion(
        r["sub"],
        r["rg_name"],
        r["gallery_name"],
        r["definition_name"],
        r["name"],
        r["location"],
        DiskImage(r["os_size_gb"], r["os_used_gb"], None, r["os_host_caching"], r["os_source_id"]),
        tuple(disks),
        r["source_id"],
        tuple(targets),
        r["replica_count"],
        r["storage_account_type"],
        bool(r["exclude_from_latest"]),
        when(r["end_of_life_date"]),
        when(r["published_date"]),
        json.loads(r["tags"]),
        r["operation"],
        bool(r["deleting"]),
        when(r["created_at"]),
        when(r["changed_at"]),
    )


def source_from(r: sqlite3.Row) -> Source:
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
    )


def des_from(r: sqlite3.Row) -> DiskEncryptionSet:
    """A disk_encryption_set row joined with its resource group's `rg_name`."""
    return DiskEncryptionSet(
        r["arm_id"], r["subscription_id"], r["rg_name"], r["name"], r["location"], r["encryption_type"]
    )


def clock_from(r: sqlite3.Row) -> ClockState:
    return ClockState(r["anchor_real"], r["anchor_sim"], r["speed"], bool(r["paused"]))


def principal_from(r: sqlite3.Row) -> Principal:
    return Principal(r["id"], r["kind"], r["display_name"], r["tenant_id"], r["user_principal_name"])


def assignment_from(r: sqlite3.Row) -> RoleAssignment:
    return RoleAssignment(r["id"], r["principal_id"], r["role"], r["scope"])
