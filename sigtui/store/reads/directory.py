"""The directory: tenants, principals, group membership, role assignments and application credentials."""

from __future__ import annotations

import sqlite3

from ...domain import access
from ...domain.access import Principal, RoleAssignment
from ..defaults import NOBODY
from .rows import Row, rows


def tenants(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """Every tenant as (id, name, domain)."""
    return [(r["id"], r["name"], r["domain"]) for r in rows(conn, "SELECT id, name, domain FROM tenant ORDER BY name")]


def tenant_id(conn: sqlite3.Connection, tenant: str) -> str | None:
    """A tenant by id, name or domain."""
    found = conn.execute("SELECT id FROM tenant WHERE id = ? OR name = ? OR domain = ?", (tenant,) * 3).fetchone()
    return found[0] if found else None


def find_principal(conn: sqlite3.Connection, who: str) -> Principal | None:
    """A principal by object id, user principal name or display name."""
    found = rows(
        conn,
        "SELECT * FROM principal WHERE id = ? OR user_principal_name = ? OR display_name = ? "
        "ORDER BY kind = 'User' DESC LIMIT 1",
        (who, who, who),
    )
    return principal_from(found[0]) if found else None


def principals(conn: sqlite3.Connection) -> list[Principal]:
    return [principal_from(r) for r in rows(conn, "SELECT * FROM principal ORDER BY kind, display_name")]


def principal_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COUNT(*) FROM principal").fetchone()[0]


def members(conn: sqlite3.Connection, group_id: str) -> list[Principal]:
    sql = "SELECT p.* FROM principal p JOIN group_member m ON m.member_id = p.id WHERE m.group_id = ?"
    return [principal_from(r) for r in rows(conn, sql, (group_id,))]


def identities(conn: sqlite3.Connection, principal_id: str) -> set[str]:
    """The principal and every group it belongs to, directly or through other groups."""
    found, frontier = {principal_id.lower()}, [principal_id]
    while frontier:
        marks = ",".join("?" * len(frontier))
        groups = [
            r[0].lower()
            for r in conn.execute(f"SELECT group_id FROM group_member WHERE member_id IN ({marks})", frontier)
        ]
        frontier = [g for g in groups if g not in found]
        found.update(frontier)
    return found


def assignments_of(conn: sqlite3.Connection, principal_ids: set[str]) -> list[RoleAssignment]:
    marks = ",".join("?" * len(principal_ids))
    sql = f"SELECT * FROM role_assignment WHERE principal_id IN ({marks})"
    return [assignment_from(r) for r in rows(conn, sql, list(principal_ids))]


def role_assignments(conn: sqlite3.Connection) -> list[RoleAssignment]:
    return [assignment_from(r) for r in rows(conn, "SELECT * FROM role_assignment ORDER BY created_at")]


def has_assignment(conn: sqlite3.Connection, principal_id: str, role: str, scope: str) -> int:
    """How many assignments give `role` at `scope` to the principal (0 or 1)."""
    return conn.execute(
        "SELECT COUNT(*) FROM role_assignment WHERE principal_id = ? AND role = ? AND scope = ?",
        (principal_id, role, scope),
    ).fetchone()[0]


def grants(conn: sqlite3.Connection, caller: str) -> tuple[Principal | None, list[RoleAssignment]]:
    """The caller's principal and every role assignment that applies to it, directly or through groups."""
    principal = find_principal(conn, caller)
    if principal is None:
        return None, []
    return principal, assignments_of(conn, identities(conn, principal.id))


def caller(conn: sqlite3.Connection, name: str) -> access.Caller:
    """Who `name` is and what applies to them (an unknown name has no roles)."""
    principal, assignments = grants(conn, name)
    label, object_id = (principal.label, principal.id) if principal else (name, NOBODY)
    return access.Caller(name, label, object_id, tuple(assignments))


def app_credential(conn: sqlite3.Connection, app_id: str) -> tuple[str, str] | None:
    """An application's service principal id and its client secret's hash, else None."""
    found = conn.execute(
        "SELECT principal_id, secret_hash FROM app_credential WHERE app_id = ?", (app_id,)
    ).fetchone()
    return (found[0], found[1]) if found else None


def principal_from(r: Row) -> Principal:
    return Principal(r["id"], r["kind"], r["display_name"], r["tenant_id"], r["user_principal_name"])


def assignment_from(r: Row) -> RoleAssignment:
    return RoleAssignment(r["id"], r["principal_id"], r["role"], r["scope"])
