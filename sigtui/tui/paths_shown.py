"""How the workbench shows a file's path."""

from __future__ import annotations

from pathlib import Path


def home_relative(path: Path) -> str:
    """`~/…` for paths under the home directory."""
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)
