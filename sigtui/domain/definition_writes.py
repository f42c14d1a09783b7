"""Image definition create, update and delete, decided on a snapshot of the facts they need."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field

from . import features, rules
from .errors import parent_not_found
from .models import Gallery, ImageDefinition, Subscription
from .plan import Decision, Delete, Insert, Update, activity, plan
from .presence import WriteScope, readable_existing
from .rest import definition_from_rest, definition_to_rest
from .rest_bodies import merge
from .rows import definition_row

DEFINITION_WRITE = "Microsoft.Compute/galleries/images/write"
DEFINITION_DELETE = "Microsoft.Compute/galleries/images/delete"


@dataclass(frozen=True)
class DefinitionFacts(WriteScope):
    """What an image definition write is decided on, read in one pass."""

    gallery_name: str
    gallery: Gallery | None = None
    gallery_pk: int | None = None
    existing: ImageDefinition | None = None
    existing_pk: int | None = None
    siblings: tuple[ImageDefinition, ...] = ()
    """The gallery's definitions (publisher, offer and SKU are unique in a gallery)."""
    in_region: Mapping[str, int] = field(default_factory=dict)
    has_versions: bool = False

    def parents(self) -> tuple[Subscription, Gallery]:
        """The subscription and gallery a definition write names."""
        sub, _ = self.scope()
        if self.gallery is None:
            raise parent_not_found(self.gallery_name)
        return sub, self.gallery

    def present(self, name: str) -> ImageDefinition:
        """The definition a change or delete names, readable by the caller."""
        self.parents()
        return readable_existing(self.existing, self.caller, f"{self.gallery_name}/images/{name}", self.resource_group)


def decide_create(
    facts: DefinitionFacts, definition: ImageDefinition, if_none_match: bool = False
) -> Decision[ImageDefinition]:
    """PUT: create, or change the updatable fields of an existing definition."""
    sub, gallery = facts.parents()
    location = definition.location or gallery.location
    definition = dataclasses.replace(definition, subscription=sub.id, gallery=gallery.name, location=location)
    facts.caller.require("write", definition.id)
    if facts.existing is not None:
        if if_none_match:
            raise rules.already_exists(f"{gallery.name}/{definition.name}", "galleryImageName")
        return _replace(facts, facts.existing, definition)
    location = rules.check_location(definition.location, sub, rules.DEFINITION_TYPE).name
    definition = rules.validate_definition(definition, sub, facts.siblings, facts.in_region.get(location, 0), facts.now)
    definition = dataclasses.replace(definition, created_at=facts.now, changed_at=facts.now)
    row = {"gallery_id": facts.gallery_pk, **definition_row(definition)}
    after = definition_to_rest(definition)
    entry = activity(facts.now, facts.caller.name, DEFINITION_WRITE, definition.id, None, after)
    return Decision(definition, plan(Insert("image_definition", row), entry))


def _replace(facts: DefinitionFacts, old: ImageDefinition, new: ImageDefinition) -> Decision[ImageDefinition]:
    location = rules.keep_location("definition", old.location, new.location)
    new = dataclasses.replace(
        new, name=old.name, gallery=old.gallery, resource_group=old.resource_group, location=location
    )
    facts.caller.require("write", old.id)
    rules.check_definition_update(old, new, facts.now)
    new = dataclasses.replace(new, created_at=old.created_at, changed_at=facts.now,
                              features=features.check_features_update(old, new))
    before, after = definition_to_rest(old), definition_to_rest(new)
    entry = activity(facts.now, facts.caller.name, DEFINITION_WRITE, new.id, before, after)
    return Decision(new, plan(Update("image_definition", definition_row(new), {"id": facts.existing_pk}), entry))


def decide_update(facts: DefinitionFacts, name: str, patch: dict) -> Decision[ImageDefinition]:
    """PATCH: merge a REST body; only recommended ranges, description, EOL and tags may change."""
    old = facts.present(name)
    facts.caller.require("write", old.id)
    body = merge(definition_to_rest(old), patch)
    new = definition_from_rest(body, old.subscription, old.resource_group, old.gallery, old.name, facts.now)
    return _replace(facts, old, new)


def decide_delete(facts: DefinitionFacts, name: str) -> Decision[None]:
    """Only a definition without versions can go; its soft-deleted versions go with it."""
    old = facts.present(name)
    facts.caller.require("delete", old.id)
    if facts.has_versions:
        raise rules.children_block_delete()
    entry = activity(facts.now, facts.caller.name, DEFINITION_DELETE, old.id, definition_to_rest(old), None)
    pk = facts.existing_pk
    return Decision(None, plan(Delete("soft_deleted_version", {"definition_id": pk}),
                               Delete("image_definition", {"id": pk}), entry))
