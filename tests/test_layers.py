"""The layers stay apart: pure domain rules, a store that owns SQL, interfaces that use the store."""

import ast
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


def test_the_rest_face_and_the_serve_command_load_no_server_libraries_until_serving():
    loaded = _loaded_after("import sigtui.cli.main, sigtui.cli.serve, sigtui.cli.rest_command, sigtui.rest.handle")
    assert {"uvicorn", "starlette", "jwt", "cryptography"} & loaded == set()
