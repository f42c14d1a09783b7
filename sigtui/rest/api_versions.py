"""The api-versions requests carry: dated, as ARM requires everywhere, and for the gallery's own resources one
that the Compute gallery API has."""

from __future__ import annotations

from ..domain.errors import AzureError
from ..domain.rest import API_VERSIONS, check_api_version

GALLERY = API_VERSIONS
"""Every stable Compute gallery api-version, to the newest azure-mgmt-compute sends."""

COMPUTE = (
    "2015-06-15", "2016-03-30", "2016-04-30-preview", "2017-03-30", "2017-12-01", "2018-04-01", "2018-06-01",
    "2018-10-01", "2019-03-01", "2019-07-01", "2019-12-01", "2020-06-01", "2020-06-30", "2020-09-30", "2020-12-01",
    "2021-03-01", "2021-04-01", "2021-07-01", "2021-08-01", "2021-11-01", "2021-12-01", "2022-03-01", "2022-03-02",
    "2022-07-02", "2022-08-01", "2022-11-01", "2023-01-02", "2023-03-01", "2023-04-02", "2023-07-01", "2023-09-01",
    "2023-10-02", "2024-03-01", "2024-03-02", "2024-07-01", "2024-11-01", "2025-01-02", "2025-04-01",
    "2025-11-01",
)
"""Managed images, disks, snapshots, VMs and disk encryption sets (Compute and Disk RP api-versions), as the
provider registration lists them."""

GALLERY_KINDS = frozenset({"galleries", "gallery", "definitions", "definition", "versions", "version", "operation",
                           "softdeleted"})
SINCE = {"softdeleted": ("2024-03-03", "galleries/softDeletedArtifactTypes/artifacts/versions")}
"""Gallery resource types newer than the API's first version: the first api-version that has each, and its type."""


def check(version: str | None, kind: str) -> None:
    """`MissingApiVersionParameter` without one, `InvalidApiVersionParameter` for a malformed one, and for a
    gallery, definition, version or gallery operation, for one the gallery API does not have."""
    check_api_version(version)
    if kind in GALLERY_KINDS and version not in GALLERY:
        raise AzureError("InvalidApiVersionParameter",
                         f"The api-version '{version}' is invalid. The supported versions are '{','.join(GALLERY)}'.")
    if kind in SINCE and version < SINCE[kind][0]:
        first, rtype = SINCE[kind]
        supported = ",".join(v for v in GALLERY if v >= first)
        raise AzureError("NoRegisteredProviderFound",
                         f"No registered resource provider found for API version '{version}' and type '{rtype}'. "
                         f"The supported api-versions are '{supported}'.")
