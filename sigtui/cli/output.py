"""What a headless command prints: the result on stdout in az's `--output` format after its `--query`, warnings
and errors on stderr, and the exit status."""

from __future__ import annotations

import sys
from collections import OrderedDict

USAGE = 2
FAILED = 1
FORMATS = ("json", "jsonc", "yaml", "yamlc", "table", "tsv", "none")
QUERY_REFERENCE = "To learn more about --query, please visit: 'https://learn.microsoft.com/cli/azure/query-azure-cli'"


class UsageError(Exception):
    """A command line az would reject before calling Azure (exit status 2)."""


class CliError(Exception):
    """A client-side failure az reports as a plain message (exit status 1)."""


def output_format(output: str | None) -> str:
    """`--output`, checked (in any case, as az lower-cases it) before the command runs."""
    output = (output or "json").lower()
    if output not in FORMATS:
        listed = ", ".join(f"'{f}'" for f in FORMATS)
        raise UsageError(f"sigtui: error: argument --output/-o: invalid choice: '{output}' (choose from {listed})")
    return output


def compile_query(expression: str | None):
    """knack's `jmespath_type`: `--query` is compiled while the command line is parsed, before anything runs."""
    if expression is None:
        return None
    import jmespath

    try:
        return jmespath.compile(expression)
    except (ValueError, KeyError):
        raise UsageError(f"argument --query: invalid jmespath_type value: {expression!r}\n{QUERY_REFERENCE}") from None


def add_resource_group(data) -> None:
    """az's global result transform: every object with an ARM id gets `resourceGroup` (except in `az rest`)."""
    if isinstance(data, list):
        for item in data:
            add_resource_group(item)
    elif isinstance(data, dict):
        group = _resource_group_of(data.get("id"))
        if group is not None and "resourcegroup" not in (key.lower() for key in data):
            data["resourceGroup"] = group
        for value in data.values():
            add_resource_group(value)


def _resource_group_of(arm_id) -> str | None:
    """az's `_parse_id`: the group of an id naming a resource inside one (not of the group's own id)."""
    parts = arm_id.split("/") if isinstance(arm_id, str) and arm_id else []
    return parts[4] if len(parts) > 8 and parts[3].lower() == "resourcegroups" else None


def _search(query, data):
    import jmespath

    try:
        return query.search(data, jmespath.Options(dict_cls=OrderedDict))
    except jmespath.exceptions.JMESPathError as error:
        raise CliError(f"Invalid jmespath query supplied for `--query`: {error}\n{QUERY_REFERENCE}") from None


def _color() -> bool:
    """knack colours output only when both stdout and stderr are terminals."""
    return sys.stdout.isatty() and sys.stderr.isatty()


def render(data, output: str | None = None, query=None, arm_transform: bool = True,
           table_transformer=None) -> str | None:
    """Text for stdout, as `az -o FORMAT --query ...` prints it (ending in a newline); a plain message prints as
    it is; None prints nothing. `query` is a compiled expression (see `compile_query`); `arm_transform` adds
    `resourceGroup` as az does for every command but `rest`; `table_transformer` picks a command's table
    columns (see `tables`)."""
    if data is None or isinstance(data, str):
        return data
    from . import formats

    output = output_format(output)
    if arm_transform:
        add_resource_group(data)
    if query is not None:
        data = _search(query, data)
    if output == "table":
        try:
            return formats.format_table(data, query_active=query is not None, transformer=table_transformer)
        except (ValueError, TypeError, AttributeError):
            raise CliError("Table output unavailable. Use the --query option to specify an appropriate query. "
                           "Use --debug for more info.") from None
    if output in ("jsonc", "yamlc") and not _color():
        output = output[:-1]
    return {"json": formats.format_json, "jsonc": formats.format_json_color, "yaml": formats.format_yaml,
            "yamlc": formats.format_yaml_color, "tsv": formats.format_tsv, "none": formats.format_none}[output](data)


def warn(message: str) -> None:
    """az's `logger.warning`: `WARNING: ...` on stderr beside the result on stdout (hidden by
    `--only-show-errors`)."""
    from .logs import get_logger

    get_logger("sigtui").warning("%s", message)


def fail(message: str, status: int = FAILED) -> int:
    print(message, file=sys.stderr)
    return status
