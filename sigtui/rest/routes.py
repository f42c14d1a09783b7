"""ARM URLs the simulator answers: which resource a path names, and its query options."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from ..domain.errors import AzureError

SOURCE_TYPES = {t.lower(): t for t in ("images", "snapshots", "disks", "virtualMachines", "diskEncryptionSets")}
NESTED = (("galleries", "galleries", "gallery"), ("images", "definitions", "definition"),
          ("versions", "versions", "version"))
"""The gallery hierarchy under `Microsoft.Compute`: URL segment, collection kind, single-resource kind."""
OPERATIONS = "capsOperations"
"""Where gallery operations report their status: `.../providers/Microsoft.Compute/locations/{l}/capsOperations/{id}`."""


@dataclass(frozen=True)
class Route:
    kind: str
    sub: str | None = None
    rg: str | None = None
    names: tuple[str, ...] = ()
    rtype: str | None = None
    query: tuple[tuple[str, str], ...] = ()

    def param(self, name: str) -> str | None:
        return next((v for k, v in self.query if k.lower() == name.lower()), None)

    @property
    def expand(self) -> bool:
        asked = (self.param("$expand") or "").lower().replace(" ", "").split(",")
        return "replicationstatus" in asked


def _unknown(path: str) -> AzureError:
    return AzureError("InvalidResourceType", f"The resource type for '{path}' could not be found in the "
                                             "namespace 'Microsoft.Compute'.", 404)


SOFT_DELETED = ("galleries", None, "softdeletedartifacttypes", "images", "artifacts", None, "versions")
"""`galleries/{g}/softDeletedArtifactTypes/Images/artifacts/{definition}/versions`: soft-deleted image versions."""


def _soft_deleted(rest: list[str]) -> bool:
    return len(rest) == len(SOFT_DELETED) and all(
        want is None or segment.lower() == want for segment, want in zip(rest, SOFT_DELETED, strict=True))


def _compute(path: str, sub: str, rg: str | None, rest: list[str], query) -> Route:
    if len(rest) == 3 and rest[0].lower() == "galleries" and rest[2].lower() == "share" and rg:
        return Route("share", sub, rg, (rest[1],), None, query)
    if rg and _soft_deleted(rest):
        return Route("softdeleted", sub, rg, (rest[1], rest[5]), None, query)
    if len(rest) in (1, 2) and rest[0].lower() in SOURCE_TYPES and rg:
        kind = "source" if len(rest) == 2 else "sources"
        return Route(kind, sub, rg, tuple(rest[1:]), SOURCE_TYPES[rest[0].lower()], query)
    names = []
    for i, segment in enumerate(rest):
        if i % 2 == 0 and (i // 2 >= len(NESTED) or segment.lower() != NESTED[i // 2][0]):
            raise _unknown(path)
        if i % 2 == 1:
            names.append(segment)
    if rg is None and len(rest) > 1:
        raise _unknown(path)
    _, collection, single = NESTED[(len(rest) - 1) // 2]
    return Route(single if len(rest) % 2 == 0 else collection, sub, rg, tuple(names), None, query)


def _provider(path: str, sub: str, rest: list[str], query) -> Route:
    """`providers/Microsoft.Compute` itself, and its `locations/{l}/capsOperations/{id}` operation statuses."""
    if len(rest) == 2:
        return Route("provider", sub, query=query)
    if len(rest) == 6 and rest[2].lower() == "locations" and rest[4].lower() == OPERATIONS.lower():
        return Route("operation", sub, names=(rest[3], rest[5]), query=query)
    if len(rest) >= 5 and rest[2].lower() == "locations" and rest[4].lower() == "sharedgalleries":
        return _shared(path, sub, rest[3], rest[5:], query)
    raise _unknown(path)


SHARED_KINDS = ("shared-galleries", "shared-gallery", "shared-images", "shared-image", "shared-versions",
                "shared-version")
"""What `.../locations/{l}/sharedGalleries[/{u}[/images[/{i}[/versions[/{v}]]]]]` names, by depth."""


def _shared(path: str, sub: str, location: str, rest: list[str], query) -> Route:
    """The read-only galleries shared directly with the subscription, in one location."""
    if len(rest) > 5 or any(rest[i].lower() != segment for i, segment in ((1, "images"), (3, "versions"))
                            if i < len(rest)):
        raise _unknown(path)
    names = tuple(rest[i] for i in range(0, len(rest), 2))
    return Route(SHARED_KINDS[len(rest)], sub, names=(location, *names), query=query)


def parse(url: str) -> Route:
    """`/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Compute/galleries/{g}...?api-version=...`;
    a full `https://management.azure.com/...` URL works too."""
    split = urlsplit(url)
    query = tuple(parse_qsl(split.query, keep_blank_values=True))
    parts = [p for p in split.path.split("/") if p]
    low = [p.lower() for p in parts]
    if low == ["tenants"]:
        return Route("tenants", query=query)
    if low[:1] != ["subscriptions"]:
        raise _unknown(split.path)
    if len(parts) <= 2:
        return Route("subscription" if len(parts) == 2 else "subscriptions", *parts[1:2], query=query)
    sub, rg, rest = parts[1], None, parts[2:]
    if low[2] == "resourcegroups":
        if len(parts) <= 4:
            return Route("group" if len(parts) == 4 else "groups", sub, *parts[3:4], query=query)
        rg, rest = parts[3], parts[4:]
    if rg and [p.lower() for p in rest[:3]] == ["providers", "microsoft.storage", "storageaccounts"] \
            and len(rest) in (3, 4):
        return Route("storageaccount" if len(rest) == 4 else "storageaccounts", sub, rg, tuple(rest[3:]), None, query)
    if len(rest) < 2 or rest[0].lower() != "providers" or rest[1].lower() != "microsoft.compute":
        raise _unknown(split.path)
    if rg is None and (len(rest) == 2 or rest[2].lower() == "locations"):
        return _provider(split.path, sub, rest, query)
    if len(rest) < 3:
        raise _unknown(split.path)
    return _compute(split.path, sub, rg, rest[2:], query)
