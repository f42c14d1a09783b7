"""Access tokens as Azure AD issues them to a service principal: RS256-signed JWTs that expire, the signing key
kept in sigtui's data directory and published as a JSON Web Key Set."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from ..domain.access import Principal

LIFETIME_SECONDS = 3599
ARM_AUDIENCES = ("https://management.azure.com", "https://management.core.windows.net")


class TokenRejected(Exception):
    """A bearer token Resource Manager refuses: ARM's code and message."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def _signing_key(path: Path) -> rsa.RSAPrivateKey:
    """The token-signing key, made on first use and kept."""
    if path.exists():
        return serialization.load_pem_private_key(path.read_bytes(), None)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    path.chmod(0o600)
    return key


def _utc_text(epoch: float) -> str:
    """ARM's rendering of a time in its token errors, e.g. `11/29/2026 10:05:03 PM`."""
    moment = time.gmtime(epoch)
    return f"{moment.tm_mon}/{moment.tm_mday}/{moment.tm_year} {time.strftime('%I:%M:%S %p', moment).lstrip('0')}"


@dataclass
class TokenIssuer:
    """Issues and checks access tokens for one endpoint (`base_url`)."""

    key_path: Path
    base_url: str
    clock: Callable[[], float] = time.time
    lifetime: int = LIFETIME_SECONDS

    def __post_init__(self):
        self.key = _signing_key(self.key_path)
        self.key_id = uuid.uuid5(uuid.NAMESPACE_URL, str(self.key.public_key().public_numbers().n)).hex

    @property
    def audiences(self) -> tuple[str, ...]:
        return (*ARM_AUDIENCES, self.base_url)

    def issuer(self, tenant: str) -> str:
        return f"{self.base_url}/{tenant}/v2.0"

    def issue(self, principal: Principal, app_id: str, scope: str) -> dict:
        """The token endpoint's answer to a client-credentials grant by `principal` (a service principal) for
        `scope` (`{resource}/.default`)."""
        now = int(self.clock())
        audience = scope.split()[0].removesuffix("/.default").rstrip("/")
        claims = {"aud": audience, "iss": self.issuer(principal.tenant_id), "iat": now, "nbf": now,
                  "exp": now + self.lifetime, "tid": principal.tenant_id, "oid": principal.id, "sub": principal.id,
                  "appid": app_id, "azp": app_id, "app_displayname": principal.display_name, "idtyp": "app",
                  "ver": "2.0", "uti": uuid.uuid4().hex}
        token = jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": self.key_id})
        return {"token_type": "Bearer", "expires_in": self.lifetime, "ext_expires_in": self.lifetime,
                "access_token": token}

    def verify(self, token: str) -> dict:
        """The claims of a token this endpoint issued for Resource Manager, or `TokenRejected`."""
        try:
            claims = jwt.decode(token, self.key.public_key(), algorithms=["RS256"], options={
                "verify_exp": False, "verify_aud": False, "require": ["exp", "oid", "tid", "aud"]})
        except jwt.InvalidTokenError:
            raise TokenRejected("InvalidAuthenticationToken", "The access token is invalid.") from None
        if claims["aud"].rstrip("/") not in self.audiences:
            raise TokenRejected("InvalidAuthenticationToken",
                                "The access token has been obtained for wrong audience or resource "
                                f"'{claims['aud']}'. It should exactly match with one of the allowed audiences "
                                f"'{', '.join(a + '/' for a in self.audiences)}'.")
        now = self.clock()
        if claims["exp"] <= now:
            raise TokenRejected("ExpiredAuthenticationToken",
                                f"The access token expiry UTC time '{_utc_text(claims['exp'])}' is earlier than "
                                f"current UTC time '{_utc_text(now)}'.")
        return claims

    def jwks(self) -> dict:
        """The public signing key as a JSON Web Key Set."""
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**public, "kid": self.key_id, "use": "sig", "alg": "RS256"}]}
