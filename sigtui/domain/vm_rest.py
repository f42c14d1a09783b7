"""A VM in Azure's REST shape (`Microsoft.Compute/virtualMachines`): the body Azure answers with, disks inherited
from the image included, and a PUT body read as the request to create one from a gallery image, with Azure's
messages for what is missing."""

from __future__ import annotations

from .direct_share import SHARED_PREFIX
from .errors import invalid
from .reference_data import find_vm_size
from .vm import VmRequest
from .vm_disks import data_disks_from_json, data_disks_to_rest, managed_disk

IMAGE_KEYS = ("id", "sharedGalleryImageId")
"""Where a gallery image can be named in `storageProfile.imageReference`."""


def vm_to_rest(row: dict) -> dict:
    """A created VM or scale set in the REST shape, image reference as requested plus `exactVersion`."""
    key = "sharedGalleryImageId" if row["image_reference"].lower().startswith(SHARED_PREFIX.lower()) else "id"
    image = {key: row["image_reference"], "exactVersion": row["exact_version"]}
    disk = managed_disk(row["os_disk_type"], row.get("os_disk_encryption_set") or row["disk_encryption_set"])
    os_disk = {"osType": row["os_type"], "createOption": "FromImage", "managedDisk": disk}
    if row.get("os_disk_size_gb"):
        os_disk["diskSizeGB"] = row["os_disk_size_gb"]
    storage = {
        "imageReference": image,
        "osDisk": os_disk,
        "dataDisks": data_disks_to_rest(data_disks_from_json(row.get("data_disks")), row["os_disk_type"]),
    }
    os_profile = None
    if row["admin_username"]:
        os_profile = {"computerName": row["name"], "adminUsername": row["admin_username"]}
        if row["authentication"] == "ssh":
            os_profile["linuxConfiguration"] = {
                "disablePasswordAuthentication": True,
                "ssh": {"publicKeys": [{"path": f"/home/{row['admin_username']}/.ssh/authorized_keys"}]},
            }
    body = {
        "id": row["arm_id"],
        "name": row["name"],
        "location": row["location"],
        "tags": {},
        "zones": [row["zone"]] if row["zone"] else None,
    }
    if row["kind"] == "virtualMachineScaleSets":
        profile = {"storageProfile": storage, **({"osProfile": os_profile} if os_profile else {})}
        body.update(
            type="Microsoft.Compute/virtualMachineScaleSets",
            sku={"name": row["size"], "capacity": row["instance_count"]},
            properties={"virtualMachineProfile": profile, "provisioningState": "Succeeded"},
        )
    else:
        body.update(
            type="Microsoft.Compute/virtualMachines",
            properties={
                "hardwareProfile": {"vmSize": row["size"]},
                "storageProfile": storage,
                **({"osProfile": os_profile} if os_profile else {}),
                "provisioningState": "Succeeded",
            },
        )
    return {k: v for k, v in body.items() if v is not None}


def requested_image(body: dict) -> str | None:
    """The gallery image the body names (a definition, `.../versions/latest`, a version, or a shared gallery's
    image), else None (a VM that is not made from the gallery)."""
    storage = ((body.get("properties") or {}).get("storageProfile")) or {}
    reference = storage.get("imageReference") or {}
    return next((reference[key] for key in IMAGE_KEYS if reference.get(key)), None)


def _ssh_key(os_profile: dict) -> str | None:
    keys = ((os_profile.get("linuxConfiguration") or {}).get("ssh") or {}).get("publicKeys") or []
    if len(keys) > 1:
        raise invalid("sigtui keeps one SSH public key per VM.", "osProfile.linuxConfiguration.ssh.publicKeys")
    return keys[0].get("keyData") if keys else None


def _size(props: dict) -> str:
    size = (props.get("hardwareProfile") or {}).get("vmSize")
    if not size:
        raise invalid("Required parameter 'hardwareProfile.vmSize' is missing (null).", "hardwareProfile.vmSize")
    return size


def _disk_type(managed: dict, size: str) -> str:
    """As Azure chooses when none is given: Premium SSD where the size supports it, else Standard HDD."""
    if managed.get("storageAccountType"):
        return managed["storageAccountType"]
    found = find_vm_size(size)
    return "Premium_LRS" if found is None or found.premium_storage else "Standard_LRS"


def vm_request_from_rest(body: dict, rg: str, name: str, encryption_of) -> VmRequest:
    """The request a PUT body makes; `encryption_of(set_id)` names the encryption (`cmk` or `double`) of the
    disk encryption set the OS disk asks for."""
    if not body.get("location"):
        raise invalid("Required parameter 'location' is missing (null).", "location")
    props = body.get("properties") or {}
    size = _size(props)
    os_disk = (props.get("storageProfile") or {}).get("osDisk") or {}
    managed = os_disk.get("managedDisk") or {}
    des = (managed.get("diskEncryptionSet") or {}).get("id")
    os_profile = props.get("osProfile")
    zones = body.get("zones") or []
    return VmRequest(
        name,
        rg,
        body["location"],
        size,
        _disk_type(managed, size),
        (os_profile or {}).get("adminUsername"),
        (os_profile or {}).get("adminPassword"),
        _ssh_key(os_profile or {}),
        availability="AvailabilityZone" if zones else "None",
        zone=zones[0] if zones else None,
        encryption=encryption_of(des) if des else "platform",
        disk_encryption_set=des,
        tags=body.get("tags") or {},
        os_profile_given=os_profile is not None,
    )
