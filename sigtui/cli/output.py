"""What a headless command prints: JSON (or az's `-o tsv`, `--query`) on stdout, errors on stderr, exit codes."""

from __future__ import annotations

import json
import re
import sys

USAGE = 2
FAILED = 1
FORMATS = ("json", "jsonc", "tsv", "none")
_STEP = re.compile(r"\[\]|\[-?\d+\]|[A-Za-z_][A-Za-z0-9_]*")


class UsageError(Exception):
    """A command line az would reject before calling Azure (exit status 2)."""


class CliError(Exception):
    """A client-side failure az reports as a plain message (exit status 1)."""


def query(data, expression: str | None):
    """The subset of JMESPath that az users pipe with: `[].id`, `[0].name`, `properties.description`."""
    if not expression:
        return data
    steps = _STEP.findall(expression)
    if "".join(s if s.startswith("[") else f".{s}" for s in steps).lstrip(".") != expression.replace(".[", "["):
        raise UsageError(f"argument --query: invalid jmespath_type value: '{expression}' (sigtui understands paths "
                         "such as [].id, [0].name and properties.description)")
    return _apply(data, steps)


def _apply(data, steps: list[str]):
    for i, step in enumerate(steps):
        if data is None:
            return None
        if step == "[]":
            items = data if isinstance(data, list) else []
            found = [_apply(item, steps[i + 1:]) for item in items]
            return [f for f in found if f is not None]
        if step.startswith("["):
            index = int(step[1:-1])
            data = data[index] if isinstance(data, list) and -len(data) <= index < len(data) else None
        else:
            data = data.get(step) if isinstance(data, dict) else None
    return data


def _tsv_row(item) -> str:
    if isinstance(item, dict):
        return "\t".join(_tsv_cell(v) for v in item.values() if not isinstance(v, dict | list))
    return _tsv_cell(item)


def _tsv_cell(value) -> str:
    return "" if value is None else str(value)


def output_format(output: str | None) -> str:
    """`--output`, checked before the command runs."""
    output = (output or "json").lower()
    if output not in FORMATS:
        listed = ", ".join(f"'{f}'" for f in FORMATS)
        raise UsageError(f"sigtui: error: argument --output/-o: invalid choice: '{output}' (choose from {listed})")
    return output


def render(data, output: str | None = None, expression: str | None = None) -> str | None:
    """Text for stdout, as `az -o json|tsv|none --query ...` prints it; a plain message prints as it is."""
    if data is None or isinstance(data, str):
        return data
    output = output_format(output)
    data = query(data, expression)
    if output == "none":
        return None
    if output == "tsv":
        return "\n".join(_tsv_row(item) for item in (data if isinstance(data, list) else [data]))
    return json.dumps(data, indent=2)


def warn(message: str) -> None:
    """az's `logger.warning`: `WARNING: ...` on stderr, beside the result on stdout."""
    print(f"WARNING: {message}", file=sys.stderr)


def fail(message: str, status: int = FAILED) -> int:
    print(message, file=sys.stderr)
    return status
