"""`sigtui rest`: `az rest` against the simulated Resource Manager, on the same services as every command."""

from __future__ import annotations

import json
from pathlib import Path

from ..domain.errors import AzureError
from ..domain.rest import (
    check_api_version,
    definition_from_rest,
    definition_to_rest,
    gallery_from_rest,
    gallery_to_rest,
    version_from_rest,
    version_to_rest,
)
from ..domain.rest_fields import check_modelled
from ..store import reads
from . import accounts, arm, conditions, httplog, lookup, resources, routes
from .output import CliError
from .parser import enum


def _rest_of(ctx, route: routes.Route, value) -> dict:
    """The REST body of one resource of the route's kind."""
    kind = route.kind
    if kind in ("gallery", "galleries"):
        return gallery_to_rest(value)
    if kind in ("definition", "definitions"):
        return definition_to_rest(value)
    if kind in ("version", "versions"):
        return version_to_rest(value, ctx.now(), expand=route.expand)
    if kind in ("group", "groups"):
        return accounts.rg_rest(value)
    if kind in ("subscription", "subscriptions"):
        return accounts.subscription_rest(value)
    return resources.to_rest(value)


def _read(ctx, r: routes.Route):
    """GET: one resource, or a collection."""
    kind, names = r.kind, r.names
    return {
        "subscriptions": lambda: lookup.visible_subscriptions(ctx),
        "subscription": lambda: lookup.visible_subscription(ctx, r.sub),
        "groups": lambda: lookup.resource_groups(ctx, r.sub),
        "group": lambda: lookup.resource_group(ctx, r.rg, r.sub),
        "galleries": lambda: lookup.galleries(ctx, r.rg, r.sub),
        "gallery": lambda: lookup.gallery(ctx, r.rg, *names, sub=r.sub),
        "definitions": lambda: lookup.definitions(ctx, r.rg, *names, sub=r.sub),
        "definition": lambda: lookup.definition(ctx, r.rg, *names, sub=r.sub),
        "versions": lambda: lookup.versions(ctx, r.rg, *names, sub=r.sub),
        "version": lambda: lookup.version(ctx, r.rg, *names, sub=r.sub),
        "sources": lambda: resources.listing(ctx, r.rtype, r.rg, r.sub),
        "source": lambda: resources.find(ctx, r.rtype, r.rg, *names, sub=r.sub),
    }[kind]()


def get(ctx, route: routes.Route) -> dict:
    found = _read(ctx, route)
    if isinstance(found, list):
        return {"value": [_rest_of(ctx, route, item) for item in found]}
    return _rest_of(ctx, route, found)


def _exists(ctx, r: routes.Route) -> bool:
    sub = lookup.subscription(ctx, r.sub).id
    found = {
        "group": lambda: reads.resource_group(ctx.conn, sub, r.rg),
        "gallery": lambda: reads.gallery(ctx.conn, sub, r.rg, *r.names),
        "definition": lambda: reads.definition(ctx.conn, sub, r.rg, *r.names),
        "version": lambda: reads.version(ctx.conn, sub, r.rg, *r.names),
    }.get(r.kind, lambda: None)()
    return found is not None


def _source_arguments(body: dict) -> dict:
    """A source resource's PUT body, in Azure's shapes (a managed image's or VM's `storageProfile`, a disk's
    or snapshot's `properties`) or in the shape sigtui returns, as `create_source` arguments."""
    props = body.get("properties") or {}
    storage = props.get("storageProfile") or {}
    os_disk = storage.get("osDisk") or {}
    data = sorted(storage.get("dataDisks") or props.get("dataDisks") or (), key=lambda d: d.get("lun", 0))
    return {
        "os_type": props.get("osType") or os_disk.get("osType"),
        "os_state": props.get("osState") or os_disk.get("osState"),
        "hyper_v_generation": props.get("hyperVGeneration") or storage.get("hyperVGeneration"),
        "os_disk_size_gb": props.get("diskSizeGB") or os_disk.get("diskSizeGB") or 30,
        "os_disk_used_gb": props.get("occupiedSizeGB") or os_disk.get("occupiedSizeGB"),
        "data_disk_sizes_gb": [d.get("diskSizeGB") for d in data],
        "data_disk_used_gb": [d.get("occupiedSizeGB", 0) for d in data],
        "data_disk_luns": [d.get("lun", i) for i, d in enumerate(data)],
        "os_host_caching": os_disk.get("caching"),
        "data_disk_caching": [d.get("caching") for d in data],
    }


def _put(ctx, r: routes.Route, body: dict):
    svc, sub, rg, names = ctx.services, lookup.subscription(ctx, r.sub).id, r.rg, r.names
    if r.kind == "group":
        return svc.create_resource_group(rg, body.get("location"), sub, body.get("tags"))
    if r.kind == "gallery":
        return svc.create_gallery(gallery_from_rest(body, sub, rg, *names))
    if r.kind == "definition":
        return svc.create_definition(definition_from_rest(body, sub, rg, *names, ctx.now()))
    if r.kind == "version":
        return svc.create_version(version_from_rest(body, sub, rg, *names, ctx.now()))
    if r.kind == "source" and r.rtype == resources.DES:
        encryption = (body.get("properties") or {}).get("encryptionType")
        return svc.create_disk_encryption_set(rg, *names, body.get("location"), sub, encryption)
    if r.kind == "source":
        kind = next(group for group, rtype in resources.KINDS.items() if rtype == r.rtype)
        return svc.create_source(kind, rg, *names, body.get("location"), sub, **_source_arguments(body))
    raise _not_allowed("PUT", r)


def _patch(ctx, r: routes.Route, body: dict):
    update = {"gallery": ctx.services.update_gallery, "definition": ctx.services.update_definition,
              "version": ctx.services.update_version}.get(r.kind)
    if update is None:
        raise _not_allowed("PATCH", r)
    return update(r.sub, r.rg, *r.names, body)


def _delete(ctx, r: routes.Route) -> int:
    delete = {"group": lambda: ctx.services.delete_resource_group(r.rg, r.sub),
              "gallery": lambda: ctx.services.delete_gallery(r.sub, r.rg, *r.names),
              "definition": lambda: ctx.services.delete_definition(r.sub, r.rg, *r.names),
              "version": lambda: ctx.services.delete_version(r.sub, r.rg, *r.names)}.get(r.kind)
    if delete is None:
        raise _not_allowed("DELETE", r)
    return arm.delete(delete)


def _not_allowed(method: str, r: routes.Route) -> AzureError:
    return AzureError("MethodNotAllowed", f"The requested method '{method}' is not allowed for this resource "
                                          f"({r.kind}).", 405)


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


def request(ctx, method: str, url: str, body: dict, headers: dict | None = None) -> tuple[int, dict | None]:
    """One HTTP request: status and response body (with the resource's etag). A write runs in one transaction
    that first checks `If-Match` / `If-None-Match` against the resource as it is."""
    sub = ctx.subscription or ""
    route = routes.parse(url.replace("{subscriptionId}", lookup.subscription(ctx, sub or None).id))
    check_api_version(route.param("api-version"))
    if method == "get":
        return 200, conditions.tagged(route.kind, get(ctx, route))
    with ctx.services.db.batch():
        if {"if-match", "if-none-match"} & set(headers or {}):
            conditions.check(headers, _current(ctx, route))
        status, answer = _write(ctx, method, route, body)
    return status, conditions.tagged(route.kind, answer)


def _current(ctx, route: routes.Route) -> dict | None:
    try:
        return get(ctx, route)
    except AzureError as error:
        if error.status == 404:
            return None
        raise


def _write(ctx, method: str, route: routes.Route, body: dict) -> tuple[int, dict | None]:
    check_modelled(route.kind, body)
    if method == "delete":
        return _delete(ctx, route), None
    if method == "patch":
        return 200, _rest_of(ctx, route, _patch(ctx, route, body))
    if method == "put":
        existed = _exists(ctx, route)
        return (200 if existed else 201), _rest_of(ctx, route, _put(ctx, route, body))
    raise _not_allowed(method.upper(), route)


def run(ctx, ns) -> dict | None:
    """The response body on stdout; with `--verbose` or `--debug`, the request and response on stderr as
    `az rest` logs them."""
    httplog.request(ns.method, ns.url, ns.body)
    try:
        status, body = request(ctx, ns.method, ns.url, _body(ns.body), conditions.parse_headers(ns.headers))
    except AzureError as error:
        httplog.response(error.status, error.to_rest())
        raise
    httplog.response(status, body)
    return body


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
    parser.set_defaults(handler=run)
