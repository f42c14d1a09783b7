"""`sigtui rest`: `az rest` against the simulated Resource Manager."""

from __future__ import annotations

import json
from pathlib import Path

from ..domain.errors import AzureError
from . import conditions, httplog
from .output import CliError
from .parser import enum


def _body(text: str | None) -> dict:
    if not text:
        return {}
    if text.startswith("@"):
        try:
            text = Path(text[1:]).expanduser().read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CliError(f"sigtui rest: error: cannot read the body from '{text[1:]}': "
                           f"{getattr(error, 'strerror', None) or error}") from None
    try:
        body = json.loads(text)
    except (ValueError, RecursionError) as error:
        reason = error if isinstance(error, ValueError) else "the JSON is nested too deeply"
        raise AzureError("InvalidRequestContent", f"The request content was invalid and could not be "
                                                  f"deserialized: '{reason}'.") from None
    if not isinstance(body, dict):
        raise AzureError("InvalidRequestContent", "The request content was invalid and could not be deserialized: "
                                                  "the body must be a JSON object.")
    return body


def run(ctx, ns) -> dict | None:
    """The response body on stdout; with `--verbose` or `--debug`, the request and response on stderr as
    `az rest` logs them, with the response's request ids and long-running-operation headers."""
    from ..rest.handle import handle
    from ..rest.http import Request

    httplog.request(ns.method, ns.url, ns.body)
    try:
        request = Request(ns.method.upper(), ns.url, _body(ns.body), conditions.parse_headers(ns.headers))
        response = handle(ctx, request)
    except AzureError as error:
        httplog.response(error.status, error.to_rest())
        raise
    httplog.response(response.status, response.body, response.headers)
    if response.status >= 400:
        error = response.body["error"]
        raise AzureError(error["code"], error["message"], response.status, error.get("target"))
    return response.body


GALLERY_URL = ("/subscriptions/{subscriptionId}/resourceGroups/MyResourceGroup/providers/Microsoft.Compute/galleries/"
               "MyGallery")
EXAMPLES = (
    ("Get a gallery.", f"sigtui rest --method get --url \"{GALLERY_URL}?api-version=2022-03-03\""),
    ("Create or replace a gallery with a JSON body.",
     f"sigtui rest --method put --url \"{GALLERY_URL}?api-version=2022-03-03\" "
     "--body '{\"location\": \"westus\", \"properties\": {\"description\": \"Golden images\"}}'"),
    ("List a definition's versions with their replication status, logging the request and response.",
     f"sigtui rest --url \"{GALLERY_URL}/images/MyImage/versions?api-version=2022-03-03&$expand=ReplicationStatus\" "
     "--verbose"),
    ("Delete an image version.",
     f"sigtui rest --method delete --url \"{GALLERY_URL}/images/MyImage/versions/1.1.0?api-version=2022-03-03\""),
)


def build(parser, group) -> None:
    parser.summary = "Invoke a custom request on the simulated Azure Resource Manager (az rest)."
    parser.examples = EXAMPLES
    parser.add_argument("-m", "--method", default="get",
                        type=enum("get", "put", "patch", "delete", "post", "head", "options"),
                        help="HTTP request method.")
    parser.add_argument("-u", "--url", "--uri", dest="url", required=True,
                        help="Request URL: an ARM path such as /subscriptions/{subscriptionId}/resourceGroups/..."
                             "?api-version=...; {subscriptionId} is replaced with the current subscription.")
    parser.add_argument("-b", "--body", help="Request body: JSON text, or @file.json to read it from a file.")
    parser.add_argument("--headers", nargs="*", help="Headers as space-separated KEY=VALUE pairs or a JSON object; "
                                                     "If-Match and If-None-Match make a write conditional on the "
                                                     "resource's etag.")
    parser.set_defaults(handler=run, face="rest")
