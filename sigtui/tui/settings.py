"""Choices remembered across runs in `$XDG_CONFIG_HOME/sigtui/settings.json`, e.g. {"theme": "nord"}."""

from __future__ import annotations

import json
from pathlib import Path

from .keymap import keymap_path


def settings_path() -> Path:
    return keymap_path().parent / "settings.json"


def load_settings(path: Path | None = None) -> dict:
    """The saved settings, or none when the file is missing or unreadable."""
    try:
        data = json.loads((path or settings_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_setting(key: str, value: str, path: Path | None = None) -> str | None:
    """Remember one setting; None, or what went wrong."""
    path = path or settings_path()
    settings = load_settings(path)
    settings[key] = value
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    except OSError as error:
        return f"{path}: {error}"
    return None
