"""Image definition create, get, list, update and delete."""

from __future__ import annotations

import dataclasses

from ..domain import rules
from ..domain.errors import parent_not_found, resource_not_found
from ..domain.models import ImageDefinition
from ..domain.plan import Delete, Insert, Update, plan
from ..domain.rows import definition_row
from ..domain.rest import definition_from_rest, definition_to_rest, merge
from . import reads
from .base import ServiceBase, Tx

DEFINITION_WRITE = "Microsoft.Compute/galleries/images/write"


class DefinitionOps(ServiceBase):
    def _gallery_pk(self, conn, sub: str, rg: str, gallery: str) -> tuple[int, object]:
        self.rg_pk(conn, sub, rg)
        found = reads.gallery(conn, sub, rg, gallery)
        if found is None:
            raise parent_not_found(gallery)
        return found

    def _definition(self, conn, sub: str, rg: str, gallery: str, name: str) -> tuple[int, ImageDefinition]:
        self._gallery_pk(conn, sub, rg, gallery)
        found = reads.definition(conn, sub, rg, gallery, name)
        if found is None:
            raise resource_not_found("Microsoft.Compute/galleries", f"{gallery}/images/{name}", rg)
        self.authorize(conn, "read", found[1].id)
        return found

    def create_definition(self, definition: ImageDefinition, if_none_match: bool = False) -> ImageDefinition:
        """PUT semantics: create, or change the updatable fields of an existing definition."""
        with self.write() as tx:
            sub = self.subscription(tx.conn, definition.subscription)
            gallery_pk, gallery = self._gallery_pk(tx.conn, sub.id, definition.resource_group, definition.gallery)
            definition = dataclasses.replace(
                definition, subscription=sub.id, gallery=gallery.name, location=definition.location or gallery.location
            )
            self.authorize(tx.conn, "write", definition.id)
            existing = reads.definition(tx.conn, sub.id, definition.resource_group, gallery.name, definition.name)
            if existing:
                if if_none_match:
                    raise rules.already_exists(f"{gallery.name}/{definition.name}")
                return self._replace_definition(tx, *existing, definition)
            siblings = [d for _, d in reads.definitions(tx.conn, gallery_pk)]
            location = rules.check_location(definition.location, sub, rules.DEFINITION_TYPE).name
            count = reads.count_in_region(tx.conn, "image_definition", sub.id, location)
            definition = rules.validate_definition(definition, sub, siblings, count, tx.now)
            definition = dataclasses.replace(definition, created_at=tx.now, changed_at=tx.now)
            tx.apply(plan(Insert("image_definition", {"gallery_id": gallery_pk, **definition_row(definition)})))
            tx.log(DEFINITION_WRITE, definition.id, None, definition_to_rest(definition))
            return definition

    def _replace_definition(self, tx: Tx, pk: int, old: ImageDefinition, new: ImageDefinition) -> ImageDefinition:
        new = dataclasses.replace(
            new,
            name=old.name,
            gallery=old.gallery,
            resource_group=old.resource_group,
            location=rules.keep_location("definition", old.location, new.location),
        )
        self.authorize(tx.conn, "write", old.id)
        rules.check_definition_update(old, new, tx.now)
        new = dataclasses.replace(new, created_at=old.created_at, changed_at=tx.now)
        tx.apply(plan(Update("image_definition", definition_row(new), {"id": pk})))
        tx.log(DEFINITION_WRITE, new.id, definition_to_rest(old), definition_to_rest(new))
        return new

    def update_definition(self, sub: str | None, rg: str, gallery: str, name: str, patch: dict) -> ImageDefinition:
        """PATCH semantics: merge a REST body; only recommended ranges, description, EOL and tags may change."""
        with self.write() as tx:
            pk, old = self._definition(tx.conn, self.subscription(tx.conn, sub).id, rg, gallery, name)
            body = merge(definition_to_rest(old), patch)
            new = definition_from_rest(body, old.subscription, rg, old.gallery, old.name, tx.now)
            return self._replace_definition(tx, pk, old, new)

    def get_definition(self, sub: str | None, rg: str, gallery: str, name: str) -> ImageDefinition:
        with self.read() as conn:
            return self._definition(conn, self.subscription(conn, sub).id, rg, gallery, name)[1]

    def list_definitions(self, sub: str | None, rg: str, gallery: str) -> list[ImageDefinition]:
        with self.read() as conn:
            pk, _ = self._gallery_pk(conn, self.subscription(conn, sub).id, rg, gallery)
            readable = self.readable(conn)
            return [d for _, d in reads.definitions(conn, pk) if readable(d.id)]

    def delete_definition(self, sub: str | None, rg: str, gallery: str, name: str) -> None:
        """Only a definition without versions can go."""
        with self.write() as tx:
            pk, old = self._definition(tx.conn, self.subscription(tx.conn, sub).id, rg, gallery, name)
            self.authorize(tx.conn, "delete", old.id)
            if tx.conn.execute("SELECT 1 FROM image_version WHERE definition_id = ? LIMIT 1", (pk,)).fetchone():
                raise rules.children_block_delete()
            tx.apply(plan(Delete("image_definition", {"id": pk})))
            tx.log("Microsoft.Compute/galleries/images/delete", old.id, definition_to_rest(old), None)
