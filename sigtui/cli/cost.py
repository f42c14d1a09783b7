"""`sigtui cost [--id ARM_ID]`: an illustrative estimate of what the caller's image versions cost to keep."""

from __future__ import annotations


def run(ctx, ns) -> dict:
    """Snapshots, GB stored per storage type, first-copy egress, and monthly cost (illustrative prices)."""
    return ctx.services.cost_estimate(ns.id).to_json(ns.id)


def build(parser, group) -> None:
    parser.add_argument("--id", help="ARM ID of a version, definition or gallery (default: all the caller may read).")
    parser.set_defaults(handler=run)
