"""`sigtui export [--id ARM_ID] [--as-requests]`: resources in the Azure REST shape, versions with their
replication status; or, for one resource, the `az` line, `az rest` call and curl request that create it as it is."""

from __future__ import annotations

from ..domain.rest import definition_to_rest, gallery_to_rest, version_to_rest
from ..rest import handler as rest
from ..rest import routes
from ..store import reads
from .output import UsageError


def everything(ctx) -> dict:
    """Every gallery, then every definition, then every version (the order they can be created in again)."""
    now, conn = ctx.now(), ctx.conn
    galleries = reads.galleries(conn)
    definitions = [d for pk, _ in galleries for d in reads.definitions(conn, pk)]
    versions = [v for pk, _ in definitions for _, v in reads.versions(conn, pk)]
    return {"value": [*(gallery_to_rest(g) for _, g in galleries if ctx.readable(g.id)),
                      *(definition_to_rest(d) for _, d in definitions if ctx.readable(d.id)),
                      *(version_to_rest(v, now, expand=True) for v in versions if ctx.readable(v.id))]}


def as_requests(ctx, resource_id: str) -> dict:
    """The requests that create the gallery, definition or version `resource_id` names, as it is."""
    from ..domain.equivalents import for_create
    from ..domain.errors import invalid
    from ..domain.ids import parse_arm_id

    arm = parse_arm_id(resource_id, "id")
    names = [n for _, n in arm.path]
    finders = {"galleries": ctx.lookups.gallery, "galleries/images": ctx.lookups.definition,
               "galleries/images/versions": ctx.lookups.version}
    if arm.resource_group is None or arm.kind not in finders:
        raise invalid(f"'{resource_id}' is not a gallery, image definition or image version id.", "id")
    found = finders[arm.kind](arm.subscription, arm.resource_group, *names).value
    made = for_create(found, ctx.now())
    return {"title": made.title, "az": made.az, "azRest": made.az_rest, "curl": made.curl, "note": made.note}


def run(ctx, ns) -> dict:
    if ns.as_requests:
        if ns.id is None:
            raise UsageError("--as-requests needs --id: the gallery, image definition or image version to copy.")
        return as_requests(ctx, ns.id)
    if ns.id is None:
        return everything(ctx)
    return rest.get(ctx, routes.parse(f"{ns.id}?$expand=ReplicationStatus"))


def build(parser, group) -> None:
    parser.add_argument("--id", help="ARM ID of one resource (default: every gallery, definition and version).")
    parser.add_argument("--as-requests", action="store_true",
                        help="Print the az command, az rest call and curl request that create the resource as it is "
                             "(keys az, azRest, curl, note; e.g. --query az -o tsv).")
    parser.set_defaults(handler=run)
