"""Global options, accepted anywhere on the command line: `--db`, `--as`, `--subscription`, az's output and
logging options, and the workbench's own. `--output` and `--query` are checked here, before anything runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .output import FORMATS, UsageError, compile_query, output_format


@dataclass(frozen=True)
class GlobalOption:
    """One global option: its spellings, where it goes in `GlobalOptions`, and its help."""

    names: tuple[str, ...]
    dest: str
    help: str
    takes_value: bool = True
    choices: tuple[str, ...] = ()
    default: str | None = None
    workbench: bool = False


GLOBAL_OPTIONS = (
    GlobalOption(("--db",), "db", "SQLite database: a file path or a sqlite:/// URL. Default: $SIGTUI_DB, else "
                 "$XDG_DATA_HOME/sigtui/sigtui.db."),
    GlobalOption(("--as",), "caller", "Principal to act as (a user, group or service principal); it sees only "
                 "what its role assignments cover."),
    GlobalOption(("--subscription",), "subscription", "Name or ID of subscription. You can configure the default "
                 "subscription using `sigtui account set --subscription NAME_OR_ID`."),
    GlobalOption(("--output", "-o"), "output", "Output format.", choices=FORMATS, default="json"),
    GlobalOption(("--query",), "query", "JMESPath query string. See http://jmespath.org/ for more information and "
                 "examples."),
    GlobalOption(("--only-show-errors",), "only_show_errors", "Only show errors, suppressing warnings.",
                 takes_value=False),
    GlobalOption(("--verbose",), "verbose", "Increase logging verbosity. Use --debug for full debug logs.",
                 takes_value=False),
    GlobalOption(("--debug",), "debug", "Increase logging verbosity to show all debug logs.", takes_value=False),
    GlobalOption(("--speed",), "speed", "Speed of the simulation clock (the workbench only).", workbench=True),
    GlobalOption(("--readonly",), "readonly", "Hide and refuse every change (the workbench only).",
                 takes_value=False, workbench=True),
    GlobalOption(("--serve",), "serve", "Also serve Azure Resource Manager over HTTPS (the workbench only).",
                 takes_value=False, workbench=True),
)
_BY_NAME = {name: option for option in GLOBAL_OPTIONS for name in option.names}


@dataclass
class GlobalOptions:
    db: str | None = None
    caller: str | None = None
    subscription: str | None = None
    speed: str | None = None
    readonly: bool = False
    serve: bool = False
    output: str | None = None
    query: str | None = None
    only_show_errors: bool = False
    verbose: bool = False
    debug: bool = False
    compiled_query: Any = field(default=None, repr=False)


def _value(name: str, equals: str, value: str, tokens) -> str:
    if equals:
        return value
    value = next(tokens, None)
    if value is None or value.startswith("--"):
        raise UsageError(f"sigtui: error: argument {name}: expected one argument")
    return value


def split_globals(argv: list[str]) -> tuple[GlobalOptions, list[str]]:
    """Take the global options out of `argv` (`--db X`, `--db=X`, `-otsv`), leaving the command's own arguments;
    `--output` and `--query` are validated (the query compiled) here, before any command runs."""
    options = GlobalOptions()
    rest: list[str] = []
    tokens = iter(argv)
    for token in tokens:
        name, equals, value = token.partition("=")
        if token.startswith("-o") and not token.startswith("--") and len(token) > 2:
            name, equals, value = "-o", "=", token[2:]
        option = _BY_NAME.get(name)
        if option is None or (equals and not option.takes_value):
            rest.append(token)
        elif option.takes_value:
            setattr(options, option.dest, _value(name, equals, value, tokens))
        else:
            setattr(options, option.dest, True)
    options.output = output_format(options.output)
    options.compiled_query = compile_query(options.query)
    return options, rest
