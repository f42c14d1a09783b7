"""Who uses an image version: the VMs and scale sets made from it, pinned to it or through `latest`; and what
`latest` resolves to in each region now and after a planned change (exclude the version from latest, or delete
it)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from .latest import DEFAULT_END_OF_LIFE_POLICY, resolve_latest
from .models import ImageVersion

CHANGES = ("delete", "exclude")
"""The planned changes `latest_by_region` can look at."""


@dataclass(frozen=True, slots=True)
class Deployment:
    """A VM or scale set made from a gallery image, as stored: the image it asked for and the version it got."""

    id: str
    name: str
    kind: str
    location: str
    image_reference: str
    exact_version: str
    version_id: str

    @property
    def pinned(self) -> bool:
        """Asked for a version by its id (not the definition, not `…/versions/latest`)."""
        reference = self.image_reference.lower().rstrip("/")
        return "/versions/" in reference and not reference.endswith("/versions/latest")

    @property
    def via(self) -> str:
        return "pinned" if self.pinned else "latest"

    @property
    def kind_label(self) -> str:
        return "scale set" if self.kind == "virtualMachineScaleSets" else "VM"


def uses_of(version: ImageVersion, deployments: Iterable[Deployment]) -> list[Deployment]:
    """The VMs and scale sets made from `version`, by name."""
    wanted = version.id.lower()
    return sorted((d for d in deployments if d.version_id.lower() == wanted), key=lambda d: d.name.lower())


@dataclass(frozen=True, slots=True)
class RegionLatest:
    """What `latest` resolves to in one region now, and after the planned change (None: nothing qualifies)."""

    region: str
    now: str | None
    after: str | None

    @property
    def changes(self) -> bool:
        return self.now != self.after


def after_change(versions: Sequence[ImageVersion], names: Iterable[str], change: str) -> list[ImageVersion]:
    """The definition's versions once `names` are deleted, or excluded from latest (in every region)."""
    chosen = set(names)
    if change == "delete":
        return [v for v in versions if v.name not in chosen]
    if change == "exclude":
        return [_excluded(v) if v.name in chosen else v for v in versions]
    raise ValueError(f"unknown change {change!r}")


def _excluded(version: ImageVersion) -> ImageVersion:
    targets = tuple(replace(t, exclude_from_latest=True) for t in version.target_regions)
    return replace(version, exclude_from_latest=True, target_regions=targets)


def latest_by_region(
    before: Sequence[ImageVersion],
    after: Sequence[ImageVersion],
    definition_id: str,
    now: datetime,
    end_of_life: str = DEFAULT_END_OF_LIFE_POLICY,
) -> list[RegionLatest]:
    """`latest` in every region any version targets, before and after a change, by region name, under the
    end-of-life policy."""
    regions = sorted({t.name for v in before for t in v.target_regions})
    found = []
    for region in regions:
        was = resolve_latest(before, definition_id, region, now, end_of_life).version
        will = resolve_latest(after, definition_id, region, now, end_of_life).version
        found.append(RegionLatest(region, was.name if was else None, will.name if will else None))
    return found
