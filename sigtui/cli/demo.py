"""`sigtui demo [--scale azure-limits]`: the demo catalog, or a catalog at Azure's limits, built by the store."""

from __future__ import annotations

from .parser import enum

LIMITS = (100, 10, 10)
"""Galleries × definitions × versions that `build_azure_limits` adds."""


def run(ctx, ns) -> str:
    """A one-line summary."""
    if ns.scale is None:
        from ..store.demo import build_demo

        build_demo(ctx.services)
        return f"demo catalog written to {ctx.path}"
    from ..store.scale import build_azure_limits

    seconds = build_azure_limits(ctx.services)
    galleries, definitions, versions = LIMITS
    return (f"built {galleries * definitions * versions:,} versions ({galleries} galleries × {definitions} "
            f"definitions × {versions} versions) in {seconds:.1f} s")


def build(parser, group) -> None:
    parser.add_argument("--scale", type=enum("azure-limits"),
                        help="azure-limits: 100 galleries × 10 definitions × 10 versions.")
    parser.set_defaults(handler=run)
