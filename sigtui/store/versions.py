"""Image version create, get, list, update, delete, retry, and `latest` resolution."""

from __future__ import annotations

import dataclasses
import json
import sqlite3

from sqlalchemy import insert

from ..domain import ids, rules
from ..domain.catalog import find_region
from ..domain.drafts import gallery_version_source, gallery_version_sources
from ..domain.errors import invalid, parent_not_found, resource_not_found
from ..domain.latest import Resolution, resolve_latest
from ..domain.models import (
    ImageDefinition,
    ImageVersion,
    ReplicationJob,
    ReplicationState,
    Source,
)
from ..domain.names import version_key
from ..domain.replication import FaultPlan, plan_extra_replicas, plan_jobs, region_status
from ..domain.rest import merge, version_from_rest, version_to_rest
from . import reads
from .base import ServiceBase, Tx
from .tables import DataDiskRow, TargetRegionRow, VersionRow

VERSION_WRITE = "Microsoft.Compute/galleries/images/versions/write"


def used_gb(version: ImageVersion) -> float:
    """Occupied size of all disks: what replication copies and what replicas are billed for."""
    return version.os_disk.used_gb + sum(d.used_gb for d in version.data_disks)


class VersionOps(ServiceBase):
    def _definition_for(self, conn, sub: str, rg: str, gallery: str, definition: str) -> tuple[int, ImageDefinition]:
        self.rg_pk(conn, sub, rg)
        found = reads.definition(conn, sub, rg, gallery, definition)
        if found is None:
            raise parent_not_found(f"{gallery}/{definition}")
        return found

    def _version(self, conn, sub: str, rg: str, gallery: str, definition: str, name: str) -> tuple[int, ImageVersion]:
        self._definition_for(conn, sub, rg, gallery, definition)
        found = reads.version(conn, sub, rg, gallery, definition, name)
        if found is None:
            raise resource_not_found(
                "Microsoft.Compute/galleries", f"{gallery}/images/{definition}/versions/{name}", rg
            )
        self.authorize(conn, "read", found[1].id)
        return found

    def find_source(self, conn: sqlite3.Connection, source_id: str, location: str) -> Source | None:
        """A source by id; a gallery image version counts as present where it has completed replication."""
        parsed = ids.parse_arm_id(source_id, "properties.storageProfile.source.id")
        if parsed.kind != "galleries/images/versions":
            return reads.source(conn, source_id)
        found = reads.version(
            conn,
            parsed.subscription,
            parsed.resource_group,
            parsed.name_of("galleries"),
            parsed.name_of("images"),
            parsed.name_of("versions"),
        )
        definition = reads.definition(
            conn, parsed.subscription, parsed.resource_group, parsed.name_of("galleries"), parsed.name_of("images")
        )
        if not found or not definition:
            return None
        copies = gallery_version_sources(found[1], definition[1], self.clock_state(conn).now(self.real_time()))
        here = any(copy.location == location for copy in copies)
        return gallery_version_source(found[1], definition[1], location if here else "")

    def _faults(self, conn: sqlite3.Connection) -> FaultPlan:
        return FaultPlan(
            float(reads.setting(conn, "fault_rate", "0")),
            reads.setting(conn, "fault_seed", "sigtui"),
            frozenset(json.loads(reads.setting(conn, "fault_outages", "[]"))),
        )

    def create_version(self, version: ImageVersion, if_none_match: bool = False) -> ImageVersion:
        """PUT semantics: create (starting replication), or replace the updatable fields of an existing version."""
        with self.write() as tx:
            sub = self.subscription(tx.conn, version.subscription)
            def_pk, definition = self._definition_for(
                tx.conn, sub.id, version.resource_group, version.gallery, version.definition
            )
            version = dataclasses.replace(
                version, subscription=sub.id, gallery=definition.gallery, definition=definition.name
            )
            self.authorize(tx.conn, "write", version.id)
            existing = reads.version(
                tx.conn, sub.id, version.resource_group, definition.gallery, definition.name, version.name
            )
            if existing:
                if if_none_match:
                    raise rules.already_exists(f"{definition.gallery}/{definition.name}/{version.name}")
                return self._replace_version(tx, *existing, self._carry_disks(existing[1], version))
            self._authorize_sources(tx.conn, version)
            location = rules.check_location(version.location or definition.location, sub, rules.VERSION_TYPE).name
            version = dataclasses.replace(version, location=location)
            count = reads.count_in_region(tx.conn, "image_version", sub.id, location)
            version = rules.validate_version(
                version,
                definition,
                sub,
                lambda sid: self.find_source(tx.conn, sid, location),
                lambda did: reads.disk_encryption_set(tx.conn, did),
                count,
                tx.now,
            )
            jobs = plan_jobs(
                version.id,
                used_gb(version),
                location,
                [(t.name, version.replicas_in(t)) for t in version.target_regions],
                tx.now,
                self._faults(tx.conn),
            )
            version = dataclasses.replace(
                version,
                published_date=tx.now,
                created_at=tx.now,
                changed_at=tx.now,
                operation="create",
                target_regions=tuple(dataclasses.replace(t, job=jobs[t.name]) for t in version.target_regions),
            )
            self._insert(tx, def_pk, version)
            tx.log(VERSION_WRITE, version.id, None, version_to_rest(version, tx.now), status="Accepted")
            return version

    def _authorize_sources(self, conn, version: ImageVersion) -> None:
        """Reading is enough for managed images and gallery versions; VMs, disks and snapshots need write."""
        for source_id in filter(
            None,
            [
                version.source_id,
                version.os_disk.source_id if version.os_disk else None,
                *(d.source_id for d in version.data_disks),
            ],
        ):
            kind = ids.parse_arm_id(source_id, "properties.storageProfile.source.id").kind
            needs = "read" if kind in ("images", "galleries/images/versions") else "write"
            self.authorize(conn, needs, source_id)

    @staticmethod
    def _carry_disks(old: ImageVersion, new: ImageVersion) -> ImageVersion:
        """A replacement body names sources, not sizes: keep the existing disks when the sources agree."""
        os_source = new.os_disk.source_id if new.os_disk else None
        if (new.source_id or os_source) is None:
            new = dataclasses.replace(new, source_id=old.source_id)
        if os_source is None:
            new = dataclasses.replace(
                new, os_disk=dataclasses.replace(old.os_disk, host_caching=old.os_disk.host_caching)
            )
        if not new.data_disks and old.data_disks and not old.os_disk.source_id:
            new = dataclasses.replace(new, data_disks=old.data_disks)
        new_luns = {d.lun: d for d in new.data_disks}
        data = tuple(
            dataclasses.replace(d, source_id=new_luns[d.lun].source_id) if d.lun in new_luns else d
            for d in old.data_disks
        )
        if len(new.data_disks) == len(old.data_disks) and set(new_luns) == {d.lun for d in old.data_disks}:
            new = dataclasses.replace(new, data_disks=data)
        return new

    def _insert(self, tx: Tx, def_pk: int, v: ImageVersion) -> int:
        major, minor, patch = v.key
        row = VersionRow(
            definition_id=def_pk,
            name=v.name,
            major=major,
            minor=minor,
            patch=patch,
            location=v.location,
            source_id=v.source_id,
            os_size_gb=v.os_disk.size_gb,
            os_used_gb=v.os_disk.used_gb,
            os_host_caching=v.os_disk.host_caching,
            os_source_id=v.os_disk.source_id,
            replica_count=v.replica_count,
            storage_account_type=v.storage_account_type,
            exclude_from_latest=v.exclude_from_latest,
            end_of_life_date=v.end_of_life_date.timestamp() if v.end_of_life_date else None,
            published_date=v.published_date.timestamp(),
            tags=json.dumps(v.tags),
            operation=v.operation,
            encrypted=v.encrypted,
            created_at=v.created_at.timestamp(),
            changed_at=v.changed_at.timestamp(),
        )
        tx.session.add(row)
        tx.session.flush()
        if v.data_disks:
            tx.session.execute(
                insert(DataDiskRow),
                [
                    dict(
                        version_id=row.id,
                        lun=d.lun,
                        size_gb=d.size_gb,
                        used_gb=d.used_gb,
                        host_caching=d.host_caching,
                        source_id=d.source_id,
                    )
                    for d in v.data_disks
                ],
            )
        self._write_regions(tx, row.id, v)
        return row.id

    @staticmethod
    def _write_regions(tx: Tx, version_pk: int, v: ImageVersion) -> None:
        tx.conn.execute("DELETE FROM target_region WHERE version_id = ?", (version_pk,))
        tx.session.execute(
            insert(TargetRegionRow),
            [
                dict(
                    version_id=version_pk,
                    position=i,
                    region=t.name,
                    replica_count=t.regional_replica_count,
                    storage_account_type=t.storage_account_type,
                    exclude_from_latest=t.exclude_from_latest,
                    encryption=reads.encryption_to(t.encryption),
                    started_at=t.job.started_at.timestamp(),
                    duration_s=t.job.duration_s,
                    fail_at=t.job.fail_at,
                    failure_detail=t.job.failure_detail,
                    attempt=t.job.attempt,
                    serving=t.job.serving,
                )
                for i, t in enumerate(v.target_regions)
            ],
        )

    def _replace_version(self, tx: Tx, pk: int, old: ImageVersion, new: ImageVersion) -> ImageVersion:
        """Apply an update: only updatable fields change; new regions and replicas start replicating."""
        sub = self.subscription(tx.conn, old.subscription)
        self.authorize(tx.conn, "write", old.id)
        new = dataclasses.replace(
            new, name=old.name, location=rules.keep_location("version", old.location, new.location)
        )
        if not new.target_regions:
            new = dataclasses.replace(new, target_regions=old.target_regions)
        new = rules.validate_version_update(old, new, sub, lambda did: reads.disk_encryption_set(tx.conn, did), tx.now)
        jobs = self._jobs_after_update(tx, old, new)
        started = any(jobs[t.name] is not getattr(self._target(old, t.name), "job", None) for t in new.target_regions)
        new = dataclasses.replace(
            new,
            os_disk=old.os_disk,
            data_disks=old.data_disks,
            source_id=old.source_id,
            published_date=old.published_date,
            created_at=old.created_at,
            changed_at=tx.now,
            operation="update" if started else old.operation,
            target_regions=tuple(dataclasses.replace(t, job=jobs[t.name]) for t in new.target_regions),
        )
        tx.conn.execute(
            "UPDATE image_version SET replica_count=?, exclude_from_latest=?, end_of_life_date=?, tags=?, operation=?, "
            "changed_at=? WHERE id=?",
            (
                new.replica_count,
                new.exclude_from_latest,
                new.end_of_life_date.timestamp() if new.end_of_life_date else None,
                json.dumps(new.tags),
                new.operation,
                tx.now.timestamp(),
                pk,
            ),
        )
        self._write_regions(tx, pk, new)
        tx.log(
            VERSION_WRITE,
            new.id,
            version_to_rest(old, tx.now),
            version_to_rest(new, tx.now),
            status="Accepted" if started else "Succeeded",
        )
        return new

    @staticmethod
    def _target(version: ImageVersion, name: str):
        return next((t for t in version.target_regions if t.name == name), None)

    def _jobs_after_update(self, tx: Tx, old: ImageVersion, new: ImageVersion) -> dict[str, ReplicationJob]:
        size = used_gb(old)
        source = self._target(old, old.location)
        source_ready = (
            source is not None and region_status(source.name, source.job, tx.now).state is ReplicationState.COMPLETED
        )
        added = [(t.name, new.replicas_in(t)) for t in new.target_regions if self._target(old, t.name) is None]
        jobs = plan_jobs(old.id, size, old.location, added, tx.now, self._faults(tx.conn), source_ready=source_ready)
        for target in new.target_regions:
            before = self._target(old, target.name)
            if before is None:
                continue
            extra = new.replicas_in(target) - old.replicas_in(before)
            state = region_status(before.name, before.job, tx.now).state
            if extra > 0 and state is ReplicationState.COMPLETED:
                jobs[target.name] = plan_extra_replicas(size, extra, tx.now)
            elif extra > 0 and state in (ReplicationState.REPLICATING, ReplicationState.UNKNOWN):
                more = plan_extra_replicas(size, extra, tx.now).duration_s
                jobs[target.name] = dataclasses.replace(before.job, duration_s=before.job.duration_s + more)
            else:
                jobs[target.name] = before.job
        return jobs

    def update_version(
        self, sub: str | None, rg: str, gallery: str, definition: str, name: str, patch: dict
    ) -> ImageVersion:
        """PATCH semantics: merge a REST body; only target regions, replicas, exclusion, EOL and tags may change."""
        with self.write() as tx:
            pk, old = self._version(tx.conn, self.subscription(tx.conn, sub).id, rg, gallery, definition, name)
            self.authorize(tx.conn, "write", old.id)
            body = merge(version_to_rest(old, tx.now), patch)
            new = version_from_rest(body, old.subscription, rg, old.gallery, old.definition, old.name, tx.now)
            if "targetRegions" not in (patch.get("properties", {}).get("publishingProfile") or {}):
                new = dataclasses.replace(new, target_regions=old.target_regions)
            return self._replace_version(tx, pk, old, self._carry_disks(old, new))

    def retry_region(
        self, sub: str | None, rg: str, gallery: str, definition: str, name: str, region: str
    ) -> ImageVersion:
        """Start a failed regional replication again."""
        with self.write() as tx:
            pk, old = self._version(tx.conn, self.subscription(tx.conn, sub).id, rg, gallery, definition, name)
            self.authorize(tx.conn, "write", old.id)
            found = find_region(region)
            target = self._target(old, found.name if found else region)
            if target is None:
                raise invalid(f"The image version {old.name} has no target region '{region}'.")
            if region_status(target.name, target.job, tx.now).state is not ReplicationState.FAILED:
                raise invalid(f"Replication to '{target.name}' has not failed; only a failed region can be retried.")
            attempt = target.job.attempt + 1
            source = self._target(old, old.location)
            ready = region_status(source.name, source.job, tx.now).state is ReplicationState.COMPLETED
            job = plan_jobs(
                old.id,
                used_gb(old),
                old.location,
                [(target.name, old.replicas_in(target))],
                tx.now,
                self._faults(tx.conn),
                attempt=attempt,
                source_ready=ready or target.name == old.location,
            )
            job = dataclasses.replace(job[target.name], serving=target.job.serving)
            tx.conn.execute(
                "UPDATE target_region SET started_at=?, duration_s=?, fail_at=?, failure_detail=?, attempt=? "
                "WHERE version_id=? AND region=?",
                (job.started_at.timestamp(), job.duration_s, job.fail_at, job.failure_detail, attempt, pk, target.name),
            )
            tx.conn.execute(
                "UPDATE image_version SET operation='update', changed_at=? WHERE id=?", (tx.now.timestamp(), pk)
            )
            new = dataclasses.replace(
                old,
                operation="update",
                target_regions=tuple(
                    dataclasses.replace(t, job=job) if t.name == target.name else t for t in old.target_regions
                ),
            )
            tx.log(
                VERSION_WRITE,
                old.id,
                version_to_rest(old, tx.now, True),
                version_to_rest(new, tx.now, True),
                status="Accepted",
                message=f"Retry replication to {target.name}",
            )
            return new

    def remove_region(
        self, sub: str | None, rg: str, gallery: str, definition: str, name: str, region: str
    ) -> ImageVersion:
        """Drop one target region (its replicas are deleted at once)."""
        version = self.get_version(sub, rg, gallery, definition, name)
        found = find_region(region)
        keep = [t for t in version.target_regions if t.name != (found.name if found else region)]
        if len(keep) == len(version.target_regions):
            raise invalid(f"The image version {version.name} has no target region '{region}'.")
        return self.set_target_regions(sub, rg, gallery, definition, name, keep)

    def set_target_regions(self, sub, rg, gallery, definition, name, targets) -> ImageVersion:
        """Replace the target region list (regions keep their running jobs)."""
        with self.write() as tx:
            pk, old = self._version(tx.conn, self.subscription(tx.conn, sub).id, rg, gallery, definition, name)
            return self._replace_version(tx, pk, old, dataclasses.replace(old, target_regions=tuple(targets)))

    def get_version(self, sub: str | None, rg: str, gallery: str, definition: str, name: str) -> ImageVersion:
        with self.read() as conn:
            return self._version(conn, self.subscription(conn, sub).id, rg, gallery, definition, name)[1]

    def list_versions(self, sub: str | None, rg: str, gallery: str, definition: str) -> list[ImageVersion]:
        with self.read() as conn:
            pk, _ = self._definition_for(conn, self.subscription(conn, sub).id, rg, gallery, definition)
            readable = self.readable(conn)
            return [v for _, v in reads.versions(conn, pk) if readable(v.id)]

    def delete_version(self, sub: str | None, rg: str, gallery: str, definition: str, name: str) -> None:
        with self.write() as tx:
            pk, old = self._version(tx.conn, self.subscription(tx.conn, sub).id, rg, gallery, definition, name)
            self.authorize(tx.conn, "delete", old.id)
            for table in ("target_region", "data_disk"):
                tx.conn.execute(f"DELETE FROM {table} WHERE version_id = ?", (pk,))
            tx.conn.execute("DELETE FROM image_version WHERE id = ?", (pk,))
            tx.log("Microsoft.Compute/galleries/images/versions/delete", old.id, version_to_rest(old, tx.now), None)

    def resolve_latest(self, sub: str | None, rg: str, gallery: str, definition: str, region: str | None) -> Resolution:
        """`latest` in `region` (any region when None): the index finds it, then only newer versions are read."""
        with self.read() as conn:
            pk, d = self._definition_for(conn, self.subscription(conn, sub).id, rg, gallery, definition)
            self.authorize(conn, "read", d.id)
            now = self.clock_state(conn).now(self.real_time())
            found = find_region(region) if region else None
            region_name = found.name if found else region
            winner = reads.latest_name(conn, pk, now.timestamp(), region_name)
            if winner is None:
                candidates = [v for _, v in reads.versions(conn, pk)]
            else:
                candidates = [v for _, v in reads.versions_from_key(conn, pk, version_key(winner))]
            return resolve_latest(candidates, d.id, region_name, now)
