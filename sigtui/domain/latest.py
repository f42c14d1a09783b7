"""`latest`: the highest Major.Minor.Patch not excluded and completely replicated to the requested region."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from .errors import AzureError
from .models import ImageVersion, ReplicationState
from .replication import region_status, serves

END_OF_LIFE_POLICIES = ("block", "warn")
"""`block`: no VM from a version past its end of life (the seed's rule); `warn`: allowed with a warning (Azure
today, where the date is informational)."""
DEFAULT_END_OF_LIFE_POLICY = "block"


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


def past_end_of_life(version: ImageVersion, now: datetime) -> bool:
    return version.end_of_life_date is not None and version.end_of_life_date <= now


def end_of_life_text(version: ImageVersion) -> str:
    return f"{version.name} reached its end of life on {version.end_of_life_date:%Y-%m-%d}"


def end_of_life_error(image_id: str, version: ImageVersion) -> AzureError:
    """A pinned version past its end of life, when the end-of-life policy blocks it."""
    return AzureError(
        "InvalidParameter",
        f"The gallery image version {image_id} reached its end-of-life date "
        f"{version.end_of_life_date:%Y-%m-%dT%H:%M:%SZ}. Virtual machines can no longer be created from it.",
        400,
        target="imageReference",
    )


def end_of_life_warning(version: ImageVersion) -> str:
    return f"{version.name} is past its end-of-life date; VMs can still be created from it."


def _why_not(version: ImageVersion, region: str | None, now: datetime, eol_blocks: bool) -> PassedOver | None:
    """None when the version is eligible in `region` (any region when None), else the reason it is not."""
    if region is None:
        reasons = [_why_not(version, t.name, now, eol_blocks) for t in version.target_regions]
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
    if eol_blocks and past_end_of_life(version, now):
        return PassedOver(version.name, "end_of_life", end_of_life_text(version))
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
    versions: Iterable[ImageVersion],
    definition_id: str,
    region: str | None,
    now: datetime,
    end_of_life: str = DEFAULT_END_OF_LIFE_POLICY,
) -> Resolution:
    """Pick `latest` for `region` (or for any region when None), explaining every newer version passed over.
    Under the `block` end-of-life policy a version past its end of life is passed over; under `warn` it may be
    picked, with a warning."""
    ordered = sorted(versions, key=lambda v: v.key, reverse=True)
    passed: list[PassedOver] = []
    for version in ordered:
        reason = _why_not(version, region, now, end_of_life == "block")
        if reason is None:
            warnings = (end_of_life_warning(version),) if past_end_of_life(version, now) else ()
            return Resolution(version, region, tuple(passed), None, warnings)
        passed.append(reason)
    ended = [p.text for p in passed if p.reason == "end_of_life"]
    usable = [v for v in ordered if _included_somewhere(v) and not (ended and past_end_of_life(v, now))]
    if not usable or region is None:
        error = no_latest_error(definition_id)
        if ended:
            error.message = f"{error.message}: {'; '.join(ended)}"
        return Resolution(None, region, tuple(passed), error)
    return Resolution(None, region, tuple(passed), not_in_region_error(definition_id, region))
