"""Image definition create, get, list, update and delete: load the facts, let the domain decide, apply the plan."""

from __future__ import annotations

from ..domain import definition_writes, ids
from ..domain.definition_writes import DEFINITION_DELETE, DEFINITION_WRITE
from ..domain.models import ImageDefinition
from . import facts, reads
from .base import Attempt, ServiceBase, Tx


class DefinitionOps(ServiceBase):
    def _definition_facts(self, tx: Tx, sub, rg: str, gallery: str, name: str) -> definition_writes.DefinitionFacts:
        return facts.definition_facts(tx.conn, tx.now, reads.caller(tx.conn, self.caller), sub, rg, gallery, name)

    @staticmethod
    def _definition_attempt(operation: str, sub: str | None, rg: str, gallery: str, name: str) -> Attempt:
        return Attempt(operation, sub, lambda s: ids.definition_id(s, rg, gallery, name))

    def create_definition(self, definition: ImageDefinition, if_none_match: bool = False) -> ImageDefinition:
        """PUT semantics: create, or change the updatable fields of an existing definition."""
        d = definition
        attempt = self._definition_attempt(DEFINITION_WRITE, d.subscription, d.resource_group, d.gallery, d.name)
        with self.write(attempt) as tx:
            known = self._definition_facts(tx, d.subscription, d.resource_group, d.gallery, d.name)
            return tx.decided(definition_writes.decide_create(known, definition, if_none_match))

    def update_definition(self, sub: str | None, rg: str, gallery: str, name: str, patch: dict) -> ImageDefinition:
        """PATCH semantics: merge a REST body; only recommended ranges, description, EOL and tags may change."""
        with self.write(self._definition_attempt(DEFINITION_WRITE, sub, rg, gallery, name)) as tx:
            known = self._definition_facts(tx, sub, rg, gallery, name)
            return tx.decided(definition_writes.decide_update(known, name, patch))

    def get_definition(self, sub: str | None, rg: str, gallery: str, name: str) -> ImageDefinition:
        with self.read() as conn:
            return self.lookups(conn).definition(sub, rg, gallery, name).value

    def list_definitions(self, sub: str | None, rg: str, gallery: str) -> list[ImageDefinition]:
        with self.read() as conn:
            return self.lookups(conn).definitions(sub, rg, gallery)

    def delete_definition(self, sub: str | None, rg: str, gallery: str, name: str) -> None:
        """Only a definition without versions can go."""
        with self.write(self._definition_attempt(DEFINITION_DELETE, sub, rg, gallery, name)) as tx:
            tx.decided(definition_writes.decide_delete(self._definition_facts(tx, sub, rg, gallery, name), name))
