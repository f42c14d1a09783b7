"""Quotas at a glance: what a subscription uses in one region against Azure's limits (sigtui/data/limits.json)."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import AzureError
from .reference_data import limits

COUNTED = (
    ("galleries", "Galleries", "gallery", "galleriesPerSubscriptionPerRegion"),
    ("imageDefinitions", "Image definitions", "image_definition", "imageDefinitionsPerSubscriptionPerRegion"),
    ("imageVersions", "Image versions", "image_version", "imageVersionsPerSubscriptionPerRegion"),
)
"""Quota name, display name, counted table, limit key: what Azure limits per subscription per region."""

QUOTA_WORDS = {"gallery": "galleries", "definition": "image definitions", "version": "image versions"}
"""The word Azure's quota error uses for each kind of resource."""

LIMIT_KEYS = {"gallery": COUNTED[0][3], "definition": COUNTED[1][3], "version": COUNTED[2][3]}
REPLICAS = ("replicasPerImageVersion", "Replicas per image version (largest)", "regionalReplicaCountMax")
NEAR = 0.8
"""A quota is shown as nearly used up from this share of its limit."""


@dataclass(frozen=True, slots=True)
class Usage:
    """One quota of one subscription in one region."""

    name: str
    local_name: str
    current: int
    limit: int

    @property
    def state(self) -> str:
        """`full` (the next create is refused), `near` (80% or more) or `ok`."""
        if self.current >= self.limit:
            return "full"
        return "near" if self.current >= self.limit * NEAR else "ok"

    def to_rest(self) -> dict:
        """As `az vm list-usage` prints a usage: values as strings, `localName` beside ARM's `name`."""
        return {
            "currentValue": str(self.current),
            "limit": str(self.limit),
            "localName": self.local_name,
            "name": {"localizedValue": self.local_name, "value": self.name},
            "unit": "Count",
        }


@dataclass(frozen=True, slots=True)
class RegionUsage:
    """Every quota of one subscription in one region, and the replicas held there."""

    subscription: str
    subscription_name: str
    region: str
    quotas: tuple[Usage, ...]
    replicas: int

    def current(self, kind: str) -> int:
        """How many galleries, definitions or versions (by `kind`) the subscription has here."""
        return self.quotas[tuple(LIMIT_KEYS).index(kind)].current


def region_usage(
    subscription: tuple[str, str], region: str, counts: dict[str, int], replicas: tuple[int, int]
) -> RegionUsage:
    """The quotas from the counts per table (gallery, image_definition, image_version) and the region's
    replicas as (total, largest per version)."""
    lim = limits()
    quotas = [Usage(name, label, counts.get(table, 0), lim[key]) for name, label, table, key in COUNTED]
    quotas.append(Usage(REPLICAS[0], REPLICAS[1], replicas[1], lim[REPLICAS[2]]))
    return RegionUsage(subscription[0], subscription[1], region, tuple(quotas), replicas[0])


def quota_error(what: str, current: int, limit: int) -> AzureError:
    """Azure's refusal of a create that would exceed a quota of `what` (e.g. "galleries")."""
    return AzureError(
        "OperationNotAllowed",
        f"Operation could not be completed as it results in exceeding approved {what} quota. "
        f"Limit: {limit}, Current usage: {current}, Additional required: 1.",
        409,
        target="location",
    )


def warning_for(kind: str, subscription: str, region: str, found: tuple[RegionUsage, ...]) -> str | None:
    """The warning before creating a `kind` in the subscription's `region`, from the usage read beforehand."""
    here = next((u for u in found if (u.subscription, u.region) == (subscription, region)), None)
    return create_warning(kind, region, here.current(kind)) if here else None


def create_warning(kind: str, region: str, current: int) -> str | None:
    """What to say before a gallery, definition or version is created in `region` where the subscription already
    has `current` of them: None while there is room."""
    limit = limits()[LIMIT_KEYS[kind]]
    if current + 1 <= limit:
        return None
    return f"Quota in {region}: {quota_error(QUOTA_WORDS[kind], current, limit).message}"
