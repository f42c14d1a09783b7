"""`sigtui storage account create|show|list` and `sigtui storage blob upload`, as `az storage`: where VHD sources
of image versions live."""

from __future__ import annotations

from pathlib import Path

from ..domain.rest_resources import source_to_rest
from ..domain.storage import KINDS, SKUS, account_to_rest
from .output import CliError
from .parser import add_location, add_resource_group, enum, subcommands


def create(ctx, ns) -> dict:
    account = ctx.services.create_storage_account(ns.resource_group, ns.name, ns.location, ctx.subscription,
                                                  ns.sku, ns.kind)
    return account_to_rest(account)


def show(ctx, ns) -> dict:
    return account_to_rest(ctx.services.get_storage_account(ns.resource_group, ns.name, ctx.subscription))


def list_(ctx, ns) -> list:
    return [account_to_rest(a) for a in ctx.services.list_storage_accounts(ns.resource_group, ctx.subscription)]


def upload(ctx, ns) -> dict:
    """A VHD file uploaded as a page blob: only its size is kept, which becomes the disk's size."""
    try:
        size = Path(ns.file).expanduser().stat().st_size
    except OSError as error:
        raise CliError(f"sigtui storage blob upload: error: cannot read '{ns.file}': {error.strerror}") from None
    blob = ctx.services.upload_blob(ns.account_name, ns.container_name, ns.name or Path(ns.file).name, size)
    return {"name": blob.name.partition("/")[2], "container": ns.container_name, "url": blob.id,
            "size": size, "source": source_to_rest(blob)["properties"]}


ACCOUNT = "--resource-group MyResourceGroup --name mystorageaccount"
EXAMPLES = {
    "account": (("Create a storage account for VHDs.", f"sigtui storage account create {ACCOUNT} -l westus"),
                ("Show a storage account.", f"sigtui storage account show {ACCOUNT}"),
                ("List the storage accounts of a resource group.", "sigtui storage account list -g MyResourceGroup")),
    "blob": (("Upload a VHD as a page blob.", "sigtui storage blob upload --account-name mystorageaccount "
                                               "--container-name vhds --name os.vhd --file ./os.vhd --type page"),),
}


def build(parser, group) -> None:
    verbs = subcommands(parser)
    if group == ("storage", "blob"):
        parser.examples = EXAMPLES["blob"]
        p = verbs.add_parser("upload", help="Upload a VHD file as a page blob.", examples=EXAMPLES["blob"])
        p.add_argument("--account-name", required=True, help="Storage account name.")
        p.add_argument("-c", "--container-name", required=True, help="The container name.")
        p.add_argument("-n", "--name", help="The blob name (default: the file's name).")
        p.add_argument("-f", "--file", required=True, help="Path of the file to upload as the blob content.")
        p.add_argument("--type", "-t", type=enum("page"), default="page", help="The blob type: a VHD is a page blob.")
        p.set_defaults(handler=upload)
        return
    parser.examples = EXAMPLES["account"][:1]
    p = verbs.add_parser("create", help="Create a storage account.", examples=EXAMPLES["account"][:1])
    add_resource_group(p)
    p.add_argument("-n", "--name", required=True, help="The storage account name.")
    add_location(p)
    p.add_argument("--sku", type=enum(*SKUS), help="The storage account SKU. Default: Standard_LRS.")
    p.add_argument("--kind", type=enum(*KINDS), help="The type of storage account. Default: StorageV2.")
    p.set_defaults(handler=create)
    p = verbs.add_parser("show", help="Show a storage account.", examples=EXAMPLES["account"][1:2])
    add_resource_group(p)
    p.add_argument("-n", "--name", required=True, help="The storage account name.")
    p.set_defaults(handler=show)
    p = verbs.add_parser("list", help="List storage accounts.", examples=EXAMPLES["account"][2:])
    add_resource_group(p, required=False)
    p.set_defaults(handler=list_)
