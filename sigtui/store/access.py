"""Principals, groups and role assignments: load the facts, let the domain decide, apply the plan."""

from __future__ import annotations

import uuid

from ..domain import access, access_writes
from ..domain.access import Principal
from ..domain.access_writes import assignment_to_rest
from . import access_facts as facts
from . import reads
from .base import Attempt, ServiceBase
from .defaults import DEFAULT_OWNER, DEFAULT_TENANT
from .reads import find_principal

ASSIGNMENT_WRITE = "Microsoft.Authorization/roleAssignments/write"
ASSIGNMENT_DELETE = "Microsoft.Authorization/roleAssignments/delete"


class AccessOps(ServiceBase):
    """Who may read, change and share what."""

    def can(self, action: str, resource_id: str) -> bool:
        with self.read() as conn:
            return reads.caller(conn, self.caller).may(action, resource_id)

    def ensure_owner(self, tx, subscription_id: str) -> None:
        """The default owner exists and owns `subscription_id`."""
        owner = find_principal(tx.conn, DEFAULT_OWNER)
        scope = access.subscription_scope(subscription_id)
        owns = owner is not None and reads.has_assignment(tx.conn, owner.id, "Owner", scope)
        new_id = "" if owns else str(uuid.uuid4())
        tx.decided(access_writes.decide_default_owner(
            tx.now, owner, bool(owns), DEFAULT_OWNER, DEFAULT_TENANT[0], subscription_id, new_id
        ))

    def create_principal(
        self, kind: str, display_name: str, user_principal_name: str | None = None, tenant: str | None = None
    ) -> Principal:
        """`ad user create`, `ad group create`, `ad sp create`."""
        with self.write() as tx:
            known = facts.principal_facts(tx.conn, tx.now, reads.caller(tx.conn, self.caller), user_principal_name,
                                          tenant, DEFAULT_TENANT[0])
            decision = access_writes.decide_create_principal(known, kind, display_name, user_principal_name, tenant)
            return tx.decided(decision)

    def add_group_member(self, group: str, member: str) -> None:
        with self.write() as tx:
            known = facts.directory_facts(tx.conn, tx.now, reads.caller(tx.conn, self.caller))
            group_p, member_p = find_principal(tx.conn, group), find_principal(tx.conn, member)
            tx.decided(access_writes.decide_add_member(known, group, member, group_p, member_p))

    def list_principals(self) -> list[Principal]:
        with self.read() as conn:
            return reads.principals(conn)

    def group_members(self, group: str) -> list[Principal]:
        with self.read() as conn:
            found = find_principal(conn, group)
            if found is None or found.kind != "Group":
                raise access_writes.graph_missing(group)
            return reads.members(conn, found.id)

    def create_role_assignment(self, assignee: str, role: str, scope: str) -> tuple[dict, str | None]:
        """Share a gallery, definition or version; returns the assignment and a warning for version scope."""
        with self.write(Attempt(ASSIGNMENT_WRITE, None, lambda _: scope)) as tx:
            role = access.role_name(role)
            access.check_scope(scope)
            known = facts.assignment_facts(tx.conn, tx.now, reads.caller(tx.conn, self.caller), assignee, role, scope)
            decision = access_writes.decide_create_assignment(known, assignee, role, scope, str(uuid.uuid4()))
            return tx.decided(decision)

    def _scope_exists(self, conn, scope: str) -> None:
        if not facts.scope_exists(conn, scope):
            raise access_writes.scope_missing(scope)

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
            present = [(*m, bool(reads.has_assignment(tx.conn, *m))) for m in matches]
            return tx.decided(access_writes.decide_remove_assignments(tx.now, reads.caller(tx.conn, self.caller),
                                                                       present))

    def delete_role_assignment(self, assignee: str, role: str, scope: str) -> int:
        with self.write(Attempt(ASSIGNMENT_DELETE, None, lambda _: scope)) as tx:
            role = access.role_name(role)
            principal = find_principal(tx.conn, assignee)
            if principal is None:
                raise access_writes.principal_missing(assignee)
            match = (principal.id, role, scope)
            present = [(*match, bool(reads.has_assignment(tx.conn, *match)))]
            return tx.decided(access_writes.decide_remove_assignments(tx.now, reads.caller(tx.conn, self.caller),
                                                                       present))
