"""`latest`: the highest Major.Minor.Patch not excluded and completely replicated to the requested region."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from .errors import AzureError
from .models import ImageVersion, ReplicationState
from .replication import region_status, serves


@dataclass(frozen=True, slots=True)
class PassedOver:
    """A newer version that `latest` did not pick, and why."""

    version: str
    reason: str
    text: str


@dataclass(frozen=True, slots=True)
class Resolution:
    version: ImageVersion | None
    region: str | None
    passed_over: tuple[PassedOver, ...] = ()
    error: AzureError | None = None
    warnings: tuple[str, ...] = field(default=())

    def explain(self) -> str:
        """One sentence: what was passed over and what `latest` resolved to."""
        parts = [p.text for p in self.passed_over]
        if self.version is not None:
            parts.append(f"resolved to {self.version.name}")
        elif self.error is not None and self.error.code == "InvalidParameter":
            parts.append("no version qualifies as latest")
        elif self.error is not None:
            parts.append(self.error.message)
        return "; ".join(parts)


def no_latest_error(definition_id: str) -> AzureError:
    return AzureError("InvalidParameter", f'There is no latest image version exists for "{definition_id}"')


def not_in_region_error(image_id: str, region: str) -> AzureError:
    return AzureError(
        "GalleryImageNotFound",
        f"The gallery image {image_id} is not available in {region} region. Please contact image owner to "
        "replicate to this region, or change your requested region.",
        404,
    )


def _why_not(version: ImageVersion, region: str | None, now: datetime) -> PassedOver | None:
    """None when the version is eligible in `region` (any region when None), else the reason it is not."""
    if region is None:
        reasons = [_why_not(version, t.name, now) for t in version.target_regions]
        if any(r is None for r in reasons):
            return None
        if not _included_somewhere(version):
            return PassedOver(version.name, "excluded", f"{version.name} is excluded from latest")
        busy = [r for r in reasons if r and r.reason in ("replicating", "failed", "queued")]
        if busy or reasons:
            return (busy or reasons)[0]
        return PassedOver(version.name, "not_replicated", f"{version.name} has no target regions")
    target = next((t for t in version.target_regions if t.name == region), None)
    if target is None:
        return PassedOver(version.name, "not_replicated", f"{version.name} is not replicated to {region}")
    if version.excluded_in(target):
        if target.exclude_from_latest is not None and target.exclude_from_latest != version.exclude_from_latest:
            return PassedOver(version.name, "regional_exclusion", f"{version.name} is excluded from latest in {region}")
        return PassedOver(version.name, "excluded", f"{version.name} is excluded from latest")
    if serves(target.job, now):
        return None
    status = region_status(region, target.job, now)
    if status.state is ReplicationState.FAILED:
        return PassedOver(version.name, "failed", f"{version.name} failed to replicate to {region}")
    if status.state is ReplicationState.REPLICATING:
        return PassedOver(
            version.name, "replicating", f"{version.name} is still replicating to {region} ({status.progress}%)"
        )
    return PassedOver(version.name, "queued", f"{version.name} is waiting to replicate to {region}")


def _included_somewhere(version: ImageVersion) -> bool:
    if not version.target_regions:
        return not version.exclude_from_latest
    return any(not version.excluded_in(t) for t in version.target_regions)


def resolve_latest(
    versions: Iterable[ImageVersion], definition_id: str, region: str | None, now: datetime
) -> Resolution:
    """Pick `latest` for `region` (or for any region when None), explaining every newer version passed over."""
    ordered = sorted(versions, key=lambda v: v.key, reverse=True)
    passed: list[PassedOver] = []
    for version in ordered:
        reason = _why_not(version, region, now)
        if reason is None:
            warnings = ()
            if version.end_of_life_date is not None and version.end_of_life_date <= now:
                warnings = (f"{version.name} is past its end-of-life date; VMs can still be created from it",)
            return Resolution(version, region, tuple(passed), None, warnings)
        passed.append(reason)
    if not any(_included_somewhere(v) for v in ordered) or region is None:
        return Resolution(None, region, tuple(passed), no_latest_error(definition_id))
    return Resolution(None, region, tuple(passed), not_in_region_error(definition_id, region))
