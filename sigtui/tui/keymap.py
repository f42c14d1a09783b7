"""An optional keymap file, `$XDG_CONFIG_HOME/sigtui/keymap.json`: binding id → keys, e.g. {"clock.toggle": "p"}."""

from __future__ import annotations

import json
import os
from pathlib import Path


def keymap_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "sigtui" / "keymap.json"


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], str | None]:
    """The keymap and None, or an empty keymap and a message saying what is wrong with the file."""
    path = path or keymap_path()
    if not path.exists():
        return {}, None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return {}, f"{path}: {error}"
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        return {}, f'{path}: expected an object of binding id → keys, e.g. {{"clock.toggle": "p"}}'
    return data, None
