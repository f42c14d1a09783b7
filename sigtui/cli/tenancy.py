"""`sigtui account create`, `account tenant create|list` and `account region list|add|remove`: a world built
from an empty database, as `az account` names things."""

from __future__ import annotations

from ..domain.reference_data import CLOUDS
from ..domain.rules import available_regions
from ..rest.arm_shapes import tenant as arm_tenant
from ..store import reads
from .accounts import subscription_rest
from .parser import enum, subcommands


def tenant_create(ctx, ns) -> dict:
    return arm_tenant(*ctx.services.create_tenant(ns.name, ns.domain, ns.tenant_id))


def tenant_list(ctx, ns) -> list:
    return [arm_tenant(*t) for t in reads.tenants(ctx.conn)]


def account_create(ctx, ns) -> dict:
    return subscription_rest(ctx.services.create_subscription(ns.name, ns.tenant, ns.cloud, ns.subscription_id))


def region_list(ctx, ns) -> list:
    """`az account list-locations`: the regions of the subscription's cloud it may use."""
    sub = ctx.lookups.visible_subscription()
    return [{"name": r.name, "displayName": r.display_name, "regionalDisplayName": r.display_name,
             "metadata": {"geography": r.geography, "accessRequired": r.access_required}}
            for r in available_regions(sub)]


def region_change(ctx, ns) -> dict:
    sub = ctx.lookups.visible_subscription()
    return subscription_rest(ctx.services.allow_regions(ns.locations, ns.verb == "add", sub.id))


def build(parser, group) -> None:
    verbs = subcommands(parser)
    if group == ("account", "tenant"):
        p = verbs.add_parser("create", help="Create a tenant (a directory).", examples=(
            ("Create the Fabrikam tenant.",
             "sigtui account tenant create -n Fabrikam --domain fabrikam.onmicrosoft.com"),))
        p.add_argument("-n", "--name", "--display-name", dest="name", required=True, help="The tenant's name.")
        p.add_argument("--domain", required=True, help="Its default domain, e.g. fabrikam.onmicrosoft.com.")
        p.add_argument("--tenant-id", help="Its id (a GUID; default: a new one).")
        p.set_defaults(handler=tenant_create)
        verbs.add_parser("list", help="List the tenants.").set_defaults(handler=tenant_list)
        return
    p = verbs.add_parser("list", help="List the regions the subscription may use (az account list-locations).")
    p.set_defaults(handler=region_list)
    for verb, about in (("add", "Allow-list the subscription for regions that need an access request."),
                        ("remove", "Withdraw the subscription's access to regions that need a request.")):
        p = verbs.add_parser(verb, help=about, examples=(
            ("Allow-list the subscription for Australia Central and Australia Central 2.",
             "sigtui account region add -l australiacentral australiacentral2 --subscription MySubscription"),))
        p.add_argument("-l", "--locations", nargs="+", required=True, help="Space-separated regions.")
        p.set_defaults(handler=region_change)


def add_create(verbs) -> None:
    """`account create`, built into the `account` group."""
    p = verbs.add_parser("create", help="Create a subscription in a tenant and a cloud.", examples=(
        ("Create a subscription in the Azure China cloud.",
         "sigtui account create -n \"Contoso China\" --tenant contoso.onmicrosoft.com --cloud AzureChinaCloud"),))
    p.add_argument("-n", "--name", "--display-name", dest="name", required=True, help="The subscription's name.")
    p.add_argument("--tenant", required=True, help="Tenant ID, name or domain.")
    p.add_argument("--cloud", type=enum(*CLOUDS), default="AzureCloud", help="The cloud it belongs to.")
    p.add_argument("--subscription-id", help="Its id (a GUID; default: a new one).")
    p.set_defaults(handler=account_create)
