"""Role-based access: Owner, Contributor and Reader at a scope cover that resource and everything under it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .errors import AzureError, invalid
from .ids import parse_arm_id

ROLES = ("Owner", "Contributor", "Reader")
ROLE_ACTIONS = {
    "Reader": frozenset({"read"}),
    "Contributor": frozenset({"read", "write", "delete"}),
    "Owner": frozenset({"read", "write", "delete", "share"}),
}
PRINCIPAL_KINDS = ("User", "Group", "ServicePrincipal")
ROLE_DEFINITION_IDS = {
    "Owner": "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
    "Contributor": "b24988ac-6180-42a0-ab88-20f7382dd24c",
    "Reader": "acdd72a7-3385-48ef-bd42-f606fba81ae7",
}
"""Azure's built-in role definition ids, the same in every subscription."""
VERSION_SCOPE_WARNING = (
    "Sharing single image versions is allowed but discouraged: share the gallery (recommended) or the image "
    "definition instead."
)


@dataclass(frozen=True, slots=True)
class Principal:
    id: str
    kind: str
    display_name: str
    tenant_id: str
    user_principal_name: str | None = None

    @property
    def label(self) -> str:
        return self.user_principal_name or self.display_name


@dataclass(frozen=True, slots=True)
class RoleAssignment:
    id: str
    principal_id: str
    role: str
    scope: str


def role_name(text: str) -> str:
    for role in ROLES:
        if role.lower() == (text or "").lower():
            return role
    raise invalid(f"Role '{text}' doesn't exist. Use one of: {', '.join(ROLES)}.", "roleDefinitionId")


def covers(scope: str, resource_id: str) -> bool:
    """A scope covers itself and everything whose id continues it."""
    scope, resource = scope.rstrip("/").lower(), resource_id.rstrip("/").lower()
    return resource == scope or resource.startswith(scope + "/")


def permitted(assignments: Iterable[RoleAssignment], action: str, resource_id: str) -> bool:
    return any(action in ROLE_ACTIONS[a.role] and covers(a.scope, resource_id) for a in assignments)


def action_name(action: str, resource_id: str) -> str:
    """Azure's operation name, e.g. `Microsoft.Compute/galleries/images/versions/write`."""
    if action == "share":
        return "Microsoft.Authorization/roleAssignments/write"
    parsed = parse_arm_id(resource_id)
    if parsed.resource_group is None:
        return f"Microsoft.Resources/subscriptions/{action}"
    path = parsed.path
    if not path:
        return f"Microsoft.Resources/subscriptions/resourceGroups/{action}"
    return "Microsoft.Compute/" + "/".join(rtype for rtype, _ in path) + f"/{action}"


def authorization_failed(principal_label: str, object_id: str, action: str, resource_id: str) -> AzureError:
    return AzureError(
        "AuthorizationFailed",
        f"The client '{principal_label}' with object id '{object_id}' does not have authorization to perform action "
        f"'{action_name(action, resource_id)}' over scope '{resource_id}' or the scope is invalid. If access was "
        "recently granted, please refresh your credentials.",
        403,
    )


def check_scope(scope: str) -> str:
    """Assignments go on a subscription, resource group, gallery, definition or version."""
    parsed = parse_arm_id(scope, "scope")
    if parsed.kind not in ("", "galleries", "galleries/images", "galleries/images/versions"):
        raise invalid(
            f"The scope '{scope}' is not a subscription, resource group, gallery, image definition or image version.",
            "scope",
        )
    return scope


def sharing_warning(scope: str) -> str | None:
    return VERSION_SCOPE_WARNING if parse_arm_id(scope).kind == "galleries/images/versions" else None


def cmk_share_refused(scope: str) -> AzureError:
    return AzureError(
        "OperationNotAllowed",
        f"'{scope}' holds image versions encrypted with customer-managed keys; such images cannot be shared outside "
        "their subscription.",
        409,
    )


def subscription_scope(subscription_id: str) -> str:
    return f"/subscriptions/{subscription_id}"


def directory_admin(assignments: Iterable[RoleAssignment], tenant_subscriptions: Iterable[str]) -> bool:
    """Directory writes (users, groups, members) belong to the tenant's administrators: the Owners of its
    subscriptions."""
    scopes = {subscription_scope(s).lower() for s in tenant_subscriptions}
    return any(a.role == "Owner" and a.scope.rstrip("/").lower() in scopes for a in assignments)


def directory_denied() -> AzureError:
    """Microsoft Graph's refusal of a directory write by a caller without a directory role."""
    return AzureError("Authorization_RequestDenied", "Insufficient privileges to complete the operation.", 403)



@dataclass(frozen=True, slots=True)
class Caller:
    """Who acts, as named; the label and object id Azure quotes in a refusal; every role assignment that applies."""

    name: str
    label: str
    object_id: str
    grants: tuple[RoleAssignment, ...] = ()

    def may(self, action: str, resource_id: str) -> bool:
        return permitted(self.grants, action, resource_id)

    def require(self, action: str, resource_id: str) -> None:
        """Refuse with Azure's AuthorizationFailed unless the caller's roles allow `action` on the resource."""
        if not self.may(action, resource_id):
            raise authorization_failed(self.label, self.object_id, action, resource_id)
