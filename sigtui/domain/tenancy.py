"""Building a world: tenants, subscriptions that belong to one cloud, and allow-listing the regions that need
access (Australia Central, Australia Central 2)."""

from __future__ import annotations

import re
import uuid

from .errors import AzureError, conflict, invalid
from .models import Subscription
from .reference_data import CLOUDS, find_region, region_cloud

_DOMAIN = re.compile(r"(?=.{4,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}")


def check_cloud(text: str | None) -> str:
    """az's cloud name in its canonical spelling (any case in)."""
    found = next((c for c in CLOUDS if c.lower() == (text or "").lower()), None)
    if found is None:
        raise invalid(
            f"The value '{text}' of parameter 'cloud' is invalid. Allowed values: {', '.join(CLOUDS)}.", "cloud"
        )
    return found


def check_guid(text: str, what: str) -> str:
    """A tenant or subscription id: a GUID, kept in lower case."""
    try:
        return str(uuid.UUID(text))
    except (ValueError, AttributeError, TypeError):
        raise invalid(f"The {what} '{text}' is not a valid GUID.", what) from None


def check_tenant(name: str, domain: str, existing: list[tuple[str, str, str]], tenant_id: str) -> None:
    """A display name, a verified-looking domain; neither the id nor the domain may be taken."""
    if not (name or "").strip() or len(name) > 256:
        raise invalid("The tenant's display name must be 1 to 256 characters.", "displayName")
    if not _DOMAIN.fullmatch(domain or ""):
        raise invalid(f"The domain '{domain}' is not a valid domain name, such as contoso.onmicrosoft.com.", "domain")
    for known_id, _, known_domain in existing:
        if known_id.lower() == tenant_id.lower() or known_domain.lower() == domain.lower():
            raise conflict("TenantAlreadyExists", f"A tenant with the id '{known_id}' or domain '{domain}' exists.")


def check_subscription_name(name: str) -> None:
    if not (name or "").strip() or len(name) > 64:
        raise invalid("The subscription's display name must be 1 to 64 characters.", "displayName")


def allow_listed(subscription: Subscription, locations: list[str], allow: bool) -> tuple[str, ...]:
    """The subscription's allow-list after granting (or withdrawing) access to regions that need it; only
    regions of its cloud that need an access request can be listed."""
    wanted = region_cloud(subscription.cloud)
    regions = list(subscription.allowed_regions)
    for text in locations:
        region = find_region(text)
        if region is None or region.cloud != wanted:
            raise AzureError(
                "LocationNotAvailableForSubscription",
                f"The location '{text}' is not a region of the {subscription.cloud} cloud of subscription "
                f"'{subscription.id}'.",
                target="location",
            )
        if not region.access_required:
            raise invalid(
                f"The region '{region.display_name}' needs no access request: every subscription may use it.",
                "location",
            )
        if allow and region.name not in regions:
            regions.append(region.name)
        if not allow and region.name in regions:
            regions.remove(region.name)
    return tuple(regions)
