"""Galleries shared directly with a subscription (or its tenant), found by their unique name
`{subscription id}-{NAME}` as `/SharedGalleries/...` ids name them."""

from __future__ import annotations

import sqlite3

from ...domain import direct_share
from ...domain.errors import AzureError, not_found
from ...domain.models import Gallery, ImageDefinition, Subscription
from . import resources


def not_shared(unique_name: str) -> AzureError:
    return not_found("GalleryNotFound", f"The shared gallery '{unique_name}' was not found, or is not shared with "
                                        "the subscription.")


def shared_gallery_of(
    conn: sqlite3.Connection, sub: Subscription, unique_name: str, to_tenant: bool = False
) -> tuple[int, Gallery]:
    """The gallery `{subscription id}-{NAME}` names, when it is shared with the receiving subscription."""
    owner, name = unique_name[:36], unique_name[37:]
    for gallery in resources.galleries_named(conn, owner, name) if unique_name[36:37] == "-" else ():
        if direct_share.visible_to(gallery, sub, to_tenant):
            return resources.gallery(conn, gallery.subscription, gallery.resource_group, gallery.name)
    raise not_shared(unique_name)


def shared_definition_in(
    conn: sqlite3.Connection, gallery_pk: int, gallery: Gallery, image: str
) -> tuple[int, ImageDefinition]:
    named = ((pk, d) for pk, d in resources.definitions(conn, gallery_pk) if d.name.lower() == image.lower())
    found = next(named, None)
    if found is None:
        raise not_found("GalleryImageNotFound", f"The gallery image {direct_share.unique_id(gallery, image)} was not "
                                                "found.")
    return found


def shared_image(conn: sqlite3.Connection, image_id: str, sub: Subscription) -> tuple[int, ImageDefinition] | None:
    """For a VM: the definition a `/SharedGalleries/...` id names, when shared with `sub`; None for another id."""
    parsed = direct_share.parse_shared_id(image_id)
    if parsed is None:
        return None
    pk, gallery = shared_gallery_of(conn, sub, parsed[0])
    return shared_definition_in(conn, pk, gallery, parsed[1])
