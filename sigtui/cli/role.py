"""`sigtui role assignment create|list|delete`: sharing galleries, definitions and versions, as
`az role assignment`."""

from __future__ import annotations

from ..domain import ids
from ..domain.access import ROLE_DEFINITION_IDS, covers, role_name
from .output import CliError, warn
from .parser import add_flag, add_resource_group, subcommands


def to_az(assignment: dict) -> dict:
    """The service's assignment with what az prints beside it: the role definition id and resource group."""
    parsed = ids.parse_arm_id(assignment["scope"])
    role = ROLE_DEFINITION_IDS[assignment["roleDefinitionName"]]
    definition = f"/subscriptions/{parsed.subscription}/providers/Microsoft.Authorization/roleDefinitions/{role}"
    return {**assignment, "resourceGroup": parsed.resource_group, "roleDefinitionId": definition}


def _scope(ctx, ns) -> str:
    """az's `_build_role_scope`: `--scope`, else `-g`'s resource group, else the subscription."""
    if ns.scope and ns.resource_group:
        raise CliError(f'Resource group "{ns.resource_group}" is redundant because scope is supplied')
    if ns.scope:
        return ns.scope
    sub = ctx.lookups.subscription().id
    return ids.rg_id(sub, ns.resource_group) if ns.resource_group else f"/subscriptions/{sub}"


def _search(ctx, ns) -> list[dict]:
    """az's `_search_role_assignments`: exactly at the scope, or above it too with `--include-inherited`."""
    found = ctx.services.list_role_assignments(assignee=ns.assignee)
    if ns.role:
        role = role_name(ns.role)
        found = [a for a in found if a["roleDefinitionName"] == role]
    if getattr(ns, "all", False):
        return found
    scope = _scope(ctx, ns)
    return [a for a in found if a["scope"].lower() == scope.lower()
            or (ns.include_inherited and covers(a["scope"], scope))]


def create(ctx, ns) -> dict:
    assignment, warning = ctx.services.create_role_assignment(ns.assignee, ns.role, _scope(ctx, ns))
    if warning:
        warn(warning)
    return to_az(assignment)


def list_(ctx, ns) -> list:
    """What the caller may read: assignments on resources it can see."""
    if ns.all and (ns.scope or ns.resource_group):
        raise CliError("group or scope are not required when --all is used")
    return [to_az(a) for a in _search(ctx, ns) if ctx.readable(a["scope"])]


def delete(ctx, ns) -> None:
    found = _search(ctx, ns)
    if not found:
        raise CliError("No matched assignments were found to delete")
    ctx.services.delete_role_assignments([(a["principalId"], a["roleDefinitionName"], a["scope"]) for a in found])


def _arguments(p, verb: str) -> None:
    required = verb == "create"
    p.add_argument("--assignee", required=required, help="User principal name, display name or object ID.")
    p.add_argument("--role", required=required, help="Owner, Contributor or Reader.")
    p.add_argument("--scope", help="ARM id of a gallery, image definition or image version (default: the "
                                   "subscription)")
    add_resource_group(p, required=False)
    if verb != "create":
        add_flag(p, "--include-inherited", help="Include assignments on the scope's parents.")


def build(parser, group) -> None:
    verbs = subcommands(parser)
    p = verbs.add_parser("create", help="Share: give a principal a role at a scope.")
    _arguments(p, "create")
    p.set_defaults(handler=create)
    p = verbs.add_parser("list", help="List role assignments at a scope (default: the subscription), or --all.")
    _arguments(p, "list")
    add_flag(p, "--all", help="Every assignment the caller may see.")
    p.set_defaults(handler=list_)
    p = verbs.add_parser("delete", help="Remove the matching role assignments.")
    _arguments(p, "delete")
    p.set_defaults(handler=delete)
