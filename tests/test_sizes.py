"""Small files with one purpose and short functions: every module under sigtui/ stays within the limits."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "sigtui"
MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 60
DECLARATIVE_TABLES: set[str] = set()
"""`file:function` of functions that are declarative tables (one entry a line), allowed to be longer."""


def _functions(source: str):
    """(name, lines) of every function in the source."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node.name, node.end_lineno - node.lineno + 1


def test_every_file_is_small():
    lines = {str(p.relative_to(PACKAGE)): p.read_text().count("\n") for p in PACKAGE.rglob("*.py")}
    assert {f: n for f, n in lines.items() if n > MAX_FILE_LINES} == {}


def test_every_function_is_short():
    long = {
        f"{path.relative_to(PACKAGE)}:{name}": length
        for path in PACKAGE.rglob("*.py")
        for name, length in _functions(path.read_text())
        if length > MAX_FUNCTION_LINES
    }
    assert {key: n for key, n in long.items() if key not in DECLARATIVE_TABLES} == {}


def test_the_checks_measure_what_they_say():
    source = "def f():\n" + "    x = 1\n" * 70
    assert list(_functions(source)) == [("f", 71)]
