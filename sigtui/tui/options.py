"""What the command line chose for the workbench."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WorkbenchOptions:
    """What the command line chose: the database, the identity, the clock's speed, read-only mode, whether to
    serve the endpoint; and the source of real time (tests pass a fake one)."""

    db_path: Path
    caller: str | None
    speed: float | None
    readonly: bool
    real_time: Callable[[], float]
    serve: bool = False
