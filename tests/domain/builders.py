"""Small builders for domain values used across the domain tests."""

from datetime import UTC, datetime, timedelta

from sigtui.domain.models import DiskImage, ImageVersion, ReplicationJob, TargetRegion

T0 = datetime(2026, 1, 1, tzinfo=UTC)
DEFINITION_ID = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/d"


def done(region: str, exclude: bool | None = None) -> TargetRegion:
    """A region whose replication finished an hour after T0."""
    return TargetRegion(region, exclude_from_latest=exclude, job=ReplicationJob(T0, 3600))


def running(region: str, fraction_at_t1: float) -> TargetRegion:
    """A region replicating at T1 (= T0 + 1 day) with the given progress."""
    duration = 1000.0
    start = T0 + timedelta(days=1) - timedelta(seconds=duration * fraction_at_t1)
    return TargetRegion(region, job=ReplicationJob(start, duration))


def failed(region: str) -> TargetRegion:
    return TargetRegion(region, job=ReplicationJob(T0, 1000, 0.5, "Failed with internal server error."))


def version(name: str, *targets: TargetRegion, exclude: bool = False, eol: datetime | None = None) -> ImageVersion:
    return ImageVersion(
        "s",
        "rg",
        "g",
        "d",
        name,
        targets[0].name if targets else "westus",
        DiskImage(30, 10),
        target_regions=targets,
        exclude_from_latest=exclude,
        end_of_life_date=eol,
    )


T1 = T0 + timedelta(days=1)
