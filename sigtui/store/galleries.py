"""Gallery create, get, list, update and delete."""

from __future__ import annotations

import dataclasses
import json

from sqlalchemy import update

from ..domain import rules
from ..domain.errors import resource_not_found
from ..domain.models import Gallery
from ..domain.rest import gallery_from_rest, gallery_to_rest, merge
from . import reads
from .base import ServiceBase, Tx
from .tables import GalleryRow

GALLERY_WRITE = "Microsoft.Compute/galleries/write"


class GalleryOps(ServiceBase):
    def _gallery(self, conn, sub: str, rg: str, name: str) -> tuple[int, Gallery]:
        self.rg_pk(conn, sub, rg)
        found = reads.gallery(conn, sub, rg, name)
        if found is None:
            raise resource_not_found("Microsoft.Compute/galleries", name, rg)
        self.authorize(conn, "read", found[1].id)
        return found

    def create_gallery(self, gallery: Gallery, if_none_match: bool = False) -> Gallery:
        """PUT semantics: create, or update the updatable fields of an existing gallery."""
        with self.write() as tx:
            sub = self.subscription(tx.conn, gallery.subscription)
            gallery = dataclasses.replace(gallery, subscription=sub.id)
            rg_pk = self.rg_pk(tx.conn, sub.id, gallery.resource_group)
            self.authorize(tx.conn, "write", gallery.id)
            existing = reads.gallery(tx.conn, sub.id, gallery.resource_group, gallery.name)
            if existing:
                if if_none_match:
                    raise rules.already_exists(gallery.name)
                return self._replace_gallery(tx, *existing, gallery)
            same_name = next(iter(reads.galleries_named(tx.conn, sub.id, gallery.name)), None)
            location = rules.check_location(gallery.location, sub, rules.GALLERY_TYPE).name if gallery.location else ""
            count = reads.count_in_region(tx.conn, "gallery", sub.id, location)
            gallery = rules.validate_gallery(gallery, sub, same_name, count)
            gallery = dataclasses.replace(gallery, created_at=tx.now, changed_at=tx.now)
            tx.session.add(
                GalleryRow(
                    rg_id=rg_pk,
                    name=gallery.name,
                    location=gallery.location,
                    description=gallery.description,
                    tags=json.dumps(gallery.tags),
                    created_at=tx.now.timestamp(),
                    changed_at=tx.now.timestamp(),
                )
            )
            tx.log(GALLERY_WRITE, gallery.id, None, gallery_to_rest(gallery))
            return gallery

    def _replace_gallery(self, tx: Tx, pk: int, old: Gallery, new: Gallery) -> Gallery:
        new = dataclasses.replace(
            new,
            name=old.name,
            resource_group=old.resource_group,
            location=rules.keep_location("gallery", old.location, new.location),
        )
        self.authorize(tx.conn, "write", old.id)
        rules.check_only_updatable("gallery", old, new)
        new = dataclasses.replace(new, created_at=old.created_at, changed_at=tx.now)
        tx.session.execute(
            update(GalleryRow)
            .where(GalleryRow.id == pk)
            .values(description=new.description, tags=json.dumps(new.tags), changed_at=tx.now.timestamp())
        )
        tx.log(GALLERY_WRITE, new.id, gallery_to_rest(old), gallery_to_rest(new))
        return new

    def update_gallery(self, sub: str, rg: str, name: str, patch: dict) -> Gallery:
        """PATCH semantics: merge a REST body into the gallery; only updatable fields may change."""
        with self.write() as tx:
            pk, old = self._gallery(tx.conn, self.subscription(tx.conn, sub).id, rg, name)
            self.authorize(tx.conn, "write", old.id)
            body = merge(gallery_to_rest(old), patch)
            return self._replace_gallery(tx, pk, old, gallery_from_rest(body, old.subscription, rg, old.name))

    def get_gallery(self, sub: str | None, rg: str, name: str) -> Gallery:
        with self.read() as conn:
            return self._gallery(conn, self.subscription(conn, sub).id, rg, name)[1]

    def list_galleries(self, sub: str | None = None, rg: str | None = None) -> list[Gallery]:
        with self.read() as conn:
            subscription = self.subscription(conn, sub)
            if rg:
                self.rg_pk(conn, subscription.id, rg)
            readable = self.readable(conn)
            return [g for _, g in reads.galleries(conn, subscription.id, rg) if readable(g.id)]

    def delete_gallery(self, sub: str | None, rg: str, name: str) -> None:
        """Only an empty gallery can go: definitions first."""
        with self.write() as tx:
            pk, old = self._gallery(tx.conn, self.subscription(tx.conn, sub).id, rg, name)
            self.authorize(tx.conn, "delete", old.id)
            if tx.conn.execute("SELECT 1 FROM image_definition WHERE gallery_id = ? LIMIT 1", (pk,)).fetchone():
                raise rules.children_block_delete()
            tx.conn.execute("DELETE FROM gallery WHERE id = ?", (pk,))
            tx.log("Microsoft.Compute/galleries/delete", old.id, gallery_to_rest(old), None)
