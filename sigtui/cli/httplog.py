"""`az rest`'s request and response logging (`Request URL: ...`, `Response status: ...`): INFO lines on stderr,
shown with `--verbose` or `--debug`."""

from __future__ import annotations

import json
import uuid

from .logs import INFO, get_logger

LOG = get_logger(__name__)


def request(method: str, url: str, body: str | None) -> None:
    """The request as az logs it before sending: URL, method, headers, body."""
    if not LOG.isEnabledFor(INFO):
        return
    headers = {"User-Agent": "sigtui", "Accept": "*/*", "x-ms-client-request-id": str(uuid.uuid4()),
               "CommandName": "rest"}
    if body:
        headers["Content-Type"] = "application/json"
    LOG.info("Request URL: %r", url)
    LOG.info("Request method: %r", method.upper())
    LOG.info("Request headers:")
    for name, value in headers.items():
        LOG.info("    %r: %r", name, value)
    LOG.info("Request body:")
    LOG.info("%s", body)


def response(status: int, body: dict | None, extra_headers: dict[str, str] | None = None) -> None:
    """The response as az logs it: status, headers (the request ids and long-running-operation headers among
    them), content."""
    if not LOG.isEnabledFor(INFO):
        return
    content = "" if body is None else json.dumps(body, separators=(",", ":"))
    headers = {"Content-Length": str(len(content.encode())), **(extra_headers or {})}
    if body is not None:
        headers["Content-Type"] = "application/json; charset=utf-8"
    LOG.info("Response status: %r", status)
    LOG.info("Response headers:")
    for name, value in headers.items():
        LOG.info("    %r: %r", name, value)
    LOG.info("Response content:")
    LOG.info("%s", content)
