"""`sigtui export [--id ARM_ID]`: resources in the Azure REST shape, versions with their replication status."""

from __future__ import annotations

from ..domain.rest import definition_to_rest, gallery_to_rest, version_to_rest
from ..rest import handler as rest
from ..rest import routes
from ..store import reads


def everything(ctx) -> dict:
    """Every gallery, then every definition, then every version (the order they can be created in again)."""
    now, conn = ctx.now(), ctx.conn
    galleries = reads.galleries(conn)
    definitions = [d for pk, _ in galleries for d in reads.definitions(conn, pk)]
    versions = [v for pk, _ in definitions for _, v in reads.versions(conn, pk)]
    return {"value": [*(gallery_to_rest(g) for _, g in galleries if ctx.readable(g.id)),
                      *(definition_to_rest(d) for _, d in definitions if ctx.readable(d.id)),
                      *(version_to_rest(v, now, expand=True) for v in versions if ctx.readable(v.id))]}


def run(ctx, ns) -> dict:
    if ns.id is None:
        return everything(ctx)
    return rest.get(ctx, routes.parse(f"{ns.id}?$expand=ReplicationStatus"))


def build(parser, group) -> None:
    parser.add_argument("--id", help="ARM ID of one resource (default: every gallery, definition and version).")
    parser.set_defaults(handler=run)
