"""The review of a VM or scale set before it is created: what was asked, what it resolved to, and why."""

from __future__ import annotations

from dataclasses import dataclass

from . import ids
from .latest import Resolution
from .models import ImageDefinition, ImageVersion, Source, SourceKind
from .reference_data import VmSize
from .vm import ScalingAdvice, VmRequest
from .vm_disks import VmDisks


@dataclass(frozen=True, slots=True)
class VmPlan:
    request: VmRequest
    subscription: str
    image_reference: str
    definition: ImageDefinition
    version: ImageVersion
    resolution: Resolution | None
    size: VmSize
    os_disk_type: str
    availability: str
    zone: str | None
    inbound_port: str
    warnings: tuple[str, ...]
    advice: ScalingAdvice
    disks: VmDisks

    @property
    def kind(self) -> str:
        return "virtualMachineScaleSets" if self.request.instance_count is not None else "virtualMachines"

    @property
    def id(self) -> str:
        return ids.resource_id(self.subscription, self.request.resource_group, self.kind, self.request.name)

    def summary(self) -> list[tuple[str, str]]:
        """The Review + create list, in the portal's order."""
        r = self.request
        rows = [
            ("Subscription", self.subscription),
            ("Resource group", r.resource_group),
            ("Virtual machine name" if r.instance_count is None else "Scale set name", r.name),
            ("Region", r.location),
            ("Availability options", self.availability + (f" (zone {self.zone})" if self.zone else "")),
            ("Image", self.image_reference),
            ("Resolved version", self.version.name),
            ("Size", f"{self.size.name} ({self.size.vcpus} vCPUs, {self.size.memory_gib:g} GiB memory)"),
            ("OS disk type", self.os_disk_type),
            ("OS disk size", f"{self.disks.os_disk_size_gb} GiB (from the image)"),
        ]
        if self.disks.data_disks:
            listed = ", ".join(f"LUN {d.lun}: {d.size_gb} GiB" for d in self.disks.data_disks)
            rows.append(("Data disks", f"{listed} (from the image)"))
        if r.instance_count is not None:
            rows.append(("Instance count", str(r.instance_count)))
        if self.definition.os_state == "Specialized":
            rows.append(("Administrator account", "from the specialized image"))
        else:
            method = "SSH public key" if r.ssh_key else "Password"
            rows.append(("Administrator account", f"{r.admin_username} ({method})"))
        rows += [
            ("Public inbound ports", {"NONE": "None", "SSH": "SSH (22)", "RDP": "RDP (3389)"}[self.inbound_port]),
            (
                "Encryption",
                {"platform": "Platform-managed key", "cmk": "Customer-managed key", "double": "Double encryption"}[
                    r.encryption
                ]
                + (f" ({r.disk_encryption_set})" if r.disk_encryption_set else ""),
            ),
        ]
        inherited = self.disks.os_disk_encryption_set
        if inherited and inherited != r.disk_encryption_set:
            rows.append(("OS disk encryption set", f"{inherited} (the image's set in {r.location})"))
        if self.resolution is not None:
            rows.append(("Why this version", self.resolution.explain()))
        rows.append(("Replica advice", self.advice.text()))
        return rows

    def as_source(self, subscription: str) -> Source:
        """A VM, once created, is itself a source of image versions (specialized, with the version's disks)."""
        r, v, d = self.request, self.version, self.definition
        return Source(
            self.id, SourceKind.VIRTUAL_MACHINE.value, subscription, r.resource_group, r.name, r.location, d.os_type,
            "Specialized", d.hyper_v_generation, v.os_disk, v.data_disks, r.encryption != "platform",
        )
