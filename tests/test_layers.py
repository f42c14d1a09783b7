"""The layers stay apart: pure domain rules, a store that owns SQL, interfaces that use the store."""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "sigtui"
SQL = {"sqlalchemy", "sqlmodel", "sqlite3"}
UI = {"textual", "rich"}


def imported_modules(folder: Path) -> dict[str, set[str]]:
    """Top-level module names each file under `folder` imports (absolute imports only)."""
    found = {}
    for path in folder.rglob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(PACKAGE))] = names
    return found


def test_domain_imports_neither_textual_nor_sql():
    offenders = {f: sorted(n & (SQL | UI)) for f, n in imported_modules(PACKAGE / "domain").items() if n & (SQL | UI)}
    assert offenders == {}


def test_tui_never_talks_sql():
    offenders = {f: sorted(n & SQL) for f, n in imported_modules(PACKAGE / "tui").items() if n & SQL}
    assert offenders == {}


def test_store_and_cli_do_not_import_textual():
    for layer in ("store", "cli"):
        offenders = {f: sorted(n & UI) for f, n in imported_modules(PACKAGE / layer).items() if n & UI}
        assert offenders == {}, layer


def _loaded_after(statement: str) -> set[str]:
    code = f"{statement}\nimport sys\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_importing_the_domain_loads_no_sql_or_ui_at_run_time():
    loaded = _loaded_after(
        "import sigtui.domain.rules, sigtui.domain.latest, sigtui.domain.rest, "
        "sigtui.domain.replication, sigtui.domain.clock, sigtui.domain.dates"
    )
    assert loaded & (SQL | UI) == set()


def test_the_workbench_starts_without_sqlmodel():
    if not (PACKAGE / "tui" / "app.py").exists():
        pytest.skip("the workbench is not built yet")
    loaded = _loaded_after("import sigtui.tui.app")
    assert {"sqlmodel", "sqlalchemy"} & loaded == set()


def test_headless_commands_do_not_load_textual():
    loaded = _loaded_after("import sigtui.cli.main")
    assert "textual" not in loaded


FACES = ("tui", "cli", "rest", "serve")
READ_MODEL = "store/reads/"
SQL_HOMES = {
    "store/names.py",
    "store/apply.py",
    "store/raw.py",
    "store/db.py",
    "store/search_index.py",
}
"""Where SQL may be written: the read models, applying plans and the schema."""
WRITE_HOMES = {"store/apply.py", "store/raw.py", "store/db.py", "store/search_index.py"}
"""Where SQL that changes the database may be written: applying plans, the connection and the schema (with the
filter's text index and its triggers)."""
WRITE = re.compile(r"\b(INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|REPLACE\s+INTO)\b", re.I)
STATEMENT = re.compile(r"\b(SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b", re.S)


def resolved_imports(path: Path) -> set[str]:
    """Every module a file imports, relative imports resolved to absolute names."""
    package = ["sigtui", *path.relative_to(PACKAGE).parent.parts]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names}
    return found


def test_the_domain_never_imports_the_store():
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(m for m in resolved_imports(path) if m.startswith("sigtui.store"))
        for path in (PACKAGE / "domain").rglob("*.py")
    }
    assert {f: m for f, m in offenders.items() if m} == {}


def test_no_face_imports_a_database_library():
    offenders = {}
    for face in FACES:
        for file, names in imported_modules(PACKAGE / face).items() if (PACKAGE / face).exists() else ():
            if names & SQL:
                offenders[f"{face}/{file}"] = sorted(names & SQL)
    assert offenders == {}


def _string_constants(path: Path) -> list[str]:
    nodes = ast.walk(ast.parse(path.read_text()))
    return [n.value for n in nodes if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def test_sql_is_written_only_in_the_read_models_the_apply_step_and_the_schema():
    offenders = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if str(path.relative_to(PACKAGE)) not in SQL_HOMES
        and not str(path.relative_to(PACKAGE)).startswith(READ_MODEL)
        and any(STATEMENT.search(text) for text in _string_constants(path))
    )
    assert offenders == []


def test_every_write_goes_through_the_apply_step():
    offenders = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if str(path.relative_to(PACKAGE)) not in WRITE_HOMES
        and any(WRITE.search(text) for text in _string_constants(path))
    )
    assert offenders == []


def test_the_write_check_finds_a_write():
    assert WRITE.search("INSERT INTO gallery (name) VALUES (?)")
    assert WRITE.search("update gallery set name = ?")
    assert WRITE.search("DELETE FROM gallery WHERE id = ?")
    assert not WRITE.search("Delete the gallery from the list, then update its tags")


def test_the_sql_check_finds_a_statement():
    assert STATEMENT.search("SELECT 1 FROM gallery WHERE id = ?")
    assert STATEMENT.search("DELETE FROM gallery")
    assert not STATEMENT.search("Select the gallery from the list")


def test_the_rest_face_and_the_serve_command_load_no_server_libraries_until_serving():
    loaded = _loaded_after("import sigtui.cli.main, sigtui.cli.serve, sigtui.cli.rest_command, sigtui.rest.handle")
    assert {"uvicorn", "starlette", "jwt", "cryptography"} & loaded == set()
