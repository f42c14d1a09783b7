"""ARM's conditional requests on `sigtui rest`: every resource answers with its `etag`; `If-Match` and
`If-None-Match` make a write happen only while the resource is as the caller last saw it."""

from __future__ import annotations

import json

from ..domain.errors import AzureError
from ..domain.rest_bodies import etag
from .output import UsageError

COLLECTIONS = {"groups": "group", "galleries": "gallery", "definitions": "definition", "versions": "version",
               "sources": "source"}
"""Route kinds that list resources, and the kind of each item."""


def parse_headers(values: list[str] | None) -> dict[str, str]:
    """`--headers` as az takes it: `KEY=VALUE` pairs, or one JSON object; names are case-insensitive."""
    found: dict[str, str] = {}
    for value in values or ():
        if value.lstrip().startswith("{"):
            try:
                pairs = json.loads(value)
            except (ValueError, RecursionError):
                raise UsageError(f"sigtui rest: error: argument --headers: invalid JSON: '{value}'") from None
            if not isinstance(pairs, dict):
                raise UsageError("sigtui rest: error: argument --headers: expected a JSON object or KEY=VALUE pairs")
            found.update({str(k).lower(): str(v) for k, v in pairs.items()})
            continue
        name, equals, text = value.partition("=")
        if not equals or not name.strip():
            raise UsageError(f"sigtui rest: error: argument --headers: expected KEY=VALUE, got '{value}'")
        found[name.strip().lower()] = text.strip()
    return found


def tagged(kind: str, body: dict | None) -> dict | None:
    """A resource body with its etag; a collection tags each item. Subscriptions, the `/share` action and the
    read-only shared galleries carry none."""
    if body is None or kind.startswith(("subscription", "share")) or kind == "softdeleted":
        return body
    if kind in COLLECTIONS:
        return {**body, "value": [tagged(COLLECTIONS[kind], item) for item in body.get("value", [])]}
    return {**body, "etag": etag(body)}


def precondition_failed() -> AzureError:
    return AzureError("PreconditionFailed", "The condition specified using HTTP conditional header(s) is not met.",
                      412)


def check(headers: dict[str, str], current: dict | None) -> None:
    """Refuse with 412 unless `If-Match` names the current etag (or `*` and it exists) and `If-None-Match: *`
    finds nothing."""
    wanted = headers.get("if-match")
    if wanted is not None:
        tags = {t.strip() for t in wanted.split(",")}
        if current is None or ("*" not in tags and etag(current) not in tags | {f'"{t}"' for t in tags}):
            raise precondition_failed()
    if headers.get("if-none-match", "").strip() == "*" and current is not None:
        raise precondition_failed()
