"""ARM's error envelope: `{"error": {"code", "message", "target", "details"}}` with Azure's HTTP status."""

from __future__ import annotations

from ..domain.errors import AzureError
from .http import Response


def error_body(error: AzureError) -> dict:
    return {"error": {"code": error.code, "message": error.message, "target": error.target, "details": []}}


def error_response(error: AzureError, headers: dict[str, str] | None = None) -> Response:
    return Response(error.status, error_body(error), dict(headers or {}))
