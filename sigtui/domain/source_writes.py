"""Creating what versions are made from (managed images, snapshots, disks, VMs) and disk encryption sets, decided
on the facts the store loads; the store applies the plan."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import ids, rules
from .errors import invalid
from .models import DiskEncryptionSet, Source
from .plan import Decision, activity, plan
from .presence import WriteScope
from .rest_resources import des_to_rest, source_to_rest
from .rows import disk_encryption_set_insert, source_insert
from .sources import KIND_NAMES, check_encryption_type, check_resource_name, make_disks, with_caching
from .version_rules import HOST_CACHING


@dataclass(frozen=True)
class PlacementFacts(WriteScope):
    """What creating a resource in a resource group is decided on: whether one of that id is already there."""

    exists: bool = False


@dataclass(frozen=True)
class SourceRequest:
    """A managed image (`image`), `snapshot`, `disk` or `vm` to create, as the caller asked for it."""

    kind: str
    name: str
    location: str
    os_type: str | None = None
    os_state: str | None = None
    hyper_v_generation: str | None = None
    os_disk_size_gb: int = 30
    os_disk_used_gb: float | None = None
    data_disk_sizes_gb: list[int] = field(default_factory=list)
    data_disk_used_gb: list[float] = field(default_factory=list)
    data_disk_luns: list[int] | None = None
    encrypted: bool = False
    details: dict | None = None
    os_host_caching: str | None = None
    data_disk_caching: list[str | None] = field(default_factory=list)

    def check_name(self) -> str:
        """The ARM resource type of the kind; refuses an unknown kind or a bad name before anything is read."""
        if self.kind not in KIND_NAMES:
            raise invalid(f"Unknown source kind '{self.kind}'.")
        check_resource_name(self.name, self.kind)
        return KIND_NAMES[self.kind].value


def _caching(prop: str, value: str | None) -> str | None:
    return None if value is None else rules.enum_value(prop, value, HOST_CACHING)


def _os(request: SourceRequest) -> tuple[str | None, str | None, str | None]:
    """OS type, state and generation; snapshots and disks carry no OS state unless given (the definition decides)."""
    os_type = rules.enum_value("osType", request.os_type, ("Windows", "Linux")) if request.os_type else None
    if request.kind in ("image", "vm") and os_type is None:
        raise invalid("Required parameter 'osType' is missing (null).", "osType")
    os_state = request.os_state
    if os_state is None and os_type and request.kind in ("image", "vm"):
        os_state = "Generalized"
    os_state = rules.enum_value("osState", os_state, ("Generalized", "Specialized")) if os_state else None
    generation = request.hyper_v_generation or "V1"
    generation = rules.enum_value("hyperVGeneration", generation, ("V1", "V2")) if os_type else None
    return os_type, os_state, generation


def decide_create_source(facts: PlacementFacts, request: SourceRequest) -> Decision[Source]:
    """Create a source, validated as Azure validates it."""
    rtype = request.check_name()
    sub, rg_pk = facts.scope()
    region = rules.check_location(request.location, sub, f"Microsoft.Compute/{rtype}")
    os_type, os_state, generation = _os(request)
    os_disk, data = make_disks(
        request.os_disk_size_gb, request.os_disk_used_gb, list(request.data_disk_sizes_gb),
        list(request.data_disk_used_gb), request.data_disk_luns,
    )
    os_disk, data = with_caching(
        rtype, os_type, os_disk, data, _caching("osDisk.caching", request.os_host_caching),
        [_caching("dataDisks.caching", c) for c in request.data_disk_caching],
    )
    if request.kind in ("snapshot", "disk") and data:
        raise invalid(f"A {request.kind} holds one disk; create one {request.kind} per data disk.")
    arm_id = ids.resource_id(sub.id, facts.resource_group, rtype, request.name)
    facts.caller.require("write", arm_id)
    if facts.exists:
        raise rules.already_exists(request.name)
    source = Source(
        arm_id, rtype, sub.id, facts.resource_group, request.name, region.name, os_type, os_state, generation,
        os_disk, data, request.encrypted,
    )
    entry = activity(facts.now, facts.caller.name, f"Microsoft.Compute/{rtype}/write", arm_id, None,
                     source_to_rest(source))
    return Decision(source, plan(source_insert(source, rg_pk, facts.now, request.details), entry))


def decide_create_disk_encryption_set(
    facts: PlacementFacts, name: str, location: str, encryption_type: str | None
) -> Decision[DiskEncryptionSet]:
    check_resource_name(name, "disk encryption set")
    sub, rg_pk = facts.scope()
    region = rules.check_location(location, sub, "Microsoft.Compute/diskEncryptionSets")
    arm_id = ids.resource_id(sub.id, facts.resource_group, "diskEncryptionSets", name)
    facts.caller.require("write", arm_id)
    if facts.exists:
        raise rules.already_exists(name)
    kind = check_encryption_type(encryption_type)
    des = DiskEncryptionSet(arm_id, sub.id, facts.resource_group, name, region.name, kind)
    entry = activity(facts.now, facts.caller.name, "Microsoft.Compute/diskEncryptionSets/write", arm_id, None,
                     des_to_rest(des))
    return Decision(des, plan(disk_encryption_set_insert(des, rg_pk, facts.now), entry))
