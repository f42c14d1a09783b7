"""What a node of the resource tree stands for, and the badges a version carries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from ...domain.models import ImageVersion
from ...store.reads.filtering import FilterResult
from ...store.reads.gallery_summaries import GallerySummary
from ...store.reads.summaries import DefinitionSummary, VersionSummary


@dataclass(eq=False)
class NodeData:
    """What a tree node stands for; `loaded` once its children came from the database."""

    kind: str
    name: str
    pk: int = 0
    subscription: str = ""
    resource_group: str = ""
    gallery: GallerySummary | None = None
    definition: DefinitionSummary | None = None
    summary: VersionSummary | None = None
    loaded: bool = False
    opening: bool = False
    """Its children were asked for and it opens when they arrive."""
    versions: list[VersionSummary] = field(default_factory=list)
    complete: bool = True
    latest_pk: int | None = None
    name_width: int = 0
    matching: tuple[int, ...] = ()
    """A wide filter's matching versions of this definition, by pk, loaded when it opens."""
    latest_name: str | None = None
    """The name `latest` resolves to, read from the database when only some versions are shown."""
    bar_at: int | None = None
    """Where a version's label last drew a bar (the cells its line redraws as the bar moves), or None."""

    @property
    def children_unread(self) -> bool:
        """A gallery or definition whose children were never asked for."""
        return self.kind in ("gallery", "definition") and not self.loaded

    @property
    def key(self) -> tuple[str, int | str]:
        if self.kind in ("subscription", "group"):
            return self.kind, f"{self.subscription}/{self.resource_group}"
        return self.kind, self.pk

    @property
    def arm_id(self) -> str:
        if self.gallery:
            return self.gallery.id
        if self.definition:
            return self.definition.id
        if self.summary:
            return self.summary.id
        if self.kind == "group":
            return f"/subscriptions/{self.subscription}/resourceGroups/{self.resource_group}"
        if self.kind == "subscription":
            return f"/subscriptions/{self.subscription}"
        return ""


@dataclass(frozen=True)
class Badge:
    """A version's badge: its full and short text and its style; badges come most important first."""

    text: str
    short: str
    style: str


def badges(version: ImageVersion, latest: bool, now: datetime) -> list[Badge]:
    """`latest`, excluded (everywhere or in some regions), `EOL`, `CMK`: most important first."""
    found: list[Badge] = []
    if latest:
        found.append(Badge(" latest ", "latest", "latest"))
    if version.exclude_from_latest:
        found.append(Badge("excluded", "excl", "excluded"))
    else:
        regions = [t.name for t in version.target_regions if version.excluded_in(t)]
        if regions:
            more = f"+{len(regions) - 1}" if len(regions) > 1 else ""
            found.append(Badge(f"excluded:{regions[0]}{more}", "excl", "excluded"))
    if version.end_of_life_date is not None and version.end_of_life_date <= now:
        found.append(Badge("EOL", "EOL", "eol"))
    if version.encrypted:
        found.append(Badge("CMK", "CMK", "cmk"))
    return found


def fit_badges(found: list[Badge], room: int | None) -> list[tuple[str, str]]:
    """(text, style) of the badges that fit in `room` cells (each after a space): full texts if they all fit,
    else short ones, dropping the least important until the rest fit; the first one always stays."""
    if room is None or _cells(b.text for b in found) <= room:
        return [(b.text, b.style) for b in found]
    kept = list(found)
    while len(kept) > 1 and _cells(b.short for b in kept) > room:
        kept.pop()
    return [(b.short, b.style) for b in kept]


def _cells(texts: Iterable[str]) -> int:
    return sum(1 + len(text) for text in texts)


def filter_keep(filtered: FilterResult | None) -> dict[str, set[int]] | None:
    """The primary keys a filter keeps in the tree, per kind of node; None when nothing is filtered."""
    if filtered is None:
        return None
    keep: dict[str, set[int]] = {"gallery": set(), "definition": set(), "version": set()}
    for gallery_pk, definition_pk, version_pk in filtered.paths:
        keep["gallery"].add(gallery_pk)
        if definition_pk is not None:
            keep["definition"].add(definition_pk)
        if version_pk is not None:
            keep["version"].add(version_pk)
    return keep
