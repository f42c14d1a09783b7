"""The last resort of every command: a failure nothing else caught becomes one line on stderr, never a traceback."""

from __future__ import annotations

import errno
from pathlib import Path

from ..store.raw import DatabaseError
from .output import FAILED, fail


def _database_message(text: str, where: str) -> str:
    lowered = text.lower()
    if Path(where).is_dir():
        return f"sigtui: error: {where} is a directory, not a database file"
    if "locked" in lowered or "busy" in lowered:
        from ..store.raw import busy_error

        return str(busy_error())
    if "not a database" in lowered or "malformed" in lowered or "encrypted" in lowered:
        return f"sigtui: error: {where} is not a usable sigtui database (not SQLite, or damaged): {text}"
    if "readonly" in lowered or "read-only" in lowered:
        return f"sigtui: error: {where} is read-only: this command would change it, so nothing was done"
    if "full" in lowered:
        return f"sigtui: error: no space left to write {where}: nothing was changed"
    if "unable to open" in lowered:
        return f"sigtui: error: cannot open the database {where}: {text}"
    return f"sigtui: error: the database {where} could not be used: {text}"


def _os_message(error: OSError, where: str) -> str:
    if error.errno == errno.ENOSPC:
        return f"sigtui: error: no space left to write {where}: nothing was changed"
    name = f": '{error.filename}'" if error.filename else ""
    return f"sigtui: error: {error.strerror or error}{name}"


KNOWN = ("locked", "busy", "not a database", "malformed", "readonly", "read-only", "full", "unable to open")


def _root(error: BaseException) -> BaseException:
    """The database error that started it all: a failed rollback can hide the error that caused it."""
    chain, seen = [], set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        cause = getattr(error, "orig", None)
        chain.append(cause if isinstance(cause, DatabaseError) else error)
        error = error.__cause__ or error.__context__
    known = [e for e in chain if isinstance(e, DatabaseError) and any(k in str(e).lower() for k in KNOWN)]
    return known[-1] if known else chain[0]


def message(error: BaseException, where: str = "the database") -> str:
    """One line saying what went wrong, for an error that reached the command's entry point."""
    error = _root(error)
    if isinstance(error, DatabaseError):
        text = _database_message(str(error), where)
    elif isinstance(error, OSError):
        text = _os_message(error, where)
    elif isinstance(error, RecursionError):
        text = "sigtui: error: the input is nested too deeply to be read"
    elif isinstance(error, MemoryError):
        text = "sigtui: error: the input is too large to be read"
    else:
        text = f"sigtui: error: the command failed unexpectedly ({type(error).__name__}: {error})"
    return " ".join(text.split())


def report(error: BaseException, argv: list[str]) -> int:
    """Print the one line for `error` and return the exit status of a failed command."""
    return fail(message(error, _database(argv)), FAILED)


def _database(argv: list[str]) -> str:
    try:
        from ..store.paths import db_path
        from .args import split_globals

        return str(db_path(split_globals(list(argv))[0].db))
    except Exception:  # noqa: BLE001  (the last resort must not fail itself)
        return "the database"
