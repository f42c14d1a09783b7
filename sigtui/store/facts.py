"""Load, in one read pass inside the write's transaction, the facts a domain rule decides a write on."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from ..domain.access import Caller
from ..domain.definition_writes import DefinitionFacts
from ..domain.gallery_writes import GalleryFacts
from ..domain.models import Subscription
from . import reads


def subscription(conn: sqlite3.Connection, requested: str | None) -> Subscription | None:
    """The named subscription (by id or name), or the default one when none is named."""
    if requested:
        return reads.subscription(conn, requested)
    return next(iter(reads.subscriptions(conn)), None)


def rg_pk(conn: sqlite3.Connection, sub: Subscription | None, rg: str) -> int | None:
    found = reads.resource_group(conn, sub.id, rg) if sub else None
    return found[0] if found else None


def in_region(conn: sqlite3.Connection, table: str, sub: Subscription | None) -> dict[str, int]:
    """How many galleries, definitions or versions the subscription has per region."""
    return reads.count_per_region(conn, table, sub.id) if sub else {}


def gallery_facts(
    conn: sqlite3.Connection, now: datetime, caller: Caller, requested: str | None, rg: str, name: str
) -> GalleryFacts:
    sub = subscription(conn, requested)
    rg_key = rg_pk(conn, sub, rg)
    found = reads.gallery(conn, sub.id, rg, name) if rg_key is not None else None
    pk, existing = found if found else (None, None)
    same_name = next(iter(reads.galleries_named(conn, sub.id, name)), None) if sub else None
    children = pk is not None and reads.has_children(conn, "image_definition", "gallery_id", pk)
    return GalleryFacts(
        now,
        caller,
        sub,
        requested,
        rg,
        rg_key,
        existing,
        pk,
        same_name,
        in_region(conn, "gallery", sub) if existing is None else {},
        children,
    )


def definition_facts(
    conn: sqlite3.Connection,
    now: datetime,
    caller: Caller,
    requested: str | None,
    rg: str,
    gallery: str,
    name: str,
) -> DefinitionFacts:
    sub = subscription(conn, requested)
    rg_key = rg_pk(conn, sub, rg)
    parent = reads.gallery(conn, sub.id, rg, gallery) if rg_key is not None else None
    gallery_pk, found_gallery = parent if parent else (None, None)
    found = reads.definition(conn, sub.id, rg, found_gallery.name, name) if found_gallery else None
    pk, existing = found if found else (None, None)
    siblings = tuple(d for _, d in reads.definitions(conn, gallery_pk)) if gallery_pk and not existing else ()
    return DefinitionFacts(
        now,
        caller,
        sub,
        requested,
        rg,
        rg_key,
        gallery,
        found_gallery,
        gallery_pk,
        existing,
        pk,
        siblings,
        in_region(conn, "image_definition", sub) if found_gallery and not existing else {},
        pk is not None and reads.has_children(conn, "image_version", "definition_id", pk),
    )
