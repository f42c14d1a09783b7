"""`sigtui rest`: `az rest` against the simulated Resource Manager."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..domain.errors import AzureError
from .parser import enum


def _body(text: str | None) -> dict:
    if not text:
        return {}
    if text.startswith("@"):
        text = Path(text[1:]).expanduser().read_text(encoding="utf-8")
    try:
        body = json.loads(text)
    except ValueError as error:
        raise AzureError("InvalidRequestContent", f"The request content was invalid and could not be "
                                                  f"deserialized: '{error}'.") from None
    if not isinstance(body, dict):
        raise AzureError("InvalidRequestContent", "The request content was invalid and could not be deserialized: "
                                                  "the body must be a JSON object.")
    return body


def run(ctx, ns) -> dict | None:
    """The response body; the status line goes to stderr, as `az rest --debug` would show it, and with
    `--debug` the response headers too (request ids, long-running-operation URLs)."""
    from ..rest.handle import handle
    from ..rest.http import Request

    response = handle(ctx, Request(ns.method.upper(), ns.url, _body(ns.body)))
    print(f"HTTP {response.status}", file=sys.stderr)
    if ns.debug:
        for name, value in response.headers.items():
            print(f"{name}: {value}", file=sys.stderr)
    if response.status >= 400:
        error = response.body["error"]
        raise AzureError(error["code"], error["message"], response.status, error.get("target"))
    return response.body


def build(parser, group) -> None:
    parser.add_argument("-m", "--method", default="get",
                        type=enum("get", "put", "patch", "delete", "post", "head", "options"))
    parser.add_argument("-u", "--url", "--uri", dest="url", required=True,
                        help="an ARM path such as /subscriptions/{subscriptionId}/resourceGroups/...?api-version=...")
    parser.add_argument("-b", "--body", help="JSON text, or @file.json")
    parser.add_argument("--headers", nargs="*", help="accepted and ignored")
    parser.add_argument("--debug", action="store_true", help="also print the response headers on stderr")
    parser.set_defaults(handler=run)
