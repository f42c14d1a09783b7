"""Image version create, get, list, update, delete, retry, and `latest` resolution."""

from __future__ import annotations

from ..domain import ids, soft_delete, version_writes
from ..domain.latest import Resolution, resolve_latest
from ..domain.models import ImageVersion, SoftDeletedVersion
from ..domain.names import version_key
from ..domain.reference_data import find_region
from ..domain.version_writes import VersionFacts
from . import facts, reads
from .base import Attempt, ServiceBase, Tx


class VersionOps(ServiceBase):
    def _version_facts(self, tx: Tx, sub, names: tuple[str, str, str, str], request=None) -> VersionFacts:
        caller = reads.caller(tx.conn, self.caller)
        return facts.version_facts(tx.conn, tx.now, caller, sub, names, request)

    @staticmethod
    def _attempt(sub: str | None, names: tuple[str, str, str, str], delete: bool = False) -> Attempt:
        operation = version_writes.VERSION_DELETE if delete else version_writes.VERSION_WRITE
        return Attempt(operation, sub, lambda s: ids.version_id(s, *names))

    def create_version(self, version: ImageVersion, if_none_match: bool = False) -> ImageVersion:
        """PUT semantics: create (starting replication), or replace the updatable fields of an existing version."""
        v = version
        names = (v.resource_group, v.gallery, v.definition, v.name)
        with self.write(self._attempt(v.subscription, names)) as tx:
            known = self._version_facts(tx, v.subscription, names, v)
            return tx.decided(version_writes.decide_create(known, version, if_none_match))

    def update_version(
        self, sub: str | None, rg: str, gallery: str, definition: str, name: str, patch: dict
    ) -> ImageVersion:
        """PATCH semantics: merge a REST body; only target regions, replicas, exclusion, EOL and tags may change."""
        with self.write(self._attempt(sub, (rg, gallery, definition, name))) as tx:
            known = self._version_facts(tx, sub, (rg, gallery, definition, name))
            return tx.decided(version_writes.decide_update(known, name, patch))

    def retry_region(
        self, sub: str | None, rg: str, gallery: str, definition: str, name: str, region: str
    ) -> ImageVersion:
        """Start a failed regional replication again."""
        with self.write(self._attempt(sub, (rg, gallery, definition, name))) as tx:
            known = self._version_facts(tx, sub, (rg, gallery, definition, name))
            return tx.decided(version_writes.decide_retry(known, name, region))

    def remove_region(
        self, sub: str | None, rg: str, gallery: str, definition: str, name: str, region: str
    ) -> ImageVersion:
        """Drop one target region (its replicas are deleted at once)."""
        with self.write(self._attempt(sub, (rg, gallery, definition, name))) as tx:
            known = self._version_facts(tx, sub, (rg, gallery, definition, name))
            return tx.decided(version_writes.decide_remove_region(known, name, region))

    def set_target_regions(self, sub, rg, gallery, definition, name, targets) -> ImageVersion:
        """Replace the target region list (regions keep their running jobs)."""
        with self.write(self._attempt(sub, (rg, gallery, definition, name))) as tx:
            known = self._version_facts(tx, sub, (rg, gallery, definition, name))
            return tx.decided(version_writes.decide_set_targets(known, name, targets))

    def get_version(self, sub: str | None, rg: str, gallery: str, definition: str, name: str) -> ImageVersion:
        with self.read() as conn:
            return self.lookups(conn).version(sub, rg, gallery, definition, name).value

    def list_versions(self, sub: str | None, rg: str, gallery: str, definition: str) -> list[ImageVersion]:
        with self.read() as conn:
            return self.lookups(conn).versions(sub, rg, gallery, definition)

    def delete_version(self, sub: str | None, rg: str, gallery: str, definition: str, name: str) -> None:
        with self.write(self._attempt(sub, (rg, gallery, definition, name), delete=True)) as tx:
            known = self._version_facts(tx, sub, (rg, gallery, definition, name))
            tx.decided(version_writes.decide_delete(known, name))

    def restore_version(self, sub: str | None, rg: str, gallery: str, definition: str, name: str) -> ImageVersion:
        """Put a soft-deleted version back as it was when deleted (a version not deleted stays as it is)."""
        with self.write() as tx:
            known = self._version_facts(tx, sub, (rg, gallery, definition, name))
            tx.decided(soft_delete.decide_restore(known, name))
            return reads.version(tx.conn, known.subscription.id, rg, gallery, definition, name)[1]

    def list_soft_deleted_versions(self, sub: str | None, rg: str, gallery: str, definition: str
                                   ) -> list[SoftDeletedVersion]:
        """The definition's soft-deleted versions the caller may read."""
        with self.read() as conn:
            lookups = self.lookups(conn)
            pk, found = lookups.definition_key(sub, rg, gallery, definition)
            self.authorize(conn, "read", found.id, lookups.seen)
            return [v for v in reads.soft_deleted_versions(conn, pk, found) if lookups.seen.sees(v.version_id)]

    def resolve_latest(self, sub: str | None, rg: str, gallery: str, definition: str, region: str | None) -> Resolution:
        """`latest` in `region` (any region when None): the index finds it, then only newer versions are read."""
        with self.read() as conn:
            lookups = self.lookups(conn)
            pk, d = lookups.definition_key(sub, rg, gallery, definition)
            self.authorize(conn, "read", d.id, lookups.seen)
            now = self.clock_state(conn).now(self.real_time())
            found = find_region(region) if region else None
            region_name = found.name if found else region
            winner = reads.latest_name(conn, pk, now.timestamp(), region_name)
            if winner is None:
                candidates = [v for _, v in reads.versions(conn, pk)]
            else:
                candidates = [v for _, v in reads.versions_from_key(conn, pk, version_key(winner))]
            return resolve_latest(candidates, d.id, region_name, now, reads.end_of_life_policy(conn))
