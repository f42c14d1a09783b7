"""`sigtui sig create|show|list|update|delete`: galleries, as `az sig`."""

from __future__ import annotations

from ..domain.models import Gallery
from ..domain.rest import gallery_to_rest
from . import arm, generic_update, lookup
from .context import atomic
from .parser import add_gallery, add_location, add_resource_group, add_tags, subcommands, tags


def location_or_group(ctx, ns) -> str:
    """az's default location: the resource group's."""
    return ns.location or lookup.resource_group(ctx, ns.resource_group).location


def create(ctx, ns) -> dict:
    gallery = Gallery(ctx.subscription or "", ns.resource_group, ns.gallery, location_or_group(ctx, ns),
                      ns.description, tags(ns.tags) or {})
    return gallery_to_rest(ctx.services.create_gallery(gallery))


def show(ctx, ns) -> dict:
    return gallery_to_rest(lookup.gallery(ctx, ns.resource_group, ns.gallery))


def list_(ctx, ns) -> list:
    return [gallery_to_rest(g) for g in lookup.galleries(ctx, ns.resource_group)]


@atomic
def update(ctx, ns) -> dict:
    current = gallery_to_rest(lookup.gallery(ctx, ns.resource_group, ns.gallery))
    updated = generic_update.run(current, "gallery", ns, lambda patch: ctx.services.update_gallery(
        ctx.subscription, ns.resource_group, ns.gallery, patch))
    return gallery_to_rest(updated)


def delete(ctx, ns) -> None:
    arm.delete(lambda: ctx.services.delete_gallery(ctx.subscription, ns.resource_group, ns.gallery))


def build(parser, group) -> None:
    verbs = subcommands(parser)
    p = verbs.add_parser("create", help="create a gallery")
    add_gallery(p)
    add_location(p)
    p.add_argument("--description", help="gallery description")
    add_tags(p)
    p.set_defaults(handler=create)
    p = verbs.add_parser("show", help="show a gallery")
    add_gallery(p)
    p.set_defaults(handler=show)
    p = verbs.add_parser("list", help="list galleries of a resource group or of the subscription")
    add_resource_group(p, required=False)
    p.set_defaults(handler=list_)
    p = verbs.add_parser("update", help="update a gallery (--set description=...)")
    add_gallery(p)
    generic_update.add_arguments(p)
    p.set_defaults(handler=update)
    p = verbs.add_parser("delete", help="delete an empty gallery")
    add_gallery(p)
    p.set_defaults(handler=delete)
