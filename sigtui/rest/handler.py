"""Resource Manager requests answered on the same services as every command."""

from __future__ import annotations

from ..cli import accounts, arm, conditions, resources
from ..domain.errors import AzureError
from ..domain.rest import (
    definition_from_rest,
    definition_to_rest,
    gallery_from_rest,
    gallery_to_rest,
    restore_requested,
    version_from_rest,
    version_to_rest,
)
from ..domain.rest_fields import check_modelled
from ..domain.rest_resources import soft_deleted_to_rest
from ..domain.storage import account_to_rest
from ..store import reads
from . import arm_shapes, routes, shared, vms


def _rest_of(ctx, route: routes.Route, value) -> dict:
    """The REST body of one resource of the route's kind."""
    kind = route.kind
    if vms.handles(route):
        return value
    if kind in ("gallery", "galleries"):
        return gallery_to_rest(value)
    if kind in ("definition", "definitions"):
        return definition_to_rest(value)
    if kind in ("version", "versions"):
        return version_to_rest(value, ctx.now(), expand=route.expand)
    if kind == "softdeleted":
        return soft_deleted_to_rest(value)
    if kind in ("storageaccount", "storageaccounts"):
        return account_to_rest(value)
    if kind == "tenants":
        return arm_shapes.tenant(*value)
    if kind == "provider":
        return value
    if kind in ("group", "groups"):
        return accounts.rg_rest(value)
    if kind in ("subscription", "subscriptions"):
        return arm_shapes.subscription(value)
    return resources.to_rest(value)


def _read(ctx, r: routes.Route):
    """GET: one resource, or a collection."""
    kind, names = r.kind, r.names
    return {
        "tenants": lambda: reads.tenants(ctx.conn),
        "provider": lambda: arm_shapes.compute_provider(ctx.lookups.subscription(r.sub).id),
        "subscriptions": lambda: ctx.lookups.visible_subscriptions(),
        "subscription": lambda: ctx.lookups.visible_subscription(r.sub),
        "groups": lambda: ctx.lookups.resource_groups(r.sub),
        "group": lambda: ctx.lookups.resource_group(r.sub, r.rg),
        "galleries": lambda: ctx.lookups.galleries(r.sub, r.rg),
        "gallery": lambda: ctx.lookups.gallery(r.sub, r.rg, *names).value,
        "definitions": lambda: ctx.lookups.definitions(r.sub, r.rg, *names),
        "definition": lambda: ctx.lookups.definition(r.sub, r.rg, *names).value,
        "versions": lambda: ctx.lookups.versions(r.sub, r.rg, *names),
        "version": lambda: ctx.lookups.version(r.sub, r.rg, *names).value,
        "softdeleted": lambda: ctx.services.list_soft_deleted_versions(r.sub, r.rg, *names),
        "storageaccounts": lambda: ctx.services.list_storage_accounts(r.rg, r.sub),
        "storageaccount": lambda: ctx.services.get_storage_account(r.rg, *names, r.sub),
        "sources": lambda: resources.listing(ctx, r.rtype, r.rg, r.sub),
        "source": lambda: resources.find(ctx, r.rtype, r.rg, *names, sub=r.sub),
    }[kind]()


def get(ctx, route: routes.Route) -> dict:
    if vms.handles(route):
        return vms.get(ctx, route)
    if shared.handles(route):
        return shared.get(ctx, route)
    found = _read(ctx, route)
    if isinstance(found, list):
        return {"value": [_rest_of(ctx, route, item) for item in found]}
    return _rest_of(ctx, route, found)


def _exists(ctx, r: routes.Route) -> bool:
    sub = ctx.lookups.subscription(r.sub).id
    if vms.handles(r):
        return vms.exists(ctx, r, sub)
    found = {
        "group": lambda: reads.resource_group(ctx.conn, sub, r.rg),
        "gallery": lambda: reads.gallery(ctx.conn, sub, r.rg, *r.names),
        "definition": lambda: reads.definition(ctx.conn, sub, r.rg, *r.names),
        "version": lambda: reads.version(ctx.conn, sub, r.rg, *r.names),
        "storageaccount": lambda: reads.storage_account_named(ctx.conn, *r.names),
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
    svc, sub, rg, names = ctx.services, ctx.lookups.subscription(r.sub).id, r.rg, r.names
    if r.kind == "group":
        return svc.create_resource_group(rg, body.get("location"), sub, body.get("tags"))
    if r.kind == "gallery":
        return svc.create_gallery(gallery_from_rest(body, sub, rg, *names))
    if r.kind == "definition":
        return svc.create_definition(definition_from_rest(body, sub, rg, *names, ctx.now()))
    if r.kind == "version" and restore_requested(body):
        return svc.restore_version(sub, rg, *names)
    if r.kind == "version":
        return svc.create_version(version_from_rest(body, sub, rg, *names, ctx.now()))
    if vms.handles(r):
        return vms.put(ctx, r, sub, body, _source_arguments)
    if r.kind == "storageaccount":
        return svc.create_storage_account(rg, *names, body.get("location"), sub, (body.get("sku") or {}).get("name"),
                                          body.get("kind"))
    if r.kind == "source" and r.rtype == resources.DES:
        encryption = (body.get("properties") or {}).get("encryptionType")
        return svc.create_disk_encryption_set(rg, *names, body.get("location"), sub, encryption)
    if r.kind == "source":
        kind = next(group for group, rtype in resources.KINDS.items() if rtype == r.rtype)
        return svc.create_source(kind, rg, *names, body.get("location"), sub, **_source_arguments(body))
    raise not_allowed("PUT", r)


def _patch(ctx, r: routes.Route, body: dict):
    update = {"gallery": ctx.services.update_gallery, "definition": ctx.services.update_definition,
              "version": ctx.services.update_version}.get(r.kind)
    if update is None:
        raise not_allowed("PATCH", r)
    if r.kind == "version" and restore_requested(body):
        return ctx.services.restore_version(r.sub, r.rg, *r.names)
    return update(r.sub, r.rg, *r.names, body)


def _delete(ctx, r: routes.Route) -> int:
    if vms.handles(r) and r.kind == "source":
        return arm.delete(lambda: vms.delete(ctx, r, ctx.lookups.subscription(r.sub).id))
    delete = {"group": lambda: ctx.services.delete_resource_group(r.rg, r.sub),
              "gallery": lambda: ctx.services.delete_gallery(r.sub, r.rg, *r.names),
              "definition": lambda: ctx.services.delete_definition(r.sub, r.rg, *r.names),
              "version": lambda: ctx.services.delete_version(r.sub, r.rg, *r.names)}.get(r.kind)
    if delete is None:
        raise not_allowed("DELETE", r)
    return arm.delete(delete)


def not_allowed(method: str, r: routes.Route) -> AzureError:
    return AzureError("MethodNotAllowed", f"The requested method '{method}' is not allowed for this resource "
                                          f"({r.kind}).", 405)


def parse(ctx, url: str) -> routes.Route:
    """The route a URL names, `{subscriptionId}` standing for the caller's subscription."""
    if "{subscriptionId}" in url:
        url = url.replace("{subscriptionId}", ctx.lookups.subscription(ctx.subscription or None).id)
    return routes.parse(url)


def request(ctx, method: str, route: routes.Route, body: dict, headers: dict | None = None) -> tuple[int, dict | None]:
    """One ARM request on a resource or collection: status and response body (with the resource's etag). A
    write runs in one transaction that first checks `If-Match` / `If-None-Match` (lower-case names in `headers`)
    against the resource as it is."""
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
    if method == "post" and route.kind == "share":
        return 200, shared.share(ctx, route, body)
    if method == "patch":
        return 200, _rest_of(ctx, route, _patch(ctx, route, body))
    if method == "put":
        existed = _exists(ctx, route) or (route.kind == "version" and restore_requested(body))
        return (200 if existed else 201), _rest_of(ctx, route, _put(ctx, route, body))
    raise not_allowed(method.upper(), route)
