"""Gallery create, update and delete, decided on a snapshot of the facts they need; the store applies the plan."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field

from . import rules
from .direct_share import check_government
from .models import Gallery, Subscription
from .plan import Decision, Delete, Insert, Update, activity, plan
from .presence import WriteScope, readable_existing
from .rest import gallery_from_rest, gallery_to_rest
from .rest_bodies import merge
from .rows import gallery_row

GALLERY_WRITE = "Microsoft.Compute/galleries/write"
GALLERY_DELETE = "Microsoft.Compute/galleries/delete"


@dataclass(frozen=True)
class GalleryFacts(WriteScope):
    """What a gallery write is decided on, read in one pass."""

    existing: Gallery | None = None
    existing_pk: int | None = None
    same_name: Gallery | None = None
    """A gallery of the same name elsewhere in the subscription (names are unique per subscription)."""
    in_region: Mapping[str, int] = field(default_factory=dict)
    """The subscription's galleries per region (Azure's quota unit)."""
    has_definitions: bool = False

    def present(self, name: str) -> tuple[Subscription, int, Gallery]:
        """The subscription, resource group and gallery a change or delete names, readable by the caller."""
        _, rg_pk = self.scope()
        return self.subscription, rg_pk, readable_existing(self.existing, self.caller, name, self.resource_group)


def decide_create(facts: GalleryFacts, gallery: Gallery, if_none_match: bool = False) -> Decision[Gallery]:
    """PUT: create, or update the updatable fields of an existing gallery."""
    sub, rg_pk = facts.scope()
    gallery = dataclasses.replace(gallery, subscription=sub.id)
    facts.caller.require("write", gallery.id)
    if facts.existing is not None:
        if if_none_match:
            raise rules.already_exists(gallery.name, "galleryName")
        return _replace(facts, facts.existing, gallery)
    location = rules.check_location(gallery.location, sub, rules.GALLERY_TYPE).name if gallery.location else ""
    gallery = rules.validate_gallery(gallery, sub, facts.same_name, facts.in_region.get(location, 0))
    check_government(gallery, sub)
    gallery = dataclasses.replace(gallery, created_at=facts.now, changed_at=facts.now)
    entry = activity(facts.now, facts.caller.name, GALLERY_WRITE, gallery.id, None, gallery_to_rest(gallery))
    return Decision(gallery, plan(Insert("gallery", gallery_row(gallery, rg_pk)), entry))


def _replace(facts: GalleryFacts, old: Gallery, new: Gallery) -> Decision[Gallery]:
    """Only the description and tags change; a body without `sharingProfile` keeps the gallery's, and whom a
    gallery is shared with changes only through `/share`."""
    location = rules.keep_location("gallery", old.location, new.location)
    new = dataclasses.replace(new, name=old.name, resource_group=old.resource_group, location=location,
                              sharing=new.sharing or old.sharing, shared_with=old.shared_with)
    facts.caller.require("write", old.id)
    rules.check_only_updatable("gallery", old, new)
    new = dataclasses.replace(new, created_at=old.created_at, changed_at=facts.now)
    row = gallery_row(new, 0)
    values = {column: row[column] for column in ("description", "tags", "changed_at", "soft_delete")}
    entry = activity(facts.now, facts.caller.name, GALLERY_WRITE, new.id, gallery_to_rest(old), gallery_to_rest(new))
    return Decision(new, plan(Update("gallery", values, {"id": facts.existing_pk}), entry))


def decide_update(facts: GalleryFacts, name: str, patch: dict) -> Decision[Gallery]:
    """PATCH: merge a REST body into the gallery; only updatable fields may change."""
    _, _, old = facts.present(name)
    facts.caller.require("write", old.id)
    body = merge(gallery_to_rest(old), patch)
    return _replace(facts, old, gallery_from_rest(body, old.subscription, old.resource_group, old.name))


def decide_delete(facts: GalleryFacts, name: str) -> Decision[None]:
    """Only an empty gallery can go: definitions first."""
    _, _, old = facts.present(name)
    facts.caller.require("delete", old.id)
    if facts.has_definitions:
        raise rules.children_block_delete()
    entry = activity(facts.now, facts.caller.name, GALLERY_DELETE, old.id, gallery_to_rest(old), None)
    gone = (Delete("gallery_share", {"gallery_id": facts.existing_pk}), Delete("gallery", {"id": facts.existing_pk}))
    return Decision(None, plan(*gone, entry))
