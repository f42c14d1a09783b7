"""A created VM or scale set (Azure's REST shape) as a table row, a tree label, and the version it came from."""

from __future__ import annotations


def _profile(body: dict) -> dict:
    properties = body.get("properties", {})
    return properties.get("virtualMachineProfile", properties)


def is_scale_set(body: dict) -> bool:
    return body.get("type", "").endswith("virtualMachineScaleSets")


def image_of(body: dict) -> tuple[str, str]:
    """(image reference as requested, a gallery's or a direct shared gallery's; the exact version it resolved to)."""
    image = _profile(body).get("storageProfile", {}).get("imageReference", {})
    return image.get("id") or image.get("sharedGalleryImageId", ""), image.get("exactVersion", "")


def version_id(body: dict) -> str:
    """The id of the image version the VM was created from (lower-cased, for matching)."""
    image, exact = image_of(body)
    if "/versions/" in image.lower():
        return image.lower()
    return f"{image}/versions/{exact}".lower()


def size_of(body: dict) -> str:
    if is_scale_set(body):
        return body.get("sku", {}).get("name", "")
    return body.get("properties", {}).get("hardwareProfile", {}).get("vmSize", "")


def resource_group(body: dict) -> str:
    parts = body["id"].split("/")
    return parts[4] if len(parts) > 4 else ""


def disks_of(body: dict) -> str:
    """The disks inherited from the image: OS disk size, data disks by LUN, and whether a customer key encrypts
    them (`CMK`)."""
    storage = _profile(body).get("storageProfile", {})
    os_disk = storage.get("osDisk", {})
    parts = [f"OS {os_disk['diskSizeGB']} GiB" if os_disk.get("diskSizeGB") else "OS"]
    parts += [f"LUN {d['lun']} {d['diskSizeGB']} GiB" for d in storage.get("dataDisks", [])]
    disks = [os_disk, *storage.get("dataDisks", [])]
    encrypted = any(d.get("managedDisk", {}).get("diskEncryptionSet") for d in disks)
    return " · ".join(parts) + (" · CMK" if encrypted else "")


def vm_row(body: dict) -> tuple[str, ...]:
    image, exact = image_of(body)
    requested = "latest" if "/versions/" not in image.lower() else "pinned"
    instances = str(body.get("sku", {}).get("capacity", "")) if is_scale_set(body) else "1"
    return (
        body["name"],
        "Scale set" if is_scale_set(body) else "VM",
        resource_group(body),
        body["location"],
        size_of(body),
        instances,
        f"{image.split('/images/')[-1].split('/')[0]} ({requested})",
        exact,
        disks_of(body),
    )


def leaf_label(body: dict) -> str:
    kind = f"scale set ×{body.get('sku', {}).get('capacity', '')}" if is_scale_set(body) else "VM"
    return f"{body['name']}  {kind} · {body['location']} · {size_of(body)}"
