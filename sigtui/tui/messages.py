"""Every message of the workbench and its dialogs: past-tense events, each with exactly one handler.

Thread workers post the `…Loaded`/`…Listed`/`…Changed` ones with what they read or wrote; widgets post the
`…Requested`/`…Chosen`/`…Edited` ones when a person did something their screen has to act on."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

from ..domain.latest import DEFAULT_END_OF_LIFE_POLICY

if TYPE_CHECKING:
    from ..domain.access import Principal
    from ..domain.clock import ClockState
    from ..domain.costs import CostEstimate
    from ..domain.equivalents import Equivalent
    from ..domain.errors import AzureError
    from ..domain.latest import Resolution
    from ..domain.models import DiskEncryptionSet, ImageDefinition, ImageVersion
    from ..domain.quotas import RegionUsage
    from ..domain.retention import DefinitionPlan
    from ..domain.usage import Deployment, RegionLatest
    from ..domain.vm_plan import VmPlan
    from ..store.reads.filtering import FilterResult
    from ..store.reads.gallery_summaries import GallerySummary
    from ..store.reads.summaries import DefinitionSummary, JobFact, VersionSummary
    from .screens.forms.model import FormContext, Outcome, ResourceRef, Step
    from .screens.vm.target import CreatedVm, RegionChoice

# The workbench: the tree, the details pane and the clock


@dataclass
class CatalogLoaded(Message):
    """The top of the tree, the clock and all live jobs; plus the children of nodes that were open."""

    galleries: list[GallerySummary]
    clock: ClockState | None
    jobs: list[JobFact]
    definitions: dict[int, list[DefinitionSummary]] = field(default_factory=dict)
    versions: dict[int, list[VersionSummary]] = field(default_factory=dict)
    filtered: FilterResult | None = None
    generation: int = 0
    """Which request this answers: an answer to an older one than the latest is dropped."""
    end_of_life: str = DEFAULT_END_OF_LIFE_POLICY
    """The database's end-of-life policy, which `latest` follows."""


@dataclass
class EndpointStarted(Message):
    """The endpoint listens on a thread of this process (a `BackgroundEndpoint`, with what it announced)."""

    endpoint: object


@dataclass
class AwayReported(Message):
    """What replication did between the last workbench closing and this one opening."""

    note: str


@dataclass
class DatabaseChanged(Message):
    """Another connection committed to the database since the catalog was last read."""


@dataclass
class ChildrenRequested(Message):
    """A gallery or definition opened whose children are not loaded yet; `matching` limits a definition's
    versions to a filter's matches."""

    kind: str
    pk: int
    matching: tuple[int, ...] = ()


@dataclass
class ChildrenFailed(Message):
    """A gallery's or definition's children could not be read (the error dialog says why): it stays closed."""

    kind: str
    pk: int


@dataclass
class DefinitionsLoaded(Message):
    gallery_pk: int
    definitions: list[DefinitionSummary]


@dataclass
class VersionsLoaded(Message):
    """Versions of a definition: all of them, or (not `complete`) a filter's matches."""

    definition_pk: int
    versions: list[VersionSummary]
    complete: bool = True


@dataclass
class PathLoaded(Message):
    """Everything needed to show one resource in the tree, for a palette jump."""

    path: tuple[int, int | None, int | None]
    definitions: list[DefinitionSummary]
    versions: list[VersionSummary]


@dataclass
class FilterMatched(Message):
    """The filter's matches, or None when the filter was cleared."""

    result: FilterResult | None


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
class PermissionsLoaded(Message):
    """What `caller` may do on one resource: a subset of write, delete, share (read comes from the catalog)."""

    caller: str
    resource_id: str
    actions: frozenset[str]


@dataclass
class VmsListed(Message):
    """Every VM and scale set the caller can read, in Azure's REST shape."""

    vms: list[dict]


@dataclass
class ActionFailed(Message):
    """A thread worker failed: the title says what was being done, the error says why."""

    title: str
    error: BaseException


# Writes outside the dialogs


@dataclass
class ResourceWritten(Message):
    """A change outside a form (a delete, a removed region) succeeded."""

    outcome: Outcome


@dataclass
class StepReplayed(Message):
    """An undo (`undone`) or a redo went through the services."""

    step: Step
    undone: bool
    outcome: Outcome | None
    error: AzureError | None = None


@dataclass
class DeleteRefused(Message):
    ref: ResourceRef
    error: AzureError


# Dialogs


@dataclass
class EstimateRequested(Message):
    """A cost view on screen needs an estimate for `resource_id` (EVERYTHING: every readable version)."""

    resource_id: str


@dataclass
class CostEstimated(Message):
    """An estimate for a resource id ("" for everything readable); None with `problem` when there is none."""

    resource_id: str
    estimate: CostEstimate | None
    problem: str = ""


@dataclass
class EquivalentLoaded(Message):
    """How to make the resource under the cursor with az, az rest and curl; None with `problem` when refused."""

    equivalent: Equivalent | None
    problem: str = ""


@dataclass
class QuotasLoaded(Message):
    """The quotas of every subscription the identity can see, per region; empty with `problem` when refused."""

    regions: list[RegionUsage]
    problem: str = ""


@dataclass
class ActivityLoaded(Message):
    entries: list[dict]


@dataclass
class PrincipalsListed(Message):
    """The directory's principals, for the identity picker."""

    principals: list[Principal]


@dataclass
class AssignmentsListed(Message):
    """The role assignments around a scope after a read or a change; `note`/`warning` describe the change."""

    assignments: list[dict]
    principals: list[Principal]
    note: str = ""
    warning: str | None = None
    direct: str = ""
    """For a gallery: its direct sharing (permissions, and whom it is shared with)."""


@dataclass
class SharedWithMeListed(Message):
    """The image versions shared directly with the workbench's subscription or its tenant."""

    versions: list[dict]


@dataclass
class FormLoaded(Message):
    """Everything a create or edit dialog needs was read."""

    context: FormContext


@dataclass
class FormSaved(Message):
    outcome: Outcome


@dataclass
class FormRefused(Message):
    error: AzureError


class TargetsEdited(Message):
    """The list of target regions changed (a row added, removed or replaced)."""


class EncryptionEdited(Message):
    """The encryption type or a disk encryption set changed."""


# The VM dialog


@dataclass
class ImageLoaded(Message):
    """The image's definition, versions and regions, and the resource groups of its subscription."""

    definition: ImageDefinition
    versions: list[ImageVersion]
    regions: list[RegionChoice]
    resource_groups: list[str]


@dataclass
class RegionChosen(Message):
    region: str


@dataclass
class EncryptionSetsLoaded(Message):
    location: str
    sets: list[DiskEncryptionSet]


@dataclass
class VmPlanned(Message):
    """Review + create passed: what would be created."""

    plan: VmPlan


@dataclass
class VmRefused(Message):
    """Azure's error for the review or the create."""

    error: AzureError
    creating: bool = False


@dataclass
class ReplicasRaised(Message):
    region: str
    count: int
    version: str


@dataclass
class VmCreated(Message):
    created: CreatedVm


# Retention and who-uses


@dataclass
class UsageLoaded(Message):
    """The VMs and scale sets made from a version, and `latest` per region if it were deleted or excluded."""

    deployments: list[Deployment]
    if_deleted: list[RegionLatest]
    if_excluded: list[RegionLatest]


@dataclass
class PrunePlanned(Message):
    """The retention planner's dry run for the rule on screen, or why the rule cannot be planned."""

    plans: list[DefinitionPlan]
    problem: str = ""
