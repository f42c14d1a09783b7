"""Choices the VM dialog offers before anything is checked: defaults, size notes, the replica patch."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from . import vm
from .models import ImageDefinition, ImageVersion, ReplicationJob, ReplicationState
from .reference_data import VmSize, vm_sizes
from .replication import next_change, region_status
from .rest import version_to_rest
from .vm import OS_DISK_TYPES, recommendation_warnings, size_fits

PREFERRED_SIZE = "Standard_D2s_v5"


def size_note(size: VmSize, definition: ImageDefinition) -> str:
    """Why a size is a poor pick for this image ("" when it fits and is within the recommendations)."""
    if not size_fits(size, definition):
        return f"cannot boot {definition.hyper_v_generation or 'V1'} {definition.architecture or 'x64'}"
    if recommendation_warnings(size, definition):
        return "outside the recommended range"
    return ""


def default_size(definition: ImageDefinition) -> str:
    """The portal-like default: D2s_v5 when it fits the image, else the first size that fits and is recommended."""
    sizes = vm_sizes()
    good = [s for s in sizes if s.premium_storage and not size_note(s, definition)]
    preferred = next((s for s in good if s.name == PREFERRED_SIZE), None)
    chosen = preferred or (good or [s for s in sizes if size_fits(s, definition)] or list(sizes))[0]
    return chosen.name


def default_disk_type(definition: ImageDefinition, size: VmSize | None) -> str:
    """Premium SSD when the size and the image allow it, else the first allowed type."""
    allowed = [t for t in OS_DISK_TYPES if t not in definition.disallowed_disk_types]
    if size is not None and not size.premium_storage:
        allowed = [t for t in allowed if not t.startswith("Premium")]
    return "Premium_LRS" if "Premium_LRS" in allowed else (allowed or list(OS_DISK_TYPES))[0]


def first_reason(explanation: str) -> str:
    """The first clause of a `latest` explanation: the newest version passed over, or Azure's error."""
    return explanation.split("; ", 1)[0]


def replicas_patch(version: ImageVersion, region: str, count: int, now: datetime) -> dict:
    """An update body that sets one region's replica count and keeps every other target region as it is."""
    targets = version_to_rest(version, now)["properties"]["publishingProfile"]["targetRegions"]
    for target, body in zip(version.target_regions, targets, strict=True):
        if target.name == region:
            body["regionalReplicaCount"] = count
    return {"properties": {"publishingProfile": {"targetRegions": targets}}}


def watch_deadline(jobs: Iterable[ReplicationJob | None], now: datetime) -> tuple[bool, datetime | None]:
    """(something is replicating now, the next moment a job changes state) for the dialog's refresh timer."""
    jobs = [j for j in jobs if j is not None]
    replicating = any(region_status("", j, now).state is ReplicationState.REPLICATING for j in jobs)
    return replicating, next_change(jobs, now)


def scaling_advice_for(
    version: ImageVersion | None, location: str | None, count: int | None, scale_set: bool
) -> vm.ScalingAdvice | None:
    """Whether the version has replicas enough in `location` for `count` VMs (or a scale set of `count`)."""
    target = next((t for t in version.target_regions if t.name == location), None) if version else None
    if target is None or count is None or count < 1:
        return None
    current = version.replicas_in(target)
    return vm.scaling_advice(current, 1, count) if scale_set else vm.scaling_advice(current, count)
