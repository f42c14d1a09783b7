"""Copy as az / REST / curl: the `az` command line, `az rest` call and curl request that make a gallery, image
definition or image version as it is, or that apply a pending edit."""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass
from datetime import datetime

from .dates import iso
from .models import Gallery, ImageDefinition, ImageVersion, TargetRegion
from .rest import definition_to_rest, gallery_to_rest, version_to_rest
from .wording import KIND_LABELS

API_VERSION = "2024-03-03"
ENDPOINT = "${ENDPOINT:-https://management.azure.com}"
"""The ARM endpoint curl talks to: `sigtui serve`'s when $ENDPOINT is set, else Azure's."""

READ_ONLY = (
    ("provisioningState",),
    ("identifier", "uniqueName"),
    ("publishingProfile", "publishedDate"),
    ("replicationStatus",),
    ("safetyProfile", "reportedForPolicyViolation"),
    ("safetyProfile", "policyViolations"),
    ("storageProfile", "source", "resourceGroup"),
    ("storageProfile", "osDiskImage", "sizeInGB"),
)
"""What a GET shows that a PUT does not send (data disks' `sizeInGB` too)."""

GROUPS = {Gallery: "sig", ImageDefinition: "sig image-definition", ImageVersion: "sig image-version"}
KINDS = {Gallery: "gallery", ImageDefinition: "definition", ImageVersion: "version"}


SOURCE_FLAGS = {"images": "--managed-image", "virtualmachines": "--virtual-machine", "versions": "--image-version"}


def _label(resource: Gallery | ImageDefinition | ImageVersion) -> str:
    return KIND_LABELS[KINDS[type(resource)]]


@dataclass(frozen=True, slots=True)
class Equivalent:
    """One request three ways; `note` says what the az flags cannot express (the REST call still can)."""

    title: str
    az: str
    az_rest: str
    curl: str
    note: str = ""


Resource = Gallery | ImageDefinition | ImageVersion


def _drop(body: dict, path: tuple[str, ...]) -> None:
    """Remove the value at `path`, and its parent when nothing else is left in it."""
    parent = body
    for key in path[:-2]:
        parent = parent.get(key)
        if not isinstance(parent, dict):
            return
    node = parent.get(path[-2])
    if isinstance(node, dict):
        node.pop(path[-1], None)
        if not node:
            parent.pop(path[-2])


def put_body(rest: dict) -> dict:
    """The body of a PUT that makes the resource a GET shows: location, tags and the writable properties."""
    body = json.loads(json.dumps({key: rest[key] for key in ("location", "tags", "properties") if key in rest}))
    for path in READ_ONLY:
        _drop(body, ("properties", *path))
    for disk in body.get("properties", {}).get("storageProfile", {}).get("dataDiskImages", ()):
        disk.pop("sizeInGB", None)
    return body


def rest_calls(method: str, resource_id: str, body: dict | None) -> tuple[str, str]:
    """The `az rest` call and the curl request for one ARM request."""
    url = f"{resource_id}?api-version={API_VERSION}"
    text = json.dumps(body, separators=(",", ":")) if body is not None else None
    az = ["az", "rest", "--method", method.lower(), "--url", url]
    curl = ["curl", "-X", method.upper(), "-H", "Authorization: Bearer $TOKEN"]
    if text is not None:
        az += ["--body", text]
        curl += ["-H", "Content-Type: application/json", "-d", text]
    curl_line = shlex.join(curl).replace("'Authorization: Bearer $TOKEN'", '"Authorization: Bearer $TOKEN"')
    return shlex.join(az), f'{curl_line} "{ENDPOINT}{url}"'


def _scope(resource: Resource) -> list[str]:
    args = ["-g", resource.resource_group]
    if isinstance(resource, Gallery):
        return [*args, "-r", resource.name]
    args += ["-r", resource.gallery, "-i", resource.definition if isinstance(resource, ImageVersion) else resource.name]
    return [*args, "-e", resource.name] if isinstance(resource, ImageVersion) else args


def _options(pairs) -> list[str]:
    """`--flag value` for every value that is set."""
    return [text for flag, value in pairs if value not in (None, "", ()) for text in (flag, str(value))]


def _tags(tags: dict) -> list[str]:
    return ["--tags", *(f"{key}={value}" for key, value in tags.items())] if tags else []


def _definition_args(d: ImageDefinition) -> list[str]:
    args = ["-p", d.publisher, "-f", d.offer, "-s", d.sku, "--os-type", d.os_type, "--os-state", d.os_state,
            "--hyper-v-generation", d.hyper_v_generation]
    args += _options((
        ("--architecture", d.architecture), ("--description", d.description), ("--eula", d.eula),
        ("--privacy-statement-uri", d.privacy_statement_uri), ("--release-note-uri", d.release_note_uri),
        ("--end-of-life-date", iso(d.end_of_life_date)), ("--minimum-cpu-core", d.vcpus_min),
        ("--maximum-cpu-core", d.vcpus_max), ("--minimum-memory", d.memory_min), ("--maximum-memory", d.memory_max),
        ("--plan-name", d.plan_name), ("--plan-publisher", d.plan_publisher), ("--plan-product", d.plan_product),
    ))
    return args + (["--disallowed-disk-types", *d.disallowed_disk_types] if d.disallowed_disk_types else [])


def _source_args(v: ImageVersion) -> list[str]:
    """The flags naming the version's source: an image, VM or version; snapshots or disks; or VHDs."""
    args: list[str] = []
    if v.source_id:
        kind = v.source_id.rstrip("/").split("/")[-2].lower()
        args += [SOURCE_FLAGS.get(kind, "--managed-image"), v.source_id]
    if v.os_disk.source_id and v.os_disk.storage_account_id:
        args += ["--os-vhd-uri", v.os_disk.source_id, "--os-vhd-storage-account", v.os_disk.storage_account_id]
    elif v.os_disk.source_id:
        args += ["--os-snapshot", v.os_disk.source_id]
    vhds = [disk for disk in v.data_disks if disk.source_id and disk.storage_account_id]
    snapshots = [disk for disk in v.data_disks if disk.source_id and not disk.storage_account_id]
    if snapshots:
        args += ["--data-snapshots", *(d.source_id for d in snapshots)]
        args += ["--data-snapshot-luns", *(str(d.lun) for d in snapshots)]
    if vhds:
        args += ["--data-vhds-uris", *(d.source_id for d in vhds), "--data-vhds-luns", *(str(d.lun) for d in vhds)]
        args += ["--data-vhds-sa", *(d.storage_account_id for d in vhds)]
    return args


def _target(v: ImageVersion, target: TargetRegion) -> str:
    count = target.regional_replica_count or v.replica_count
    return f"{target.name}={count}={(target.storage_account_type or v.storage_account_type).lower()}"


def _encryption(target: TargetRegion) -> str:
    enc = target.encryption
    if enc is None or enc.is_empty:
        return "null"
    return ",".join([enc.os_disk_set or "null", *(f"{lun},{des}" for lun, des in enc.data_disk_sets)])


def _version_args(v: ImageVersion) -> tuple[list[str], str]:
    args = [*_source_args(v), "--target-regions", *(_target(v, t) for t in v.target_regions)]
    if any(t.encryption and not t.encryption.is_empty for t in v.target_regions):
        args += ["--target-region-encryption", *map(_encryption, v.target_regions)]
    args += _options((("--replica-count", v.replica_count), ("--storage-account-type", v.storage_account_type),
                      ("--end-of-life-date", iso(v.end_of_life_date))))
    args += _options((("--replication-mode", v.replication_mode),))
    for flag, value in (("--exclude-from-latest", v.exclude_from_latest),
                        ("--allow-replicated-location-deletion", v.allow_replicated_location_deletion),
                        ("--block-deletion-before-end-of-life", v.block_deletion_before_end_of_life)):
        args += [flag, "true"] if value else []
    regional = [t.name for t in v.target_regions if t.exclude_from_latest is not None]
    note = (f"az's flags cannot set excludeFromLatest per region ({', '.join(regional)}); the REST calls do."
            if regional else "")
    return args, note


def for_create(resource: Resource, now: datetime) -> Equivalent:
    """The requests that create `resource` as it is (in its subscription, resource group and location)."""
    note = ""
    args = ["az", *GROUPS[type(resource)].split(), "create", *_scope(resource), "-l", resource.location]
    if isinstance(resource, Gallery):
        args += _options((("--description", resource.description),))
        rest = gallery_to_rest(resource)
    elif isinstance(resource, ImageDefinition):
        args += _definition_args(resource)
        rest = definition_to_rest(resource)
    else:
        extra, note = _version_args(resource)
        args += extra
        rest = version_to_rest(resource, now)
    args += [*_tags(resource.tags), "--subscription", resource.subscription]
    az_rest, curl = rest_calls("PUT", resource.id, put_body(rest))
    return Equivalent(f"Create {_label(resource)} {resource.name}", shlex.join(args), az_rest, curl, note)


def _leaves(value: object, path: str) -> list[tuple[str, object]]:
    """`recommended.vCPUs.min=2`-style paths of every value in a patch; lists and tags (replaced whole) stay whole."""
    if isinstance(value, dict) and value and path != "tags":
        return [leaf for key, inner in value.items() for leaf in _leaves(inner, f"{path}.{key}" if path else key)]
    return [(path, value)]


def _set_value(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, separators=(",", ":"))


def for_patch(resource: Resource, patch: dict, summary: str) -> Equivalent:
    """The requests that apply an edit (a PATCH body of `properties` and `tags`) to `resource`."""
    sets = [f"{path.removeprefix('properties.')}={_set_value(value)}" for path, value in _leaves(patch, "")]
    args = ["az", *GROUPS[type(resource)].split(), "update", *_scope(resource), "--set", *sets,
            "--subscription", resource.subscription]
    az_rest, curl = rest_calls("PATCH", resource.id, patch)
    return Equivalent(f"Change the {summary} of {_label(resource)} {resource.name}", shlex.join(args), az_rest,
                      curl)
