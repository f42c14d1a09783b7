"""What a node of the resource tree stands for, and the badges a version carries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from ...domain.models import ImageVersion
from ...store.reads.filtering import FilterResult
from ...store.reads.summaries import DefinitionSummary, GallerySummary, VersionSummary


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
    versions: list[VersionSummary] = field(default_factory=list)
    complete: bool = True
    latest_pk: int | None = None
    name_width: int = 0

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


def badges(version: ImageVersion, latest: bool, now: datetime) -> Iterable[tuple[str, str]]:
    """(text, style) of each badge: `latest`, excluded (everywhere or in some regions), `EOL`, `CMK`."""
    if latest:
        yield " latest ", "latest"
    if version.exclude_from_latest:
        yield "excluded", "excluded"
    else:
        regions = [t.name for t in version.target_regions if version.excluded_in(t)]
        if regions:
            more = f"+{len(regions) - 1}" if len(regions) > 1 else ""
            yield f"excluded:{regions[0]}{more}", "excluded"
    if version.end_of_life_date is not None and version.end_of_life_date <= now:
        yield "EOL", "eol"
    if version.encrypted:
        yield "CMK", "cmk"


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
