"""Gallery create, get, list, update and delete: load the facts, let the domain decide, apply the plan."""

from __future__ import annotations

from ..domain import gallery_writes, ids
from ..domain.gallery_writes import GALLERY_DELETE, GALLERY_WRITE
from ..domain.models import Gallery
from . import facts, reads
from .base import Attempt, ServiceBase, Tx


class GalleryOps(ServiceBase):
    def _gallery_facts(self, tx: Tx, sub: str | None, rg: str, name: str) -> gallery_writes.GalleryFacts:
        return facts.gallery_facts(tx.conn, tx.now, reads.caller(tx.conn, self.caller), sub, rg, name)

    @staticmethod
    def _gallery_attempt(operation: str, sub: str | None, rg: str, name: str) -> Attempt:
        return Attempt(operation, sub, lambda s: ids.gallery_id(s, rg, name))

    def create_gallery(self, gallery: Gallery, if_none_match: bool = False) -> Gallery:
        """PUT semantics: create, or update the updatable fields of an existing gallery."""
        attempt = self._gallery_attempt(GALLERY_WRITE, gallery.subscription, gallery.resource_group, gallery.name)
        with self.write(attempt) as tx:
            known = self._gallery_facts(tx, gallery.subscription, gallery.resource_group, gallery.name)
            return tx.decided(gallery_writes.decide_create(known, gallery, if_none_match))

    def update_gallery(self, sub: str, rg: str, name: str, patch: dict) -> Gallery:
        """PATCH semantics: merge a REST body into the gallery; only updatable fields may change."""
        with self.write(self._gallery_attempt(GALLERY_WRITE, sub, rg, name)) as tx:
            return tx.decided(gallery_writes.decide_update(self._gallery_facts(tx, sub, rg, name), name, patch))

    def get_gallery(self, sub: str | None, rg: str, name: str) -> Gallery:
        with self.read() as conn:
            return self.lookups(conn).gallery(sub, rg, name).value

    def list_galleries(self, sub: str | None = None, rg: str | None = None) -> list[Gallery]:
        with self.read() as conn:
            return self.lookups(conn).galleries(sub, rg)

    def delete_gallery(self, sub: str | None, rg: str, name: str) -> None:
        """Only an empty gallery can go: definitions first."""
        with self.write(self._gallery_attempt(GALLERY_DELETE, sub, rg, name)) as tx:
            tx.decided(gallery_writes.decide_delete(self._gallery_facts(tx, sub, rg, name), name))
