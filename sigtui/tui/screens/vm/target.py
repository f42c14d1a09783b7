"""What the dialog was opened on: a definition (image `latest`) or one version (pinned)."""

from __future__ import annotations

from dataclasses import dataclass

from ....domain.vm_plan import VmPlan

RegionChoice = tuple[str, str | None, str]
"""(region, the version the image resolves to there or None, why)."""


@dataclass(frozen=True, slots=True)
class VmTarget:
    """The image reference and where it sits; `pinned` is the version name when started from a version."""

    image_id: str
    definition_pk: int
    subscription: str
    resource_group: str
    gallery: str
    definition: str
    pinned: str | None = None

    @property
    def title(self) -> str:
        return f"{self.gallery} › {self.definition} › {self.pinned or 'latest'}"


@dataclass(frozen=True, slots=True)
class CreatedVm:
    """The dialog's result: what was written, in Azure's REST shape, and the plan it followed."""

    body: dict
    plan: VmPlan

    @property
    def summary(self) -> str:
        kind = "Scale set" if self.plan.request.instance_count is not None else "VM"
        return f"{kind} {self.plan.request.name} in {self.plan.request.location} from {self.plan.version.name}"
