"""Image definition create, get, list, update and delete."""

from __future__ import annotations

import dataclasses
import json

from sqlalchemy import update

from ..domain import rules
from ..domain.errors import parent_not_found, resource_not_found
from ..domain.models import ImageDefinition
from ..domain.rest import definition_from_rest, definition_to_rest, merge
from . import reads
from .base import ServiceBase, Tx
from .tables import DefinitionRow

DEFINITION_WRITE = "Microsoft.Compute/galleries/images/write"


def _columns(d: ImageDefinition) -> dict:
    return dict(
        name=d.name,
        location=d.location,
        publisher=d.publisher,
        offer=d.offer,
        sku=d.sku,
        os_type=d.os_type,
        os_state=d.os_state,
        hyper_v_generation=d.hyper_v_generation,
        description=d.description,
        eula=d.eula,
        privacy_statement_uri=d.privacy_statement_uri,
        release_note_uri=d.release_note_uri,
        end_of_life_date=d.end_of_life_date.timestamp() if d.end_of_life_date else None,
        tags=json.dumps(d.tags),
        vcpus_min=d.vcpus_min,
        vcpus_max=d.vcpus_max,
        memory_min=d.memory_min,
        memory_max=d.memory_max,
        disallowed_disk_types=json.dumps(list(d.disallowed_disk_types)),
        plan_name=d.plan_name,
        plan_publisher=d.plan_publisher,
        plan_product=d.plan_product,
        architecture=d.architecture,
    )


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
            tx.session.add(
                DefinitionRow(
                    gallery_id=gallery_pk,
                    created_at=tx.now.timestamp(),
                    changed_at=tx.now.timestamp(),
                    **_columns(definition),
                )
            )
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
        tx.session.execute(
            update(DefinitionRow).where(DefinitionRow.id == pk).values(changed_at=tx.now.timestamp(), **_columns(new))
        )
        tx.log(DEFINITION_WRITE, new.id, definition_to_rest(old), definition_to_rest(new))
        return new

    def update_definition(self, sub: str | None, rg: str, gallery: str, name: str, patch: dict) -> ImageDefinition:
        """PATCH semantics: merge a REST body; only recommended ranges, description, EOL and tags may change."""
        with self.write() as tx:
            pk, old = self._definition(tx.conn, self.subscription(tx.conn, sub).id, rg, gallery, name)
            self.authorize(tx.conn, "write", old.id)
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
            tx.conn.execute("DELETE FROM image_definition WHERE id = ?", (pk,))
            tx.log("Microsoft.Compute/galleries/images/delete", old.id, definition_to_rest(old), None)
