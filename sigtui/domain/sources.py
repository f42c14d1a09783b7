"""Rules for the resources a version is made from: managed images, snapshots, disks, VMs, encryption sets."""

from __future__ import annotations

import dataclasses
import re

from .errors import invalid
from .models import DiskImage, EncryptionType, HostCaching, SourceKind

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,79}")
KIND_NAMES = {
    "image": SourceKind.MANAGED_IMAGE,
    "snapshot": SourceKind.SNAPSHOT,
    "disk": SourceKind.DISK,
    "vm": SourceKind.VIRTUAL_MACHINE,
}


def check_resource_name(name: str, what: str) -> None:
    if not _NAME.fullmatch(name or "") or name.endswith((".", "-")):
        raise invalid(
            f"The {what} name '{name}' is invalid. Use 1 to 80 letters, digits, '_', '.' or '-', starting with a "
            "letter or digit and not ending with '.' or '-'.",
            "name",
        )


def make_disks(
    os_size: int, os_used: float | None, data_sizes: list[int], data_used: list[float], luns: list[int] | None = None
) -> tuple[DiskImage, tuple[DiskImage, ...]]:
    """Disks with provisioned and occupied sizes; data disks at `luns` (LUNs 0, 1, ... when not given)."""
    if os_size <= 0:
        raise invalid(f"The value {os_size} of parameter diskSizeGB is out of range.", "diskSizeGB")
    used = os_size if os_used is None else os_used
    if not 0 <= used <= os_size:
        raise invalid(f"The occupied size {used} GB must be between 0 and the disk size {os_size} GB.")
    luns = list(range(len(data_sizes))) if luns is None else list(luns)
    if len(luns) != len(data_sizes) or len(set(luns)) != len(luns) or any(lun < 0 for lun in luns):
        raise invalid("Give one distinct, non-negative LUN per data disk.", "dataDisks.lun")
    data = []
    for i, (lun, size) in enumerate(zip(luns, data_sizes, strict=True)):
        occupied = data_used[i] if i < len(data_used) else 0
        if size <= 0 or not 0 <= occupied <= size:
            raise invalid(f"Data disk {lun}: occupied size {occupied} GB must be between 0 and {size} GB.")
        data.append(DiskImage(size, occupied, lun))
    return DiskImage(os_size, used), tuple(data)


def default_caching(kind: str, os_type: str | None, is_os_disk: bool) -> str:
    """The host caching Azure gives a source's disk when none is set: a managed image's or VM's OS disk caches
    reads and writes, a snapshot or disk holding an OS caches reads, data disks do not cache."""
    if not is_os_disk or os_type is None:
        return HostCaching.NONE.value
    if kind in (SourceKind.MANAGED_IMAGE, SourceKind.VIRTUAL_MACHINE):
        return HostCaching.READ_WRITE.value
    return HostCaching.READ_ONLY.value


def with_caching(
    kind: str, os_type: str | None, os_disk: DiskImage, data: tuple[DiskImage, ...], os_caching: str | None,
    data_caching: list[str | None],
) -> tuple[DiskImage, tuple[DiskImage, ...]]:
    """A source's disks with their host caching: as given, else Azure's default for the kind of source."""
    os_disk = dataclasses.replace(os_disk, host_caching=os_caching or default_caching(kind, os_type, True))
    data = tuple(
        dataclasses.replace(d, host_caching=(data_caching[i] if i < len(data_caching) else None)
                            or default_caching(kind, os_type, False))
        for i, d in enumerate(data)
    )
    return os_disk, data


def check_encryption_type(value: str | None) -> str:
    aliases = {
        None: EncryptionType.CMK,
        "cmk": EncryptionType.CMK,
        "encryptionatrestwithcustomerkey": EncryptionType.CMK,
        "double": EncryptionType.DOUBLE,
        "encryptionatrestwithplatformandcustomerkeys": EncryptionType.DOUBLE,
    }
    key = value.lower() if value else None
    if key not in aliases:
        raise invalid(
            f"The value '{value}' of encryptionType is invalid. Use EncryptionAtRestWithCustomerKey or "
            "EncryptionAtRestWithPlatformAndCustomerKeys.",
            "encryptionType",
        )
    return aliases[key].value
