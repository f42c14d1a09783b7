"""A created VM or scale set in the REST shape Azure answers with."""

from __future__ import annotations


def vm_to_rest(row: dict) -> dict:
    """A created VM or scale set in the REST shape, image reference as requested plus `exactVersion`."""
    image = {"id": row["image_reference"], "exactVersion": row["exact_version"]}
    disk = {"storageAccountType": row["os_disk_type"]}
    if row["disk_encryption_set"]:
        disk["diskEncryptionSet"] = {"id": row["disk_encryption_set"]}
    storage = {
        "imageReference": image,
        "osDisk": {"osType": row["os_type"], "createOption": "FromImage", "managedDisk": disk},
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
