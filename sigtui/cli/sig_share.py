"""Direct sharing as az does it: `sig share add|remove|reset` on the publisher's gallery, and `list-shared` /
`show-shared` of galleries, image definitions and versions for the receiving subscription."""

from __future__ import annotations

from ..domain.errors import not_found
from .output import UsageError
from .parser import add_gallery, enum, subcommands

LEVELS = ("gallery", "definition", "version")


def _groups(ns) -> list[dict]:
    groups = []
    if ns.subscription_ids:
        groups.append({"type": "Subscriptions", "ids": ns.subscription_ids})
    if ns.tenant_ids:
        groups.append({"type": "AADTenants", "ids": ns.tenant_ids})
    if not groups:
        raise UsageError(f"usage error: sigtui sig share {ns.verb}: give --subscription-ids and/or --tenant-ids")
    return groups


def share(ctx, ns) -> dict:
    """az's answer: the SharingUpdate that was applied."""
    body = {"operationType": ns.verb.capitalize()}
    if ns.verb != "reset":
        body["groups"] = _groups(ns)
    ctx.services.share_gallery(ctx.subscription, ns.resource_group, ns.gallery, body)
    return {"operationType": body["operationType"], "groups": body.get("groups", [])}


def list_shared(ctx, ns) -> list:
    svc, sub = ctx.services, ctx.subscription
    if ns.level == "gallery":
        return svc.shared_galleries(ns.location, sub, ns.shared_to == "tenant")
    if ns.level == "definition":
        return svc.shared_images(ns.location, ns.gallery_unique_name, sub)
    return svc.shared_versions(ns.location, ns.gallery_unique_name, ns.definition, sub)


def show_shared(ctx, ns) -> dict:
    if ns.level == "gallery":
        return ctx.services.shared_gallery(ns.location, ns.gallery_unique_name, ctx.subscription)
    found = list_shared(ctx, ns)
    name = ns.definition if ns.level == "definition" else ns.version
    match = next((item for item in found if item["name"].lower() == name.lower()), None)
    if match is None:
        raise not_found("ResourceNotFound", f"The shared gallery resource '{name}' was not found in "
                                            f"{ns.location}, or is not shared with the subscription.")
    return match


def _shared_arguments(p, level: str, show: bool) -> None:
    p.add_argument("-l", "--location", required=True, help="The location the shared resources are listed in.")
    if level == "gallery" and not show:
        p.add_argument("--shared-to", type=enum("tenant"),
                       help="'tenant': galleries shared with the subscription's tenant (default: with the "
                            "subscription).")
    if level != "gallery" or show:
        p.add_argument("--gallery-unique-name", required=True,
                       help="The shared gallery's unique name, e.g. <subscription id>-<GALLERY NAME>.")
    if level == "version" or (level == "definition" and show):
        p.add_argument("-i", "--gallery-image-definition", dest="definition", required=True,
                       help="Gallery image definition.")
    if level == "version" and show:
        p.add_argument("-e", "--gallery-image-version", dest="version", required=True, help="Gallery image version.")


def add_shared_verbs(verbs, level: str) -> None:
    """`list-shared` and `show-shared` for galleries, image definitions or image versions."""
    noun = {"gallery": "galleries", "definition": "image definitions", "version": "image versions"}[level]
    p = verbs.add_parser("list-shared", help=f"List the {noun} shared directly with the subscription or its tenant.")
    _shared_arguments(p, level, show=False)
    p.set_defaults(handler=list_shared, level=level)
    p = verbs.add_parser("show-shared", help=f"Show one of the {noun} shared directly with the subscription.")
    _shared_arguments(p, level, show=True)
    p.set_defaults(handler=show_shared, level=level, shared_to=None)


def build(parser, group) -> None:
    verbs = subcommands(parser)
    for verb, about in (("add", "Share a gallery with subscriptions and tenants."),
                        ("remove", "Stop sharing a gallery with subscriptions and tenants."),
                        ("reset", "Stop sharing a gallery with anyone (its permissions stay Groups).")):
        p = verbs.add_parser(verb, help=about, examples=(
            (about, f"sigtui sig share {verb} -g MyResourceGroup -r MyGallery"
                    + (" --subscription-ids <subscription id> --tenant-ids <tenant id>" if verb != "reset" else "")),))
        add_gallery(p)
        if verb != "reset":
            p.add_argument("--subscription-ids", nargs="+", help="Space-separated subscription ids.")
            p.add_argument("--tenant-ids", nargs="+", help="Space-separated tenant ids.")
        p.set_defaults(handler=share)
