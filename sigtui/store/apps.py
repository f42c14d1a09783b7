"""Applications: a service principal with an application id and a client secret, as `az ad sp
create-for-rbac` makes them, and the check the token endpoint makes of a secret."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
import uuid

from ..domain import access, access_writes
from ..domain.access import Principal
from ..domain.errors import invalid
from . import reads
from .base import ServiceBase

SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def hash_secret(secret: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(secret.encode(), salt=salt, **SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def secret_matches(secret: str, stored: str) -> bool:
    _, salt, _ = stored.split("$")
    return hmac.compare_digest(hash_secret(secret, bytes.fromhex(salt)), stored)


def app_principal(conn: sqlite3.Connection, app_id: str, secret: str) -> Principal | None:
    """The service principal whose application id and client secret these are, else None."""
    found = reads.app_credential(conn, app_id)
    if found is None or not secret_matches(secret, found[1]):
        return None
    return reads.find_principal(conn, found[0])


def app_owner(conn: sqlite3.Connection, app_id: str) -> Principal | None:
    """The service principal an application id belongs to, whatever the secret."""
    found = reads.app_credential(conn, app_id)
    return reads.find_principal(conn, found[0]) if found else None


class AppOps(ServiceBase):
    """Service principals that sign in with a client secret."""

    def create_for_rbac(self, display_name: str, role: str | None = None, scopes: list[str] | None = None) -> dict:
        """A service principal with a new client secret, and the role at each scope when asked; az's answer."""
        if bool(role) != bool(scopes):
            raise invalid("To create role assignments, specify both --role and --scopes.")
        role = access.role_name(role) if role else None
        with self.read() as conn:
            for scope in scopes or ():
                access.check_scope(scope)
                self._scope_exists(conn, scope)
                self.authorize(conn, "share", scope)
        app_id, password = str(uuid.uuid4()), secrets.token_urlsafe(30)
        with self.db.batch():
            principal = self.create_principal("ServicePrincipal", display_name)
            with self.write() as tx:
                caller = reads.caller(tx.conn, self.caller)
                secret = hash_secret(password)
                tx.decided(access_writes.decide_app_credential(tx.now, caller, principal, app_id, secret))
            for scope in scopes or ():
                self.create_role_assignment(principal.id, role, scope)
        return {"appId": app_id, "displayName": display_name, "password": password, "tenant": principal.tenant_id}
