"""Azure AD, locally: OpenID metadata per tenant, the signing keys, instance discovery, and a token endpoint
for the client-credentials grant of service principals made by `sigtui ad sp create-for-rbac`."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import JSONResponse

from ..store import apps, reads
from .tokens import TokenIssuer

OPENID_PATH = "/v2.0/.well-known/openid-configuration"


def find_tenant(conn, text: str) -> str | None:
    """A tenant id from its id, name or domain; `organizations` and `common` mean the first tenant."""
    tenants = reads.tenants(conn)
    if text.lower() in ("common", "organizations") and tenants:
        return tenants[0][0]
    return next((t[0] for t in tenants if text.lower() in (t[0].lower(), t[1].lower(), t[2].lower())), None)


def openid_configuration(base: str, tenant: str) -> dict:
    root = f"{base}/{tenant}"
    return {
        "issuer": f"{root}/v2.0",
        "authorization_endpoint": f"{root}/oauth2/v2.0/authorize",
        "token_endpoint": f"{root}/oauth2/v2.0/token",
        "device_authorization_endpoint": f"{root}/oauth2/v2.0/devicecode",
        "end_session_endpoint": f"{root}/oauth2/v2.0/logout",
        "jwks_uri": f"{root}/discovery/v2.0/keys",
        "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
        "grant_types_supported": ["client_credentials"],
        "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
        "scopes_supported": ["openid", "profile", "email", "offline_access"],
        "subject_types_supported": ["pairwise"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "tenant_region_scope": None,
        "cloud_instance_name": base.split("://", 1)[-1],
    }


def aad_error(status: int, error: str, number: int, description: str) -> JSONResponse:
    """Azure AD's error answer: `error`, `error_description` (AADSTS code first), `error_codes`, ids, time."""
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%SZ")
    ids = f"Trace ID: {uuid.uuid4()} Correlation ID: {uuid.uuid4()} Timestamp: {now}"
    return JSONResponse({"error": error, "error_description": f"AADSTS{number}: {description} {ids}",
                         "error_codes": [number], "timestamp": now, "trace_id": str(uuid.uuid4()),
                         "correlation_id": str(uuid.uuid4())}, status)


class Directory:
    """The identity endpoints of one server, over one database."""

    def __init__(self, connect, issuer: TokenIssuer, base_url: str):
        self.connect = connect
        self.issuer = issuer
        self.base_url = base_url

    def _tenant(self, request: Request) -> str | None:
        with self.connect() as conn:
            return find_tenant(conn, request.path_params["tenant"])

    async def openid(self, request: Request) -> JSONResponse:
        tenant = self._tenant(request)
        if tenant is None:
            return aad_error(400, "invalid_tenant", 90002, f"Tenant '{request.path_params['tenant']}' not found.")
        return JSONResponse(openid_configuration(self.base_url, request.path_params["tenant"]))

    async def keys(self, request: Request) -> JSONResponse:
        return JSONResponse(self.issuer.jwks())

    async def instance_discovery(self, request: Request) -> JSONResponse:
        """MSAL's instance discovery: this endpoint is its own, only, alias."""
        host = self.base_url.split("://", 1)[-1]
        tenant = request.query_params.get("authorization_endpoint", "").split(host, 1)[-1].strip("/").split("/")[0]
        return JSONResponse({
            "tenant_discovery_endpoint": f"{self.base_url}/{tenant or 'common'}{OPENID_PATH}",
            "api-version": "1.1",
            "metadata": [{"preferred_network": host, "preferred_cache": host, "aliases": [host]}],
        })

    async def token(self, request: Request) -> JSONResponse:
        """The client-credentials grant: a client id and secret for an access token to `scope` (or `resource`)."""
        form = dict(parse_qsl((await request.body()).decode("utf-8", "replace")))
        tenant = self._tenant(request)
        if tenant is None:
            return aad_error(400, "invalid_request", 90002, f"Tenant '{request.path_params['tenant']}' not found.")
        if form.get("grant_type") != "client_credentials":
            return aad_error(400, "unsupported_grant_type", 70003,
                             f"The app requested an unsupported grant type '{form.get('grant_type')}'.")
        app_id, secret = str(form.get("client_id") or ""), str(form.get("client_secret") or "")
        scope = str(form.get("scope") or form.get("resource") or "")
        with self.connect() as conn:
            owner = apps.app_owner(conn, app_id)
            principal = apps.app_principal(conn, app_id, secret) if owner else None
        if owner is None or owner.tenant_id.lower() != tenant.lower():
            return aad_error(400, "unauthorized_client", 700016,
                             f"Application with identifier '{app_id}' was not found in the directory '{tenant}'.")
        if principal is None:
            return aad_error(401, "invalid_client", 7000215,
                             "Invalid client secret provided. Ensure the secret being sent in the request is the "
                             f"client secret value, not the client secret ID, for a secret added to app '{app_id}'.")
        request.state.principal = principal.display_name
        return JSONResponse(self.issuer.issue(principal, app_id, scope))
