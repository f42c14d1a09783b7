"""The REST shapes of what surrounds the gallery's own resources: subscriptions, resource groups, the sources of
versions and their encryption sets, and soft-deleted versions."""

from __future__ import annotations

from .models import DiskEncryptionSet, ResourceGroup, SoftDeletedVersion, Source, Subscription
from .rest import SOFT_DELETED_TYPE, arm_resource, display_name


def soft_deleted_to_rest(deleted: SoftDeletedVersion) -> dict:
    """A soft-deleted version as `softDeletedArtifactTypes/Images/artifacts/{definition}/versions` lists it."""
    deleted_at = deleted.deleted_at.replace(microsecond=0).isoformat()
    properties = {"resourceArmId": deleted.version_id, "softDeletedTime": deleted_at,
                  "softDeletedArtifactType": "Images"}
    return arm_resource(deleted.id, deleted.name, SOFT_DELETED_TYPE, display_name(deleted.location), properties)


def rg_to_rest(rg: ResourceGroup) -> dict:
    return arm_resource(
        rg.id, rg.name, "Microsoft.Resources/resourceGroups", rg.location, {"provisioningState": "Succeeded"}, rg.tags
    )


def subscription_to_rest(sub: Subscription, tenant_name: str | None = None) -> dict:
    return {
        "id": sub.id,
        "name": sub.name,
        "tenantId": sub.tenant_id,
        "isDefault": sub.is_default,
        "state": "Enabled",
        "allowListedRegions": [display_name(r) for r in sub.allowed_regions],
        "environmentName": sub.cloud,
        **({"tenantDisplayName": tenant_name} if tenant_name else {}),
    }


def source_to_rest(source: Source) -> dict:
    """The REST shape of a source, close to what a GET of that resource type shows."""
    disks = [{"lun": d.lun, "diskSizeGB": d.size_gb, "occupiedSizeGB": d.used_gb} for d in source.data_disks]
    properties = {
        "osType": source.os_type,
        "osState": source.os_state,
        "hyperVGeneration": source.hyper_v_generation,
        "diskSizeGB": source.os_disk.size_gb if source.os_disk else None,
        "occupiedSizeGB": source.os_disk.used_gb if source.os_disk else None,
        "dataDisks": disks,
        "encrypted": source.encrypted,
        "provisioningState": source.provisioning_state,
    }
    return arm_resource(source.id, source.name, f"Microsoft.Compute/{source.kind}", source.location, properties)


def des_to_rest(des: DiskEncryptionSet) -> dict:
    properties = {"encryptionType": des.encryption_type, "provisioningState": "Succeeded"}
    return arm_resource(des.id, des.name, "Microsoft.Compute/diskEncryptionSets", des.location, properties)
