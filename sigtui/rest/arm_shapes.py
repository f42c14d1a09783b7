"""What Resource Manager itself answers around the gallery: subscriptions, tenants, provider registration."""

from __future__ import annotations

from ..domain.models import Subscription
from ..domain.reference_data import regions
from ..domain.rest_resources import subscription_to_rest
from . import api_versions

COMPUTE_TYPES = (
    ("galleries", api_versions.GALLERY), ("galleries/images", api_versions.GALLERY),
    ("galleries/images/versions", api_versions.GALLERY), ("locations/capsOperations", api_versions.GALLERY),
    ("images", api_versions.COMPUTE), ("snapshots", api_versions.COMPUTE), ("disks", api_versions.COMPUTE),
    ("virtualMachines", api_versions.COMPUTE), ("diskEncryptionSets", api_versions.COMPUTE),
)


def subscription(sub: Subscription) -> dict:
    """sigtui's subscription body with the fields Resource Manager's `Subscription` model carries."""
    return {
        **subscription_to_rest(sub),
        "subscriptionId": sub.id,
        "displayName": sub.name,
        "authorizationSource": "RoleBased",
        "subscriptionPolicies": {"locationPlacementId": "Public_2014-09-01", "quotaId": "PayAsYouGo_2014-09-01",
                                 "spendingLimit": "Off"},
    }


def tenant(tenant_id: str, name: str, domain: str) -> dict:
    return {"id": f"/tenants/{tenant_id}", "tenantId": tenant_id, "tenantCategory": "Home", "displayName": name,
            "defaultDomain": domain, "domains": [domain]}


def compute_provider(sub: str) -> dict:
    """`GET /subscriptions/{s}/providers/Microsoft.Compute`: registered, with its resource types."""
    locations = [r.display_name for r in regions()]
    return {
        "id": f"/subscriptions/{sub}/providers/Microsoft.Compute",
        "namespace": "Microsoft.Compute",
        "registrationState": "Registered",
        "registrationPolicy": "RegistrationRequired",
        "resourceTypes": [{"resourceType": rtype, "locations": locations, "apiVersions": sorted(versions, reverse=True)}
                          for rtype, versions in COMPUTE_TYPES],
    }
