"""The one visibility rule: a caller's role assignments decide what it may see, in every face (the TUI, the CLI,
the REST face). It sees what its roles cover, and the parents that lead there; refusals are Azure's 403."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from ...domain import access
from ..defaults import NOBODY
from .directory import caller as caller_of


@dataclass(frozen=True, slots=True)
class Visibility:
    """What `caller` may see. `scopes` are its readable scopes, normalized; None means no access control (a
    database without role assignments)."""

    caller: access.Caller
    scopes: tuple[str, ...] | None

    @classmethod
    def of(cls, caller: access.Caller) -> Visibility:
        """What a caller sees through the role assignments it holds."""
        readable = (a for a in caller.grants if "read" in access.ROLE_ACTIONS[a.role])
        return cls(caller, tuple(a.scope.rstrip("/").lower() for a in readable))

    def sees(self, resource_id: str) -> bool:
        """Whether the caller may read the resource: one of its roles covers it."""
        if self.scopes is None:
            return True
        resource = resource_id.rstrip("/").lower()
        return any(resource == scope or resource.startswith(scope + "/") for scope in self.scopes)

    def leads_to(self, resource_id: str) -> bool:
        """Whether the resource is seen, or holds something seen (a parent shown on the way to it)."""
        if self.sees(resource_id):
            return True
        prefix = resource_id.rstrip("/").lower() + "/"
        return any(scope.startswith(prefix) for scope in self.scopes)

    def sees_subscription(self, subscription_id: str) -> bool:
        """A subscription is visible to whoever holds a role anywhere in it."""
        return self.leads_to(access.subscription_scope(subscription_id))

    def require(self, resource_id: str) -> None:
        """Azure's AuthorizationFailed (403) unless the caller may read the resource."""
        if not self.sees(resource_id):
            raise access.authorization_failed(self.caller.label, self.caller.object_id, "read", resource_id)


def visibility(conn: sqlite3.Connection, name: str) -> Visibility:
    """What the caller named `name` may see, from its role assignments (direct and through groups)."""
    has_roles = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'role_assignment'")
    if has_roles.fetchone() is None:
        return Visibility(access.Caller(name, name, NOBODY), None)
    return Visibility.of(caller_of(conn, name))
