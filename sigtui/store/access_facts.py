"""Load, inside the write's transaction, the facts directory writes and role assignments are decided on."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from ..domain import ids
from ..domain.access import Caller
from ..domain.access_writes import AssignmentFacts, DirectoryFacts, PrincipalFacts
from . import reads


def directory_facts(conn: sqlite3.Connection, now: datetime | None, caller: Caller) -> DirectoryFacts:
    """The caller and the subscriptions of its tenant."""
    principal = reads.find_principal(conn, caller.name)
    tenant = principal.tenant_id if principal else None
    owned = tuple(s.id for s in reads.subscriptions(conn) if s.tenant_id == tenant)
    return DirectoryFacts(now, caller, owned)


def principal_facts(
    conn: sqlite3.Connection, now: datetime, caller: Caller, upn: str | None, tenant: str | None, default_tenant: str
) -> PrincipalFacts:
    """Also the tenant a new principal joins, whether its name is taken, and how many principals there are."""
    known = directory_facts(conn, now, caller)
    return PrincipalFacts(
        now,
        caller,
        known.tenant_subscriptions,
        reads.tenant_id(conn, tenant) if tenant else default_tenant,
        bool(upn) and reads.find_principal(conn, upn) is not None,
        reads.principal_count(conn),
    )


def scope_exists(conn: sqlite3.Connection, scope: str) -> bool:
    """Whether the subscription, resource group, gallery, definition or version a scope names is there."""
    parsed = ids.parse_arm_id(scope, "scope")
    g, d, v = parsed.name_of("galleries"), parsed.name_of("images"), parsed.name_of("versions")
    rg, sub = parsed.resource_group, parsed.subscription
    if v:
        return reads.version(conn, sub, rg, g, d, v) is not None
    if d:
        return reads.definition(conn, sub, rg, g, d) is not None
    if g:
        return reads.gallery(conn, sub, rg, g) is not None
    if rg:
        return reads.resource_group(conn, sub, rg) is not None
    return reads.subscription(conn, sub) is not None


def assignment_facts(
    conn: sqlite3.Connection, now: datetime, caller: Caller, assignee: str, role: str, scope: str
) -> AssignmentFacts:
    """The assignee, whether the scope exists, its subscription's tenant, the CMK-encrypted versions, and whether
    the assignment is there already."""
    principal = reads.find_principal(conn, assignee)
    sub = reads.subscription(conn, ids.parse_arm_id(scope).subscription)
    return AssignmentFacts(
        now,
        caller,
        principal,
        scope_exists(conn, scope),
        sub.tenant_id if sub else None,
        tuple(reads.encrypted_version_ids(conn)),
        principal is not None and bool(reads.has_assignment(conn, principal.id, role, scope)),
    )
