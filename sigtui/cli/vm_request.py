"""az vm create's client side: defaults from the resource group and the image, credentials as az sends them."""

from __future__ import annotations

import os
from pathlib import Path

from ..domain import ids
from ..domain.errors import AzureError
from ..domain.vm import VmRequest
from ..store import reads
from . import azparse
from .output import UsageError
from .sig import location_or_group

DEFAULT_SIZE = "Standard_DS1_v2"
DEFAULT_STORAGE_SKU = "Premium_LRS"
DEFAULT_NSG_RULE = {"Linux": "SSH", "Windows": "RDP"}
ENCRYPTION_OF_SET = {"EncryptionAtRestWithCustomerKey": "cmk", "EncryptionAtRestWithPlatformAndCustomerKeys": "double"}


def image_os_type(ctx, image_id: str) -> str | None:
    """The definition's OS type, which az reads for its defaults; None when the caller cannot read the image
    (the service then refuses it with Azure's message)."""
    try:
        parsed = ids.parse_arm_id(image_id)
    except AzureError:
        return None
    found = reads.definition(ctx.conn, parsed.subscription, parsed.resource_group or "",
                             parsed.name_of("galleries") or "", parsed.name_of("images") or "")
    return found[1].os_type if found and ctx.readable(found[1].id) else None


def ssh_key(values: list[str] | None) -> str | None:
    """`--ssh-key-values`: a public key, `@file`, or the path of a file that exists (read as az reads it)."""
    if not values:
        return None
    if len(values) > 1:
        raise UsageError("usage error: sigtui keeps one SSH public key per VM: give one value to --ssh-key-values")
    text = values[0]
    path = text[1:] if text.startswith("@") else text
    if not (text.startswith("@") or os.path.isfile(path)):
        return text
    try:
        return Path(path).expanduser().read_text().strip()
    except OSError as error:
        raise UsageError(f"usage error: cannot read the SSH public key file '{path}': {error.strerror}") from None


def encryption(ctx, ns, sub: str) -> tuple[str, str | None]:
    """`--encryption-type` and `--os-disk-encryption-set` (a name or id); a set alone brings its own type."""
    des = ns.os_disk_encryption_set and azparse.resource_id(ns.os_disk_encryption_set, sub, ns.resource_group,
                                                            "diskEncryptionSets")
    if ns.encryption_type or not des:
        return ns.encryption_type or "platform", des
    found = reads.disk_encryption_set(ctx.conn, des)
    return ENCRYPTION_OF_SET.get(found.encryption_type, "cmk") if found else "cmk", des


def build(ctx, ns, instance_count: int | None = None) -> VmRequest:
    """What az sends: `--specialized` drops the OS profile (credentials) entirely."""
    sub = ctx.lookups.subscription().id
    location = location_or_group(ctx, ns)
    kind, des = encryption(ctx, ns, sub)
    credentials = (None, None, None) if ns.specialized else (
        ns.admin_username, ns.admin_password, ssh_key(ns.ssh_key_values))
    return VmRequest(
        ns.name, ns.resource_group, location, ns.size or DEFAULT_SIZE, ns.storage_sku, *credentials,
        inbound_port=ns.nsg_rule or DEFAULT_NSG_RULE.get(image_os_type(ctx, ns.image), "NONE"),
        availability="AvailabilityZone" if ns.zone else "None", zone=ns.zone, encryption=kind,
        disk_encryption_set=des, instance_count=instance_count)
