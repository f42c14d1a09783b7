"""`sigtui init`: a new, empty database with one tenant, one default subscription and the clock."""

from __future__ import annotations


def run(ctx, ns) -> str:
    """A one-line summary; an existing database is left as it is."""
    return f"database ready at {ctx.path}"


def build(parser, group) -> None:
    parser.set_defaults(handler=run)
