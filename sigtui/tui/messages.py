"""Past-tense events that workers post to the app; the app's handlers own every state change."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message

from ..domain.access import Principal
from ..domain.clock import ClockState
from ..domain.costs import CostEstimate
from ..domain.latest import Resolution
from ..store.browse import DefinitionSummary, FilterResult, GallerySummary, JobFact, VersionSummary


@dataclass
class CatalogLoaded(Message):
    """The top of the tree, the clock and all live jobs; plus the children of nodes that were open."""

    galleries: list[GallerySummary]
    clock: ClockState | None
    jobs: list[JobFact]
    definitions: dict[int, list[DefinitionSummary]] = field(default_factory=dict)
    versions: dict[int, list[VersionSummary]] = field(default_factory=dict)
    filtered: FilterResult | None = None


@dataclass
class DefinitionsLoaded(Message):
    gallery_pk: int
    definitions: list[DefinitionSummary]


@dataclass
class VersionsLoaded(Message):
    definition_pk: int
    versions: list[VersionSummary]


@dataclass
class PathLoaded(Message):
    """Everything needed to show one resource in the tree, for a palette jump."""

    path: tuple[int, int | None, int | None]
    definitions: list[DefinitionSummary]
    versions: list[VersionSummary]


@dataclass
class FilterMatched(Message):
    result: FilterResult | None
    elapsed_ms: float = 0.0


@dataclass
class LatestResolved(Message):
    """What `latest` resolves to for definitions whose versions are only partly shown."""

    names: dict[int, str | None]


@dataclass
class DetailsLoaded(Message):
    """The full resource under the cursor, its REST body and its activity log."""

    key: tuple[str, int]
    resource: object
    activity: list[dict]
    latest: Resolution | None = None
    versions: list[VersionSummary] | None = None


@dataclass
class ClockChanged(Message):
    clock: ClockState
    note: str = ""


@dataclass
class JobsChanged(Message):
    """Replication work changed (a retry, a new region): fresh jobs and the version they belong to."""

    jobs: list[JobFact]
    version: VersionSummary | None = None
    note: str = ""


@dataclass
class ServicesReady(Message):
    """The write side (SQLModel) finished importing in the background."""

    services: object


@dataclass
class ActionFailed(Message):
    """A worker failed: the title says what was being done, the error says why."""

    title: str
    error: BaseException


@dataclass
class PermissionsLoaded(Message):
    """What `caller` may do on one resource: a subset of write, delete, share (read comes from the catalog)."""

    caller: str
    resource_id: str
    actions: frozenset[str]


@dataclass
class PrincipalsListed(Message):
    """The directory's principals, for the identity picker."""

    principals: list[Principal]


@dataclass
class AssignmentsListed(Message):
    """The role assignments around `scope` after a read or a change; `note`/`warning` describe the change."""

    scope: str
    assignments: list[dict]
    principals: list[Principal]
    note: str = ""
    warning: str | None = None


@dataclass
class CostEstimated(Message):
    """An estimate for a resource id ("" for everything readable); None with `problem` when there is none."""

    resource_id: str
    estimate: CostEstimate | None
    problem: str = ""
