"""Logging as knack sets it up: `WARNING:` lines by default, `--only-show-errors` hides them, `--verbose` adds
`INFO:` lines and `--debug` adds `DEBUG:` lines with the logger's name; all on stderr.

The standard `logging` package is imported only when a message is actually shown, so a quiet read command
does not pay for it."""

from __future__ import annotations

import sys

from .output import CliError

CLI_LOGGER = "cli"
ERROR, WARNING, INFO, DEBUG = 40, 30, 20, 10
COLORS = {ERROR: "\x1b[91m", WARNING: "\x1b[33m", INFO: "\x1b[32m", DEBUG: "\x1b[36m"}
RESET = "\x1b[0m"
_settings = {"level": WARNING, "handler": None}


class Logger:
    """knack's `get_logger(name)`: a logger under `cli`; messages below the run's level cost nothing."""

    def __init__(self, name: str):
        self.name = f"{CLI_LOGGER}.{name}"

    def isEnabledFor(self, level: int) -> bool:
        return level >= _settings["level"]

    def log(self, level: int, message: str, *args) -> None:
        if self.isEnabledFor(level):
            _console().getLogger(self.name).log(level, message, *args)

    def debug(self, message: str, *args) -> None:
        self.log(DEBUG, message, *args)

    def info(self, message: str, *args) -> None:
        self.log(INFO, message, *args)

    def warning(self, message: str, *args) -> None:
        self.log(WARNING, message, *args)


def get_logger(name: str) -> Logger:
    return Logger(name)


def level_of(only_show_errors: bool, verbose: bool, debug: bool) -> int:
    """knack's `_determine_log_level`."""
    if only_show_errors:
        if debug or verbose:
            raise CliError("--only-show-errors can't be used together with --debug or --verbose")
        return ERROR
    if debug:
        return DEBUG
    return INFO if verbose else WARNING


def configure(level: int) -> None:
    """The level of this run; the console handler follows it when it is (or gets) set up."""
    _settings["level"] = level
    if _settings["handler"] is not None:
        _console()


def _color() -> bool:
    return sys.stdout.isatty() and sys.stderr.isatty()


def _console():
    """The `logging` module with the `cli` logger routed to stderr at the run's level: level names shown
    unless colour replaces them, logger names only with `--debug`."""
    import logging

    handler = _settings["handler"]
    if handler is None:
        handler = _settings["handler"] = _console_handler(logging)
        logger = logging.getLogger(CLI_LOGGER)
        logger.propagate = False
        logger.addHandler(handler)
    level = _settings["level"]
    logging.getLogger(CLI_LOGGER).setLevel(level)
    handler.color = _color()
    elements = [] if handler.color else ["%(levelname)s"]
    if level == DEBUG:
        elements.append("%(name)s")
    handler.setFormatter(logging.Formatter(": ".join([*elements, "%(message)s"])))
    return logging


def _console_handler(logging):
    """A handler writing to whatever `sys.stderr` is at the time (tests and pipes swap it), coloured like
    knack's when both stdout and stderr are terminals."""

    class ConsoleHandler(logging.StreamHandler):
        color = False

        @property
        def stream(self):
            return sys.stderr

        @stream.setter
        def stream(self, _value):
            """Always the current `sys.stderr`."""

        def format(self, record) -> str:
            text = super().format(record)
            return f"{COLORS.get(record.levelno, '')}{text}{RESET}" if self.color else text

    return ConsoleHandler()
