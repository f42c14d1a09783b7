"""The api-versions each kind of request accepts, and Azure's answer to any other."""

from __future__ import annotations

from ..domain.errors import AzureError

GALLERY = (
    "2018-06-01", "2019-03-01", "2019-07-01", "2019-12-01", "2020-09-30", "2021-07-01", "2021-10-01",
    "2022-01-03", "2022-03-03", "2022-08-03", "2023-07-03", "2024-03-03", "2025-03-03", "2026-03-03",
)
"""Every stable Compute gallery api-version, to the newest azure-mgmt-compute sends."""

COMPUTE = (
    "2015-06-15", "2016-03-30", "2016-04-30-preview", "2017-03-30", "2017-12-01", "2018-04-01", "2018-06-01",
    "2018-10-01", "2019-03-01", "2019-07-01", "2019-12-01", "2020-06-01", "2020-06-30", "2020-09-30", "2020-12-01",
    "2021-03-01", "2021-04-01", "2021-07-01", "2021-08-01", "2021-11-01", "2021-12-01", "2022-03-01", "2022-03-02",
    "2022-07-02", "2022-08-01", "2022-11-01", "2023-01-02", "2023-03-01", "2023-04-02", "2023-07-01", "2023-09-01",
    "2023-10-02", "2024-03-01", "2024-03-02", "2024-07-01", "2024-11-01", "2025-01-02", "2025-04-01",
    "2025-11-01",
)
"""Managed images, disks, snapshots, VMs and disk encryption sets (Compute and Disk RP api-versions)."""

RESOURCES = (
    "2014-04-01", "2015-01-01", "2015-11-01", "2016-02-01", "2016-06-01", "2016-07-01", "2016-09-01", "2017-05-10",
    "2018-02-01", "2018-05-01", "2019-05-01", "2019-05-10", "2019-07-01", "2019-08-01", "2019-10-01", "2019-11-01",
    "2020-01-01", "2020-06-01", "2020-10-01", "2021-01-01", "2021-04-01", "2022-01-01", "2022-09-01", "2022-12-01",
    "2023-07-01", "2024-03-01", "2024-07-01", "2024-11-01", "2025-03-01", "2025-04-01",
)
"""Microsoft.Resources: subscriptions, tenants, resource groups and provider registrations."""

BY_KIND = {
    "subscriptions": RESOURCES, "subscription": RESOURCES, "groups": RESOURCES, "group": RESOURCES,
    "tenants": RESOURCES, "provider": RESOURCES, "sources": COMPUTE, "source": COMPUTE,
}


def supported(kind: str) -> tuple[str, ...]:
    """The api-versions a route of `kind` accepts."""
    return BY_KIND.get(kind, GALLERY)


def check(version: str | None, kind: str) -> None:
    """`MissingApiVersionParameter` without one; `InvalidApiVersionParameter` for one the route does not know."""
    if version is None:
        raise AzureError("MissingApiVersionParameter",
                         "The api-version query parameter (?api-version=) is required for all requests.")
    known = supported(kind)
    if version not in known:
        listed = ",".join(sorted(known, reverse=True))
        raise AzureError("InvalidApiVersionParameter",
                         f"The api-version '{version}' is invalid. The supported versions are '{listed}'.")
