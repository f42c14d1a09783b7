"""Direct sharing over REST: `POST .../galleries/{g}/share`, and the `SharedGalleries` the receiving subscription
reads under `/subscriptions/{s}/providers/Microsoft.Compute/locations/{l}/sharedGalleries`."""

from __future__ import annotations

from ..domain.errors import not_found
from . import routes


def handles(route: routes.Route) -> bool:
    return route.kind in routes.SHARED_KINDS


def share(ctx, r: routes.Route, body: dict) -> dict:
    """The gallery's new sharing, answered with the SharingUpdate as Azure echoes it."""
    ctx.services.share_gallery(ctx.lookups.subscription(r.sub).id, r.rg, *r.names, body)
    return {"operationType": body.get("operationType"), "groups": body.get("groups") or []}


def get(ctx, r: routes.Route) -> dict:
    """A list (`{"value": [...]}`) or one shared gallery, image or version."""
    svc, sub = ctx.services, ctx.lookups.subscription(r.sub).id
    location, *names = r.names
    if r.kind == "shared-galleries":
        return {"value": svc.shared_galleries(location, sub, (r.param("sharedTo") or "").lower() == "tenant")}
    if r.kind == "shared-gallery":
        return svc.shared_gallery(location, names[0], sub)
    if r.kind == "shared-images":
        return {"value": svc.shared_images(location, names[0], sub)}
    if r.kind == "shared-image":
        return _one(svc.shared_images(location, names[0], sub), names[1], "/".join(names))
    versions = svc.shared_versions(location, names[0], names[1], sub)
    if r.kind == "shared-versions":
        return {"value": versions}
    return _one(versions, names[2], "/".join(names))


def _one(items: list[dict], name: str, what: str) -> dict:
    found = next((i for i in items if i["name"].lower() == name.lower()), None)
    return found if found is not None else _missing(what)


def _missing(what: str) -> dict:
    raise not_found("ResourceNotFound", f"The shared gallery resource '{what}' was not found.")
