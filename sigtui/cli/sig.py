"""`sigtui sig create|show|list|update|delete`: galleries, as `az sig`."""

from __future__ import annotations

from functools import partial

from ..domain.models import Gallery
from ..domain.rest import gallery_to_rest
from . import arm, generic_update
from .context import atomic
from .parser import add_flag, add_gallery, add_location, add_resource_group, add_tags, enum, subcommands, tags
from .sig_share import add_shared_verbs


def location_or_group(ctx, ns) -> str:
    """az's default location: the resource group's."""
    return ns.location or ctx.lookups.resource_group(None, ns.resource_group).location


def create(ctx, ns) -> dict:
    gallery = Gallery(ctx.subscription or "", ns.resource_group, ns.gallery, location_or_group(ctx, ns),
                      ns.description, tags(ns.tags) or {}, soft_delete=ns.soft_delete,
                      sharing=ns.permissions)
    return gallery_to_rest(ctx.services.create_gallery(gallery))


def show(ctx, ns) -> dict:
    return gallery_to_rest(ctx.lookups.gallery(None, ns.resource_group, ns.gallery).value)


def list_(ctx, ns) -> list:
    return [gallery_to_rest(g) for g in ctx.lookups.galleries(None, ns.resource_group)]


@atomic
def update(ctx, ns) -> dict:
    current = gallery_to_rest(ctx.lookups.gallery(None, ns.resource_group, ns.gallery).value)

    def adjust(view: dict) -> None:
        if ns.soft_delete is not None:
            view["softDeletePolicy"] = {"isSoftDeleteEnabled": ns.soft_delete}

    updated = generic_update.run(current, "gallery", ns, lambda patch: ctx.services.update_gallery(
        ctx.subscription, ns.resource_group, ns.gallery, patch), adjust)
    return gallery_to_rest(updated)


def list_usage(ctx, ns) -> list:
    """The subscription's gallery quotas in one region, as `az vm list-usage` prints compute quotas."""
    found = ctx.services.usage(ctx.subscription, ns.location)
    return [quota.to_rest() for region in found for quota in region.quotas]


def delete(ctx, ns) -> None:
    arm.delete(lambda: ctx.services.delete_gallery(ctx.subscription, ns.resource_group, ns.gallery))


SCOPE = "--resource-group MyResourceGroup --gallery-name MyGallery"
EXAMPLES = {
    "create": (("Create a gallery.", f"sigtui sig create {SCOPE}"),
               ("Create a gallery in another region, with a description and tags.",
                "sigtui sig create --resource-group MyResourceGroup --gallery-name MyEastGallery --location eastus "
                "--description \"Golden images\" --tags team=images")),
    "show": (("Show a gallery.", f"sigtui sig show {SCOPE}"),
             ("Show only the gallery's unique name.",
              f"sigtui sig show {SCOPE} --query properties.identifier.uniqueName -o tsv")),
    "list": (("List the galleries of a resource group as a table.", "sigtui sig list -g MyResourceGroup -o table"),
             ("List the names of the subscription's galleries in West US.",
              "sigtui sig list --query \"[?location=='westus'].name\" -o tsv")),
    "update": (("Change a gallery's description.", f"sigtui sig update {SCOPE} --set description=\"New text\""),
               ("Keep deleted image versions, restorable (soft delete).", f"sigtui sig update {SCOPE} --soft-delete")),
    "list-usage": (("Show how many galleries, definitions and versions the subscription has in West US, against "
                    "Azure's limits.", "sigtui sig list-usage --location westus -o table"),),
    "delete": (("Delete a gallery (it must hold no image definitions).",
                "sigtui sig delete --resource-group MyResourceGroup --gallery-name MyEastGallery"),),
}


def _add_soft_delete(p) -> None:
    add_flag(p, "--soft-delete", help="Enable soft-deletion for resources in this gallery, allowing them to be "
                                      "recovered within retention time.")


def build(parser, group) -> None:
    parser.examples = (("List the galleries of the subscription.", "sigtui sig list -o table"),)
    verbs = subcommands(parser)
    p = verbs.add_parser("create", help="Create a gallery.", examples=EXAMPLES["create"])
    add_gallery(p)
    add_location(p)
    p.add_argument("--description", help="The description of the gallery.")
    p.add_argument("--permissions", type=enum("Private", "Groups"),
                   help="The sharing permission: Groups makes a direct shared gallery (`sig share add`); it cannot "
                        "be changed later.")
    _add_soft_delete(p)
    add_tags(p)
    p.set_defaults(handler=create)
    helps = {"show": "Show a gallery.", "list": "List the galleries of a resource group or of the subscription.",
             "update": "Update a gallery.", "delete": "Delete a gallery that holds no image definitions."}
    handlers = {"show": show, "list": list_, "update": update, "delete": delete}
    in_group = partial(add_resource_group, required=False)
    generic_update.add_resource_verbs(verbs, handlers, EXAMPLES, helps, add_gallery, in_group, _add_soft_delete)
    p = verbs.add_parser("list-usage", help="List the gallery quotas of the subscription in a region.",
                         examples=EXAMPLES["list-usage"])
    p.add_argument("-l", "--location", required=True, help="Location, e.g. westus.")
    p.set_defaults(handler=list_usage)
    add_shared_verbs(verbs, "gallery")
