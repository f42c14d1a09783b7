"""An azure-core transport that hands each request to sigtui's REST handler in this process: Azure's own
Python clients drive the REST face with no sockets, no TLS and no tokens to check."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from urllib.parse import urlsplit

from azure.core.credentials import AccessToken
from azure.core.pipeline.transport import HttpTransport
from azure.core.rest import HttpRequest, HttpResponse
from azure.core.utils import CaseInsensitiveDict

from sigtui.cli.args import GlobalOptions
from sigtui.cli.context import Context
from sigtui.rest.handle import handle
from sigtui.rest.http import Request

ENDPOINT = "https://management.azure.com"
POLL_PAUSE_S = 0.02
"""How long a poller really waits between polls, whatever `Retry-After` says: replication follows the simulated
clock, which the test moves."""


class StaticToken:
    """A credential for the bearer-token policy; the in-process handler answers as the database's owner."""

    def get_token(self, *scopes, **kwargs) -> AccessToken:
        return AccessToken("in-process", int(time.time()) + 3600)


class InProcessResponse(HttpResponse):
    """sigtui's answer as azure-core's `HttpResponse`: status, headers and the JSON body, all in memory."""

    def __init__(self, request: HttpRequest, status: int, headers: dict, body: dict | None):
        self._request = request
        self._status = status
        self._headers = CaseInsensitiveDict(headers)
        self._content = b"" if body is None else json.dumps(body).encode()
        if body is not None:
            self._headers["Content-Type"] = "application/json; charset=utf-8"

    @property
    def request(self) -> HttpRequest:
        return self._request

    @property
    def status_code(self) -> int:
        return self._status

    @property
    def headers(self) -> MutableMapping[str, str]:
        return self._headers

    @property
    def reason(self) -> str:
        return "OK" if self._status < 400 else "Error"

    @property
    def content_type(self) -> str | None:
        return self._headers.get("Content-Type")

    @property
    def is_closed(self) -> bool:
        return True

    @property
    def is_stream_consumed(self) -> bool:
        return True

    @property
    def encoding(self) -> str | None:
        return "utf-8"

    @encoding.setter
    def encoding(self, value: str | None) -> None:
        """The body is always UTF-8 JSON."""

    @property
    def url(self) -> str:
        return self._request.url

    @property
    def content(self) -> bytes:
        return self._content

    def text(self, encoding: str | None = None) -> str:
        return self._content.decode(encoding or "utf-8")

    def json(self):
        return json.loads(self._content) if self._content else None

    def raise_for_status(self) -> None:
        if self._status >= 400:
            from azure.core.exceptions import HttpResponseError

            raise HttpResponseError(response=self)

    def __enter__(self) -> InProcessResponse:
        return self

    def __exit__(self, *args) -> None:
        self.close()

    def close(self) -> None:
        """Nothing is held open."""

    def read(self) -> bytes:
        return self._content

    def iter_raw(self, **kwargs) -> Iterator[bytes]:
        yield self._content

    def iter_bytes(self, **kwargs) -> Iterator[bytes]:
        yield self._content


class InProcessTransport(HttpTransport):
    """Each request becomes one `handle(ctx, request)` on `db`, as `sigtui serve` does for an HTTP request."""

    def __init__(self, db: Path, caller: str | None = None):
        self.db = db
        self.caller = caller
        self.sent: list[tuple[str, str, int]] = []

    def send(self, request: HttpRequest, **kwargs) -> InProcessResponse:
        split = urlsplit(request.url)
        text = request.content
        body = json.loads(text) if text else None
        ctx = Context(GlobalOptions(db=str(self.db), caller=self.caller))
        try:
            answer = handle(ctx, Request(request.method, split.path + (f"?{split.query}" if split.query else ""),
                                         body if isinstance(body, dict) else None, dict(request.headers), ENDPOINT))
        finally:
            ctx.close()
        self.sent.append((request.method, split.path, answer.status))
        return InProcessResponse(request, answer.status, answer.headers, answer.body)

    def sleep(self, duration: float) -> None:
        time.sleep(min(duration, POLL_PAUSE_S))

    def open(self) -> None:
        """Nothing to open."""

    def close(self) -> None:
        """Nothing to close."""

    def __enter__(self) -> InProcessTransport:
        return self

    def __exit__(self, *args) -> None:
        self.close()
