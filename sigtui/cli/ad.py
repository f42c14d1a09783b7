"""`sigtui ad user|group|sp create|list` and `sigtui ad group member add|list`: the directory, as `az ad`."""

from __future__ import annotations

from ..domain.access_writes import principal_to_rest
from .parser import subcommands

KINDS = {"user": "User", "group": "Group", "sp": "ServicePrincipal"}


def _rest(principal) -> dict:
    return principal_to_rest(principal)


def create(ctx, ns) -> dict:
    upn = getattr(ns, "user_principal_name", None)
    return _rest(ctx.services.create_principal(ns.kind, ns.display_name, upn, ns.tenant))


def list_(ctx, ns) -> list:
    return [_rest(p) for p in ctx.services.list_principals() if p.kind == ns.kind]


def create_for_rbac(ctx, ns) -> dict:
    """`az ad sp create-for-rbac`: appId, displayName, password and tenant; the password is shown only now."""
    return ctx.services.create_for_rbac(ns.name, ns.role, ns.scopes)


def member_add(ctx, ns) -> None:
    ctx.services.add_group_member(ns.group, ns.member_id)


def member_list(ctx, ns) -> list:
    return [_rest(p) for p in ctx.services.group_members(ns.group)]


def _members(verbs) -> None:
    p = verbs.add_parser("add", help="Add a user, group or service principal to a group.")
    p.add_argument("--group", "-g", required=True, help="The group's display name or object ID.")
    p.add_argument("--member-id", required=True, help="The member's object ID, user principal name or display name.")
    p.set_defaults(handler=member_add)
    p = verbs.add_parser("list", help="List the direct members of a group.")
    p.add_argument("--group", "-g", required=True, help="The group's display name or object ID.")
    p.set_defaults(handler=member_list)


def build(parser, group) -> None:
    verbs = subcommands(parser)
    if group[-1] == "member":
        _members(verbs)
        return
    kind = KINDS[group[-1]]
    noun = {"User": "user", "Group": "group"}.get(kind, "service principal")
    p = verbs.add_parser("create", help=f"Create a {noun}.")
    p.add_argument("--display-name", required=True, help=f"The {noun}'s display name.")
    if kind == "User":
        p.add_argument("--user-principal-name", required=True, help="The user principal name: name@domain.")
        p.add_argument("--password", help="Accepted as az does; sigtui keeps no passwords.")
    if kind == "Group":
        p.add_argument("--mail-nickname", help="Accepted as az does; sigtui does not keep it.")
    p.add_argument("--tenant", help="Tenant ID, name or domain (default: the subscription's tenant).")
    p.set_defaults(handler=create, kind=kind)
    verbs.add_parser("list", help=f"List every {noun}.").set_defaults(handler=list_, kind=kind)
    if kind == "ServicePrincipal":
        _create_for_rbac(verbs)


def _create_for_rbac(verbs) -> None:
    p = verbs.add_parser("create-for-rbac", help="Create a service principal that signs in with a client secret.")
    p.add_argument("--name", "-n", required=True, help="The service principal's display name.")
    p.add_argument("--role", help="Owner, Contributor or Reader, given at each of --scopes.")
    p.add_argument("--scopes", nargs="+", help="Space-separated ARM IDs: subscription, resource group, gallery, "
                                               "image definition or image version.")
    p.set_defaults(handler=create_for_rbac)
