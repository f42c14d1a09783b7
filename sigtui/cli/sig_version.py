"""`sigtui sig image-version create|show|list|update|delete`, as `az sig image-version` (and `prune`, `usage`)."""

from __future__ import annotations

from ..domain.dates import iso
from ..domain.rest import version_from_rest, version_to_rest
from . import arm, azparse, generic_update, sig_retention
from .context import atomic
from .output import UsageError
from .parser import add_definition, add_flag, add_location, add_tags, add_version, enum, subcommands, tags
from .sig import location_or_group
from .sig_share import add_shared_verbs

STORAGE = ("Standard_LRS", "Standard_ZRS", "Premium_LRS")


def _storage_profile(ns, sub: str, rg: str) -> dict:
    """Where the version is made from; names that are not ids resolve in the command's resource group."""
    if not (ns.managed_image or ns.os_snapshot or ns.virtual_machine or ns.image_version or ns.os_vhd_uri):
        raise UsageError("usage error: Please provide --managed-image or --os-snapshot or --virtual-machine or "
                         "--image-version or --os-vhd-uri")
    if ns.data_snapshot_luns and not ns.data_snapshots:
        raise UsageError("usage error: --data-snapshot-luns must be used together with --data-snapshots")
    luns = ns.data_snapshot_luns or list(range(len(ns.data_snapshots or ())))
    if ns.data_snapshots and len(ns.data_snapshots) != len(luns):
        raise UsageError("usage error: Length of --data-snapshots and --data-snapshot-luns should be equal.")
    profile: dict = {}
    source = ns.image_version or (
        azparse.resource_id(ns.virtual_machine, sub, rg, "virtualMachines") if ns.virtual_machine
        else ns.managed_image and azparse.resource_id(ns.managed_image, sub, rg, "images"))
    if source:
        profile["source"] = {"id": source}
    if ns.os_snapshot:
        profile["osDiskImage"] = {"source": {"id": azparse.resource_id(ns.os_snapshot, sub, rg, "snapshots")}}
    if ns.data_snapshots:
        profile["dataDiskImages"] = [{"lun": lun, "source": {"id": azparse.resource_id(s, sub, rg, "snapshots")}}
                                     for lun, s in zip(luns, ns.data_snapshots, strict=True)]
    return _vhds(ns, profile, sub, rg)


def _vhds(ns, profile: dict, sub: str, rg: str) -> dict:
    """az's `--os-vhd-uri`/`--os-vhd-storage-account` and `--data-vhds-uris`/`--data-vhds-luns`/`--data-vhds-sa`
    (a storage account by name, in the command's resource group, or by id)."""
    def account(name: str | None) -> str | None:
        if name is None or name.startswith("/"):
            return name
        return f"/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Storage/storageAccounts/{name}"

    if ns.os_vhd_uri:
        source = {"uri": ns.os_vhd_uri, "storageAccountId": account(ns.os_vhd_storage_account)}
        profile["osDiskImage"] = {"source": source}
    uris = ns.data_vhds_uris or []
    luns = ns.data_vhds_luns or list(range(len(uris)))
    accounts = ns.data_vhds_sa or [ns.os_vhd_storage_account] * len(uris)
    if len({len(uris), len(luns), len(accounts)}) > 1:
        raise UsageError("usage error: --data-vhds-uris, --data-vhds-luns and --data-vhds-sa must be of equal length")
    if uris:
        profile["dataDiskImages"] = [{"lun": lun, "source": {"uri": uri, "storageAccountId": account(sa)}}
                                     for uri, lun, sa in zip(uris, luns, accounts, strict=True)]
    return profile


def _targets(ns, sub: str, rg: str) -> list[dict]:
    return azparse.target_regions(ns.target_regions, ns.target_region_encryption, sub, rg)


def create(ctx, ns) -> dict:
    """As az: parse the target regions, default the location, then require a source."""
    sub, rg, now = ctx.lookups.subscription().id, ns.resource_group, ctx.now()
    targets = _targets(ns, sub, rg) if ns.target_regions else None
    location = location_or_group(ctx, ns)
    publishing = {"targetRegions": targets or [{"name": location}]}
    for key, value in (("replicaCount", ns.replica_count), ("storageAccountType", ns.storage_account_type),
                       ("excludeFromLatest", ns.exclude_from_latest), ("replicationMode", ns.replication_mode),
                       ("endOfLifeDate", iso(azparse.end_of_life(ns.end_of_life_date, now)))):
        if value is not None:
            publishing[key] = value
    body = {"location": location, "tags": tags(ns.tags) or {},
            "properties": {"publishingProfile": publishing, "storageProfile": _storage_profile(ns, sub, rg),
                           "safetyProfile": _safety(ns)}}
    version = version_from_rest(body, sub, rg, ns.gallery, ns.definition, ns.version, now)
    return version_to_rest(ctx.services.create_version(version), ctx.now())


def _safety(ns) -> dict:
    """`--allow-replicated-location-deletion` and `--block-deletion-before-end-of-life`, where given."""
    flags = (("allowDeletionOfReplicatedLocations", ns.allow_replicated_location_deletion),
             ("blockDeletionBeforeEndOfLife", getattr(ns, "block_deletion_before_end_of_life", None)))
    return {key: value for key, value in flags if value is not None}


@atomic
def undelete(ctx, ns) -> dict:
    """Restore a soft-deleted version as it was; the safety flag and tags given are then set on it."""
    sub, rg = ctx.lookups.subscription().id, ns.resource_group
    restored = ctx.services.restore_version(sub, rg, ns.gallery, ns.definition, ns.version)
    safety = _safety(ns)
    patch = {**({"tags": tags(ns.tags)} if ns.tags is not None else {}),
             **({"properties": {"safetyProfile": safety}} if safety else {})}
    if patch:
        restored = ctx.services.update_version(sub, rg, ns.gallery, ns.definition, ns.version, patch)
    return version_to_rest(restored, ctx.now())


def show(ctx, ns) -> dict:
    version = ctx.lookups.version(None, ns.resource_group, ns.gallery, ns.definition, ns.version).value
    return version_to_rest(version, ctx.now(), expand=(ns.expand or "").lower() == "replicationstatus")


def list_(ctx, ns) -> list:
    now = ctx.now()
    return [version_to_rest(v, now) for v in ctx.lookups.versions(None, ns.resource_group, ns.gallery, ns.definition)]


@atomic
def update(ctx, ns) -> dict:
    """Generic `--set/--add/--remove`, then `--target-regions` (the whole list) and `--replica-count`."""
    sub, rg = ctx.lookups.subscription().id, ns.resource_group
    current = version_to_rest(ctx.lookups.version(None, rg, ns.gallery, ns.definition, ns.version).value, ctx.now())

    def adjust(view: dict) -> None:
        publishing = view.setdefault("publishingProfile", {})
        if ns.target_regions:
            publishing["targetRegions"] = _targets(ns, sub, rg)
        if ns.replica_count is not None:
            publishing["replicaCount"] = ns.replica_count
        view.setdefault("safetyProfile", {}).update(_safety(ns))

    updated = generic_update.run(current, "version", ns, lambda patch: ctx.services.update_version(
        sub, rg, ns.gallery, ns.definition, ns.version, patch), adjust)
    return version_to_rest(updated, ctx.now())


def delete(ctx, ns) -> None:
    arm.delete(lambda: ctx.services.delete_version(ctx.subscription, ns.resource_group, ns.gallery, ns.definition,
                                                   ns.version))


SCOPE = "--resource-group MyResourceGroup --gallery-name MyGallery --gallery-image-definition MyImage"
VERSION = f"{SCOPE} --gallery-image-version 1.0.0"
EXAMPLES = {
    "create": (("Add a new image version from a managed image.",
                f"sigtui sig image-version create {VERSION} --managed-image MyManagedImage"),
               ("Add a new image version with two replicas in West US and one in East US 2 on zone-redundant "
                "storage.",
                f"sigtui sig image-version create {SCOPE} --gallery-image-version 1.1.0 "
                "--managed-image MyManagedImage --target-regions westus=2 eastus2=1=standard_zrs"),
               ("Add a new image version from OS and data-disk snapshots.",
                f"sigtui sig image-version create {SCOPE} --gallery-image-version 1.2.0 --os-snapshot MyOsSnapshot "
                "--data-snapshots MyDataSnapshot --data-snapshot-luns 0"),
               ("Add a new image version from a virtual machine, excluded from latest.",
                f"sigtui sig image-version create {SCOPE} --gallery-image-version 1.3.0 --virtual-machine MyVM "
                "--exclude-from-latest")),
    "show": (("Show an image version with its replication status per region.",
              f"sigtui sig image-version show {VERSION} --expand ReplicationStatus"),
             ("Show only the version's aggregated replication state.",
              f"sigtui sig image-version show {VERSION} --expand ReplicationStatus "
              "--query properties.replicationStatus.aggregatedState -o tsv")),
    "list": (("List the versions of an image definition as a table.",
              f"sigtui sig image-version list {SCOPE} -o table"),
             ("List the names of the versions that are not excluded from latest.",
              f"sigtui sig image-version list {SCOPE} "
              "--query \"[?!properties.publishingProfile.excludeFromLatest].name\" -o tsv")),
    "update": (("Replicate an image version to another region (the list replaces the old one).",
                f"sigtui sig image-version update {VERSION} --target-regions westus eastus2=2"),
               ("Exclude an image version from latest.",
                f"sigtui sig image-version update {VERSION} --set publishingProfile.excludeFromLatest=true"),
               ("Remove the second target region.",
                f"sigtui sig image-version update {VERSION} --remove publishingProfile.targetRegions 1")),
    "delete": (("Delete an image version.", f"sigtui sig image-version delete {VERSION}"),),
    "undelete": (("Restore an image version deleted from a gallery with soft delete on.",
                  f"sigtui sig image-version undelete {VERSION}"),),
}


def _region_arguments(p) -> None:
    p.add_argument("--target-regions", nargs="+", metavar="REGION[=COUNT[=STORAGE]]",
                   help="Space-separated list of regions and their replica counts. Use "
                        "`<region>[=<replica count>][=<storage account type>]` to set the replica count and/or "
                        "storage account type for each region, e.g. westus=2=standard_lrs eastus2.")
    p.add_argument("--target-region-encryption", nargs="+", metavar="OSDES[,LUN,DES...]",
                   help="Space-separated list of customer managed keys for encrypting the OS and data disks in the "
                        "gallery artifact for each region: `<os_des>,<lun1>,<lun1_des>,...`; 'null' for no OS-disk "
                        "set.")
    p.add_argument("--replica-count", type=int, help="The default number of replicas to be created per region.")


def _safety_arguments(p, block: bool = True) -> None:
    add_flag(p, "--allow-replicated-location-deletion", help="Indicate whether or not removing this gallery image "
                                                              "version from replicated regions is allowed.")
    if block:
        add_flag(p, "--block-deletion-before-end-of-life", help="Indicate whether or not the deletion is blocked "
                                                                 "for this gallery image version if its end of life "
                                                                 "has not expired.")


def _create_arguments(p) -> None:
    add_version(p)
    add_location(p)
    _region_arguments(p)
    p.add_argument("--storage-account-type", type=enum(*STORAGE), help="The default storage account type to be "
                                                                        "used per region.")
    add_flag(p, "--exclude-from-latest", help="The flag means that if it is set to true, people deploying VMs "
                                               "with version omitted will not use this version.")
    p.add_argument("--end-of-life-date", help="The end of life date, e.g. '2030-12-31' (a bare date means "
                                              "T12:59:59Z that day).")
    p.add_argument("--managed-image", help="Name or ID of a managed image (or a VM's ID).")
    p.add_argument("--os-snapshot", help="Name or ID of an OS-disk snapshot or managed disk.")
    p.add_argument("--data-snapshots", nargs="+", help="Names or IDs (space-delimited) of data-disk snapshots.")
    p.add_argument("--data-snapshot-luns", nargs="+", type=int, help="Logical unit numbers (space-delimited) of "
                                                                     "the data-disk snapshots.")
    p.add_argument("--virtual-machine", help="Name or ID of a source virtual machine.")
    p.add_argument("--image-version", help="ID of another gallery image version to copy.")
    p.add_argument("--os-vhd-uri", help="Source VHD URI of the OS disk.")
    p.add_argument("--os-vhd-storage-account", help="Name or ID of the storage account of the source VHD of the OS "
                                                    "disk.")
    p.add_argument("--data-vhds-uris", nargs="+", help="Source VHD URIs (space-delimited) of the data disks.")
    p.add_argument("--data-vhds-luns", nargs="+", type=int, help="Logical unit numbers (space-delimited) of the "
                                                                 "source VHDs of the data disks.")
    p.add_argument("--data-vhds-sa", nargs="+", help="Names or IDs (space-delimited) of the storage accounts of "
                                                     "the source VHDs of the data disks.")
    p.add_argument("--replication-mode", type=enum("Full", "Shallow"),
                   help="Optional parameter which specifies the mode to be used for replication. This property is "
                        "not updatable.")
    _safety_arguments(p)
    add_tags(p)


def build(parser, group) -> None:
    parser.examples = EXAMPLES["create"][:1]
    verbs = subcommands(parser)
    p = verbs.add_parser("create", help="Create a new image version and start replicating it.",
                         examples=EXAMPLES["create"])
    _create_arguments(p)
    p.set_defaults(handler=create)
    p = verbs.add_parser("show", help="Show an image version.", examples=EXAMPLES["show"])
    add_version(p)
    p.add_argument("--expand", help="'ReplicationStatus' adds the replication status per region.")
    p.set_defaults(handler=show)
    add_shared_verbs(verbs, "version")
    p = verbs.add_parser("list", help="List the versions of an image definition.", examples=EXAMPLES["list"])
    add_definition(p)
    p.set_defaults(handler=list_)
    p = verbs.add_parser("update", help="Update an image version: target regions, replica counts, exclusion "
                                        "from latest, end of life.", examples=EXAMPLES["update"])
    add_version(p)
    _region_arguments(p)
    _safety_arguments(p)
    generic_update.add_arguments(p)
    p.set_defaults(handler=update)
    p = verbs.add_parser("undelete", help="Restore a soft-deleted image version.", examples=EXAMPLES["undelete"])
    add_version(p)
    add_location(p)
    _safety_arguments(p, block=False)
    add_tags(p)
    p.set_defaults(handler=undelete)
    p = verbs.add_parser("delete", help="Delete an image version.", examples=EXAMPLES["delete"])
    add_version(p)
    p.set_defaults(handler=delete)
    sig_retention.build(verbs)
