"""Image version create, update, region changes, retry and delete, decided on a snapshot of the facts they need."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from . import ids, rules, soft_delete, version_rules, version_safety
from .access import Caller
from .direct_share import check_direct_share_encryption
from .errors import invalid, parent_not_found
from .models import (
    DiskEncryptionSet,
    ImageDefinition,
    ImageVersion,
    ReplicationState,
    SoftDeletedVersion,
    Source,
    Subscription,
)
from .plan import Decision, Delete, Insert, NewKey, Plan, Update, activity, plan
from .presence import WriteScope, readable_existing, require_subscription
from .reference_data import find_region
from .replication import FaultPlan, failure_entry, plan_jobs, region_status
from .rest import version_from_rest, version_to_rest
from .rest_bodies import merge
from .rows import data_disk_inserts, target_region_inserts, version_row
from .version_changes import carry_disks, jobs_after_update, source_region_ready, target, used_gb

VERSION_WRITE = "Microsoft.Compute/galleries/images/versions/write"
VERSION_DELETE = "Microsoft.Compute/galleries/images/versions/delete"
UPDATABLE_COLUMNS = ("replica_count", "exclude_from_latest", "end_of_life_date", "tags", "operation", "changed_at",
                     "allow_replicated_location_deletion", "block_deletion_before_end_of_life")


@dataclass(frozen=True)
class VersionFacts(WriteScope):
    """What an image version write is decided on, read in one pass."""

    gallery_name: str
    definition_name: str
    definition: ImageDefinition | None = None
    definition_pk: int | None = None
    existing: ImageVersion | None = None
    existing_pk: int | None = None
    sources: Mapping[str, Source] = field(default_factory=dict)
    """The sources the request names, by lower-cased id; a gallery version where it has finished replicating."""
    encryption_sets: Mapping[str, DiskEncryptionSet] = field(default_factory=dict)
    """Disk encryption sets by lower-cased id."""
    in_region: Mapping[str, int] = field(default_factory=dict)
    faults: FaultPlan = field(default_factory=FaultPlan)
    soft_delete: bool = False
    """The gallery's soft delete policy: a deleted version is kept, restorable."""
    soft_deleted: SoftDeletedVersion | None = None
    """The soft-deleted version of the name the write names, if any."""
    gallery_sharing: str | None = None
    """The gallery's `sharingProfile.permissions`: a direct shared gallery (`Groups`) holds no encrypted version."""

    def parents(self) -> tuple[Subscription, ImageDefinition]:
        sub, _ = self.scope()
        if self.definition is None:
            raise parent_not_found(f"{self.gallery_name}/{self.definition_name}")
        return sub, self.definition

    def present(self, name: str) -> ImageVersion:
        """The version a change or delete names, readable by the caller."""
        self.parents()
        path = f"{self.gallery_name}/images/{self.definition_name}/versions/{name}"
        return readable_existing(self.existing, self.caller, path, self.resource_group)

    def find_set(self, set_id: str) -> DiskEncryptionSet | None:
        """A set by id; `diskEncryptionSet/` (as in Azure's own examples) and `diskEncryptionSets/` both match."""
        return self.encryption_sets.get(set_id.lower().replace("/diskencryptionset/", "/diskencryptionsets/"))


def source_ids(version: ImageVersion) -> list[str]:
    """Every source a version request names: the whole-image source, or the OS and data disks'."""
    disks = [version.os_disk.source_id if version.os_disk else None, *(d.source_id for d in version.data_disks)]
    return [source_id for source_id in (version.source_id, *disks) if source_id]


def _authorize_sources(caller: Caller, version: ImageVersion) -> None:
    """Reading is enough for managed images and gallery versions; VMs, disks and snapshots need write; a VHD
    needs read on its storage account."""
    for disk in (version.os_disk, *version.data_disks):
        if disk is not None and disk.storage_account_id:
            caller.require("read", disk.storage_account_id)
    for source_id in source_ids(version):
        if source_id.lower().startswith("https://"):
            continue
        kind = ids.parse_arm_id(source_id, "properties.storageProfile.source.id").kind
        caller.require("read" if kind in ("images", "galleries/images/versions") else "write", source_id)


def decide_create(facts: VersionFacts, version: ImageVersion, if_none_match: bool = False) -> Decision[ImageVersion]:
    """PUT: create (starting replication), or replace the updatable fields of an existing version."""
    sub, definition = facts.parents()
    version = dataclasses.replace(version, subscription=sub.id, gallery=definition.gallery, definition=definition.name)
    facts.caller.require("write", version.id)
    if facts.existing is not None:
        if if_none_match:
            raise rules.already_exists(
                f"{definition.gallery}/{definition.name}/{version.name}", "galleryImageVersionName"
            )
        return _replace(facts, facts.existing, carry_disks(facts.existing, version))
    if facts.soft_deleted is not None:
        raise soft_delete.name_taken(definition.gallery, definition.name, version.name)
    _authorize_sources(facts.caller, version)
    location = rules.check_location(version.location or definition.location, sub, rules.VERSION_TYPE).name
    version = version_rules.validate_version(
        dataclasses.replace(version, location=location),
        definition,
        sub,
        lambda source_id: facts.sources.get(source_id.lower()),
        facts.find_set,
        facts.in_region.get(location, 0),
        facts.now,
    )
    check_direct_share_encryption(facts.gallery_sharing, version)
    targets = [(t.name, version.replicas_in(t)) for t in version.target_regions]
    copied = 0 if version.shallow else used_gb(version)  # shallow replication serves from the source, copying nothing
    jobs = plan_jobs(version.id, copied, location, targets, facts.now, facts.faults)
    now = facts.now
    version = dataclasses.replace(
        version,
        published_date=now,
        created_at=now,
        changed_at=now,
        operation="create",
        target_regions=tuple(dataclasses.replace(t, job=jobs[t.name]) for t in version.target_regions),
    )
    key = NewKey("version")
    rows = plan(
        Insert("image_version", version_row(version, facts.definition_pk), key=key),
        *data_disk_inserts(version, key),
        *target_region_inserts(version, key),
    )
    after = version_to_rest(version, now)
    entry = activity(now, facts.caller.name, VERSION_WRITE, version.id, None, after, status="Accepted")
    return Decision(version, rows.then(entry))


def _replace(facts: VersionFacts, old: ImageVersion, new: ImageVersion) -> Decision[ImageVersion]:
    """Only updatable fields change; new regions and replicas start replicating."""
    sub = require_subscription(facts.subscription, facts.requested_subscription)
    facts.caller.require("write", old.id)
    new = dataclasses.replace(new, name=old.name, location=rules.keep_location("version", old.location, new.location))
    if not new.target_regions:
        new = dataclasses.replace(new, target_regions=old.target_regions)
    new = version_rules.validate_version_update(old, new, sub, facts.find_set, facts.now)
    jobs = jobs_after_update(old, new, facts.now, facts.faults)
    started = any(jobs[t.name] is not getattr(target(old, t.name), "job", None) for t in new.target_regions)
    new = dataclasses.replace(
        new,
        os_disk=old.os_disk,
        data_disks=old.data_disks,
        source_id=old.source_id,
        source_field=old.source_field,
        published_date=old.published_date,
        created_at=old.created_at,
        changed_at=facts.now,
        operation="update" if started else old.operation,
        target_regions=tuple(dataclasses.replace(t, job=jobs[t.name]) for t in new.target_regions),
    )
    pk = facts.existing_pk
    row = version_row(new, facts.definition_pk)
    before, after = version_to_rest(old, facts.now), version_to_rest(new, facts.now)
    status = "Accepted" if started else "Succeeded"
    return Decision(
        new,
        plan(
            Update("image_version", {name: row[name] for name in UPDATABLE_COLUMNS}, {"id": pk}),
            Delete("target_region", {"version_id": pk}),
            *target_region_inserts(new, pk),
            activity(facts.now, facts.caller.name, VERSION_WRITE, new.id, before, after, status=status),
        ),
    )


def decide_update(facts: VersionFacts, name: str, patch: dict) -> Decision[ImageVersion]:
    """PATCH: merge a REST body; only target regions, replicas, exclusion, EOL and tags may change."""
    old = facts.present(name)
    facts.caller.require("write", old.id)
    body = merge(version_to_rest(old, facts.now), patch)
    new = version_from_rest(
        body, old.subscription, old.resource_group, old.gallery, old.definition, old.name, facts.now
    )
    if "targetRegions" not in (patch.get("properties", {}).get("publishingProfile") or {}):
        new = dataclasses.replace(new, target_regions=old.target_regions)
    return _replace(facts, old, carry_disks(old, new))


def decide_set_targets(facts: VersionFacts, name: str, targets) -> Decision[ImageVersion]:
    """Replace the target region list (regions keep their running jobs)."""
    old = facts.present(name)
    return _replace(facts, old, dataclasses.replace(old, target_regions=tuple(targets)))


def _named_target(version: ImageVersion, region: str):
    found = find_region(region)
    chosen = target(version, found.name if found else region)
    if chosen is None:
        raise invalid(
            f"The image version {version.name} has no target region '{region}'.",
            "galleryImageVersion.properties.publishingProfile.targetRegions",
        )
    return chosen


def decide_remove_region(facts: VersionFacts, name: str, region: str) -> Decision[ImageVersion]:
    """Drop one target region (its replicas are deleted at once)."""
    old = facts.present(name)
    dropped = _named_target(old, region)
    return decide_set_targets(facts, name, [t for t in old.target_regions if t.name != dropped.name])


def decide_retry(facts: VersionFacts, name: str, region: str) -> Decision[ImageVersion]:
    """Start a failed regional replication again."""
    old, now = facts.present(name), facts.now
    facts.caller.require("write", old.id)
    failed = _named_target(old, region)
    if region_status(failed.name, failed.job, now).state is not ReplicationState.FAILED:
        raise invalid(
            f"Replication to '{failed.name}' has not failed; only a failed region can be retried.",
            "galleryImageVersion.properties.publishingProfile.targetRegions",
        )
    attempt = failed.job.attempt + 1
    ready = source_region_ready(old, now) or failed.name == old.location
    regions = [(failed.name, old.replicas_in(failed))]
    size = used_gb(old)
    jobs = plan_jobs(old.id, size, old.location, regions, now, facts.faults, attempt=attempt, source_ready=ready)
    job = dataclasses.replace(jobs[failed.name], serving=failed.job.serving)
    restarted = {
        "started_at": job.started_at.timestamp(),
        "duration_s": job.duration_s,
        "fail_at": job.fail_at,
        "failure_detail": job.failure_detail,
        "attempt": attempt,
    }
    targets = tuple(dataclasses.replace(t, job=job) if t.name == failed.name else t for t in old.target_regions)
    new = dataclasses.replace(old, operation="update", target_regions=targets)
    before, after = version_to_rest(old, now, True), version_to_rest(new, now, True)
    entry = activity(
        now, facts.caller.name, VERSION_WRITE, old.id, before, after, "Accepted", f"Retry replication to {failed.name}"
    )
    pk = facts.existing_pk
    return Decision(
        new,
        plan(
            Update("target_region", restarted, {"version_id": pk, "region": failed.name}),
            Update("image_version", {"operation": "update", "changed_at": now.timestamp()}, {"id": pk}),
            failure_entry(old.id, failed.name, failed.job),
            entry,
        ),
    )


def decide_delete(facts: VersionFacts, name: str) -> Decision[None]:
    old = facts.present(name)
    facts.caller.require("delete", old.id)
    kept = soft_delete.keep(facts.now, facts.definition_pk, old) if facts.soft_delete else plan()
    return Decision(None, kept.then(delete_steps(facts.now, facts.caller, old, facts.existing_pk, facts.soft_delete)))


def delete_steps(now: datetime, caller: Caller, version: ImageVersion, pk: int, soft: bool = False) -> Plan:
    """Delete a version with its regions and disks, and log it (`soft`: kept, restorable); the caller must have
    the right to, and its safety profile must not block deleting it yet."""
    caller.require("delete", version.id)
    version_safety.check_delete(version, now)
    children = [Delete(table, {"version_id": pk}) for table in ("target_region", "data_disk")]
    entry = activity(now, caller.name, VERSION_DELETE, version.id, version_to_rest(version, now), None,
                     message="Soft-deleted: restorable" if soft else "")
    return plan(*children, Delete("image_version", {"id": pk}), entry)
