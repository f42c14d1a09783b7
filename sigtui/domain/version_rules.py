"""Azure's rules for image versions: target regions, sources and disks, encryption."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime

from . import names, version_safety
from .encryption_rules import check_encryption, check_encryption_unchanged
from .errors import AzureError, invalid
from .models import (
    DiskEncryptionSet,
    DiskImage,
    ImageDefinition,
    ImageVersion,
    Source,
    SourceKind,
    StorageAccountType,
    Subscription,
    TargetRegion,
)
from .reference_data import Region, find_region, limits
from .rules import (
    VERSION_TYPE,
    check_future,
    check_location,
    check_only_updatable,
    check_quota,
    enum_value,
)
from .storage import VHD_KIND, check_vhd
from .values import check_tags


def replica_range(prop: str, value: int | None) -> None:
    lim = limits()
    low, high = lim["regionalReplicaCountMin"], lim["regionalReplicaCountMax"]
    if value is not None and not low <= value <= high:
        raise invalid(
            f"The value {value} of parameter {prop} is out of range. The value must be between {low} and {high}, "
            "inclusive",
            prop,
        )


STORAGE_TYPES = tuple(t.value for t in StorageAccountType)
HOST_CACHING = ("None", "ReadOnly", "ReadWrite")


def normalize_targets(
    version: ImageVersion, subscription: Subscription, source_region: Region
) -> tuple[TargetRegion, ...]:
    """Target regions with programmatic names, checked: known, allowed, one cloud, no duplicates, source present."""
    targets = version.target_regions or (TargetRegion(source_region.name),)
    seen: set[str] = set()
    result = []
    for target in targets:
        found = find_region(target.name)
        if found is not None and found.cloud != source_region.cloud:
            raise invalid(
                f"Replication across clouds is not supported: '{found.display_name}' is in the {found.cloud} cloud "
                f"and the image version is in the {source_region.cloud} cloud.",
                "publishingProfile.targetRegions",
            )
        region = check_location(target.name, subscription, VERSION_TYPE, source_region.cloud)
        if region.name in seen:
            raise invalid("Duplicate regions are not allowed in target publishing regions", "targetRegions")
        seen.add(region.name)
        replica_range(
            "galleryImageVersion.properties.publishingProfile.targetRegions.regionalReplicaCount",
            target.regional_replica_count,
        )
        storage = target.storage_account_type
        if storage is not None:
            storage = enum_value("storageAccountType", storage, STORAGE_TYPES)
        if (
            storage or version.storage_account_type
        ) == StorageAccountType.STANDARD_ZRS and not region.availability_zones:
            raise invalid("ZRS storage account type is not supported in this region.", "storageAccountType")
        result.append(dataclasses.replace(target, name=region.name, storage_account_type=storage))
    if source_region.name not in seen:
        listed = ", ".join(find_region(t.name).display_name for t in result)
        raise invalid(
            f"Gallery image version publishing profile regions '{listed}' must contain the location of image "
            f"version '{source_region.display_name}'.",
            "publishingProfile.targetRegions",
        )
    return tuple(result)


def _source_not_found(source_id: str) -> AzureError:
    return invalid(
        f"Source {source_id} is not found. Please check source exists, and is in the same region as gallery image "
        "version being created",
        target="galleryImageVersion.properties.storageProfile.source.id",
    )


def check_source_matches(source: Source, definition: ImageDefinition, location: str) -> None:
    """The source is in the version's region and matches the definition's OS type, state and generation."""
    if source.location != location:
        raise _source_not_found(source.id)
    if source.os_type and source.os_type != definition.os_type:
        raise invalid(
            f"The resource with id '{source.id}' has a different OS type ['{source.os_type}'] than the parent "
            f"gallery image OS type generation ['{definition.os_type}']",
            target="galleryImageVersion.properties.storageProfile.source.id",
        )
    if source.os_state and source.os_state != definition.os_state:
        raise invalid(
            f"Cannot create Gallery Image Version from: {source.id} since the OS State in the parent gallery image "
            f"({definition.os_state}) is not {source.os_state}",
            target="galleryImageVersion.properties.storageProfile.source.id",
        )
    if source.hyper_v_generation and source.hyper_v_generation != definition.hyper_v_generation:
        raise invalid(
            f"The resource with id '{source.id}' has a different Hypervisor generation "
            f"['{source.hyper_v_generation}'] than the parent gallery image Hypervisor generation "
            f"['{definition.hyper_v_generation}']",
            target="galleryImageVersion.properties.storageProfile.source.id",
        )
    if source.encrypted and source.kind == SourceKind.IMAGE_VERSION:
        raise invalid(
            f"ACG Image version source encrypted with CMK cannot be used as source to create another ACG Image "
            f"version: '{source.id}'.",
            target="galleryImageVersion.properties.storageProfile.source.id",
        )
    if source.encrypted and source.subscription.lower() != definition.subscription.lower():
        raise invalid(
            f"Encrypted source: '{source.id}' is in a different subscription ID than the current gallery image "
            f"version subscription '{definition.subscription}'. Please retry with an unencrypted source(s) or use "
            f"the source's subscription '{source.subscription}' to create the gallery image version",
            target="galleryImageVersion.properties.storageProfile.source.id",
        )


SourceLookup = Callable[[str], Source | None]
WHOLE_SOURCES = {
    "id": ((SourceKind.MANAGED_IMAGE, SourceKind.VIRTUAL_MACHINE, SourceKind.IMAGE_VERSION),
           "must either be a managed image, virtual machine or another gallery image version"),
    "virtualMachineId": ((SourceKind.VIRTUAL_MACHINE,), "given as virtualMachineId must be a virtual machine"),
}
"""The kinds a whole-image source may be, by the field that names it, and the refusal's wording."""
DISK_SOURCES = ((SourceKind.SNAPSHOT, SourceKind.DISK, VHD_KIND), "must be a managed disk, snapshot or VHD")


def _check_disk_sources(version: ImageVersion) -> None:
    """One source type (the whole image, or OS and data disks), unique LUNs and unique disk sources."""
    os_disk_source = version.os_disk.source_id if version.os_disk else None
    whole = version.source_id
    if bool(whole) == bool(os_disk_source):
        raise invalid(
            "The gallery artifact version source can only be specified either directly under storageProfile or "
            "within individual OS or data disks. One and only one source type (user image, snapshot, disk, virtual "
            "machine) can be provided",
            target="galleryImageVersion.properties.storageProfile",
        )
    luns = [d.lun for d in version.data_disks]
    if len(luns) != len(set(luns)):
        raise invalid(
            "Duplicated lun numbers have been detected in the input data disks. Lun number must be unique for each "
            "data disk",
            target="galleryImageVersion.properties.storageProfile.dataDiskImages",
        )
    disk_sources = [d.source_id for d in version.data_disks if d.source_id]
    if os_disk_source and os_disk_source.lower() in {s.lower() for s in disk_sources}:
        raise invalid(
            f"OSDiskImage and DataDiskImage cannot point to same blob {os_disk_source}",
            target="galleryImageVersion.properties.storageProfile.osDiskImage.source.id",
        )
    if len({s.lower() for s in disk_sources}) != len(disk_sources):
        raise invalid(
            "Duplicated source ids are found in the input disks. Source id should be unique for each disk",
            target="galleryImageVersion.properties.storageProfile.dataDiskImages",
        )


def _check_sizes(disks: tuple[DiskImage, ...], shallow: bool) -> None:
    """Disks up to Azure's size limit; shallow replication, which copies nothing, takes far larger ones."""
    max_gb = limits()["maxShallowDiskSizeGB" if shallow else "maxDiskSizeGB"]
    for disk in disks:
        if disk.size_gb > max_gb:
            raise invalid(
                f"The GalleryImageVersion source resource size {disk.size_gb} exceeds the max size {max_gb} supported",
                target="galleryImageVersion.properties.storageProfile",
            )


def resolve_disks(
    version: ImageVersion, definition: ImageDefinition, location: str, find_source: SourceLookup
) -> ImageVersion:
    """Fill the version's disks from its sources, enforcing one OS source, unique LUNs and unique sources."""
    _check_disk_sources(version)
    whole, os_disk_source = version.source_id, version.os_disk.source_id if version.os_disk else None

    def fetch(source_id: str, kinds: tuple[str, ...], kind_message: str) -> Source:
        source = find_source(source_id)
        if source is None:
            raise _source_not_found(source_id)
        if source.kind not in kinds:
            raise invalid(
                f"The source id: {source_id} {kind_message}",
                target="galleryImageVersion.properties.storageProfile.source.id",
            )
        check_source_matches(source, definition, location)
        return source

    if whole:
        source = fetch(whole, *WHOLE_SOURCES[version.source_field])
        os_disk = dataclasses.replace(
            source.os_disk, source_id=None, host_caching=_caching(version.os_disk, source.os_disk)
        )
        data = tuple(dataclasses.replace(d, source_id=None) for d in source.data_disks)
    else:
        source = fetch(os_disk_source, *DISK_SOURCES)
        os_disk = dataclasses.replace(source.os_disk, source_id=source.id,
                                      host_caching=_caching(version.os_disk, source.os_disk),
                                      storage_account_id=_vhd_account(source, version.os_disk, "osDiskImage"))
        data = []
        for disk in version.data_disks:
            if disk.source_id is None:
                raise invalid("A data disk image needs a source.", "storageProfile.dataDiskImages")
            data_source = fetch(disk.source_id, *DISK_SOURCES)
            data.append(
                DiskImage(
                    data_source.os_disk.size_gb,
                    data_source.os_disk.used_gb,
                    disk.lun,
                    _caching(disk, data_source.os_disk),
                    data_source.id,
                    _vhd_account(data_source, disk, "dataDiskImages"),
                )
            )
        data = tuple(data)
    _check_sizes((os_disk, *data), version.shallow)
    os_disk = dataclasses.replace(os_disk, host_caching=os_disk.host_caching or "ReadOnly")
    data = tuple(dataclasses.replace(d, host_caching=d.host_caching or "None") for d in data)
    return dataclasses.replace(version, os_disk=os_disk, data_disks=data)



def _vhd_account(source: Source, asked: DiskImage, disk: str) -> str | None:
    """A VHD's storage account, checked against the one the request names."""
    if source.kind != VHD_KIND:
        return None
    check_vhd(source, asked.storage_account_id, f"galleryImageVersion.properties.storageProfile.{disk}.source")
    return source.storage_account_id


def _caching(asked: DiskImage | None, source: DiskImage | None) -> str | None:
    """The host caching a version's disk gets: as the request asks, else the source disk's."""
    return (asked.host_caching if asked else None) or (source.host_caching if source else None)


def validate_version(
    version: ImageVersion,
    definition: ImageDefinition,
    subscription: Subscription,
    find_source: SourceLookup,
    find_set: Callable[[str], DiskEncryptionSet | None],
    in_region: int,
    now: datetime,
) -> ImageVersion:
    """A new image version: name, location, targets, replicas, sources, encryption, dates, quota."""
    names.parse_version(version.name)
    check_tags(version.tags)
    for disk in (version.os_disk, *version.data_disks):
        if disk is not None and disk.host_caching is not None:
            enum_value("hostCaching", disk.host_caching, HOST_CACHING)
    region = check_location(version.location, subscription, VERSION_TYPE)
    storage = enum_value("storageAccountType", version.storage_account_type or "Standard_LRS", STORAGE_TYPES)
    version = dataclasses.replace(version, location=region.name, storage_account_type=storage)
    replica_range("galleryImageVersion.properties.publishingProfile.replicaCount", version.replica_count)
    version = dataclasses.replace(version, target_regions=normalize_targets(version, subscription, region))
    version = dataclasses.replace(version, replication_mode=version_safety.check_replication_mode(version))
    check_future(version.end_of_life_date, now)
    version = resolve_disks(version, definition, region.name, find_source)
    check_encryption(version, find_set, subscription.id)
    check_quota("image versions", in_region, "imageVersionsPerSubscriptionPerRegion")
    return version


def validate_version_update(
    old: ImageVersion,
    new: ImageVersion,
    subscription: Subscription,
    find_set: Callable[[str], DiskEncryptionSet | None],
    now: datetime,
) -> ImageVersion:
    """A replacement of an existing version: only updatable fields change, new regions obey every rule."""
    if old.deleting:
        raise invalid(
            f"Operation 'Update Gallery Image Version' is not allowed on {old.name}; since it is marked for deletion. "
            "You can only retry the Delete operation (or wait for an ongoing one to complete)",
            target="galleryImageVersion",
        )
    check_only_updatable("version", old, new)
    replica_range("galleryImageVersion.properties.publishingProfile.replicaCount", new.replica_count)
    region = find_region(old.location)
    new = dataclasses.replace(new, target_regions=normalize_targets(new, subscription, region))
    version_safety.check_replication_mode(new)
    version_safety.check_region_removal(old, new, now)
    existing = {t.name: t for t in old.target_regions}
    for target in new.target_regions:
        before = existing.get(target.name)
        if before is not None and old.storage_in(before) != new.storage_in(target):
            raise AzureError(
                "PropertyChangeNotAllowed",
                "Changing property 'galleryImageVersion.properties.publishingProfile.targetRegions.storageAccountType' "
                "is not allowed.",
                target="galleryImageVersion.properties.publishingProfile.targetRegions.storageAccountType",
            )
    if new.end_of_life_date != old.end_of_life_date:
        check_future(new.end_of_life_date, now)
    check_encryption_unchanged(old, new)
    check_encryption(new, find_set, subscription.id)
    return new
