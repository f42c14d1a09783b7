"""`sigtui sig image-version prune` (the retention planner) and `sigtui sig image-version usage` (who uses a
version, and `latest` per region after a planned change)."""

from __future__ import annotations

import argparse
from collections import OrderedDict

from ..domain.retention import DefinitionPlan, RetentionRule
from ..domain.usage import CHANGES, Deployment, RegionLatest
from .output import UsageError
from .parser import add_gallery, add_version, enum

SCOPE = "--resource-group MyResourceGroup --gallery-name MyGallery"
EXAMPLES = {
    "prune": (("See what keeping the newest 3 succeeded versions of every definition would delete.",
               f"sigtui sig image-version prune {SCOPE} --keep 3 --dry-run -o table"),
              ("Delete the versions of one definition that are past their end of life.",
               f"sigtui sig image-version prune {SCOPE} --gallery-image-definition MyImage --past-end-of-life")),
    "usage": (("Show the VMs and scale sets made from a version, and latest per region if it were deleted.",
               f"sigtui sig image-version usage {SCOPE} -i MyImage -e 1.0.0 -o table"),
              ("Show where latest would move if the version were excluded from latest.",
               f"sigtui sig image-version usage {SCOPE} -i MyImage -e 1.0.0 --change exclude")),
}


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got '{text}'")
    return value


def latest_to_json(rows: list[RegionLatest]) -> list[dict]:
    return [{"region": r.region, "now": r.now, "after": r.after, "changes": r.changes} for r in rows]


def plan_to_json(plan: DefinitionPlan, applied: bool) -> dict:
    gone = "deleted" if applied else "delete"
    versions = [
        {"name": c.version.name, "id": c.version.id, "action": gone if c.goes else "keep",
         "reasons": list(c.reasons), "blockers": list(c.blockers)}
        for c in plan.candidates
    ]
    return {"definition": plan.definition_id.rsplit("/", 1)[-1], "definitionId": plan.definition_id,
            "versions": versions, "latestAfter": latest_to_json(list(plan.latest))}


def prune(ctx, ns) -> list:
    """The plan (`--dry-run`), or the plan carried out in one transaction."""
    if ns.keep is None and not ns.past_end_of_life:
        raise UsageError("usage error: say what to prune: --keep N and/or --past-end-of-life")
    rule = RetentionRule(ns.keep, bool(ns.past_end_of_life))
    run = ctx.services.plan_prune if ns.dry_run else ctx.services.prune
    plans = run(ctx.subscription, ns.resource_group, ns.gallery, ns.definition, rule)
    return [plan_to_json(p, applied=not ns.dry_run) for p in plans]


def deployment_to_json(d: Deployment) -> dict:
    return {"id": d.id, "name": d.name, "type": f"Microsoft.Compute/{d.kind}", "location": d.location,
            "imageReference": d.image_reference, "via": d.via}


def usage(ctx, ns) -> dict:
    used, latest = ctx.services.version_usage(
        ctx.subscription, ns.resource_group, ns.gallery, ns.definition, ns.version, ns.change)
    return {"version": ns.version, "usedBy": [deployment_to_json(d) for d in used], "change": ns.change,
            "latest": latest_to_json(latest)}


def prune_table(result: list[dict]) -> list[OrderedDict]:
    return [OrderedDict([("Definition", p["definition"]), ("Version", v["name"]), ("Action", v["action"]),
                         ("Why", "; ".join(v["reasons"])), ("BlockedBy", "; ".join(v["blockers"]))])
            for p in result for v in p["versions"]]


def usage_table(result: dict) -> list[OrderedDict]:
    rows = [OrderedDict([("What", u["type"].rsplit("/", 1)[-1]), ("Name", u["name"]),
                         ("Detail", f"{u['via']} in {u['location']}")]) for u in result["usedBy"]]
    change = "deleted" if result["change"] == "delete" else "excluded from latest"
    for r in result["latest"]:
        detail = f"{r['after'] or 'nothing'} once {result['version']} is {change}" if r["changes"] else "unchanged"
        rows.append(OrderedDict([("What", f"latest in {r['region']}"), ("Name", r["now"] or "—"), ("Detail", detail)]))
    return rows


def build(verbs) -> None:
    p = verbs.add_parser("prune", help="Delete old image versions by a retention rule, or show what would go "
                                       "and what blocks it (--dry-run).", examples=EXAMPLES["prune"])
    add_gallery(p)
    p.add_argument("-i", "--gallery-image-definition", dest="definition",
                   help="Only this image definition (default: every definition of the gallery).")
    p.add_argument("--keep", type=positive, help="Keep the newest N succeeded versions of each definition.")
    p.add_argument("--past-end-of-life", action="store_true", help="Delete versions past their end-of-life date.")
    p.add_argument("--dry-run", action="store_true", help="Show the plan; delete nothing.")
    p.set_defaults(handler=prune, table_transformer=prune_table)
    p = verbs.add_parser("usage", help="Show the VMs and scale sets made from an image version, and what latest "
                                       "resolves to per region after a planned change.", examples=EXAMPLES["usage"])
    add_version(p)
    p.add_argument("--change", type=enum(*CHANGES), default="delete",
                   help="The planned change whose effect on latest to show. Default: delete.")
    p.set_defaults(handler=usage, table_transformer=usage_table)
