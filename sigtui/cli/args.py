"""Global options, accepted anywhere on the command line: `--db`, `--as`, `--subscription`, and the TUI's."""

from __future__ import annotations

from dataclasses import dataclass

from .output import UsageError

VALUE_OPTIONS = {"--db": "db", "--as": "caller", "--subscription": "subscription", "--speed": "speed",
                 "--output": "output", "-o": "output", "--query": "query"}
FLAG_OPTIONS = {"--readonly": "readonly"}


@dataclass
class GlobalOptions:
    db: str | None = None
    caller: str | None = None
    subscription: str | None = None
    speed: str | None = None
    readonly: bool = False
    output: str | None = None
    query: str | None = None


def split_globals(argv: list[str]) -> tuple[GlobalOptions, list[str]]:
    """Take the global options out of `argv` (`--db X`, `--db=X`, `-otsv`), leaving the command's own arguments."""
    options = GlobalOptions()
    rest: list[str] = []
    tokens = iter(argv)
    for token in tokens:
        name, equals, value = token.partition("=")
        if token.startswith("-o") and not token.startswith("--") and len(token) > 2:
            name, equals, value = "-o", "=", token[2:]
        if name in VALUE_OPTIONS:
            if not equals:
                value = next(tokens, None)
                if value is None or value.startswith("--"):
                    raise UsageError(f"sigtui: error: argument {name}: expected one argument")
            setattr(options, VALUE_OPTIONS[name], value)
        elif token in FLAG_OPTIONS:
            setattr(options, FLAG_OPTIONS[token], True)
        else:
            rest.append(token)
    return options, rest
