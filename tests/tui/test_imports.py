"""`sigtui.tui` reaches data only through `sigtui.store`, and opening a current database never imports SQLModel."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import sigtui.tui

FORBIDDEN = {"sqlite3", "sqlalchemy", "sqlmodel"}
TUI = Path(sigtui.tui.__file__).parent


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_tui_sources_never_import_a_database_library():
    offenders = {str(p.relative_to(TUI)): imported_modules(p) & FORBIDDEN for p in TUI.rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_the_app_does_not_import_sqlmodel():
    code = "import sys, sigtui.tui.app; print(sorted(m for m in ('sqlmodel', 'sqlalchemy') if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(sigtui.tui.__file__).parents[2],
    )
    assert out.stdout.strip() == "[]"


def test_tcss_is_external_and_packaged():
    assert (TUI / "app.tcss").exists()
