"""Rules for half-typed forms: optional integers and replica counts, end-of-life text, which sources fit a
definition in a region, and target regions written in az's `--target-regions` syntax."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from . import rules, version_rules
from .dates import parse_date
from .errors import AzureError, invalid
from .models import ImageDefinition, ImageVersion, ReplicationState, Source, SourceKind, TargetRegion
from .replication import region_status

WHOLE_SOURCE_KINDS = (SourceKind.MANAGED_IMAGE, SourceKind.VIRTUAL_MACHINE, SourceKind.IMAGE_VERSION)
DISK_SOURCE_KINDS = (SourceKind.SNAPSHOT, SourceKind.DISK)


def required(prop: str, value: object) -> object:
    """A parameter that must be given (Azure's wording when it is missing)."""
    if value is None or value == "":
        raise invalid(f"Required parameter '{prop}' is missing (null).", prop)
    return value


def optional_int(prop: str, text: str) -> int | None:
    """Blank is unset; anything else must be an integer (az's wording when it is not)."""
    value = text.strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise invalid(f"argument --{prop}: invalid int value: '{value}'", prop) from None


def replica_count(prop: str, text: str) -> int | None:
    """An optional replica count within Azure's range."""
    value = optional_int(prop, text)
    version_rules.replica_range(prop, value)
    return value


def end_of_life(text: str, now: datetime) -> datetime | None:
    """Blank is unset; otherwise ISO 8601 or relative text (`+6 months`), which must lie in the future."""
    if not text.strip():
        return None
    value = parse_date(text, now)
    rules.check_future(value, now)
    return value


def fits(source: Source, definition: ImageDefinition, location: str) -> bool:
    """The source is in `location` and matches the definition's OS type, OS state and Hyper-V generation."""
    try:
        version_rules.check_source_matches(source, definition, location)
    except AzureError:
        return False
    return True


def os_sources(sources: Iterable[Source], definition: ImageDefinition, location: str) -> list[Source]:
    """What a version can be made from: images, VMs and gallery versions, or an OS snapshot or disk."""
    return [
        s
        for s in sources
        if (s.kind in WHOLE_SOURCE_KINDS or (s.kind in DISK_SOURCE_KINDS and s.os_type))
        and fits(s, definition, location)
    ]


def data_sources(sources: Iterable[Source], location: str, os_source_id: str | None) -> list[Source]:
    """Snapshots and disks in `location` that can be data disks beside the OS snapshot or disk."""
    return [
        s
        for s in sources
        if s.kind in DISK_SOURCE_KINDS and s.location == location and not s.os_type and s.id != os_source_id
    ]


def gallery_version_source(version: ImageVersion, definition: ImageDefinition, region: str) -> Source:
    """A gallery image version seen as a source in `region` (its OS traits are the definition's)."""
    return Source(
        version.id,
        SourceKind.IMAGE_VERSION,
        version.subscription,
        version.resource_group,
        f"{version.gallery}/{version.definition}/{version.name}",
        region,
        definition.os_type,
        definition.os_state,
        definition.hyper_v_generation,
        version.os_disk,
        version.data_disks,
        version.encrypted,
    )


def gallery_version_sources(version: ImageVersion, definition: ImageDefinition, now: datetime) -> list[Source]:
    """A gallery image version as a source, once per region where its replication has completed."""
    return [
        gallery_version_source(version, definition, target.name)
        for target in version.target_regions
        if region_status(target.name, target.job, now).state is ReplicationState.COMPLETED
    ]


def az_target(target: TargetRegion) -> str:
    """One target region as az writes it: `westus`, `westus=2`, `westus=2=standard_zrs`, `westus=standard_zrs`."""
    parts = [target.name]
    if target.regional_replica_count is not None:
        parts.append(str(target.regional_replica_count))
    if target.storage_account_type:
        parts.append(target.storage_account_type.lower())
    return "=".join(parts)


def az_targets(targets: Iterable[TargetRegion]) -> str:
    return " ".join(az_target(t) for t in targets)
