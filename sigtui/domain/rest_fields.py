"""The properties sigtui models in a PUT or PATCH body; any other property is refused, never dropped."""

from __future__ import annotations

from .errors import AzureError

LEAF = None
"""Any value: sigtui models the property (or ignores it as Azure does, being read-only)."""


_ENVELOPE = {"id": LEAF, "name": LEAF, "type": LEAF, "location": LEAF, "tags": LEAF, "etag": LEAF}
_RANGE = {"min": LEAF, "max": LEAF}
_OS_DISK = {"sizeInGB": LEAF, "hostCaching": LEAF, "source": {"id": LEAF, "uri": LEAF, "storageAccountId": LEAF}}
_DATA_DISK = {"lun": LEAF, **_OS_DISK}
_ENCRYPTION = {"osDiskImage": {"diskEncryptionSetId": LEAF},
               "dataDiskImages": [{"lun": LEAF, "diskEncryptionSetId": LEAF}]}
MODELLED = {
    "gallery": {**_ENVELOPE, "properties": {
        "description": LEAF, "identifier": {"uniqueName": LEAF}, "provisioningState": LEAF,
        "sharingProfile": {"permissions": LEAF, "groups": LEAF}, "sharingStatus": LEAF,
        "softDeletePolicy": {"isSoftDeleteEnabled": LEAF}}},
    "definition": {**_ENVELOPE, "properties": {
        "description": LEAF, "eula": LEAF, "privacyStatementUri": LEAF, "releaseNoteUri": LEAF, "osType": LEAF,
        "osState": LEAF, "hyperVGeneration": LEAF, "endOfLifeDate": LEAF,
        "identifier": {"publisher": LEAF, "offer": LEAF, "sku": LEAF},
        "recommended": {"vCPUs": _RANGE, "memory": _RANGE}, "disallowed": {"diskTypes": LEAF},
        "purchasePlan": {"name": LEAF, "publisher": LEAF, "product": LEAF}, "architecture": LEAF,
        "features": [{"name": LEAF, "value": LEAF}], "allowUpdateImage": LEAF, "provisioningState": LEAF}},
    "version": {**_ENVELOPE, "properties": {
        "publishingProfile": {
            "targetRegions": [{"name": LEAF, "regionalReplicaCount": LEAF, "storageAccountType": LEAF,
                               "excludeFromLatest": LEAF, "encryption": _ENCRYPTION}],
            "replicaCount": LEAF, "excludeFromLatest": LEAF, "publishedDate": LEAF, "endOfLifeDate": LEAF,
            "storageAccountType": LEAF, "replicationMode": LEAF},
        "storageProfile": {"source": {"id": LEAF, "virtualMachineId": LEAF}, "osDiskImage": _OS_DISK,
                           "dataDiskImages": [_DATA_DISK]},
        "safetyProfile": {"reportedForPolicyViolation": LEAF, "policyViolations": LEAF,
                          "allowDeletionOfReplicatedLocations": LEAF, "blockDeletionBeforeEndOfLife": LEAF},
        "replicationStatus": LEAF, "provisioningState": LEAF, "restore": LEAF}},
}
"""Per resource kind: the properties sigtui keeps (objects nest, a one-item list describes each item)."""


OUT_OF_SCOPE = {
    "properties.publishingProfile.targetExtendedLocations":
        ": sigtui's region catalog has no extended locations (Azure Edge Zones) to replicate to",
}
"""Properties refused on purpose, with the reason given in the refusal."""


def unsupported(path: str, detail: str = "") -> AzureError:
    return AzureError("InvalidParameter", f"The property '{path}' is not supported{detail}.", 400, path)


def check_modelled(kind: str, body: dict) -> None:
    """Refuse a body holding a property sigtui does not model (400, the property's path as the target)."""
    if kind in MODELLED and isinstance(body, dict):
        _walk(body, MODELLED[kind], "")


def _walk(value, shape, path: str) -> None:
    if isinstance(shape, list) and isinstance(value, list):
        for i, item in enumerate(value):
            _walk(item, shape[0], f"{path}[{i}]")
    elif isinstance(shape, dict) and isinstance(value, dict):
        for key, item in value.items():
            here = f"{path}.{key}" if path else key
            if key not in shape:
                raise unsupported(here, OUT_OF_SCOPE.get(here, ""))
            _walk(item, shape[key], here)
