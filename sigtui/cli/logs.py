"""Logging as knack sets it up: `WARNING:` lines by default, `--only-show-errors` hides them, `--verbose` adds
`INFO:` lines and `--debug` adds `DEBUG:` lines with the logger's name; all on stderr."""

from __future__ import annotations

import logging
import sys

from .output import CliError

CLI_LOGGER = "cli"
COLORS = {"error": "\x1b[91m", "warning": "\x1b[33m", "info": "\x1b[32m", "debug": "\x1b[36m"}
RESET = "\x1b[0m"


def get_logger(name: str) -> logging.Logger:
    """knack's `get_logger`: loggers live under `cli`, so only sigtui's own messages reach the console."""
    return logging.getLogger(f"{CLI_LOGGER}.{name}")


class _ConsoleHandler(logging.StreamHandler):
    """Writes to whatever `sys.stderr` is at the time (tests and pipes swap it); colours like knack's handler."""

    def __init__(self):
        super().__init__()
        self.color = False

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value):
        """The stream is always the current `sys.stderr`."""

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        return f"{COLORS.get(record.levelname.lower(), '')}{text}{RESET}" if self.color else text


_handler = _ConsoleHandler()


def level_of(only_show_errors: bool, verbose: bool, debug: bool) -> int:
    """knack's `_determine_log_level`."""
    if only_show_errors:
        if debug or verbose:
            raise CliError("--only-show-errors can't be used together with --debug or --verbose")
        return logging.ERROR
    if debug:
        return logging.DEBUG
    return logging.INFO if verbose else logging.WARNING


def configure(level: int) -> None:
    """Route the `cli` loggers to stderr at `level`; level names are shown unless colour replaces them, and
    logger names only with `--debug`."""
    logger = logging.getLogger(CLI_LOGGER)
    logger.setLevel(level)
    logger.propagate = False
    if _handler not in logger.handlers:
        logger.addHandler(_handler)
    _handler.color = sys.stdout.isatty() and sys.stderr.isatty()
    elements = [] if _handler.color else ["%(levelname)s"]
    if level == logging.DEBUG:
        elements.append("%(name)s")
    _handler.setFormatter(logging.Formatter(": ".join([*elements, "%(message)s"])))
