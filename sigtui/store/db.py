"""The schema from the SQLModel tables: creation, stored schema version and migrations, on a plain connection."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex, CreateTable
from sqlmodel import SQLModel

from . import (
    search_index,
    tables,  # noqa: F401  (registers every table on SQLModel.metadata)
)
from .raw import SCHEMA_VERSION

Migration = Callable[[sqlite3.Connection], None]


def _regions_keep_serving(conn: sqlite3.Connection) -> None:
    """Schema 2: a region adding replicas keeps serving the ones it has (`target_region.serving`)."""
    conn.execute("ALTER TABLE target_region ADD COLUMN serving BOOLEAN NOT NULL DEFAULT 0")


def _applications(conn: sqlite3.Connection) -> None:
    """Schema 3: service principals' client secrets (`app_credential`), a new table made from the metadata."""


def _sources_know_caching(conn: sqlite3.Connection) -> None:
    """Schema 4: a source's OS disk has a host caching (`source.os_host_caching`) that versions copy."""
    conn.execute("ALTER TABLE source ADD COLUMN os_host_caching VARCHAR")


def _soft_delete_and_safety(conn: sqlite3.Connection) -> None:
    """Schema 5: a gallery's soft delete policy (`gallery.soft_delete`), the soft-deleted versions
    (`soft_deleted_version`, a new table made from the metadata), a definition's `features`, and a version's
    replication mode, safety profile and the field that named its source, a VHD disk's storage account, and storage
    accounts (`storage_account`, a new table)."""
    conn.execute("ALTER TABLE gallery ADD COLUMN soft_delete BOOLEAN")
    conn.execute("ALTER TABLE image_definition ADD COLUMN features VARCHAR NOT NULL DEFAULT '[]'")
    conn.execute("ALTER TABLE image_version ADD COLUMN replication_mode VARCHAR")
    for column in ("allow_replicated_location_deletion", "block_deletion_before_end_of_life"):
        conn.execute(f"ALTER TABLE image_version ADD COLUMN {column} BOOLEAN NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE image_version ADD COLUMN source_field VARCHAR NOT NULL DEFAULT 'id'")
    conn.execute("ALTER TABLE image_version ADD COLUMN os_storage_account_id VARCHAR")
    conn.execute("ALTER TABLE data_disk ADD COLUMN storage_account_id VARCHAR")


def _activity_names_faces(conn: sqlite3.Connection) -> None:
    """Schema 6: every activity entry says through which face it came (`activity.face`: tui, cli, rest, serve)."""
    conn.execute("ALTER TABLE activity ADD COLUMN face VARCHAR NOT NULL DEFAULT ''")


def _vms_clouds_and_sharing(conn: sqlite3.Connection) -> None:
    """Schema 7: VMs keep the disks they inherit from their image (size, data disks, encryption sets); a
    subscription belongs to a cloud; a gallery has a sharing permission, and `gallery_share` (a new table made
    from the metadata) lists whom a direct shared gallery is shared with."""
    conn.execute("ALTER TABLE virtual_machine ADD COLUMN os_disk_size_gb INTEGER")
    conn.execute("ALTER TABLE virtual_machine ADD COLUMN os_disk_encryption_set VARCHAR")
    conn.execute("ALTER TABLE virtual_machine ADD COLUMN data_disks VARCHAR NOT NULL DEFAULT '[]'")
    conn.execute("ALTER TABLE subscription ADD COLUMN cloud VARCHAR NOT NULL DEFAULT 'AzureCloud'")
    conn.execute("ALTER TABLE gallery ADD COLUMN sharing VARCHAR")


def _filter_index(conn: sqlite3.Connection) -> None:
    """Schema 8: the filter's text index (`search_text`, FTS5 trigram) and the triggers that keep it; made, with
    the rows already stored, by `search_index.create` below."""


MIGRATIONS: dict[int, Migration] = {
    1: _regions_keep_serving,
    2: _applications,
    3: _sources_know_caching,
    4: _soft_delete_and_safety,
    5: _activity_names_faces,
    6: _vms_clouds_and_sharing,
    7: _filter_index,
}
"""Steps from version N to N+1, each run inside the migration transaction."""


def _create_missing(conn: sqlite3.Connection) -> None:
    """Every table and index of the SQLModel metadata that the database does not have yet."""
    dialect = sqlite.dialect()
    for table in SQLModel.metadata.sorted_tables:
        conn.execute(str(CreateTable(table, if_not_exists=True).compile(dialect=dialect)))
        for index in table.indexes:
            conn.execute(str(CreateIndex(index, if_not_exists=True).compile(dialect=dialect)))


def ensure_schema(conn: sqlite3.Connection, path: object) -> bool:
    """Create or migrate the schema inside the caller's transaction; True when the database was new."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE name='schemainfo'").fetchone()
    stored = conn.execute("SELECT version FROM schemainfo WHERE id=1").fetchone() if exists else None
    version = stored[0] if stored else None
    if version is not None and version > SCHEMA_VERSION:
        raise RuntimeError(f"{path} was written by a newer sigtui (schema {version}; this one knows {SCHEMA_VERSION})")
    if version is not None:
        for step in range(version, SCHEMA_VERSION):
            MIGRATIONS[step](conn)
    _create_missing(conn)
    search_index.create(conn)
    if version is None:
        conn.execute("INSERT INTO schemainfo (id, version) VALUES (1, ?)", (SCHEMA_VERSION,))
    elif version != SCHEMA_VERSION:
        conn.execute("UPDATE schemainfo SET version=? WHERE id=1", (SCHEMA_VERSION,))
    return version is None
