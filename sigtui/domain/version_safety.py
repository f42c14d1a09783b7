"""A version's replication mode and safety profile: what shallow replication allows, and which deletions the
safety flags block."""

from __future__ import annotations

from datetime import datetime

from .errors import AzureError, invalid
from .models import ImageVersion, ReplicationMode, ReplicationState
from .reference_data import find_region
from .replication import region_status
from .rules import enum_value

PUBLISHING = "galleryImageVersion.properties.publishingProfile"
SAFETY = "galleryImageVersion.properties.safetyProfile"


def check_replication_mode(version: ImageVersion) -> str | None:
    """`Full` or `Shallow` in Azure's spelling; a shallow version lives in its own region only, with one replica
    (its targets already normalized)."""
    if version.replication_mode is None:
        return None
    mode = enum_value("replicationMode", version.replication_mode, tuple(m.value for m in ReplicationMode))
    if mode != ReplicationMode.SHALLOW:
        return mode
    others = [t.name for t in version.target_regions if t.name != version.location]
    if others:
        names = ", ".join(_display(name) for name in others)
        raise invalid(f"Shallow replication keeps an image version in its source region "
                      f"'{_display(version.location)}' only; remove the target regions '{names}' or use "
                      "replicationMode 'Full'.", f"{PUBLISHING}.targetRegions")
    counts = [version.replica_count, *(t.regional_replica_count for t in version.target_regions)]
    if any(count not in (None, 1) for count in counts):
        raise invalid("When using shallow replication the replica count can only be 1.",
                      f"{PUBLISHING}.replicaCount")
    return mode


def _display(region: str) -> str:
    found = find_region(region)
    return found.display_name if found else region


def _holds_replicas(version: ImageVersion, region: str, now: datetime) -> bool:
    target = next(t for t in version.target_regions if t.name == region)
    if target.job is None:
        return False
    return target.job.serving or region_status(region, target.job, now).state is ReplicationState.COMPLETED


def check_region_removal(old: ImageVersion, new: ImageVersion, now: datetime) -> None:
    """Removing a region that holds replicas needs `safetyProfile.allowDeletionOfReplicatedLocations`; a region
    still replicating for the first time, or failed, can always go."""
    if new.allow_replicated_location_deletion:
        return
    kept = {t.name for t in new.target_regions}
    removed = [t.name for t in old.target_regions if t.name not in kept and _holds_replicas(old, t.name, now)]
    if removed:
        names = ", ".join(_display(name) for name in removed)
        raise AzureError(
            "OperationNotAllowed",
            f"Removing the replicated regions '{names}' from gallery image version '{old.name}' is not allowed: its "
            "safetyProfile.allowDeletionOfReplicatedLocations is false. Set it to true to remove them.",
            409,
            f"{SAFETY}.allowDeletionOfReplicatedLocations",
        )


def check_delete(version: ImageVersion, now: datetime) -> None:
    """`safetyProfile.blockDeletionBeforeEndOfLife` keeps a version until its end-of-life date has passed."""
    if not version.block_deletion_before_end_of_life:
        return
    if version.end_of_life_date is None or version.end_of_life_date > now:
        raise AzureError(
            "DeleteGalleryImageVersionBlockedBeforeEndOfLife",
            "Deletion of Gallery image version is not allowed because the image is enabled for "
            "blockDeletionBeforeEndOfLife and its endOfLifeDate has not reached yet",
            409,
            f"{SAFETY}.blockDeletionBeforeEndOfLife",
        )
