"""Plans are applied with plain sqlite3 from one column map per table, which matches the SQLModel schema."""

import sqlite3
import subprocess
import sys

import pytest
from sqlmodel import SQLModel

from sigtui.domain.plan import Delete, Insert, NewKey, Update, plan
from sigtui.store import tables  # noqa: F401  (registers the tables)
from sigtui.store.apply import IN_CHUNK, apply
from sigtui.store.columns import AUTO, COLUMNS, REQUIRED
from sigtui.store.raw import SqliteFile


def _schema_default(column) -> object:
    if column.default is not None:
        return column.default.arg
    if column.primary_key and column.autoincrement is not False and str(column.type) == "INTEGER":
        return AUTO
    return None if column.nullable else REQUIRED


def test_column_maps_match_the_schema():
    schema = {
        table.name: {column.name: _schema_default(column) for column in table.columns}
        for table in SQLModel.metadata.sorted_tables
    }
    assert {name: dict(columns) for name, columns in COLUMNS.items()} == schema


@pytest.fixture
def conn(tmp_path):
    file = SqliteFile(tmp_path / "t.db")
    file.ensure_schema()
    yield file.connection()
    file.dispose()


def _version(definition_id, name="1.0.0") -> Insert:
    values = {"definition_id": definition_id, "name": name, "major": 1, "minor": 0, "patch": 0, "location": "westus"}
    stamps = {"published_date": 1.0, "created_at": 1.0, "changed_at": 1.0}
    return Insert("image_version", {**values, "os_size_gb": 30, "os_used_gb": 5.0, **stamps}, key=NewKey(name))


def _definition_row() -> Insert:
    names = {"publisher": "P", "offer": "O", "sku": "S", "os_type": "Linux", "os_state": "Generalized"}
    values = {"name": "d", "location": "westus", **names, "hyper_v_generation": "V1", "created_at": 1.0}
    return Insert("image_definition", {"gallery_id": 1, **values, "changed_at": 1.0}, key=NewKey("definition"))


def _catalog() -> list[Insert]:
    return [
        Insert("tenant", {"id": "t", "name": "T", "domain": "t.example"}),
        Insert("subscription", {"id": "s", "name": "S", "tenant_id": "t"}),
        Insert("resource_group", {"subscription_id": "s", "name": "rg", "location": "westus"}, key=NewKey("rg")),
        Insert("gallery", {"rg_id": NewKey("rg"), "name": "g", "location": "westus", "created_at": 1, "changed_at": 1}),
        _definition_row(),
    ]


def test_inserts_fill_defaults_and_later_steps_use_new_keys(conn):
    keys = apply(conn, plan(*_catalog(), _version(NewKey("definition"))))
    row = conn.execute("SELECT definition_id, replica_count, tags, operation, deleting FROM image_version").fetchone()
    assert row == (keys["definition"], 1, "{}", "create", 0)


def test_updates_and_deletes_match_lists_in_chunks(conn):
    versions = [_version(NewKey("definition"), f"1.{i}.0") for i in range(IN_CHUNK + 3)]
    keys = apply(conn, plan(*_catalog(), *versions))
    every = [keys[f"1.{i}.0"] for i in range(IN_CHUNK + 3)]
    apply(conn, plan(Update("image_version", {"tags": '{"a": "b"}'}, {"id": every[1:]})))
    assert conn.execute("SELECT COUNT(*) FROM image_version WHERE tags = '{}'").fetchone() == (1,)
    apply(conn, plan(Delete("image_version", {"id": every[:-1]})))
    assert conn.execute("SELECT id FROM image_version").fetchall() == [(every[-1],)]


def test_replace_overwrites_the_colliding_row(conn):
    apply(conn, plan(Insert("setting", {"key": "k", "value": "1"}, replace=True)))
    apply(conn, plan(Insert("setting", {"key": "k", "value": "2"}, replace=True)))
    assert conn.execute("SELECT key, value FROM setting").fetchall() == [("k", "2")]


def test_unknown_columns_and_missing_required_ones_are_refused(conn):
    with pytest.raises(KeyError, match="no column colour"):
        apply(conn, plan(Insert("setting", {"key": "k", "value": "v", "colour": "red"})))
    with pytest.raises(KeyError, match=r"setting\.value is required"):
        apply(conn, plan(Insert("setting", {"key": "k"})))


def test_a_failed_transaction_leaves_nothing(tmp_path):
    file = SqliteFile(tmp_path / "t.db")
    file.ensure_schema()
    with pytest.raises(sqlite3.IntegrityError), file.transaction() as conn:
        apply(conn, plan(Insert("tenant", {"id": "t", "name": "T", "domain": "d"})))
        apply(conn, plan(Insert("tenant", {"id": "t", "name": "T", "domain": "d"})))
    assert file.connection().execute("SELECT COUNT(*) FROM tenant").fetchone() == (0,)
    file.dispose()


def test_headless_writes_do_not_load_sqlmodel(tmp_path):
    db = tmp_path / "h.db"
    subprocess.run([sys.executable, "-m", "sigtui", "--db", str(db), "init"], check=True)
    code = (
        "import sys\nfrom sigtui.cli.main import main\n"
        f"main(['--db', {str(db)!r}, 'group', 'create', '-n', 'rg-h', '-l', 'westus'])\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(result.stdout.split())
    assert loaded & {"sqlmodel", "sqlalchemy", "pydantic"} == set()
    assert "rg-h" in result.stdout
