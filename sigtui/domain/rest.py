"""The Azure REST shape: domain values to JSON bodies (what a GET returns) and request bodies back to values."""

from __future__ import annotations

from datetime import datetime

from .catalog import find_region
from .dates import iso, parse_date
from .errors import AzureError, invalid
from .models import (
    DiskEncryptionSet,
    DiskImage,
    Encryption,
    Gallery,
    ImageDefinition,
    ImageVersion,
    ResourceGroup,
    Source,
    Subscription,
    TargetRegion,
)
from .replication import provisioning_state, version_status

GALLERY_TYPE = "Microsoft.Compute/galleries"
DEFINITION_TYPE = "Microsoft.Compute/galleries/images"
VERSION_TYPE = "Microsoft.Compute/galleries/images/versions"


def display_name(region: str) -> str:
    found = find_region(region)
    return found.display_name if found else region


def _drop_none(data: dict) -> dict:
    return {k: v for k, v in data.items() if v is not None}


def _resource(rid: str, name: str, rtype: str, location: str, properties: dict, tags: dict | None = None) -> dict:
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
    }
    return _resource(gallery.id, gallery.name, GALLERY_TYPE, gallery.location, _drop_none(properties), gallery.tags)


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
            "architecture": definition.architecture,
            "provisioningState": definition.provisioning_state,
        }
    )
    return _resource(definition.id, definition.name, DEFINITION_TYPE, definition.location, properties, definition.tags)


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
    if disk.source_id:
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
        storage["source"] = {"id": version.source_id}
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
            }
        ),
        "storageProfile": storage,
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
    return _resource(version.id, version.name, VERSION_TYPE, version.location, properties, version.tags)


def rg_to_rest(rg: ResourceGroup) -> dict:
    return _resource(
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
    return _resource(source.id, source.name, f"Microsoft.Compute/{source.kind}", source.location, properties)


def des_to_rest(des: DiskEncryptionSet) -> dict:
    properties = {"encryptionType": des.encryption_type, "provisioningState": "Succeeded"}
    return _resource(des.id, des.name, "Microsoft.Compute/diskEncryptionSets", des.location, properties)


def _object(value, path: str) -> dict:
    """A JSON object from a request body, or Azure's refusal of malformed content."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise AzureError("InvalidRequestContent", f"The request content was invalid: '{path}' must be an object.")
    return value


def _objects(value, path: str) -> list[dict]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise AzureError("InvalidRequestContent", f"The request content was invalid: '{path}' must be an array.")
    return [_object(item, f"{path}[{i}]") for i, item in enumerate(value)]


def _props(body: dict) -> dict:
    return _object(_object(body, "body").get("properties"), "properties")


def gallery_from_rest(body: dict, subscription: str, resource_group: str, name: str) -> Gallery:
    return Gallery(
        subscription,
        resource_group,
        name,
        body.get("location") or "",
        _props(body).get("description"),
        dict(_object(body.get("tags"), "tags")),
    )


def _date(value: str | None, now: datetime, prop: str) -> datetime | None:
    return None if value in (None, "") else parse_date(str(value), now, prop)


def _int(value, prop: str) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise invalid(f"argument --{prop}: invalid int value: '{value}'", prop) from None


def definition_from_rest(
    body: dict, subscription: str, resource_group: str, gallery: str, name: str, now: datetime
) -> ImageDefinition:
    props = _props(body)
    ident = _object(props.get("identifier"), "properties.identifier")
    rec = _object(props.get("recommended"), "properties.recommended")
    cpus, mem = _object(rec.get("vCPUs"), "recommended.vCPUs"), _object(rec.get("memory"), "recommended.memory")
    plan = _object(props.get("purchasePlan"), "properties.purchasePlan")
    return ImageDefinition(
        subscription,
        resource_group,
        gallery,
        name,
        body.get("location") or "",
        ident.get("publisher") or "",
        ident.get("offer") or "",
        ident.get("sku") or "",
        props.get("osType"),
        props.get("osState") or "Generalized",
        props.get("hyperVGeneration") or "V1",
        props.get("description"),
        props.get("eula"),
        props.get("privacyStatementUri"),
        props.get("releaseNoteUri"),
        _date(props.get("endOfLifeDate"), now, "endOfLifeDate"),
        dict(_object(body.get("tags"), "tags")),
        _int(cpus.get("min"), "recommended.vCPUs.min"),
        _int(cpus.get("max"), "recommended.vCPUs.max"),
        _int(mem.get("min"), "recommended.memory.min"),
        _int(mem.get("max"), "recommended.memory.max"),
        tuple(_object(props.get("disallowed"), "properties.disallowed").get("diskTypes") or ()),
        plan.get("name"),
        plan.get("publisher"),
        plan.get("product"),
        props.get("architecture"),
    )


def encryption_from_rest(data: dict | None) -> Encryption | None:
    if not data:
        return None
    os_set = _object(data.get("osDiskImage"), "encryption.osDiskImage").get("diskEncryptionSetId")
    disks = tuple(
        (_int(d.get("lun"), "lun"), d.get("diskEncryptionSetId"))
        for d in _objects(data.get("dataDiskImages"), "encryption.dataDiskImages")
    )
    enc = Encryption(os_set, disks)
    return None if enc.is_empty else enc


def _bool(value) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    text = str(value).lower()
    if text in ("true", "1", "yes"):
        return True
    if text in ("false", "0", "no"):
        return False
    raise invalid(f"'{value}' is not a valid boolean value.")


def target_from_rest(data: dict) -> TargetRegion:
    if not data.get("name"):
        raise invalid("Required parameter 'name' is missing (null).", "publishingProfile.targetRegions.name")
    return TargetRegion(
        data["name"],
        _int(data.get("regionalReplicaCount"), "regionalReplicaCount"),
        data.get("storageAccountType"),
        _bool(data.get("excludeFromLatest")),
        encryption_from_rest(_object(data.get("encryption"), "targetRegions.encryption")),
    )


def version_from_rest(
    body: dict, subscription: str, resource_group: str, gallery: str, definition: str, name: str, now: datetime
) -> ImageVersion:
    """A version as a PUT body describes it; disk sizes are filled in later from the sources."""
    props = _props(body)
    pub = _object(props.get("publishingProfile"), "properties.publishingProfile")
    storage = _object(props.get("storageProfile"), "properties.storageProfile")
    os_image = _object(storage.get("osDiskImage"), "storageProfile.osDiskImage")
    os_disk = DiskImage(0, 0, None, os_image.get("hostCaching"), _object(os_image.get("source"), "source").get("id"))
    data = tuple(
        DiskImage(0, 0, _int(d.get("lun"), "lun"), d.get("hostCaching"), _object(d.get("source"), "source").get("id"))
        for d in _objects(storage.get("dataDiskImages"), "storageProfile.dataDiskImages")
    )
    return ImageVersion(
        subscription,
        resource_group,
        gallery,
        definition,
        name,
        body.get("location") or "",
        os_disk,
        data,
        _object(storage.get("source"), "storageProfile.source").get("id"),
        tuple(target_from_rest(t) for t in _objects(pub.get("targetRegions"), "publishingProfile.targetRegions")),
        _int(pub.get("replicaCount"), "replicaCount") or 1,
        pub.get("storageAccountType") or "Standard_LRS",
        bool(_bool(pub.get("excludeFromLatest"))),
        _date(pub.get("endOfLifeDate"), now, "endOfLifeDate"),
        tags=dict(_object(body.get("tags"), "tags")),
    )


def merge(base: dict, patch: dict) -> dict:
    """JSON merge of a PATCH body into a resource (lists and `tags` replace as a whole, other objects merge)."""
    result = dict(base)
    for key, value in patch.items():
        if key != "tags" and isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = value
    return result
