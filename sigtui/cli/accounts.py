"""`sigtui account list|show|set` and `sigtui group create|list|show|delete`, as `az account` and `az group`."""

from __future__ import annotations

from . import lookup
from .output import UsageError
from .parser import add_tags, subcommands, tags


def subscription_rest(sub) -> dict:
    """The REST shape of a subscription (the store keeps it beside SQLModel code, so it is imported late)."""
    from ..domain.rest import subscription_to_rest

    return subscription_to_rest(sub)


def rg_rest(rg) -> dict:
    from ..domain.rest import rg_to_rest

    return rg_to_rest(rg)


def account_list(ctx, ns) -> list:
    return [subscription_rest(s) for s in lookup.visible_subscriptions(ctx)]


def account_show(ctx, ns) -> dict:
    return subscription_rest(lookup.visible_subscription(ctx))


def account_set(ctx, ns) -> None:
    if not ctx.subscription:
        raise UsageError("sigtui account set: error: the following arguments are required: --subscription")
    ctx.services.set_default_subscription(lookup.subscription(ctx).id)


def group_create(ctx, ns) -> dict:
    return rg_rest(ctx.services.create_resource_group(ns.name, ns.location, ctx.subscription, tags(ns.tags)))


def group_show(ctx, ns) -> dict:
    return rg_rest(lookup.resource_group(ctx, ns.name))


def group_list(ctx, ns) -> list:
    return [rg_rest(rg) for rg in lookup.resource_groups(ctx)]


def group_delete(ctx, ns) -> None:
    ctx.services.delete_resource_group(ns.name, ctx.subscription)


def build(parser, group) -> None:
    verbs = subcommands(parser)
    if group == ("account",):
        verbs.add_parser("list", help="list subscriptions").set_defaults(handler=account_list)
        verbs.add_parser("show", help="show the default (or --subscription) subscription").set_defaults(
            handler=account_show)
        verbs.add_parser("set", help="make --subscription the default").set_defaults(handler=account_set)
        return
    p = verbs.add_parser("create", help="create a resource group (or return the existing one)")
    p.add_argument("-n", "--name", "-g", "--resource-group", dest="name", required=True)
    p.add_argument("-l", "--location", required=True)
    add_tags(p)
    p.set_defaults(handler=group_create)
    for verb, handler in (("show", group_show), ("delete", group_delete)):
        p = verbs.add_parser(verb, help=f"{verb} a resource group")
        p.add_argument("-n", "--name", "-g", "--resource-group", dest="name", required=True)
        if verb == "delete":
            p.add_argument("-y", "--yes", action="store_true", help="do not prompt (sigtui never prompts)")
            p.add_argument("--no-wait", action="store_true")
        p.set_defaults(handler=handler)
    verbs.add_parser("list", help="list resource groups").set_defaults(handler=group_list)
