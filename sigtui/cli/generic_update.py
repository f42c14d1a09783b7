"""az's generic `--set`, `--add` and `--remove`, applied to a resource's flattened object and sent as a PATCH.

One helper serves `sig update`, `sig image-definition update` and `sig image-version update`: GET the REST body,
change az's view of it, and send only what changed to the service, which decides what may change."""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable

from .objmodel import MODELS, flatten, unflatten
from .output import CliError

_PART = re.compile(r"\[[^\]]*\]|[^.\[\]]+")
EMPTY_SET = "usage error: Empty key in --set. Correct syntax: --set KEY=VALUE [KEY=VALUE ...]"


class _InOrder(argparse.Action):
    """Keep `--set/--add/--remove` in command-line order, as az applies them."""

    def __call__(self, parser, namespace, values, option_string=None):
        namespace.generic = [*getattr(namespace, "generic", []), (self.dest, values)]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("Generic Update Arguments")
    group.add_argument("--set", dest="set", nargs="+", action=_InOrder, metavar="KEY=VALUE",
                       help="Update an object by specifying a property path and value to set.  Example: "
                            "`--set property1.property2=<value>`.")
    group.add_argument("--add", dest="add", nargs="+", action=_InOrder, metavar="LIST KEY=VALUE",
                       help="Add an object to a list of objects by specifying a path and key value pairs.  Example: "
                            "`--add property.listProperty <key=value, string or JSON string>`.")
    group.add_argument("--remove", dest="remove", nargs="+", action=_InOrder, metavar="LIST INDEX",
                       help="Remove a property or an element from a list.  Example: `--remove property.list "
                            "<indexToRemove>` OR `--remove propertyToRemove`.")
    group.add_argument("--force-string", action="store_true",
                       help="When using 'set' or 'add', preserve string literals instead of attempting to convert "
                            "to JSON.")
    parser.set_defaults(generic=[])


def _norm(key: str) -> str:
    return key.replace("_", "").lower()


def _key(node: dict, schema, part: str) -> str | None:
    """The key `part` names in this object (camelCase or snake_case), if the object or its model has it."""
    for key in (*node, *(schema if isinstance(schema, dict) else ())):
        if key != "*" and _norm(key) == _norm(part):
            return key
    return part if isinstance(schema, dict) and "*" in schema else None


def _child(schema, key: str):
    return schema.get(key, schema.get("*")) if isinstance(schema, dict) else None


def _item(schema):
    return schema[0] if isinstance(schema, list) and schema else None


def _not_found(node, schema, part: str, parents: list[str]):
    parent = ".".join(parents).replace(".[", "[")
    message = f"Couldn't find '{part}' in '{parent}'."
    if isinstance(node, dict):
        known = schema if isinstance(schema, dict) else {}
        options = sorted({*node, *(k for k in known if k != "*")})
        message += f" Available options: {options}"
    elif isinstance(node, list):
        message += f" index into the collection '{parent}' with [<index>] or [<key=value>]"
    else:
        message += " Does not support further indexing."
    raise CliError(message)


def _value(text: str, schema, force_string: bool):
    """az parses values as JSON and falls back to the text; string properties keep the text."""
    if force_string or schema is str:
        return text
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return text


def _select(node: list, schema, part: str, parents: list[str]):
    inner = part[1:-1]
    if "=" in inner:
        key, wanted = inner.split("=", 1)
        wanted = _value(wanted, None, False)
        matches = [x for x in node if isinstance(x, dict) and x.get(_key(x, _item(schema), key) or key) == wanted]
        if len(matches) > 1:
            raise CliError(f"non-unique key '{key}' found multiple matches on {parents[-1]}. Key must be unique.")
        if not matches:
            raise CliError(f"item with value '{wanted}' doesn't exist for key '{key}' on {parents[-1]}")
        return matches[0]
    try:
        return node[int(inner)]
    except (ValueError, IndexError):
        raise CliError(f"index {inner} doesn't exist on {parents[-1] if parents else ''}") from None


def _walk(root: dict, model: dict, parts: list[str], create: bool):
    """Follow a path; with `create`, missing objects and lists the model knows are made on the way."""
    node, schema = root, model
    for i, part in enumerate(parts):
        if part.startswith("["):
            if not isinstance(node, list):
                _not_found(node, schema, part, parts[:i])
            node, schema = _select(node, schema, part, parts[:i]), _item(schema)
            continue
        key = _key(node, schema, part) if isinstance(node, dict) else None
        if key is None:
            _not_found(node, schema, part, parts[:i])
        child = _child(schema, key)
        if node.get(key) is None and create and isinstance(child, dict | list):
            node[key] = [] if isinstance(child, list) else {}
        node, schema = node.get(key), child
    return node, schema


def _split(expression: str) -> tuple[str, str]:
    """`key=value`, where the key may hold a `[name=value]` filter."""
    depth = 0
    for i, ch in enumerate(expression):
        depth += {"[": 1, "]": -1}.get(ch, 0)
        if ch == "=" and depth == 0:
            return expression[:i], expression[i + 1:]
    raise CliError(EMPTY_SET)


def _parts(path: str, option: str) -> list[str]:
    parts = _PART.findall(path)
    if not parts:
        raise CliError(f"usage error: Empty key in {option}.")
    return parts


def _set(view: dict, model: dict, expression: str, force_string: bool) -> None:
    key, text = _split(expression)
    if not key.strip():
        raise CliError(EMPTY_SET)
    parts = _parts(key, "--set")
    parent, schema = _walk(view, model, parts[:-1], create=True)
    leaf = parts[-1]
    if leaf.startswith("[") and isinstance(parent, list):
        index = int(leaf[1:-1]) if leaf[1:-1].isdigit() else None
        if index is None or index >= len(parent):
            raise CliError(f"index {leaf[1:-1]} doesn't exist on {parts[-2] if len(parts) > 1 else ''}")
        parent[index] = _value(text, _item(schema), force_string)
        return
    name = _key(parent, schema, leaf) if isinstance(parent, dict) else None
    if name is None:
        _not_found(parent, schema, leaf, parts[:-1])
    parent[name] = _value(text, _child(schema, name), force_string)


def _add(view: dict, model: dict, values: list[str], force_string: bool) -> None:
    path, *items = values
    parts = _parts(path, "--add")
    target, schema = _walk(view, model, parts, create=True)
    if not isinstance(target, list):
        raise CliError(f"invalid syntax: '{path}' is not a list and cannot be added to.")
    item_schema = _item(schema)
    entry: dict = {}
    for item in items:
        if "=" in item:
            key, text = item.split("=", 1)
            key = _key(entry, item_schema, key) or key
            entry[key] = _value(text, _child(item_schema, key), force_string)
            continue
        if entry:
            target.append(entry)
            entry = {}
        target.append(_value(item, item_schema, force_string))
    if entry:
        target.append(entry)


def _remove(view: dict, model: dict, values: list[str]) -> None:
    path, *index = values
    parts = _parts(path, "--remove")
    if index:
        target, _ = _walk(view, model, parts, create=False)
        if not isinstance(target, list):
            raise CliError(f"{parts[-1]} doesn't exist")
        try:
            target.pop(int(index[0]))
        except (ValueError, IndexError):
            raise CliError(f"index {index[0]} doesn't exist on {parts[-1]}") from None
        return
    parent, schema = _walk(view, model, parts[:-1], create=False)
    leaf = parts[-1]
    if leaf.startswith("[") and isinstance(parent, list):
        parent.remove(_select(parent, schema, leaf, parts[:-1]))
        return
    name = _key(parent, schema, leaf) if isinstance(parent, dict) else None
    if name is None:
        _not_found(parent, schema, leaf, parts[:-1])
    parent.pop(name, None)


def apply(body: dict, kind: str, namespace: argparse.Namespace) -> dict:
    """az's view of `body` after the generic arguments, in the order they were given."""
    view, model = flatten(body), MODELS[kind]
    for operation, values in namespace.generic:
        if operation == "set":
            for expression in values:
                _set(view, model, expression, namespace.force_string)
        elif operation == "add":
            _add(view, model, values, namespace.force_string)
        else:
            _remove(view, model, values)
    return view


def diff(before: dict, after: dict, atomic: tuple[str, ...] = ("tags",)) -> dict:
    """The PATCH that turns `before` into `after`: changed leaves, whole lists, `None` for what was removed.
    Tags are sent whole, as ARM treats them."""
    patch = {}
    for key, value in after.items():
        old = before.get(key)
        if key not in atomic and isinstance(value, dict) and isinstance(old, dict):
            inner = diff(old, value, ())
            if inner:
                patch[key] = inner
        elif value != old:
            patch[key] = value
    for key in before.keys() - after.keys():
        patch[key] = None
    return patch


def run(body: dict, kind: str, namespace: argparse.Namespace, send: Callable[[dict], object],
        adjust: Callable[[dict], None] | None = None):
    """GET body → generic arguments → command-specific `adjust` → PATCH of what changed → `send`."""
    view = apply(body, kind, namespace)
    if adjust:
        adjust(view)
    return send(diff(body, unflatten(view)))


def add_resource_verbs(verbs, handlers: dict, examples: dict, helps: dict[str, str], add_one, add_parent,
                       add_update=None) -> None:
    """`show`, `list`, `update` (with `--set`/`--add`/`--remove`) and `delete` of one kind of gallery resource,
    each with its handler; `add_one` names one resource, `add_parent` the one a list is of, and `add_update` adds
    the arguments of `update` beyond the generic ones."""
    for verb in ("show", "list", "update", "delete"):
        p = verbs.add_parser(verb, help=helps[verb], examples=examples[verb])
        (add_parent if verb == "list" else add_one)(p)
        if verb == "update" and add_update is not None:
            add_update(p)
        if verb == "update":
            add_arguments(p)
        p.set_defaults(handler=handlers[verb])
