"""Sources of image versions and disk encryption sets: `sigtui image|snapshot|disk|vm|disk-encryption-set`."""

from __future__ import annotations

from ..domain import ids
from ..domain.models import DiskEncryptionSet
from ..store import reads
from .parser import add_location, add_resource_group, enum, subcommands

KINDS = {"image": "images", "snapshot": "snapshots", "disk": "disks", "vm": "virtualMachines",
         "disk-encryption-set": "diskEncryptionSets"}
"""Command group → ARM resource type; the services name the source kinds as the groups do."""


DES = "diskEncryptionSets"


def to_rest(resource):
    from ..domain.rest_resources import des_to_rest, source_to_rest

    return des_to_rest(resource) if isinstance(resource, DiskEncryptionSet) else source_to_rest(resource)


def find(ctx, rtype: str, rg: str, name: str, sub: str | None = None):
    """A source or disk encryption set by name; Azure's `ResourceNotFound` when there is none."""
    sub_id = ctx.lookups.subscription(sub).id
    ctx.lookups.resource_group(sub_id, rg)
    arm_id = ids.resource_id(sub_id, rg, rtype, name)
    found = (reads.disk_encryption_set if rtype == DES else reads.source)(ctx.conn, arm_id)
    if found is None:
        from ..domain.errors import resource_not_found

        raise resource_not_found(f"Microsoft.Compute/{rtype}", name, rg)
    ctx.lookups.seen.require(found.id)
    return found


def listing(ctx, rtype: str, rg: str | None, sub: str | None = None) -> list:
    sub_id = ctx.lookups.subscription(sub).id
    if rg:
        ctx.lookups.resource_group(sub_id, rg)
    everything = reads.disk_encryption_sets(ctx.conn) if rtype == DES else reads.sources(ctx.conn)
    return [r for r in everything if (rtype == DES or r.kind == rtype) and r.subscription.lower() == sub_id.lower()
            and (rg is None or r.resource_group.lower() == rg.lower()) and ctx.readable(r.id)]


def create(ctx, ns) -> dict:
    location = ns.location or ctx.lookups.resource_group(None, ns.resource_group).location
    if ns.group == "disk-encryption-set":
        made = ctx.services.create_disk_encryption_set(ns.resource_group, ns.name, location, ctx.subscription,
                                                       ns.encryption_type)
    else:
        made = ctx.services.create_source(
            ns.group, ns.resource_group, ns.name, location, ctx.subscription, os_type=ns.os_type,
            os_state=ns.os_state, hyper_v_generation=ns.hyper_v_generation, os_disk_size_gb=ns.os_disk_size_gb,
            os_disk_used_gb=ns.os_disk_used_gb, data_disk_sizes_gb=ns.data_disk_sizes_gb or [],
            data_disk_used_gb=ns.data_disk_used_gb or [], os_host_caching=ns.os_disk_caching,
            data_disk_caching=ns.data_disk_caching or [])
    return to_rest(made)


def show(ctx, ns) -> dict:
    return to_rest(find(ctx, KINDS[ns.group], ns.resource_group, ns.name))


def list_(ctx, ns) -> list:
    return [to_rest(r) for r in listing(ctx, KINDS[ns.group], ns.resource_group)]


def _create_arguments(p, group: str) -> None:
    add_location(p)
    if group == "disk-encryption-set":
        p.add_argument("--encryption-type", help="EncryptionAtRestWithCustomerKey (default) or "
                                                 "EncryptionAtRestWithPlatformAndCustomerKeys")
        return
    add_source_arguments(p)


def add_source_arguments(p) -> None:
    """What a source is like: OS, state, generation and disk sizes (also `vm create` without `--image`)."""
    p.add_argument("--os-type", type=enum("Windows", "Linux"))
    p.add_argument("--os-state", type=enum("Generalized", "Specialized"))
    p.add_argument("--hyper-v-generation", type=enum("V1", "V2"))
    p.add_argument("--os-disk-size-gb", type=int, default=30, help="Provisioned OS disk size (GB).")
    p.add_argument("--os-disk-used-gb", type=float, help="Occupied OS disk size (GB); default: all of it.")
    p.add_argument("--data-disk-sizes-gb", type=int, nargs="+", help="One size per data disk, LUNs 0, 1, ...")
    p.add_argument("--data-disk-used-gb", type=float, nargs="+", help="Occupied size of each data disk (GB).")
    caching = enum("None", "ReadOnly", "ReadWrite")
    p.add_argument("--os-disk-caching", type=caching,
                   help="OS disk host caching, copied by versions made from it; default: ReadWrite for an image or "
                        "VM, ReadOnly for a snapshot or disk.")
    p.add_argument("--data-disk-caching", type=caching, nargs="+", help="Host caching of each data disk; default: "
                                                                        "None.")


def build(parser, group) -> None:
    (name,) = group
    verbs = subcommands(parser)
    for verb, handler in (("create", create), ("show", show), ("list", list_)):
        p = verbs.add_parser(verb, help=f"{verb.capitalize()} {name} resources.")
        add_resource_group(p, required=verb != "list")
        if verb != "list":
            p.add_argument("-n", "--name", required=True)
        if verb == "create":
            _create_arguments(p, name)
        p.set_defaults(handler=handler, group=name)
