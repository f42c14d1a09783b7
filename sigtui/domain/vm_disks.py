"""The disks a VM inherits from its image version: the OS disk's size, the data disks (`FromImage`, sizes,
LUNs) and the disk encryption sets of the version's encryption in the VM's region."""

from __future__ import annotations

import json
from dataclasses import dataclass

from .models import ImageVersion


@dataclass(frozen=True, slots=True)
class VmDataDisk:
    lun: int
    size_gb: int
    disk_encryption_set: str | None = None
    caching: str = "None"


@dataclass(frozen=True, slots=True)
class VmDisks:
    os_disk_size_gb: int
    os_disk_encryption_set: str | None = None
    data_disks: tuple[VmDataDisk, ...] = ()


def inherited_disks(version: ImageVersion, region: str, chosen_set: str | None = None) -> VmDisks:
    """What a VM in `region` gets from `version`: each disk is encrypted with the version's set for that disk in
    the region, else with the set the VM was given (`chosen_set`), else with platform-managed keys."""
    target = next((t for t in version.target_regions if t.name == region), None)
    encryption = target.encryption if target else None
    data_sets = dict(encryption.data_disk_sets) if encryption else {}
    os_set = (encryption.os_disk_set if encryption else None) or chosen_set
    data = tuple(
        VmDataDisk(
            disk.lun if disk.lun is not None else i,
            disk.size_gb,
            data_sets.get(disk.lun) or chosen_set,
            disk.host_caching or "None",
        )
        for i, disk in enumerate(version.data_disks)
    )
    return VmDisks(version.os_disk.size_gb, os_set, data)


def data_disks_to_json(disks: VmDisks) -> str:
    return json.dumps(
        [{"lun": d.lun, "size_gb": d.size_gb, "des": d.disk_encryption_set, "caching": d.caching}
         for d in disks.data_disks]
    )


def data_disks_from_json(text: str | None) -> tuple[VmDataDisk, ...]:
    return tuple(VmDataDisk(d["lun"], d["size_gb"], d["des"], d["caching"]) for d in json.loads(text or "[]"))


def managed_disk(storage_type: str, disk_encryption_set: str | None) -> dict:
    """A VM disk's `managedDisk` in Azure's shape."""
    disk: dict = {"storageAccountType": storage_type}
    if disk_encryption_set:
        disk["diskEncryptionSet"] = {"id": disk_encryption_set}
    return disk


def data_disks_to_rest(disks: tuple[VmDataDisk, ...], storage_type: str) -> list[dict]:
    """`storageProfile.dataDisks` as Azure returns them for a VM made from an image with data disks."""
    return [
        {
            "lun": d.lun,
            "createOption": "FromImage",
            "caching": d.caching,
            "diskSizeGB": d.size_gb,
            "managedDisk": managed_disk(storage_type, d.disk_encryption_set),
        }
        for d in disks
    ]
