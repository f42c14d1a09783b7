"""Past-tense events the dialog's workers post to the dialog."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from ....domain.errors import AzureError
from ....domain.models import DiskEncryptionSet, ImageDefinition, ImageVersion
from ....domain.vm_plan import VmPlan
from .target import CreatedVm

RegionChoice = tuple[str, str | None, str]
"""(region, the version the image resolves to there or None, why)."""


@dataclass
class ImageLoaded(Message):
    """The image's definition, versions and regions, and the resource groups of its subscription."""

    definition: ImageDefinition
    versions: list[ImageVersion]
    regions: list[RegionChoice]
    resource_groups: list[str]


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


@dataclass
class VmsListed(Message):
    """Every VM and scale set the caller can read, in Azure's REST shape."""

    vms: list[dict]
