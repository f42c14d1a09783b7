"""The Azure REST shape: domain values to JSON bodies (what a GET returns) and request bodies back to values."""

from __future__ import annotations

import re
from datetime import datetime

from . import content
from .dates import iso, parse_date
from .direct_share import check_permissions, sharing_profile
from .errors import AzureError, invalid
from .models import (
    DiskImage,
    Encryption,
    Gallery,
    ImageDefinition,
    ImageVersion,
    TargetRegion,
)
from .reference_data import find_region
from .replication import provisioning_state, version_status

GALLERY_TYPE = "Microsoft.Compute/galleries"
API_VERSIONS = ("2026-03-03", "2025-03-03", "2024-03-03", "2023-07-03", "2022-08-03", "2022-03-03", "2022-01-03",
                "2021-10-01", "2021-07-01", "2020-09-30", "2019-12-01", "2019-07-01", "2019-03-01", "2018-06-01")
"""The Compute Gallery API versions, newest first, as ARM lists them when it refuses one."""
_API_VERSION = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(-preview)?", re.ASCII)
DEFINITION_TYPE = "Microsoft.Compute/galleries/images"
VERSION_TYPE = "Microsoft.Compute/galleries/images/versions"
SOFT_DELETED_TYPE = "Microsoft.Compute/galleries/softDeletedArtifactTypes/artifacts/versions"


def display_name(region: str) -> str:
    found = find_region(region)
    return found.display_name if found else region


def _drop_none(data: dict) -> dict:
    return {k: v for k, v in data.items() if v is not None}


def arm_resource(rid: str, name: str, rtype: str, location: str, properties: dict, tags: dict | None = None) -> dict:
    """ARM's envelope around a resource's properties."""
    body = {"id": rid, "name": name, "type": rtype, "location": location}
    if tags is not None:
        body["tags"] = dict(tags)
    body["properties"] = properties
    return body


def gallery_to_rest(gallery: Gallery) -> dict:
    properties = {
        "description": gallery.description,
        "identifier": {"uniqueName": gallery.unique_name},
        "provisioningState": gallery.provisioning_state,
        "sharingProfile": sharing_profile(gallery),
    }
    if gallery.soft_delete is not None:
        properties["softDeletePolicy"] = {"isSoftDeleteEnabled": gallery.soft_delete}
    return arm_resource(gallery.id, gallery.name, GALLERY_TYPE, gallery.location, _drop_none(properties), gallery.tags)




def _range(low: int | None, high: int | None) -> dict | None:
    if low is None and high is None:
        return None
    return _drop_none({"min": low, "max": high})


def definition_to_rest(definition: ImageDefinition) -> dict:
    recommended = _drop_none(
        {
            "vCPUs": _range(definition.vcpus_min, definition.vcpus_max),
            "memory": _range(definition.memory_min, definition.memory_max),
        }
    )
    plan = _drop_none(
        {"name": definition.plan_name, "publisher": definition.plan_publisher, "product": definition.plan_product}
    )
    properties = _drop_none(
        {
            "description": definition.description,
            "eula": definition.eula,
            "privacyStatementUri": definition.privacy_statement_uri,
            "releaseNoteUri": definition.release_note_uri,
            "osType": definition.os_type,
            "osState": definition.os_state,
            "hyperVGeneration": definition.hyper_v_generation,
            "endOfLifeDate": iso(definition.end_of_life_date),
            "identifier": {"publisher": definition.publisher, "offer": definition.offer, "sku": definition.sku},
            "recommended": recommended or None,
            "disallowed": {"diskTypes": list(definition.disallowed_disk_types)}
            if definition.disallowed_disk_types
            else None,
            "purchasePlan": plan or None,
            "features": [{"name": name, "value": value} for name, value in definition.features] or None,
            "architecture": definition.architecture or "x64",
            "provisioningState": definition.provisioning_state,
        }
    )
    d = definition
    return arm_resource(d.id, d.name, DEFINITION_TYPE, d.location, properties, d.tags)


def encryption_to_rest(enc: Encryption | None) -> dict | None:
    if enc is None or enc.is_empty:
        return None
    return _drop_none(
        {
            "osDiskImage": {"diskEncryptionSetId": enc.os_disk_set} if enc.os_disk_set else None,
            "dataDiskImages": [{"lun": lun, "diskEncryptionSetId": des} for lun, des in enc.data_disk_sets] or None,
        }
    )


def _disk(disk: DiskImage, with_lun: bool) -> dict:
    body = {"sizeInGB": disk.size_gb, "hostCaching": disk.host_caching or "None"}
    if with_lun:
        body = {"lun": disk.lun, **body}
    if disk.storage_account_id:
        body["source"] = {"storageAccountId": disk.storage_account_id, "uri": disk.source_id}
    elif disk.source_id:
        body["source"] = {"id": disk.source_id}
    return body


def version_to_rest(version: ImageVersion, now: datetime, expand: bool = False) -> dict:
    """A version as GET returns it; with `expand`, also `replicationStatus` as `$expand=ReplicationStatus` does."""
    aggregated, statuses = version_status(version, now)
    targets = []
    for target in version.target_regions:
        targets.append(
            _drop_none(
                {
                    "name": display_name(target.name),
                    "regionalReplicaCount": version.replicas_in(target),
                    "storageAccountType": version.storage_in(target),
                    "excludeFromLatest": target.exclude_from_latest,
                    "encryption": encryption_to_rest(target.encryption),
                }
            )
        )
    storage = {}
    if version.source_id:
        storage["source"] = {version.source_field: version.source_id}
    storage["osDiskImage"] = _disk(version.os_disk, with_lun=False)
    if version.data_disks:
        storage["dataDiskImages"] = [_disk(d, with_lun=True) for d in version.data_disks]
    properties = {
        "publishingProfile": _drop_none(
            {
                "targetRegions": targets,
                "replicaCount": version.replica_count,
                "excludeFromLatest": version.exclude_from_latest,
                "publishedDate": iso(version.published_date),
                "endOfLifeDate": iso(version.end_of_life_date),
                "storageAccountType": version.storage_account_type,
                "replicationMode": version.replication_mode,
            }
        ),
        "storageProfile": storage,
        "safetyProfile": {"reportedForPolicyViolation": False,
                          "allowDeletionOfReplicatedLocations": version.allow_replicated_location_deletion,
                          "blockDeletionBeforeEndOfLife": version.block_deletion_before_end_of_life},
        "provisioningState": provisioning_state(aggregated, version.operation, version.deleting),
    }
    if expand:
        properties["replicationStatus"] = {
            "aggregatedState": aggregated.value,
            "summary": [
                {"region": display_name(s.region), "state": s.state.value, "details": s.details, "progress": s.progress}
                for s in statuses
            ],
        }
    return arm_resource(version.id, version.name, VERSION_TYPE, version.location, properties, version.tags)










def check_api_version(value: str | None) -> str:
    """`?api-version=`: required, and shaped as ARM's dated versions."""
    if value is None:
        raise AzureError("MissingApiVersionParameter",
                         "The api-version query parameter (?api-version=) is required for all requests.")
    if not _API_VERSION.fullmatch(value):
        supported = ",".join(API_VERSIONS)
        raise AzureError("InvalidApiVersionParameter",
                         f"The api-version '{value}' is invalid. The supported versions are '{supported}'.")
    return value


def _props(body: dict) -> dict:
    return content.obj(content.obj(body, "body").get("properties"), "properties")


def _location(body: dict) -> str:
    return content.text(body.get("location"), "location") or ""


def gallery_from_rest(body: dict, subscription: str, resource_group: str, name: str) -> Gallery:
    props = _props(body)
    policy = content.obj(props.get("softDeletePolicy"), "properties.softDeletePolicy")
    return Gallery(
        subscription,
        resource_group,
        name,
        _location(body),
        content.text(props.get("description"), "properties.description"),
        content.tags(body.get("tags")),
        sharing=check_permissions((content.obj(_props(body).get("sharingProfile"), "properties.sharingProfile")
                                   ).get("permissions")),
        soft_delete=content.boolean(policy.get("isSoftDeleteEnabled"),
                                    "properties.softDeletePolicy.isSoftDeleteEnabled"),
    )


def restore_requested(body: dict) -> bool:
    """`properties.restore`: the PUT or PATCH asks to restore a soft-deleted version."""
    return bool(content.boolean(_props(body).get("restore"), "properties.restore"))


def _date(value, now: datetime, prop: str) -> datetime | None:
    value = content.text(value, f"properties.{prop}")
    return None if value in (None, "") else parse_date(value, now, prop)


def _texts(data: dict, path: str, *keys: str) -> list[str | None]:
    return [content.text(data.get(key), f"{path}.{key}") for key in keys]


def definition_from_rest(
    body: dict, subscription: str, resource_group: str, gallery: str, name: str, now: datetime
) -> ImageDefinition:
    props = _props(body)
    ident = content.obj(props.get("identifier"), "properties.identifier")
    rec = content.obj(props.get("recommended"), "properties.recommended")
    cpus = content.obj(rec.get("vCPUs"), "properties.recommended.vCPUs")
    mem = content.obj(rec.get("memory"), "properties.recommended.memory")
    plan = content.obj(props.get("purchasePlan"), "properties.purchasePlan")
    disallowed = content.obj(props.get("disallowed"), "properties.disallowed")
    publisher, offer, sku = _texts(ident, "properties.identifier", "publisher", "offer", "sku")
    for required in ("osType", "osState"):
        if props.get(required) is None:
            raise invalid(f"Required parameter '{required}' is missing (null).", f"properties.{required}")
    os_type, os_state, generation, description, eula, privacy, notes, architecture = _texts(
        props, "properties", "osType", "osState", "hyperVGeneration", "description", "eula", "privacyStatementUri",
        "releaseNoteUri", "architecture")
    return ImageDefinition(
        subscription,
        resource_group,
        gallery,
        name,
        _location(body),
        publisher or "",
        offer or "",
        sku or "",
        os_type,
        os_state,
        generation or "V1",
        description,
        eula,
        privacy,
        notes,
        _date(props.get("endOfLifeDate"), now, "endOfLifeDate"),
        content.tags(body.get("tags")),
        content.integer(cpus.get("min"), "properties.recommended.vCPUs.min"),
        content.integer(cpus.get("max"), "properties.recommended.vCPUs.max"),
        content.integer(mem.get("min"), "properties.recommended.memory.min"),
        content.integer(mem.get("max"), "properties.recommended.memory.max"),
        content.strings(disallowed.get("diskTypes"), "properties.disallowed.diskTypes"),
        *_texts(plan, "properties.purchasePlan", "name", "publisher", "product"),
        architecture,
        features=_features(props),
        allow_update_image=bool(content.boolean(props.get("allowUpdateImage"), "properties.allowUpdateImage")),
    )


def _features(props: dict) -> tuple[tuple[str, str], ...]:
    path = "properties.features"
    items = content.objects(props.get("features"), path)
    named = [_texts(item, path, "name", "value") for item in items]
    if any(not name or value is None for name, value in named):
        raise invalid("Required parameter 'name' or 'value' of a gallery image feature is missing (null).", path)
    return tuple((name, value) for name, value in named)


def encryption_from_rest(data: dict | None) -> Encryption | None:
    if not data:
        return None
    path = "publishingProfile.targetRegions.encryption"
    os_image = content.obj(data.get("osDiskImage"), f"{path}.osDiskImage")
    disks = tuple(
        (content.integer(d.get("lun"), f"{path}.dataDiskImages.lun"),
         content.text(d.get("diskEncryptionSetId"), f"{path}.dataDiskImages.diskEncryptionSetId"))
        for d in content.objects(data.get("dataDiskImages"), f"{path}.dataDiskImages")
    )
    enc = Encryption(content.text(os_image.get("diskEncryptionSetId"), f"{path}.osDiskImage.diskEncryptionSetId"),
                     disks)
    return None if enc.is_empty else enc


def target_from_rest(data: dict) -> TargetRegion:
    path = "properties.publishingProfile.targetRegions"
    if not data.get("name"):
        raise invalid("Required parameter 'name' is missing (null).", "publishingProfile.targetRegions.name")
    return TargetRegion(
        content.text(data["name"], f"{path}.name"),
        content.integer(data.get("regionalReplicaCount"), f"{path}.regionalReplicaCount"),
        content.text(data.get("storageAccountType"), f"{path}.storageAccountType"),
        content.boolean(data.get("excludeFromLatest"), f"{path}.excludeFromLatest"),
        encryption_from_rest(content.obj(data.get("encryption"), f"{path}.encryption")),
    )


def _disk_image(data: dict, path: str, with_lun: bool) -> DiskImage:
    lun = content.integer(data.get("lun"), f"{path}.lun") if with_lun else None
    source = content.obj(data.get("source"), f"{path}.source")
    source_id, uri, account = _texts(source, f"{path}.source", "id", "uri", "storageAccountId")
    if source_id and uri:
        raise invalid("A disk image's source is either 'id' (a managed disk or snapshot) or 'uri' (a VHD), "
                      "not both.", f"{path}.source")
    return DiskImage(0, 0, lun, content.text(data.get("hostCaching"), f"{path}.hostCaching"), source_id or uri,
                     account if uri else None)


def version_from_rest(
    body: dict, subscription: str, resource_group: str, gallery: str, definition: str, name: str, now: datetime
) -> ImageVersion:
    """A version as a PUT body describes it; disk sizes are filled in later from the sources."""
    props = _props(body)
    pub = content.obj(props.get("publishingProfile"), "properties.publishingProfile")
    storage_path = "properties.storageProfile"
    storage = content.obj(props.get("storageProfile"), storage_path)
    os_disk = _disk_image(content.obj(storage.get("osDiskImage"), f"{storage_path}.osDiskImage"),
                          f"{storage_path}.osDiskImage", with_lun=False)
    data = tuple(
        _disk_image(d, f"{storage_path}.dataDiskImages", with_lun=True)
        for d in content.objects(storage.get("dataDiskImages"), f"{storage_path}.dataDiskImages")
    )
    targets = content.objects(pub.get("targetRegions"), "properties.publishingProfile.targetRegions")
    replicas = content.integer(pub.get("replicaCount"), "properties.publishingProfile.replicaCount")
    safety = content.obj(props.get("safetyProfile"), "properties.safetyProfile")
    source_field, source_id = _whole_source(content.obj(storage.get("source"), f"{storage_path}.source"))
    return ImageVersion(
        subscription,
        resource_group,
        gallery,
        definition,
        name,
        _location(body),
        os_disk,
        data,
        source_id,
        tuple(target_from_rest(t) for t in targets),
        1 if replicas is None else replicas,
        content.text(pub.get("storageAccountType"), "properties.publishingProfile.storageAccountType")
        or "Standard_LRS",
        bool(content.boolean(pub.get("excludeFromLatest"), "properties.publishingProfile.excludeFromLatest")),
        _date(pub.get("endOfLifeDate"), now, "endOfLifeDate"),
        tags=content.tags(body.get("tags")),
        replication_mode=content.text(pub.get("replicationMode"), "properties.publishingProfile.replicationMode"),
        allow_replicated_location_deletion=_flag(safety, "allowDeletionOfReplicatedLocations"),
        block_deletion_before_end_of_life=_flag(safety, "blockDeletionBeforeEndOfLife"),
        source_field=source_field,
    )


def _whole_source(source: dict) -> tuple[str, str | None]:
    """`source.id`, or its 2023-07-03 alias for a VM, `source.virtualMachineId` (never both)."""
    path = "properties.storageProfile.source"
    named = [(key, content.text(source.get(key), f"{path}.{key}")) for key in ("id", "virtualMachineId")]
    given = [(key, value) for key, value in named if value]
    if len(given) > 1:
        raise invalid("The gallery artifact version source can only be specified with one of 'id' or "
                      "'virtualMachineId'.", "galleryImageVersion.properties.storageProfile.source")
    return given[0] if given else ("id", None)


def _flag(safety: dict, key: str) -> bool:
    return bool(content.boolean(safety.get(key), f"properties.safetyProfile.{key}"))
