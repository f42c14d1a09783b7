"""Azure-style errors: a code, a message and the HTTP status Azure answers with."""

from __future__ import annotations


class AzureError(Exception):
    """A refused operation, carrying Azure's error code and message."""

    def __init__(self, code: str, message: str, status: int = 400, target: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        self.target = target

    def __str__(self) -> str:
        return f"({self.code}) {self.message}"

    def to_rest(self) -> dict:
        """The body Azure sends with a failed request."""
        error = {"code": self.code, "message": self.message}
        if self.target:
            error["target"] = self.target
        return {"error": error}


def invalid(message: str, target: str | None = None) -> AzureError:
    """The common `InvalidParameter` 400."""
    return AzureError("InvalidParameter", message, 400, target)


def not_found(code: str, message: str) -> AzureError:
    return AzureError(code, message, 404)


def conflict(code: str, message: str, target: str | None = None) -> AzureError:
    return AzureError(code, message, 409, target)


def resource_not_found(rtype: str, path: str, rg: str) -> AzureError:
    return not_found(
        "ResourceNotFound",
        f"The Resource '{rtype}/{path}' under resource group '{rg}' was not found. For more details please go to "
        "https://aka.ms/ARMResourceNotFoundFix",
    )


def parent_not_found(path: str) -> AzureError:
    return not_found(
        "ParentResourceNotFound",
        f"Can not perform requested operation on nested resource. Parent resource '{path}' not found.",
    )
