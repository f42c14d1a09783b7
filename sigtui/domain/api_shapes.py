"""Resource shapes per api-version: a property newer than the request's api-version is left out of what a GET
returns and refused in a PUT or PATCH body, as an older API does not know it."""

from __future__ import annotations

from .errors import AzureError

SINCE: dict[str, dict[str, str]] = {
    "gallery": {
        "properties.softDeletePolicy": "2022-03-03",
    },
    "definition": {
        "properties.hyperVGeneration": "2019-07-01",
        "properties.features": "2020-09-30",
        "properties.architecture": "2021-10-01",
        "properties.allowUpdateImage": "2024-03-03",
    },
    "version": {
        "properties.publishingProfile.storageAccountType": "2019-03-01",
        "properties.publishingProfile.targetRegions[].storageAccountType": "2019-03-01",
        "properties.publishingProfile.targetRegions[].encryption": "2019-12-01",
        "properties.publishingProfile.replicationMode": "2021-07-01",
        "properties.publishingProfile.targetRegions[].excludeFromLatest": "2022-03-03",
        "properties.safetyProfile": "2022-03-03",
        "properties.safetyProfile.blockDeletionBeforeEndOfLife": "2024-03-03",
        "properties.restore": "2024-03-03",
        "properties.storageProfile.source.virtualMachineId": "2023-07-03",
        "properties.storageProfile.osDiskImage.source.uri": "2020-09-30",
        "properties.storageProfile.dataDiskImages[].source.uri": "2020-09-30",
        "properties.storageProfile.osDiskImage.source.storageAccountId": "2022-03-03",
        "properties.storageProfile.dataDiskImages[].source.storageAccountId": "2022-03-03",
    },
}
"""Per resource kind, the first api-version of each property introduced after 2018-06-01 (`[]`: every item)."""
ITEM_KINDS = {"galleries": "gallery", "definitions": "definition", "versions": "version"}


def _newer(kind: str, api_version: str) -> list[str]:
    return [path for path, since in SINCE.get(ITEM_KINDS.get(kind, kind), {}).items() if api_version < since]


def _found(body, parts: list[str], at: str = "") -> list[str]:
    """The concrete paths (`targetRegions[1].encryption`) where `parts` exist in `body`."""
    if not parts:
        return [at]
    head, rest = parts[0], parts[1:]
    many = head.endswith("[]")
    key = head.removesuffix("[]")
    if not isinstance(body, dict) or key not in body:
        return []
    here = f"{at}.{key}" if at else key
    if not many:
        return _found(body[key], rest, here)
    items = body[key] if isinstance(body[key], list) else []
    return [path for i, item in enumerate(items) for path in _found(item, rest, f"{here}[{i}]")]


def check_request(kind: str, body: dict | None, api_version: str) -> None:
    """Refuse a request body holding a property its api-version does not have."""
    for newer in _newer(kind, api_version):
        for path in _found(body or {}, newer.split(".")):
            since = SINCE[kind][newer]
            raise AzureError("InvalidParameter", f"The property '{path}' is not available in api-version "
                                                 f"'{api_version}'; it needs api-version '{since}' or later.",
                             400, path)


def _without(body, parts: list[str]):
    if not isinstance(body, dict):
        return body
    head, rest = parts[0], parts[1:]
    key = head.removesuffix("[]")
    if key not in body:
        return body
    if not rest:
        return {k: v for k, v in body.items() if k != key}
    value = body[key]
    if head.endswith("[]") and isinstance(value, list):
        return {**body, key: [_without(item, rest) for item in value]}
    return {**body, key: _without(value, rest)}


def shaped(kind: str, body: dict | None, api_version: str) -> dict | None:
    """A response body as `api_version` shapes it: newer properties left out (each item of a collection)."""
    newer = _newer(kind, api_version)
    if not newer or body is None:
        return body
    if kind in ITEM_KINDS:
        return {**body, "value": [shaped(ITEM_KINDS[kind], item, api_version) for item in body.get("value", [])]}
    for path in newer:
        if path in RENAMED:
            body = _renamed(body, path.split("."), RENAMED[path])
        body = _without(body, path.split("."))
    return body


RENAMED = {"properties.storageProfile.source.virtualMachineId": "id"}
"""Newer spellings an older api-version answers in its own: a VM source is its `id` before 2023-07-03."""


def _renamed(body: dict, parts: list[str], old_name: str) -> dict:
    """`body` with the value at `parts` also under `old_name` beside it (the caller then drops the new name)."""
    if len(parts) == 1:
        return {**body, old_name: body[parts[0]]} if parts[0] in body else body
    inner = body.get(parts[0])
    return {**body, parts[0]: _renamed(inner, parts[1:], old_name)} if isinstance(inner, dict) else body
