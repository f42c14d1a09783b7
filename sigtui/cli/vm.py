"""`sigtui vm|vmss create|show|list|delete`: VMs and scale sets from gallery images, as `az vm` and `az vmss`.
`vm create` without `--image` makes a source VM instead (see `resources`)."""

from __future__ import annotations

from ..domain import ids
from ..domain.access import covers
from ..domain.errors import AzureError
from . import arm, resources, tables, vm_request
from .output import UsageError, warn
from .parser import add_flag, add_location, add_resource_group, enum, subcommands

KINDS = {"vm": "virtualMachines", "vmss": "virtualMachineScaleSets"}
SOURCE_ONLY = ("os_type", "os_state", "hyper_v_generation", "os_disk_used_gb", "data_disk_sizes_gb",
               "data_disk_used_gb", "os_disk_caching", "data_disk_caching")
"""`vm create` arguments that describe a source VM, not one made from `--image`."""


def create(ctx, ns) -> dict:
    """Review (warnings on stderr, as az logs them), then create; a refusal writes nothing."""
    if ns.image is None:
        return resources.create(ctx, ns)
    if any(getattr(ns, name, None) is not None for name in SOURCE_ONLY):
        raise UsageError("usage error: --os-type, --os-state, --hyper-v-generation, the disk sizes and caching "
                         "describe a "
                         "source VM; leave them out with --image")
    request = vm_request.build(ctx, ns, ns.instance_count if ns.group == "vmss" else None)
    made, plan = ctx.services.create_vm(ns.image, request, ctx.subscription)
    for warning in plan.warnings:
        warn(warning)
    return made


def _made(ctx, kind: str, scope: str) -> list[dict]:
    """VMs or scale sets made from the gallery that the caller may read, at or under `scope`."""
    return [v for v in ctx.services.list_vms() if v["type"] == f"Microsoft.Compute/{kind}" and covers(scope, v["id"])]


def _scope(ctx, rg: str | None, sub: str | None) -> str:
    sub_id = ctx.lookups.subscription(sub).id
    if rg is None:
        return f"/subscriptions/{sub_id}"
    return ctx.lookups.resource_group(sub_id, rg).id


def find(ctx, group: str, rg: str, name: str, sub: str | None = None) -> dict:
    """A VM or scale set made from the gallery, else (for `vm`) a source VM, in Azure's shape."""
    kind = KINDS[group]
    sub_id = ctx.lookups.subscription(sub).id
    ctx.lookups.resource_group(sub_id, rg)
    try:
        return ctx.services.get_vm(ids.resource_id(sub_id, rg, kind, name))
    except AzureError as error:
        if error.code != "ResourceNotFound" or group != "vm":
            raise
    return resources.to_rest(resources.find(ctx, kind, rg, name, sub=sub_id))


def listing(ctx, group: str, rg: str | None, sub: str | None = None) -> list[dict]:
    """Made from the gallery, and (for VMs) the source VMs beside them, by name."""
    kind = KINDS[group]
    found = {v["id"].lower(): v for v in _made(ctx, kind, _scope(ctx, rg, sub))}
    if group == "vm":
        for source in resources.listing(ctx, kind, rg, sub):
            found.setdefault(source.id.lower(), resources.to_rest(source))
    return sorted(found.values(), key=lambda v: v["name"].lower())


def show(ctx, ns) -> dict:
    return find(ctx, ns.group, ns.resource_group, ns.name)


def list_(ctx, ns) -> list:
    return listing(ctx, ns.group, ns.resource_group)


def delete(ctx, ns) -> None:
    """A VM (made from the gallery or a source VM) or scale set; one that is already gone is not an error."""
    sub = ctx.lookups.subscription().id
    ctx.lookups.resource_group(None, ns.resource_group)
    arm.delete(lambda: ctx.services.delete_vm(ids.resource_id(sub, ns.resource_group, KINDS[ns.group], ns.name)))


def _create_arguments(p, group: str) -> None:
    p.add_argument("--image", required=group == "vmss",
                   help="The gallery image to use: an image definition's ID (its latest version), "
                        ".../versions/latest, or an image version's ID.")
    add_location(p)
    p.add_argument("--size" if group == "vm" else "--vm-sku", dest="size",
                   help="The VM size to be created.", default=vm_request.DEFAULT_SIZE)
    p.add_argument("--admin-username", help="Username for the VM.")
    p.add_argument("--admin-password", help="Password for the VM if authentication type is 'Password'.")
    p.add_argument("--ssh-key-values", nargs="+", metavar="KEY",
                   help="Space-separated list of SSH public keys or public key file paths (@file works too).")
    add_flag(p, "--specialized", help="Indicate whether the source image is specialized: no OS profile (no "
                                      "credentials) is sent.")
    p.add_argument("--storage-sku", default=vm_request.DEFAULT_STORAGE_SKU, help="The SKU of the storage account "
                                                                                 "with which to persist the OS disk.")
    p.add_argument("--nsg-rule", type=enum("SSH", "RDP", "NONE"),
                   help="NSG rule to create when creating a new NSG. Defaults to open ports for allowing RDP on "
                        "Windows and allowing SSH on Linux.")
    p.add_argument("--zone", help="Availability zone into which to provision the resource: 1, 2 or 3.")
    p.add_argument("--os-disk-encryption-set", help="Name or ID of disk encryption set for OS disk.")
    p.add_argument("--encryption-type", type=enum("cmk", "double"),
                   help="Customer-managed key or double encryption (default: the encryption set's type).")
    if group == "vmss":
        p.add_argument("--instance-count", type=int, default=2, help="Number of VMs in the scale set.")
    else:
        resources.add_source_arguments(p)


IMAGE = "$(sigtui sig image-definition show -g MyResourceGroup -r MyGallery -i MyImage --query id -o tsv)"
VERSION = "$(sigtui sig image-version show -g MyResourceGroup -r MyGallery -i MyImage -e 1.0.0 --query id -o tsv)"
LOGIN = "--admin-username azureuser --ssh-key-values ~/.ssh/id_ed25519.pub"


def _examples(name: str) -> tuple[tuple[str, str], ...]:
    if name == "vmss":
        return (("Create a scale set of 3 instances from the latest version of a gallery image.",
                 f"sigtui vmss create -g MyResourceGroup -n MyScaleSet --image {IMAGE} --instance-count 3 {LOGIN}"),)
    return (("Create a VM from the latest version of a gallery image.",
             f"sigtui vm create -g MyResourceGroup -n MyVM1 --image {IMAGE} {LOGIN}"),
            ("Create a VM from one image version, with a Premium SSD OS disk.",
             f"sigtui vm create -g MyResourceGroup -n MyVM2 --image {VERSION} --storage-sku Premium_LRS {LOGIN}"),
            ("Create a source VM (no --image) to capture image versions from.",
             "sigtui vm create -g MyResourceGroup -n MySourceVM --os-type Linux --os-disk-size-gb 30"))


def build(parser, group) -> None:
    (name,) = group
    noun = "virtual machine" if name == "vm" else "virtual machine scale set"
    verbs = subcommands(parser)
    p = verbs.add_parser("create", help=f"Create a {noun} from a gallery image"
                                        + (" (without --image: a source VM)." if name == "vm" else "."),
                         examples=_examples(name))
    add_resource_group(p)
    p.add_argument("-n", "--name", required=True, help=f"Name of the {noun}.")
    _create_arguments(p, name)
    p.set_defaults(handler=create, group=name)
    p = verbs.add_parser("show", help=f"Get the details of a {noun}.")
    add_resource_group(p)
    p.add_argument("-n", "--name", required=True, help=f"Name of the {noun}.")
    p.set_defaults(handler=show, group=name)
    p = verbs.add_parser("delete", help=f"Delete a {noun}.")
    add_resource_group(p)
    p.add_argument("-n", "--name", required=True, help=f"Name of the {noun}.")
    p.add_argument("-y", "--yes", action="store_true", help="Do not prompt for confirmation (sigtui never prompts).")
    p.set_defaults(handler=delete, group=name)
    p = verbs.add_parser("list", help=f"List the {noun}s of a resource group or of the subscription.")
    add_resource_group(p, required=False)
    p.set_defaults(handler=list_, group=name, table_transformer=tables.vm_list if name == "vm" else None)
