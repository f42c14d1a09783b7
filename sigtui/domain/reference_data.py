"""Static Azure reference data (regions, VM sizes, limits, prices) loaded from JSON."""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR: Path = Path(__file__).resolve().parents[1] / "data"
"""The JSON files shipped in the `sigtui.data` package."""


@cache
def _load(filename: str) -> Any:
    """Parse one JSON file from DATA_DIR (cached)."""
    return json.loads((DATA_DIR / filename).read_text(encoding="utf-8"))


def _norm(text: str) -> str:
    """Normalize a lookup key: lowercase, no whitespace, dashes or underscores."""
    return "".join(text.lower().split()).replace("-", "").replace("_", "")


CLOUDS = {"AzureCloud": "public", "AzureChinaCloud": "china", "AzureUSGovernment": "usgov"}
"""The clouds a subscription can belong to (az's names) and the `cloud` of their regions in regions.json."""


def region_cloud(cloud: str) -> str:
    """The regions.json cloud of an az cloud name (`AzureCloud` → `public`)."""
    return CLOUDS[cloud]


@dataclass(frozen=True, slots=True)
class Region:
    """An Azure region."""

    name: str
    display_name: str
    cloud: str
    availability_zones: bool
    access_required: bool
    geography: str
    latitude: float
    longitude: float

    @property
    def continent(self) -> str:
        """Continent of this region's geography (from prices.json)."""
        return prices()["geographyContinent"].get(self.geography, "Unknown")


@dataclass(frozen=True, slots=True)
class VmSize:
    """A VM size and the capabilities relevant to image compatibility."""

    name: str
    vcpus: int
    memory_gib: float
    hyper_v_generations: tuple[str, ...]
    premium_storage: bool
    architecture: str


_REGION_KEYS = "name displayName cloud availabilityZones accessRequired geography latitude longitude"
_VM_KEYS = "name vCPUs memoryGiB hyperVGenerations premiumStorage architecture"


def _row(data: dict, keys: str) -> list:
    """Pick the space-separated ``keys`` from a JSON object in order, turning lists into tuples."""
    return [tuple(v) if isinstance(v, list) else v for v in map(data.__getitem__, keys.split())]


@cache
def regions() -> tuple[Region, ...]:
    """All known regions, in catalog order."""
    return tuple(Region(*_row(r, _REGION_KEYS)) for r in _load("regions.json"))


@cache
def _region_index() -> dict[str, Region]:
    return {_norm(key): r for r in reversed(regions()) for key in (r.display_name, r.name)}


def find_region(text: str) -> Region | None:
    """Find a region by programmatic or display name, case/space-insensitively."""
    return _region_index().get(_norm(text or ""))


@cache
def vm_sizes() -> tuple[VmSize, ...]:
    """All known VM sizes."""
    return tuple(VmSize(*_row(s, _VM_KEYS)) for s in _load("vm_sizes.json"))


def find_vm_size(name: str) -> VmSize | None:
    """Find a VM size by name, case-insensitively."""
    key = (name or "").strip().lower()
    return next((s for s in vm_sizes() if s.name.lower() == key), None)


def limits() -> dict[str, int]:
    """Service limits (a fresh copy of the cached data)."""
    return dict(_load("limits.json"))


def prices() -> dict:
    """Illustrative price table (cached; treat as read-only)."""
    return _load("prices.json")


def distance_km(a: Region, b: Region) -> float:
    """Great-circle (haversine) distance between two regions in km."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))
