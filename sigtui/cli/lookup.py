"""Reads on the raw connection, filtered by what the caller may read. When something is missing or hidden,
the same read through the service layer raises Azure's error for it (404 or 403)."""

from __future__ import annotations

from ..domain.models import Gallery, ImageDefinition, ImageVersion, ResourceGroup, Subscription
from ..store import reads
from .context import Context


def subscription(ctx: Context, sub: str | None = None) -> Subscription:
    """The named subscription (default: `--subscription`, else the default one)."""
    sub = sub or ctx.subscription
    if sub:
        found = reads.subscription(ctx.conn, sub)
    else:
        found = next(iter(reads.visible_subscriptions(ctx.conn, ctx.identity) or reads.subscriptions(ctx.conn)), None)
    return found or ctx.services.subscription(ctx.conn, sub)


def visible_subscriptions(ctx: Context) -> list[Subscription]:
    return reads.visible_subscriptions(ctx.conn, ctx.identity)


def visible_subscription(ctx: Context, sub: str | None = None) -> Subscription:
    """A subscription the caller holds a role in; AuthorizationFailed for one it cannot see."""
    found = subscription(ctx, sub)
    if not any(s.id == found.id for s in visible_subscriptions(ctx)):
        from ..domain.access import authorization_failed, subscription_scope

        principal = reads.find_principal(ctx.conn, ctx.identity)
        raise authorization_failed(principal.label, principal.id, "read", subscription_scope(found.id))
    return found


def _visible(ctx: Context, found):
    """The value of a `(pk, value)` row the caller may read, else None."""
    return found[1] if found and ctx.readable(found[1].id) else None


def resource_group(ctx: Context, name: str, sub: str | None = None) -> ResourceGroup:
    found = _visible(ctx, reads.resource_group(ctx.conn, subscription(ctx, sub).id, name))
    return found or ctx.services.get_resource_group(name, sub or ctx.subscription)


def resource_groups(ctx: Context, sub: str | None = None) -> list[ResourceGroup]:
    return [rg for _, rg in reads.resource_groups(ctx.conn, subscription(ctx, sub).id) if ctx.readable(rg.id)]


def gallery(ctx: Context, rg: str, name: str, sub: str | None = None) -> Gallery:
    found = _visible(ctx, reads.gallery(ctx.conn, subscription(ctx, sub).id, rg, name))
    return found or ctx.services.get_gallery(sub or ctx.subscription, rg, name)


def galleries(ctx: Context, rg: str | None = None, sub: str | None = None) -> list[Gallery]:
    sub_id = subscription(ctx, sub).id
    if rg and reads.resource_group(ctx.conn, sub_id, rg) is None:
        return ctx.services.list_galleries(sub_id, rg)
    return [g for _, g in reads.galleries(ctx.conn, sub_id, rg) if ctx.readable(g.id)]


def definition(ctx: Context, rg: str, g: str, name: str, sub: str | None = None) -> ImageDefinition:
    found = _visible(ctx, reads.definition(ctx.conn, subscription(ctx, sub).id, rg, g, name))
    return found or ctx.services.get_definition(sub or ctx.subscription, rg, g, name)


def definitions(ctx: Context, rg: str, g: str, sub: str | None = None) -> list[ImageDefinition]:
    found = reads.gallery(ctx.conn, subscription(ctx, sub).id, rg, g)
    if found is None:
        return ctx.services.list_definitions(sub or ctx.subscription, rg, g)
    return [d for _, d in reads.definitions(ctx.conn, found[0]) if ctx.readable(d.id)]


def version(ctx: Context, rg: str, g: str, d: str, name: str, sub: str | None = None) -> ImageVersion:
    found = _visible(ctx, reads.version(ctx.conn, subscription(ctx, sub).id, rg, g, d, name))
    return found or ctx.services.get_version(sub or ctx.subscription, rg, g, d, name)


def versions(ctx: Context, rg: str, g: str, d: str, sub: str | None = None) -> list[ImageVersion]:
    found = reads.definition(ctx.conn, subscription(ctx, sub).id, rg, g, d)
    if found is None:
        return ctx.services.list_versions(sub or ctx.subscription, rg, g, d)
    return [v for _, v in reads.versions(ctx.conn, found[0]) if ctx.readable(v.id)]
