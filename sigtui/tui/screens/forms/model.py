"""What the forms work on: a resource reference, what they need to know, a field patch (the unit of undo)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ....domain import ids
from ....domain.models import (
    DiskEncryptionSet,
    Gallery,
    ImageDefinition,
    ImageVersion,
    ResourceGroup,
    Source,
    Subscription,
)
from ....domain.quotas import RegionUsage
from ....domain.wording import KIND_LABELS


@dataclass(frozen=True, slots=True)
class ResourceRef:
    """A gallery, definition or version by its names."""

    kind: str
    subscription: str
    resource_group: str
    gallery: str
    definition: str = ""
    version: str = ""

    @classmethod
    def of(cls, resource: Gallery | ImageDefinition | ImageVersion) -> ResourceRef:
        if isinstance(resource, ImageVersion):
            return cls(
                "version",
                resource.subscription,
                resource.resource_group,
                resource.gallery,
                resource.definition,
                resource.name,
            )
        if isinstance(resource, ImageDefinition):
            return cls("definition", resource.subscription, resource.resource_group, resource.gallery, resource.name)
        return cls("gallery", resource.subscription, resource.resource_group, resource.name)

    @property
    def name(self) -> str:
        return self.version or self.definition or self.gallery

    @property
    def id(self) -> str:
        if self.kind == "version":
            return ids.version_id(self.subscription, self.resource_group, self.gallery, self.definition, self.version)
        if self.kind == "definition":
            return ids.definition_id(self.subscription, self.resource_group, self.gallery, self.definition)
        return ids.gallery_id(self.subscription, self.resource_group, self.gallery)

    @property
    def label(self) -> str:
        """`image version ubuntu-web 1.3.0`, `image definition ubuntu-web`, `gallery ContosoImages`."""
        if self.kind == "version":
            return f"image version {self.definition} {self.version}"
        return f"{KIND_LABELS[self.kind]} {self.name}"

    @property
    def parent(self) -> ResourceRef | None:
        """The definition of a version, the gallery of a definition; None for a gallery."""
        if self.kind == "version":
            return ResourceRef("definition", self.subscription, self.resource_group, self.gallery, self.definition)
        if self.kind == "definition":
            return ResourceRef("gallery", self.subscription, self.resource_group, self.gallery)
        return None

    @property
    def names(self) -> tuple[str, ...]:
        """The arguments the services take after subscription and resource group."""
        return tuple(n for n in (self.gallery, self.definition, self.version) if n)


@dataclass(frozen=True, slots=True)
class FieldPatch:
    """One saved edit: applying `before` undoes it, applying `after` does it again."""

    ref: ResourceRef
    before: dict
    after: dict
    summary: str


@dataclass(frozen=True, slots=True)
class Lifecycle:
    """One create (`created`) or delete: undo deletes what was created or creates again what was deleted, as
    it was (a version with its regions and replicas); redo does the step again."""

    ref: ResourceRef
    resource: Gallery | ImageDefinition | ImageVersion
    created: bool

    @property
    def summary(self) -> str:
        return f"{'creation' if self.created else 'deletion'} of {self.ref.label}"


@dataclass(frozen=True, slots=True)
class Pruned:
    """A prune of a gallery or definition: undo puts every deleted version back as it was, in one transaction;
    redo deletes them again."""

    ref: ResourceRef
    versions: tuple[ImageVersion, ...]

    @property
    def summary(self) -> str:
        count = len(self.versions)
        return f"pruning of {count} version{'' if count == 1 else 's'} in {self.ref.label}"


Step = FieldPatch | Lifecycle | Pruned
"""One entry of the operator's undo history."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """A write that succeeded: what to say, where to put the cursor, which nodes to open, what undo needs."""

    note: str
    cursor: tuple[str, int] | None = None
    open_galleries: frozenset[int] = frozenset()
    open_definitions: frozenset[int] = frozenset()
    step: Step | None = None


@dataclass(frozen=True)
class FormContext:
    """What a form needs to know, read once before it opens."""

    now: datetime
    subscription: Subscription
    subscriptions: tuple[Subscription, ...] = ()
    resource_groups: tuple[ResourceGroup, ...] = ()
    resource_group: str = ""
    gallery: Gallery | None = None
    definition: ImageDefinition | None = None
    resource: Gallery | ImageDefinition | ImageVersion | None = None
    sources: tuple[Source, ...] = ()
    encryption_sets: tuple[DiskEncryptionSet, ...] = ()
    usage: tuple[RegionUsage, ...] = ()
    """What each subscription the identity sees uses per region (read for creates, to warn before a quota)."""

    @property
    def editing(self) -> bool:
        return self.resource is not None
