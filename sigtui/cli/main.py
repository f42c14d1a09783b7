# PYTHON_ARGCOMPLETE_OK
"""The `sigtui` command: the workbench with no arguments, headless az-style commands otherwise."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    if "_ARGCOMPLETE" in os.environ:
        from .completion import complete

        complete()
    args = sys.argv[1:] if argv is None else argv
    from .commands import run

    try:
        return run(args)
    except BrokenPipeError:
        sys.stdout = None
        return 0
    except Exception as error:  # noqa: BLE001  (no traceback reaches a user: one line, exit 1)
        from .failsafe import report

        return report(error, args)
