"""Principals, groups and role assignments, and the check every service method makes before it acts."""

from __future__ import annotations

import uuid

from ..domain import access, ids
from ..domain.access import Principal, RoleAssignment
from ..domain.errors import invalid, not_found
from ..domain.plan import Delete, Insert, plan
from . import reads
from .base import Attempt, ServiceBase
from .defaults import DEFAULT_OWNER, DEFAULT_TENANT
from .reads import find_principal

ASSIGNMENT_WRITE = "Microsoft.Authorization/roleAssignments/write"
ASSIGNMENT_DELETE = "Microsoft.Authorization/roleAssignments/delete"


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


def principal_to_rest(p: Principal) -> dict:
    body = {"id": p.id, "displayName": p.display_name, "objectType": p.kind, "tenantId": p.tenant_id}
    if p.user_principal_name:
        body["userPrincipalName"] = p.user_principal_name
    return body


def _principal_row(p: Principal) -> Insert:
    return Insert(
        "principal",
        {
            "id": p.id,
            "kind": p.kind,
            "display_name": p.display_name,
            "tenant_id": p.tenant_id,
            "user_principal_name": p.user_principal_name,
        },
    )


def _assignment_row(a: RoleAssignment, now) -> Insert:
    values = {"id": a.id, "principal_id": a.principal_id, "role": a.role, "scope": a.scope}
    return Insert("role_assignment", {**values, "created_at": now.timestamp()})


class AccessOps(ServiceBase):
    """Who may read, change and share what."""

    def can(self, action: str, resource_id: str) -> bool:
        with self.read() as conn:
            return access.permitted(reads.grants(conn, self.caller)[1], action, resource_id)

    def ensure_owner(self, tx, subscription_id: str) -> None:
        """The default owner exists and owns `subscription_id`."""
        owner = find_principal(tx.conn, DEFAULT_OWNER)
        if owner is None:
            owner_id = str(uuid.uuid5(uuid.NAMESPACE_DNS, DEFAULT_OWNER))
            owner = Principal(owner_id, "User", "Contoso Admin", DEFAULT_TENANT[0], DEFAULT_OWNER)
            tx.apply(plan(_principal_row(owner)))
        scope = f"/subscriptions/{subscription_id}"
        if not reads.has_assignment(tx.conn, owner.id, "Owner", scope):
            tx.apply(plan(_assignment_row(RoleAssignment(str(uuid.uuid4()), owner.id, "Owner", scope), tx.now)))

    def create_principal(
        self, kind: str, display_name: str, user_principal_name: str | None = None, tenant: str | None = None
    ) -> Principal:
        """`ad user create`, `ad group create`, `ad sp create`."""
        with self.read() as conn:
            self.authorize_directory(conn)
        if kind not in access.PRINCIPAL_KINDS:
            raise invalid(f"Unknown principal type '{kind}'.")
        if not display_name:
            raise invalid("Required parameter 'displayName' is missing (null).", "displayName")
        if kind == "User" and (not user_principal_name or "@" not in user_principal_name):
            raise invalid("The user principal name must look like 'name@domain'.", "userPrincipalName")
        with self.write() as tx:
            if user_principal_name and find_principal(tx.conn, user_principal_name):
                raise invalid(
                    f"Another object with the same value for property userPrincipalName already exists: "
                    f"'{user_principal_name}'.",
                    "userPrincipalName",
                )
            tenant_id = self._tenant(tx.conn, tenant)
            principal = Principal(
                self._object_id(tx.conn, tenant_id, kind, user_principal_name or display_name),
                kind,
                display_name,
                tenant_id,
                user_principal_name,
            )
            tx.apply(plan(_principal_row(principal)))
            tx.log(
                "Microsoft.Graph/principals/write", f"/principals/{principal.id}", None, principal_to_rest(principal)
            )
            return principal

    @staticmethod
    def _object_id(conn, tenant_id: str, kind: str, name: str) -> str:
        """A stable object id: the same directory built the same way gets the same ids (repeatable demos)."""
        existing = reads.principal_count(conn)
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"sigtui:{tenant_id}:{kind}:{name}:{existing}"))

    def _tenant(self, conn, tenant: str | None) -> str:
        if not tenant:
            return DEFAULT_TENANT[0]
        found = reads.tenant_id(conn, tenant)
        if found is None:
            raise not_found("TenantNotFound", f"Tenant '{tenant}' not found.")
        return found

    def authorize_directory(self, conn) -> None:
        """Directory writes need a directory role: the caller owns a subscription of its tenant."""
        principal, grants = reads.grants(conn, self.caller)
        tenant = principal.tenant_id if principal else None
        owned = [s.id for s in reads.subscriptions(conn) if s.tenant_id == tenant]
        if not access.directory_admin(grants, owned):
            raise access.directory_denied()

    def add_group_member(self, group: str, member: str) -> None:
        with self.write() as tx:
            self.authorize_directory(tx.conn)
            group_p, member_p = find_principal(tx.conn, group), find_principal(tx.conn, member)
            if group_p is None or group_p.kind != "Group":
                raise not_found(
                    "Request_ResourceNotFound",
                    f"Resource '{group}' does not exist or one of its queried "
                    "reference-property objects are not present.",
                )
            if member_p is None:
                raise not_found(
                    "Request_ResourceNotFound",
                    f"Resource '{member}' does not exist or one of its queried "
                    "reference-property objects are not present.",
                )
            tx.apply(plan(Insert("group_member", {"group_id": group_p.id, "member_id": member_p.id}, replace=True)))
            tx.log("Microsoft.Graph/groups/members/write", f"/principals/{group_p.id}", None, {"memberId": member_p.id})

    def list_principals(self) -> list[Principal]:
        with self.read() as conn:
            return reads.principals(conn)

    def group_members(self, group: str) -> list[Principal]:
        with self.read() as conn:
            found = find_principal(conn, group)
            if found is None or found.kind != "Group":
                raise not_found(
                    "Request_ResourceNotFound",
                    f"Resource '{group}' does not exist or one of its queried "
                    "reference-property objects are not present.",
                )
            return reads.members(conn, found.id)

    def create_role_assignment(self, assignee: str, role: str, scope: str) -> tuple[dict, str | None]:
        """Share a gallery, definition or version; returns the assignment and a warning for version scope."""
        with self.write(Attempt(ASSIGNMENT_WRITE, None, lambda _: scope)) as tx:
            role = access.role_name(role)
            access.check_scope(scope)
            self.authorize(tx.conn, "share", scope)
            principal = find_principal(tx.conn, assignee)
            if principal is None:
                raise not_found("PrincipalNotFound", f"Principal {assignee} does not exist in the directory.")
            self._scope_exists(tx.conn, scope)
            self._check_cmk_sharing(tx.conn, scope, principal)
            if reads.has_assignment(tx.conn, principal.id, role, scope):
                raise invalid("The role assignment already exists.", "roleAssignment")
            assignment = RoleAssignment(str(uuid.uuid4()), principal.id, role, scope)
            tx.apply(plan(_assignment_row(assignment, tx.now)))
            body = assignment_to_rest(assignment, principal)
            tx.log(ASSIGNMENT_WRITE, scope, None, body)
            return body, access.sharing_warning(scope)

    def _scope_exists(self, conn, scope: str) -> None:
        parsed = ids.parse_arm_id(scope, "scope")
        g, d, v = parsed.name_of("galleries"), parsed.name_of("images"), parsed.name_of("versions")
        rg = parsed.resource_group
        found = (
            reads.version(conn, parsed.subscription, rg, g, d, v)
            if v
            else reads.definition(conn, parsed.subscription, rg, g, d)
            if d
            else reads.gallery(conn, parsed.subscription, rg, g)
            if g
            else reads.resource_group(conn, parsed.subscription, rg)
            if rg
            else reads.subscription(conn, parsed.subscription)
        )
        if found is None:
            raise not_found("InvalidScope", f"The scope '{scope}' does not exist.")

    def _check_cmk_sharing(self, conn, scope: str, principal: Principal) -> None:
        """A CMK-encrypted image stays inside its subscription: no sharing to another tenant's principals."""
        sub = reads.subscription(conn, ids.parse_arm_id(scope).subscription)
        if sub is None or principal.tenant_id.lower() == sub.tenant_id.lower():
            return
        if any(access.covers(scope, version_id) for version_id in reads.encrypted_version_ids(conn)):
            raise access.cmk_share_refused(scope)

    def list_role_assignments(self, scope: str | None = None, assignee: str | None = None) -> list[dict]:
        """Assignments at or above `scope` (what applies to it), optionally for one assignee."""
        with self.read() as conn:
            principals = {p.id.lower(): p for p in reads.principals(conn)}
            rows = reads.role_assignments(conn)
            if scope:
                rows = [a for a in rows if access.covers(a.scope, scope) or access.covers(scope, a.scope)]
            if assignee:
                who = find_principal(conn, assignee)
                rows = [a for a in rows if who and a.principal_id.lower() == who.id.lower()]
            readable = self.readable(conn)
            rows = [a for a in rows if readable(a.scope)]
            return [assignment_to_rest(a, principals.get(a.principal_id.lower())) for a in rows]

    def delete_role_assignments(self, matches: list[tuple[str, str, str]]) -> int:
        """Remove several (principal id, role, scope) assignments together: all of them or none."""
        with self.write() as tx:
            gone = 0
            for principal_id, role, scope in matches:
                self.authorize(tx.conn, "share", scope)
                gone += self._remove_assignment(tx, principal_id, role, scope)
            return gone

    def _remove_assignment(self, tx, principal_id: str, role: str, scope: str) -> int:
        match = {"principal_id": principal_id, "role": role, "scope": scope}
        gone = reads.has_assignment(tx.conn, principal_id, role, scope)
        if gone:
            tx.apply(plan(Delete("role_assignment", match)))
            tx.log(
                ASSIGNMENT_DELETE,
                scope,
                {"principalId": principal_id, "role": role},
                None,
            )
        return gone

    def delete_role_assignment(self, assignee: str, role: str, scope: str) -> int:
        with self.write(Attempt(ASSIGNMENT_DELETE, None, lambda _: scope)) as tx:
            role = access.role_name(role)
            principal = find_principal(tx.conn, assignee)
            if principal is None:
                raise not_found("PrincipalNotFound", f"Principal {assignee} does not exist in the directory.")
            self.authorize(tx.conn, "share", scope)
            return self._remove_assignment(tx, principal.id, role, scope)
