"""`sigtui activity list [--id ARM_ID]`: the activity log, shaped like `az monitor activity-log list`."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from ..domain.dates import iso
from ..store.activity import activity_log
from .parser import subcommands


def _entry(row: dict) -> dict:
    def parsed(text):
        return json.loads(text) if text else None

    return {
        "eventDataId": str(row["id"]),
        "eventTimestamp": iso(datetime.fromtimestamp(row["at"], UTC)),
        "caller": row["caller"],
        "face": row.get("face") or "",
        "operationName": {"value": row["operation"], "localizedValue": row["operation"]},
        "resourceId": row["resource_id"],
        "status": {"value": row["status"], "localizedValue": row["status"]},
        "properties": {"before": parsed(row["before"]), "after": parsed(row["after"]),
                       **({"message": row["message"]} if row.get("message") else {})},
    }


def list_(ctx, ns) -> list:
    entries = activity_log(ctx.conn, ctx.now(), ns.id, ns.max_events)
    return [_entry(row) for row in entries if ctx.readable(row["resource_id"])]


def build(parser, group) -> None:
    verbs = subcommands(parser)
    p = verbs.add_parser("list", help="List the activity log, newest first; --id limits it to a resource and its "
                                      "children.")
    p.add_argument("--id", "--resource-id", dest="id", help="ARM ID of a resource.")
    p.add_argument("--max-events", type=int, help="At most this many entries.")
    p.set_defaults(handler=list_)
