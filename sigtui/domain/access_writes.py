"""Directory writes (principals, group members) and role assignments, decided on the facts the store loads; the
store applies the plan."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from . import access
from .access import Caller, Principal, RoleAssignment
from .errors import invalid, not_found
from .plan import Decision, Delete, Insert, activity, plan


def principal_to_rest(p: Principal) -> dict:
    body = {"id": p.id, "displayName": p.display_name, "objectType": p.kind, "tenantId": p.tenant_id}
    if p.user_principal_name:
        body["userPrincipalName"] = p.user_principal_name
    return body


def assignment_to_rest(a: RoleAssignment, principal: Principal | None) -> dict:
    return {
        "id": f"{a.scope}/providers/Microsoft.Authorization/roleAssignments/{a.id}",
        "name": a.id,
        "type": "Microsoft.Authorization/roleAssignments",
        "principalId": a.principal_id,
        "principalName": principal.label if principal else None,
        "principalType": principal.kind if principal else None,
        "roleDefinitionName": a.role,
        "scope": a.scope,
    }


def principal_insert(p: Principal) -> Insert:
    values = {"id": p.id, "kind": p.kind, "display_name": p.display_name, "tenant_id": p.tenant_id}
    return Insert("principal", {**values, "user_principal_name": p.user_principal_name})


def assignment_insert(a: RoleAssignment, now: datetime) -> Insert:
    values = {"id": a.id, "principal_id": a.principal_id, "role": a.role, "scope": a.scope}
    return Insert("role_assignment", {**values, "created_at": now.timestamp()})


def principal_missing(who: str) -> Exception:
    return not_found("PrincipalNotFound", f"Principal {who} does not exist in the directory.")


def scope_missing(scope: str) -> Exception:
    return not_found("InvalidScope", f"The scope '{scope}' does not exist.")


def graph_missing(who: str) -> Exception:
    """Microsoft Graph's answer for a group or member that is not in the directory."""
    return not_found(
        "Request_ResourceNotFound",
        f"Resource '{who}' does not exist or one of its queried reference-property objects are not present.",
    )


@dataclass(frozen=True)
class DirectoryFacts:
    """Who writes the directory, and the subscriptions of the caller's tenant (whose Owners administer it)."""

    now: datetime
    caller: Caller
    tenant_subscriptions: tuple[str, ...] = ()

    def authorize(self) -> None:
        """Directory writes need a directory role: Owner of a subscription of the caller's tenant."""
        if not access.directory_admin(self.caller.grants, self.tenant_subscriptions):
            raise access.directory_denied()


@dataclass(frozen=True)
class PrincipalFacts(DirectoryFacts):
    """Also: the tenant the new principal joins (None: the one asked for is unknown), whether its user principal
    name is taken, and how many principals there are (stable object ids for repeatable demos)."""

    tenant_id: str | None = None
    name_taken: bool = False
    principal_count: int = 0


def decide_create_principal(
    facts: PrincipalFacts, kind: str, display_name: str, upn: str | None, tenant: str | None
) -> Decision[Principal]:
    """`ad user create`, `ad group create`, `ad sp create`."""
    facts.authorize()
    if kind not in access.PRINCIPAL_KINDS:
        raise invalid(f"Unknown principal type '{kind}'.")
    if not display_name:
        raise invalid("Required parameter 'displayName' is missing (null).", "displayName")
    if kind == "User" and (not upn or "@" not in upn):
        raise invalid("The user principal name must look like 'name@domain'.", "userPrincipalName")
    if facts.name_taken:
        raise invalid(
            f"Another object with the same value for property userPrincipalName already exists: '{upn}'.",
            "userPrincipalName",
        )
    if facts.tenant_id is None:
        raise not_found("TenantNotFound", f"Tenant '{tenant}' not found.")
    seed = f"sigtui:{facts.tenant_id}:{kind}:{upn or display_name}:{facts.principal_count}"
    principal = Principal(str(uuid.uuid5(uuid.NAMESPACE_URL, seed)), kind, display_name, facts.tenant_id, upn)
    entry = activity(facts.now, facts.caller.name, "Microsoft.Graph/principals/write", f"/principals/{principal.id}",
                     None, principal_to_rest(principal))
    return Decision(principal, plan(principal_insert(principal), entry))


def decide_add_member(
    facts: DirectoryFacts, group: str, member: str, group_p: Principal | None, member_p: Principal | None
) -> Decision[None]:
    facts.authorize()
    if group_p is None or group_p.kind != "Group":
        raise graph_missing(group)
    if member_p is None:
        raise graph_missing(member)
    row = Insert("group_member", {"group_id": group_p.id, "member_id": member_p.id}, replace=True)
    entry = activity(facts.now, facts.caller.name, "Microsoft.Graph/groups/members/write",
                     f"/principals/{group_p.id}", None, {"memberId": member_p.id})
    return Decision(None, plan(row, entry))


@dataclass(frozen=True)
class AssignmentFacts:
    """What sharing `scope` with a principal is decided on."""

    now: datetime
    caller: Caller
    assignee: Principal | None
    scope_exists: bool
    scope_tenant: str | None
    """The tenant of the scope's subscription."""
    encrypted_versions: Sequence[str] = field(default_factory=tuple)
    already: bool = False


def decide_create_assignment(
    facts: AssignmentFacts, who: str, role: str, scope: str, assignment_id: str
) -> Decision[tuple[dict, str | None]]:
    """Share a gallery, definition or version; the assignment and a warning for version scope."""
    facts.caller.require("share", scope)
    principal = facts.assignee
    if principal is None:
        raise principal_missing(who)
    if not facts.scope_exists:
        raise scope_missing(scope)
    other_tenant = facts.scope_tenant is not None and principal.tenant_id.lower() != facts.scope_tenant.lower()
    if other_tenant and any(access.covers(scope, version_id) for version_id in facts.encrypted_versions):
        raise access.cmk_share_refused(scope)
    if facts.already:
        raise invalid("The role assignment already exists.", "roleAssignment")
    assignment = RoleAssignment(assignment_id, principal.id, role, scope)
    body = assignment_to_rest(assignment, principal)
    entry = activity(facts.now, facts.caller.name, "Microsoft.Authorization/roleAssignments/write", scope, None, body)
    return Decision((body, access.sharing_warning(scope)), plan(assignment_insert(assignment, facts.now), entry))


def decide_remove_assignments(
    now: datetime, caller: Caller, matches: Sequence[tuple[str, str, str, bool]]
) -> Decision[int]:
    """Remove (principal id, role, scope, present) assignments together, all or none; how many there were."""
    matches = list(dict.fromkeys(matches))
    steps = []
    for principal_id, role, scope, present in matches:
        caller.require("share", scope)
        if present:
            steps.append(Delete("role_assignment", {"principal_id": principal_id, "role": role, "scope": scope}))
            steps.append(activity(now, caller.name, "Microsoft.Authorization/roleAssignments/delete", scope,
                                  {"principalId": principal_id, "role": role}, None))
    return Decision(sum(1 for *_, present in matches if present), plan(*steps))


def decide_default_owner(
    now: datetime, owner: Principal | None, owns: bool, owner_name: str, tenant_id: str, subscription_id: str,
    assignment_id: str,
) -> Decision[None]:
    """The database's default owner exists and is Owner of `subscription_id` (a new subscription's first role)."""
    steps = []
    if owner is None:
        owner_id = str(uuid.uuid5(uuid.NAMESPACE_DNS, owner_name))
        owner = Principal(owner_id, "User", "Contoso Admin", tenant_id, owner_name)
        steps.append(principal_insert(owner))
    if not owns:
        scope = access.subscription_scope(subscription_id)
        steps.append(assignment_insert(RoleAssignment(assignment_id, owner.id, "Owner", scope), now))
    return Decision(None, plan(*steps))


def decide_app_credential(
    now: datetime, caller: Caller, principal: Principal, app_id: str, secret_hash: str
) -> Decision[None]:
    """An application's client secret (stored hashed) for its service principal."""
    row = {"app_id": app_id, "principal_id": principal.id, "secret_hash": secret_hash, "created_at": now.timestamp()}
    entry = activity(now, caller.name, "Microsoft.Graph/applications/write", f"/principals/{principal.id}", None,
                     {"appId": app_id})
    return Decision(None, plan(Insert("app_credential", row), entry))
