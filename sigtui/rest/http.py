"""One HTTP exchange as every REST face sees it: a request in, a status, headers and a JSON body out."""

from __future__ import annotations

from dataclasses import dataclass, field

ARM_ENDPOINT = "https://management.azure.com"
"""The base of the URLs in long-running-operation headers when a face has no endpoint of its own."""


@dataclass(frozen=True)
class Request:
    method: str
    url: str
    body: dict | None = None
    headers: dict[str, str] = field(default_factory=dict)
    base_url: str = ARM_ENDPOINT

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), None)


@dataclass
class Response:
    status: int
    body: dict | None = None
    headers: dict[str, str] = field(default_factory=dict)
