"""The ASGI application: Azure AD's endpoints, and Resource Manager's behind bearer-token authentication, each
ARM request answered by the same `handle` as `sigtui rest`, as the principal the token names."""

from __future__ import annotations

import json
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..cli.args import GlobalOptions
from ..cli.context import Context
from ..domain.errors import AzureError
from ..rest.envelope import error_response
from ..rest.handle import handle
from ..rest.http import Request as ArmRequest
from ..store import raw
from .identity import OPENID_PATH, Directory
from .tokens import TokenIssuer, TokenRejected

ARM_METHODS = ["GET", "PUT", "PATCH", "DELETE", "POST", "HEAD"]
INTERNAL_ERROR = JSONResponse({"error": {"code": "InternalServerError", "target": None, "details": [],
                                         "message": "Encountered internal server error. Please try again."}}, 500)


def _challenge(base_url: str, error: TokenRejected | None) -> str:
    description = error.message if error else "The authentication failed because of missing 'Authorization' header."
    return (f'Bearer authorization_uri="{base_url}/common", error="invalid_token", '
            f'error_description="{description}"')


def _unauthenticated(base_url: str, error: TokenRejected | None) -> JSONResponse:
    """ARM's 401: `AuthenticationFailed` without a token, the token's own code when it is refused."""
    code, message = (error.code, error.message) if error else (
        "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.")
    return JSONResponse({"error": {"code": code, "message": message}}, 401, headers={
        "WWW-Authenticate": _challenge(base_url, error), "x-ms-request-id": str(uuid.uuid4()),
        "x-ms-failure-cause": "gateway"})


class ArmApi:
    """Resource Manager: the caller is the principal its bearer token names."""

    def __init__(self, db_path: Path, issuer: TokenIssuer, base_url: str):
        self.db_path = db_path
        self.issuer = issuer
        self.base_url = base_url

    def _claims(self, request: Request) -> dict:
        scheme, _, token = (request.headers.get("authorization") or "").partition(" ")
        if not token:
            raise TokenRejected("AuthenticationFailed", "")
        if scheme.lower() != "bearer":
            raise TokenRejected("InvalidAuthenticationToken", "The access token is invalid.")
        return self.issuer.verify(token.strip())

    def _answer(self, caller: str, arm_request: ArmRequest):
        try:
            ctx = Context(GlobalOptions(db=str(self.db_path), caller=caller), face="serve")
        except AzureError as refused:
            return error_response(refused, {"x-ms-request-id": str(uuid.uuid4())})
        try:
            return handle(ctx, arm_request)
        finally:
            ctx.close()

    async def respond(self, request: Request) -> Response:
        try:
            claims = self._claims(request)
        except TokenRejected as error:
            return _unauthenticated(self.base_url, error if error.message else None)
        request.state.principal = claims.get("app_displayname") or claims["oid"]
        body = await request.body()
        url = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        try:
            parsed = json.loads(body) if body else None
        except ValueError as error:
            refused = AzureError("InvalidRequestContent",
                                 f"The request content was invalid and could not be deserialized: '{error}'.")
            return _response(error_response(refused, {"x-ms-request-id": str(uuid.uuid4())}))
        arm_request = ArmRequest(request.method, url, parsed if isinstance(parsed, dict) else None,
                                 dict(request.headers), self.base_url)
        return _response(await run_in_threadpool(self._answer, claims["oid"], arm_request))


def _response(answer) -> Response:
    """Starlette's response for the REST face's."""
    if answer.body is None:
        return Response(status_code=answer.status, headers=answer.headers)
    return JSONResponse(answer.body, answer.status, headers=answer.headers)


def metadata(base_url: str):
    """Cloud metadata as `{resourceManager}/metadata/endpoints` gives it to `az cloud register`."""
    async def endpoint(request: Request) -> JSONResponse:
        return JSONResponse({
            "galleryEndpoint": base_url, "graphEndpoint": base_url, "portalEndpoint": base_url,
            "authentication": {"loginEndpoint": base_url, "audiences": [base_url + "/"]},
            "resourceManager": base_url, "name": "sigtui", "suffixes": {},
        })
    return endpoint


class RequestLog:
    """One line on stderr per request: method, path, status, the calling principal's name, milliseconds."""

    def __init__(self, app, stream=sys.stderr):
        self.app = app
        self.stream = stream

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started, status = time.perf_counter(), [0]

        async def sending(message):
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception as error:  # noqa: BLE001  (the client gets ARM's 500; the log one line)
            print(f"sigtui serve: {type(error).__name__}: {error}", file=self.stream, flush=True)
            if not status[0]:
                await INTERNAL_ERROR(scope, receive, sending)
        principal = scope.get("state", {}).get("principal", "-")
        elapsed = (time.perf_counter() - started) * 1000
        print(f"{scope['method']} {scope['path']} {status[0]} {principal} {elapsed:.1f}ms", file=self.stream,
              flush=True)


def build_app(db_path: Path, issuer: TokenIssuer, base_url: str, log_stream=sys.stderr):
    """The whole endpoint over one database."""
    @contextmanager
    def connect() -> Iterator:
        with closing(raw.connect(db_path)) as conn:
            yield conn

    directory = Directory(connect, issuer, base_url)
    arm = ArmApi(db_path, issuer, base_url)
    routes = [
        Route("/{tenant}" + OPENID_PATH, directory.openid),
        Route("/{tenant}/discovery/v2.0/keys", directory.keys),
        Route("/common/discovery/instance", directory.instance_discovery),
        Route("/{tenant}/oauth2/v2.0/token", directory.token, methods=["POST"]),
        Route("/metadata/endpoints", metadata(base_url)),
        Route("/{path:path}", arm.respond, methods=ARM_METHODS),
    ]
    return RequestLog(Starlette(routes=routes), log_stream)
