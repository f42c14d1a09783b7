"""What changing an existing image version means for its disks and its regions' replication jobs."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from .models import ImageVersion, ReplicationJob, ReplicationState, TargetRegion
from .replication import FaultPlan, plan_extra_replicas, plan_jobs, region_status


def used_gb(version: ImageVersion) -> float:
    """Occupied size of all disks: what replication copies and what replicas are billed for."""
    return version.os_disk.used_gb + sum(d.used_gb for d in version.data_disks)


def target(version: ImageVersion, name: str) -> TargetRegion | None:
    return next((t for t in version.target_regions if t.name == name), None)


def source_region_ready(version: ImageVersion, now: datetime) -> bool:
    """Whether the version's own region has finished, so other regions copy from it at full speed."""
    source = target(version, version.location)
    return source is not None and region_status(source.name, source.job, now).state is ReplicationState.COMPLETED


def carry_disks(old: ImageVersion, new: ImageVersion) -> ImageVersion:
    """A replacement body names sources, not sizes: keep the existing disks when the sources agree."""
    os_source = new.os_disk.source_id if new.os_disk else None
    if (new.source_id or os_source) is None:
        new = dataclasses.replace(new, source_id=old.source_id)
    if os_source is None:
        new = dataclasses.replace(new, os_disk=dataclasses.replace(old.os_disk, host_caching=old.os_disk.host_caching))
    if not new.data_disks and old.data_disks and not old.os_disk.source_id:
        new = dataclasses.replace(new, data_disks=old.data_disks)
    new_luns = {d.lun: d for d in new.data_disks}
    data = tuple(
        dataclasses.replace(d, source_id=new_luns[d.lun].source_id) if d.lun in new_luns else d for d in old.data_disks
    )
    if len(new.data_disks) == len(old.data_disks) and set(new_luns) == {d.lun for d in old.data_disks}:
        new = dataclasses.replace(new, data_disks=data)
    return new


def jobs_after_update(
    old: ImageVersion, new: ImageVersion, now: datetime, faults: FaultPlan
) -> dict[str, ReplicationJob]:
    """New regions start replicating; more replicas in a region copy locally; everything else keeps its job."""
    size = used_gb(old)
    added = [(t.name, new.replicas_in(t)) for t in new.target_regions if target(old, t.name) is None]
    jobs = plan_jobs(old.id, size, old.location, added, now, faults, source_ready=source_region_ready(old, now))
    for region in new.target_regions:
        before = target(old, region.name)
        if before is None:
            continue
        extra = new.replicas_in(region) - old.replicas_in(before)
        state = region_status(before.name, before.job, now).state
        if extra > 0 and state is ReplicationState.COMPLETED:
            jobs[region.name] = plan_extra_replicas(size, extra, now)
        elif extra > 0 and state in (ReplicationState.REPLICATING, ReplicationState.UNKNOWN):
            more = plan_extra_replicas(size, extra, now).duration_s
            jobs[region.name] = dataclasses.replace(before.job, duration_s=before.job.duration_s + more)
        else:
            jobs[region.name] = before.job
    return jobs
