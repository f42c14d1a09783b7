"""az's output formats, rendered as knack renders them: json, jsonc, yaml, yamlc, table, tsv and none.

The libraries behind the optional formats (pygments, yaml, tabulate) are imported only when asked for, so the
default JSON output costs nothing extra at start-up.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from io import StringIO

TABLE_SKIP_KEYS = ("id", "type", "etag")


def format_json(result) -> str:
    """knack's `format_json`: keys sorted, two-space indent, non-ASCII kept."""
    return json.dumps(result, ensure_ascii=False, indent=2, sort_keys=True, separators=(",", ": ")) + "\n"


def format_yaml(result) -> str:
    """knack's `format_yaml`: `yaml.safe_dump` in block style (query results go through JSON first)."""
    import yaml

    return yaml.safe_dump(json.loads(json.dumps(result)), default_flow_style=False, allow_unicode=True)


def _highlight(text: str, lexer_name: str) -> str:
    from pygments import highlight
    from pygments.formatters import TerminalFormatter
    from pygments.lexers import get_lexer_by_name

    return highlight(text, get_lexer_by_name(lexer_name), TerminalFormatter())


def format_json_color(result) -> str:
    return _highlight(format_json(result), "json")


def format_yaml_color(result) -> str:
    return _highlight(format_yaml(result), "yaml")


def format_none(_result) -> str:
    return ""


def _flatten_properties(item):
    """az's SDK models lift ARM's `properties` to the top level; sigtui's JSON keeps the REST shape, so the
    table lifts them as az's output would have them."""
    if isinstance(item, dict) and isinstance(item.get("properties"), dict):
        lifted = {k: v for k, v in item.items() if k != "properties"}
        for key, value in item["properties"].items():
            lifted.setdefault(key, value)
        return lifted
    return item


def _table_row(item, sort_keys: bool) -> OrderedDict:
    """knack's `_TableOutput._auto_table_item`: top-level scalars, first letter capitalized; id, type, etag and
    empty values left out."""
    row = OrderedDict()
    if isinstance(item, dict):
        for key in sorted(item) if sort_keys else item.keys():
            value = item[key]
            if key in TABLE_SKIP_KEYS or value is None or isinstance(value, list | dict | set):
                continue
            row[key[:1].upper() + key[1:]] = value
    elif isinstance(item, list):
        for column, value in enumerate(item):
            row[f"Column{column + 1}"] = value
    else:
        row["Result"] = item
    return row


def format_table(result, query_active: bool, transformer=None) -> str:
    """knack's `format_table`: one row per item; the command's table transformer (when no `--query` is given)
    chooses the columns, else they are sorted by name unless `--query` chose them."""
    from tabulate import tabulate

    chosen = query_active or transformer is not None
    if transformer is not None and not query_active:
        result = transformer(result)
    items = result if isinstance(result, list) else [result]
    if not chosen:
        items = [_flatten_properties(item) for item in items]
    rows = [_table_row(item, sort_keys=not chosen) for item in items]
    text = tabulate(rows, headers="keys", tablefmt="simple", disable_numparse=True) if rows else ""
    if text == "\n":
        raise ValueError("Unable to extract fields for table.")
    return text + "\n"


def _tsv_cell(value, stream: StringIO) -> None:
    if isinstance(value, list):
        stream.write(str(len(value)))
    elif not isinstance(value, dict):
        stream.write(value if isinstance(value, str) else str(value))


def _tsv_row(data, stream: StringIO) -> None:
    """knack's `_TsvOutput._dump_row`: a `--query` object keeps its order, other objects are sorted by key;
    a nested object leaves an empty cell and a list its length."""
    if isinstance(data, dict | list):
        if isinstance(data, OrderedDict):
            values = list(data.values())
        elif isinstance(data, dict):
            values = [value for _, value in sorted(data.items())]
        else:
            values = data
        stream.write("\t".join(_tsv_text(value) for value in values))
    elif isinstance(data, bool):
        _tsv_cell(str(data).lower(), stream)
    else:
        _tsv_cell(data, stream)
    stream.write("\n")


def _tsv_text(value) -> str:
    cell = StringIO()
    _tsv_cell(value, cell)
    return cell.getvalue()


def format_tsv(result) -> str:
    stream = StringIO()
    for item in result if isinstance(result, list) else [result]:
        _tsv_row(item, stream)
    return stream.getvalue()
