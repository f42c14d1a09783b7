"""`sigtui account list|show|set|create` and `sigtui group create|list|show|delete`, as `az account` and `az group`."""

from __future__ import annotations

from . import tables
from .output import UsageError
from .parser import add_tags, subcommands, tags


def subscription_rest(sub) -> dict:
    """The REST shape of a subscription (the store keeps it beside SQLModel code, so it is imported late)."""
    from ..domain.rest_resources import subscription_to_rest

    return subscription_to_rest(sub)


def rg_rest(rg) -> dict:
    from ..domain.rest_resources import rg_to_rest

    return rg_to_rest(rg)


def account_list(ctx, ns) -> list:
    return [subscription_rest(s) for s in ctx.lookups.visible_subscriptions()]


def account_show(ctx, ns) -> dict:
    return subscription_rest(ctx.lookups.visible_subscription())


def account_set(ctx, ns) -> None:
    if not ctx.subscription:
        raise UsageError("sigtui account set: error: the following arguments are required: --subscription")
    ctx.services.set_default_subscription(ctx.lookups.subscription().id)


def group_create(ctx, ns) -> dict:
    return rg_rest(ctx.services.create_resource_group(ns.name, ns.location, ctx.subscription, tags(ns.tags)))


def group_show(ctx, ns) -> dict:
    return rg_rest(ctx.lookups.resource_group(None, ns.name))


def group_list(ctx, ns) -> list:
    return [rg_rest(rg) for rg in ctx.lookups.resource_groups()]


def group_delete(ctx, ns) -> None:
    ctx.services.delete_resource_group(ns.name, ctx.subscription)


GROUP_EXAMPLES = {
    "create": (("Create a resource group in West US.", "sigtui group create -l westus -n MyResourceGroup"),
               ("Create a resource group with tags.",
                "sigtui group create -l westus -n MyResourceGroup --tags team=images env=test")),
    "show": (("Show a resource group.", "sigtui group show -n MyResourceGroup"),),
    "delete": (("Delete an empty resource group.", "sigtui group delete -n MyResourceGroup --yes"),),
    "list": (("List the resource groups in West US.", "sigtui group list --query \"[?location=='westus']\""),),
}


def build(parser, group) -> None:
    verbs = subcommands(parser)
    if group == ("account",):
        verbs.add_parser("list", help="Get a list of subscriptions.",
                         examples=(("List the subscriptions' ids.", "sigtui account list --query [].id -o tsv"),)
                         ).set_defaults(handler=account_list, table_transformer=tables.account_list)
        verbs.add_parser("show", help="Get the details of the default (or --subscription) subscription."
                         ).set_defaults(handler=account_show)
        verbs.add_parser("set", help="Set --subscription to be the default subscription.",
                         examples=(("Make a subscription the default.",
                                    "sigtui account set --subscription \"Contoso Production\""),)
                         ).set_defaults(handler=account_set)
        from .tenancy import add_create

        add_create(verbs)
        return
    p = verbs.add_parser("create", help="Create a new resource group (or return the existing one).",
                         examples=GROUP_EXAMPLES["create"])
    p.add_argument("-n", "--name", "-g", "--resource-group", dest="name", required=True,
                   help="Name of the new resource group.")
    p.add_argument("-l", "--location", required=True, help="Location.")
    add_tags(p)
    p.set_defaults(handler=group_create)
    for verb, handler, about in (("show", group_show, "Get a resource group."),
                                 ("delete", group_delete, "Delete a resource group that holds no resources.")):
        p = verbs.add_parser(verb, help=about, examples=GROUP_EXAMPLES[verb])
        p.add_argument("-n", "--name", "-g", "--resource-group", dest="name", required=True,
                       help="Name of resource group.")
        if verb == "delete":
            p.add_argument("-y", "--yes", action="store_true", help="Do not prompt for confirmation (sigtui never "
                                                                    "prompts).")
            p.add_argument("--no-wait", action="store_true", help="Do not wait for the long-running operation to "
                                                                   "finish (sigtui finishes at once).")
        p.set_defaults(handler=handler)
    verbs.add_parser("list", help="List resource groups.", examples=GROUP_EXAMPLES["list"]).set_defaults(
        handler=group_list, table_transformer=tables.group_list)
