"""az's object model of the three SIG resources: `properties` flattened into the top level, and the keys and
value types each level knows (a generic update walks only known keys, as az's SDK models do)."""

from __future__ import annotations

import copy

TOP_LEVEL = ("id", "name", "type", "location", "tags")
ANY_STR = {"*": str}
"""A free-form object of strings, such as `tags`: any key may be set."""

_RESOURCE = {"id": str, "name": str, "type": str, "location": str, "tags": ANY_STR, "provisioningState": str}
_RANGE = {"min": int, "max": int}
_SOURCE = {"id": str}
_DISK = {"sizeInGB": int, "hostCaching": str, "source": _SOURCE}
_ENCRYPTION = {"osDiskImage": {"diskEncryptionSetId": str},
               "dataDiskImages": [{"lun": int, "diskEncryptionSetId": str}]}
_TARGET = {"name": str, "regionalReplicaCount": int, "storageAccountType": str, "excludeFromLatest": bool,
           "encryption": _ENCRYPTION}

MODELS = {
    "gallery": {**_RESOURCE, "description": str, "identifier": {"uniqueName": str}},
    "definition": {
        **_RESOURCE, "description": str, "eula": str, "privacyStatementUri": str, "releaseNoteUri": str,
        "osType": str, "osState": str, "hyperVGeneration": str, "endOfLifeDate": str,
        "identifier": {"publisher": str, "offer": str, "sku": str},
        "recommended": {"vCPUs": _RANGE, "memory": _RANGE}, "disallowed": {"diskTypes": [str]},
        "purchasePlan": {"name": str, "publisher": str, "product": str}, "architecture": str,
    },
    "version": {
        **_RESOURCE,
        "publishingProfile": {"targetRegions": [_TARGET], "replicaCount": int, "excludeFromLatest": bool,
                              "publishedDate": str, "endOfLifeDate": str, "storageAccountType": str},
        "storageProfile": {"source": _SOURCE, "osDiskImage": _DISK, "dataDiskImages": [{**_DISK, "lun": int}]},
    },
}


def flatten(body: dict) -> dict:
    """The REST body as az's SDK object shows it: `properties.x` becomes `x`."""
    view = {k: copy.deepcopy(v) for k, v in body.items() if k != "properties"}
    view.update(copy.deepcopy(body.get("properties") or {}))
    return view


def unflatten(view: dict) -> dict:
    body = {k: v for k, v in view.items() if k in TOP_LEVEL}
    properties = {k: v for k, v in view.items() if k not in TOP_LEVEL}
    if properties:
        body["properties"] = properties
    return body
