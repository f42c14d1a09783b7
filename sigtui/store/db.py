"""The SQLModel engine: schema creation, stored schema version and migrations, one transaction per write."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, SQLModel, create_engine

from . import tables  # noqa: F401  (registers every table on SQLModel.metadata)
from .raw import SCHEMA_VERSION, configure, retry_busy

Migration = Callable[[object], None]

def _regions_keep_serving(conn) -> None:
    """Schema 2: a region adding replicas keeps serving the ones it has (`target_region.serving`)."""
    conn.execute("ALTER TABLE target_region ADD COLUMN serving BOOLEAN NOT NULL DEFAULT 0")


def _sources_know_caching(conn) -> None:
    """Schema 3: a source's OS disk has a host caching (`source.os_host_caching`) that versions copy."""
    conn.execute("ALTER TABLE source ADD COLUMN os_host_caching VARCHAR")


MIGRATIONS: dict[int, Migration] = {1: _regions_keep_serving, 2: _sources_know_caching}
"""Steps from version N to N+1, each run inside the migration transaction on a raw connection."""


class Database:
    """One SQLite file: an engine whose transactions begin IMMEDIATE, so a write sees and holds the latest state."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.engine = create_engine(f"sqlite:///{self.path}", connect_args={"check_same_thread": False})
        event.listen(self.engine, "connect", self._on_connect)
        event.listen(self.engine, "begin", self._on_begin)
        self.reader = self.engine.execution_options(read_only=True)
        self._batch: Session | None = None

    @staticmethod
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        configure(dbapi_connection)

    @staticmethod
    def _on_begin(conn) -> None:
        """Writers take the write lock up front; readers get a plain snapshot and never block writers."""
        statement = "BEGIN" if conn.get_execution_options().get("read_only") else "BEGIN IMMEDIATE"
        retry_busy(lambda: conn.exec_driver_sql(statement), OperationalError)

    @contextmanager
    def transaction(self, read_only: bool = False) -> Iterator[Session]:
        """A session whose work commits together or not at all (inside a batch: a savepoint of the batch)."""
        if self._batch is not None:
            with self._batch.begin_nested():
                yield self._batch
            return
        with Session(self.reader if read_only else self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def batch(self) -> Iterator[Session]:
        """One write transaction that every transaction opened inside joins: all of it commits, or none of it.
        The write lock is taken at once, so what is read inside stays current until the batch ends."""
        if self._batch is not None:
            yield self._batch
            return
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            session.connection()
            self._batch = session
            try:
                yield session
            finally:
                self._batch = None

    def ensure_schema(self) -> bool:
        """Create or migrate the schema; True when the database was new."""
        with self.transaction() as session:
            raw = session.connection().connection.driver_connection
            exists = raw.execute("SELECT 1 FROM sqlite_master WHERE name='schemainfo'").fetchone()
            stored = raw.execute("SELECT version FROM schemainfo WHERE id=1").fetchone() if exists else None
            version = stored[0] if stored else None
            if version is not None and version > SCHEMA_VERSION:
                raise RuntimeError(
                    f"{self.path} was written by a newer sigtui (schema {version}; this one knows {SCHEMA_VERSION})"
                )
            if version is not None:
                for step in range(version, SCHEMA_VERSION):
                    MIGRATIONS[step](raw)
            SQLModel.metadata.create_all(session.connection())
            if version is None:
                raw.execute("INSERT INTO schemainfo (id, version) VALUES (1, ?)", (SCHEMA_VERSION,))
            elif version != SCHEMA_VERSION:
                raw.execute("UPDATE schemainfo SET version=? WHERE id=1", (SCHEMA_VERSION,))
            return version is None

    def dispose(self) -> None:
        self.engine.dispose()
