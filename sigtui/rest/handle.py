"""`handle(ctx, request) -> response`: one ARM exchange, the same for `sigtui rest` and `sigtui serve`, with
request ids, api-version checks, the error envelope and long-running-operation headers."""

from __future__ import annotations

import uuid

from ..domain import api_shapes
from ..domain.errors import AzureError
from ..domain.ids import parse_arm_id
from ..store import reads
from . import api_versions, handler, lro, routes
from .envelope import error_response
from .http import Request, Response


def handle(ctx, request: Request) -> Response:
    """Answer `request` as the caller `ctx` stands for; refusals come back as ARM's error envelope."""
    correlation = request.header("x-ms-correlation-request-id") or str(uuid.uuid4())
    try:
        response = _answer(ctx, request)
    except AzureError as error:
        response = error_response(error)
    response.headers.update({"x-ms-request-id": str(uuid.uuid4()), "x-ms-correlation-request-id": correlation})
    return response


def _answer(ctx, request: Request) -> Response:
    method = request.method.lower()
    route = handler.parse(ctx, request.url)
    version = route.param("api-version")
    api_versions.check(version, route.kind)
    if route.kind == "operation":
        return _operation(ctx, route, method, request.base_url)
    if method in ("put", "patch"):
        api_shapes.check_request(route.kind, request.body, version)
    if route.kind not in lro.TRACKED or method not in ("put", "patch", "delete"):
        response = Response(*handler.request(ctx, method, route, request.body or {}, _conditions(request)))
    else:
        response = _long_running(ctx, route, method, request)
    response.body = api_shapes.shaped(route.kind, response.body, version)
    return response


def _long_running(ctx, route: routes.Route, method: str, request: Request) -> Response:
    """A write to a gallery, definition or version: the answer, and the operation to poll for its end. A gallery
    or definition answers `Creating` (or `Updating`) and is `Succeeded` by the first poll; a version's state
    follows its replication."""
    started = ctx.now().timestamp()
    location = _location(ctx, route) if method == "delete" else None
    status, body = handler.request(ctx, method, route, request.body or {}, _conditions(request))
    if status == 204:
        return Response(status)
    if body and route.kind in ("gallery", "definition"):
        body["properties"]["provisioningState"] = "Creating" if status == 201 else "Updating"
    resource_id = body["id"] if body else _resource_id(route)
    operation = lro.Operation("delete" if method == "delete" else "write", resource_id, started)
    location = location or (body or {}).get("location") or "global"
    headers = lro.headers(request.base_url, operation, location, route.param("api-version"))
    return Response(202 if method == "delete" else status, body, headers)


def _conditions(request: Request) -> dict[str, str]:
    """`If-Match` and `If-None-Match`, by lower-case name."""
    return {name.lower(): value for name, value in request.headers.items()
            if name.lower() in ("if-match", "if-none-match")}


def _resource_id(route: routes.Route) -> str:
    path = "/".join(f"{segment}/{name}" for (segment, _, _), name in zip(routes.NESTED, route.names, strict=False))
    return f"/subscriptions/{route.sub}/resourceGroups/{route.rg}/providers/Microsoft.Compute/{path}"


def _location(ctx, route: routes.Route) -> str | None:
    """The region of the resource a DELETE names, read before it goes."""
    sub = ctx.lookups.subscription(route.sub).id
    read = {"gallery": reads.gallery, "definition": reads.definition, "version": reads.version}[route.kind]
    found = read(ctx.conn, sub, route.rg, *route.names)
    return found[1].location if found else None


def _operation(ctx, route: routes.Route, method: str, base_url: str) -> Response:
    """An operation-status resource; with `monitor=true`, the operation-result resource `Location` names."""
    if method != "get":
        raise handler.not_allowed(method.upper(), route)
    operation = lro.Operation.parse(route.names[1])
    if parse_arm_id(operation.resource_id).subscription.lower() != route.sub.lower():
        raise lro.operation_not_found(route.names[1])
    answer = lro.status(ctx.conn, operation, ctx.now())
    if (route.param("monitor") or "").lower() != "true":
        return Response(200, answer)
    if answer["status"] == "InProgress":
        again = lro.status_url(base_url, operation, route.names[0], route.param("api-version"), monitor=True)
        return Response(202, None, {"Location": again, "Retry-After": str(lro.RETRY_AFTER_SECONDS)})
    if answer["status"] == "Failed":
        error = answer["error"]
        return error_response(AzureError(error["code"], error["message"], 400))
    return Response(200)
