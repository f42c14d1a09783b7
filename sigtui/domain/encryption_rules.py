"""Customer-managed-key encryption of an image version's target regions: the sets exist where they must, and
every region encrypts alike."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .errors import invalid
from .models import DiskEncryptionSet, ImageVersion, TargetRegion
from .rules import ENCRYPTION_OS_PATH


def check_encryption(
    version: ImageVersion, find_set: Callable[[str], DiskEncryptionSet | None], subscription: str
) -> None:
    """CMK: sets exist, live in the image's subscription and in the region they encrypt; every region alike."""
    data_luns = sorted(d.lun for d in version.data_disks)
    encrypted = [t for t in version.target_regions if t.encryption and not t.encryption.is_empty]
    if not encrypted:
        return
    for target in version.target_regions:
        enc = target.encryption
        luns = [lun for lun, _ in (enc.data_disk_sets if enc else ())]
        for lun in luns:
            if lun not in data_luns:
                raise invalid(
                    f"An invalid lun [{lun}] was specified in encryption.dataDiskImages. The lun must be one of the "
                    f"following values ['{','.join(str(x) for x in data_luns)}'].",
                    target="galleryImageVersion.properties.publishingProfile.targetRegions.encryption.dataDiskImages",
                )
        duplicates = sorted({lun for lun in luns if luns.count(lun) > 1})
        if duplicates:
            raise invalid(
                f"Duplicate luns '{duplicates[0]}' were specified in target region '{target.name}' "
                "encryption.dataDiskImages.",
                target="galleryImageVersion.properties.publishingProfile.targetRegions.encryption.dataDiskImages",
            )
        set_ids = [enc.os_disk_set] if enc and enc.os_disk_set else []
        set_ids += [set_id for _, set_id in enc.data_disk_sets] if enc else []
        for set_id in set_ids:
            des = find_set(set_id)
            if des is None:
                raise invalid(
                    f"The disk encryption set {set_id} was not found",
                    target="galleryImageVersion.properties.publishingProfile.targetRegions.encryption",
                )
            if des.subscription.lower() != subscription.lower():
                raise invalid(
                    f"The disk encryption set '{set_id}' must be in the same subscription '{subscription}' as the "
                    "gallery resource",
                    target="galleryImageVersion.properties.publishingProfile.targetRegions.encryption",
                )
            if des.location != target.name:
                raise invalid(
                    f"The disk encryption set '{set_id}' is in region '{des.location}' and cannot encrypt target "
                    f"region '{target.name}'. Disk encryption sets are regional: use a set in '{target.name}'.",
                    target="galleryImageVersion.properties.publishingProfile.targetRegions.encryption",
                )
    _check_every_region_alike(version.target_regions, encrypted[0])


def _check_every_region_alike(targets: Iterable[TargetRegion], model: TargetRegion) -> None:
    reference = model.encryption
    for target in targets:
        enc = target.encryption
        if reference.os_disk_set and not (enc and enc.os_disk_set):
            raise invalid(
                f"A disk encryption set is required for disk '{ENCRYPTION_OS_PATH}' in target region '{target.name}' "
                f"since disk encryption set '{reference.os_disk_set}' is used for the corresponding disk in region "
                f"'{model.name}'",
                target="galleryImageVersion.properties.publishingProfile.targetRegions.encryption",
            )
        theirs = {lun for lun, _ in (enc.data_disk_sets if enc else ())}
        for lun, set_id in reference.data_disk_sets:
            if lun not in theirs:
                raise invalid(
                    f"A disk encryption set is required for disk 'LUN {lun}' in target region '{target.name}' since "
                    f"disk encryption set '{set_id}' is used for the corresponding disk in region '{model.name}'",
                    target="galleryImageVersion.properties.publishingProfile.targetRegions.encryption",
                )
        if enc and (
            (enc.os_disk_set and not reference.os_disk_set)
            or {lun for lun, _ in enc.data_disk_sets} - {lun for lun, _ in reference.data_disk_sets}
        ):
            _check_every_region_alike(targets, target)


def check_encryption_unchanged(old: ImageVersion, new: ImageVersion) -> None:
    """Encryption cannot be added to or removed from an existing version's regions."""
    before = {t.name: t.encryption or None for t in old.target_regions}
    for target in new.target_regions:
        if target.name not in before:
            continue
        was, now = before[target.name], target.encryption
        was_luns = {lun for lun, _ in (was.data_disk_sets if was else ())}
        for lun, _ in now.data_disk_sets if now else ():
            if lun not in was_luns:
                raise invalid(
                    f"Cannot specify new data disk image encryption lun [{lun}] with a disk encryption set in region "
                    f"[{target.name}] for update gallery image version request.",
                    target="galleryImageVersion.properties.publishingProfile.targetRegions.encryption.dataDiskImages",
                )
        if (was and was.os_disk_set) != (now and now.os_disk_set) or was_luns - {
            lun for lun, _ in (now.data_disk_sets if now else ())
        }:
            raise invalid(
                f"Encryption of target region '{target.name}' cannot be added, removed or changed on an existing "
                "gallery image version.",
                target="galleryImageVersion.properties.publishingProfile.targetRegions.encryption",
            )
    if old.encrypted and not new.encrypted:
        raise invalid(
            "Encryption cannot be removed from an existing gallery image version.",
            target="galleryImageVersion.properties.publishingProfile.targetRegions.encryption",
        )
