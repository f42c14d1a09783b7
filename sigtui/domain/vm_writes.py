"""VMs and scale sets from a gallery image: resolve the image as Azure does, check everything, decide the rows.
Decided on the facts the store loads; the store applies the plan."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime

from . import ids, names, vm
from .access import Caller
from .direct_share import parse_shared_id
from .errors import AzureError, invalid, not_found, resource_not_found
from .latest import (
    DEFAULT_END_OF_LIFE_POLICY,
    Resolution,
    end_of_life_error,
    end_of_life_warning,
    not_in_region_error,
    past_end_of_life,
    resolve_latest,
)
from .models import DiskEncryptionSet, ImageDefinition, ImageVersion, ReplicationState, Subscription
from .plan import Decision, Delete, Insert, NewKey, activity, plan
from .presence import require_resource_group, require_subscription
from .replication import region_status
from .rows import source_insert, virtual_machine_row
from .rules import check_location
from .vm_disks import inherited_disks
from .vm_plan import VmPlan
from .vm_rest import vm_to_rest

ENCRYPTION_TYPES = {"cmk": "EncryptionAtRestWithCustomerKey", "double": "EncryptionAtRestWithPlatformAndCustomerKeys"}


@dataclass(frozen=True)
class VmFacts:
    """What a VM is planned and created on: the image's definition and versions, the encryption set asked for,
    and the resource group and VM of the requested names as stored."""

    now: datetime
    caller: Caller
    subscription: Subscription | None
    requested_subscription: str | None
    image_id: str
    definition: ImageDefinition | None = None
    versions: tuple[ImageVersion, ...] = ()
    encryption_set: DiskEncryptionSet | None = None
    rg_pk: int | None = None
    exists: bool = False
    end_of_life: str = DEFAULT_END_OF_LIFE_POLICY
    """`block`: no VM from a version past its end of life; `warn`: allowed, with a warning."""
    shared: bool = False
    """The image is a `/SharedGalleries/...` id of a gallery shared directly with the subscription (or its
    tenant): sharing, not a role, lets the caller read it."""


def image_reference(image_id: str) -> ids.ArmId:
    """A gallery image id: a definition, `.../versions/latest` or a version."""
    parsed = ids.parse_arm_id(image_id, "storageProfile.imageReference.id")
    if parsed.kind not in ("galleries/images", "galleries/images/versions"):
        raise invalid(
            f"The value of parameter imageReference is invalid: '{image_id}' is not a gallery image.",
            "imageReference",
        )
    return parsed


def image(facts: VmFacts) -> tuple[ImageDefinition, str | None]:
    """The image's definition, readable by the caller (or shared with its subscription), and the version it pins
    (None: `latest`)."""
    shared = parse_shared_id(facts.image_id)
    pinned = shared[2] if shared else image_reference(facts.image_id).name_of("versions")
    if facts.definition is None:
        raise not_found("GalleryImageNotFound", f"The gallery image {facts.image_id} was not found.")
    if not facts.shared:
        facts.caller.require("read", facts.image_id)
    return facts.definition, None if pinned is None or pinned.lower() == "latest" else pinned


def resolve(facts: VmFacts, region: str) -> tuple[ImageDefinition, ImageVersion, Resolution | None]:
    """The version a VM in `region` gets: `latest` there, or the pinned one once replicated there."""
    definition, pinned = image(facts)
    if pinned is None:
        resolution = resolve_latest(facts.versions, definition.id, region, facts.now, facts.end_of_life)
        if resolution.error:
            raise resolution.error
        return definition, resolution.version, resolution
    version = next((v for v in facts.versions if v.name == pinned), None)
    target = next((t for t in version.target_regions if t.name == region), None) if version else None
    if target is None or region_status(region, target.job, facts.now).state is not ReplicationState.COMPLETED:
        raise not_in_region_error(facts.image_id, region)
    if facts.end_of_life == "block" and past_end_of_life(version, facts.now):
        raise end_of_life_error(facts.image_id, version)
    return definition, version, None


def image_regions(facts: VmFacts) -> list[tuple[str, str | None, str]]:
    """Every region the image targets: (region, resolved version or None, why not) for the region picker."""
    definition, pinned = image(facts)
    regions = sorted({t.name for v in facts.versions for t in v.target_regions if pinned in (None, v.name)})
    result = []
    for region in regions:
        try:
            _, version, resolution = resolve(facts, region)
            result.append((region, version.name, resolution.explain() if resolution else ""))
        except AzureError as error:
            latest = None if pinned is not None else resolve_latest(
                facts.versions, definition.id, region, facts.now, facts.end_of_life
            )
            result.append((region, None, latest.explain() if latest else error.message))
    return result


def decide_plan(facts: VmFacts, request: vm.VmRequest) -> VmPlan:
    """Review + create: check everything and say what would be created."""
    sub = require_subscription(facts.subscription, facts.requested_subscription)
    region = check_location(request.location, sub, "Microsoft.Compute/virtualMachines").name
    request = dataclasses.replace(request, location=region)
    definition, version, resolution = resolve(facts, region)
    vm.check_vm_name(request.name, definition.os_type)
    vm.check_instance_count(request.instance_count)
    vm.check_os_profile(request, definition)
    size, warnings = vm.check_size(request.size, definition)
    disk = vm.check_os_disk(request.os_disk_type, size, definition)
    availability, zone = vm.check_placement(request)
    port = vm.check_port(request.inbound_port, definition.os_type)
    _check_encryption(facts.encryption_set, request, sub.id, version)
    if past_end_of_life(version, facts.now):
        warnings.append(end_of_life_warning(version))
    if resolution is not None:
        warnings += [f"latest skipped {p.text}." for p in resolution.passed_over if p.reason == "end_of_life"]
    target = next(t for t in version.target_regions if t.name == region)
    advice = vm.scaling_advice(
        version.replicas_in(target), request.concurrent, request.instance_count, request.concurrent
    )
    if not advice.enough:
        warnings.append(advice.text())
    return VmPlan(
        request, sub.id, facts.image_id, definition, version, resolution, size, disk, availability, zone, port,
        tuple(warnings), advice, inherited_disks(version, region, request.disk_encryption_set),
    )


def _check_encryption(
    des: DiskEncryptionSet | None, request: vm.VmRequest, subscription: str, version: ImageVersion
) -> None:
    if request.encryption not in ("platform", "cmk", "double"):
        raise invalid(f"Unknown encryption '{request.encryption}': use platform, cmk or double.")
    if version.encrypted and version.subscription.lower() != subscription.lower():
        set_id = next(t.encryption.os_disk_set for t in version.target_regions if t.encryption)
        raise invalid(
            f"Disk encryption set {set_id} in Azure Compute Gallery {version.id} belongs to subscription "
            f"{version.subscription} and cannot be used with resource '' in subscription {subscription}"
        )
    if request.encryption == "platform":
        if request.disk_encryption_set:
            raise invalid("A disk encryption set needs customer-managed-key or double encryption.")
        return
    if not request.disk_encryption_set:
        raise invalid(
            "Customer-managed-key encryption needs a disk encryption set in the VM's region.", "diskEncryptionSet"
        )
    if des is None:
        raise invalid(f"The disk encryption set {request.disk_encryption_set} was not found")
    if des.subscription.lower() != subscription.lower() or des.location != request.location:
        raise invalid(
            f"The disk encryption set '{des.id}' must be in the VM's subscription and region '{request.location}'."
        )
    if des.encryption_type != ENCRYPTION_TYPES[request.encryption]:
        raise invalid(
            f"The disk encryption set '{des.name}' is of type {des.encryption_type}; choose a set of "
            f"type {ENCRYPTION_TYPES[request.encryption]}."
        )


def decide_create(
    facts: VmFacts, request: vm.VmRequest, create_resource_group: bool
) -> Decision[tuple[dict, VmPlan]]:
    """Create a VM (or a scale set when `instance_count` is set), and its resource group when asked and missing;
    its REST shape and the reviewed plan."""
    sub = require_subscription(facts.subscription, facts.requested_subscription)
    steps = []
    if create_resource_group and facts.rg_pk is None:
        names.check_resource_group_name(request.resource_group)
        region = check_location(request.location, sub, "Microsoft.Resources/resourceGroups").name
        rg_row = {"subscription_id": sub.id, "name": request.resource_group, "location": region}
        steps.append(Insert("resource_group", rg_row, key=NewKey("rg")))
        rg_key = NewKey("rg")
    else:
        rg_key = require_resource_group(facts.rg_pk, request.resource_group)
    vm_plan = decide_plan(facts, request)
    facts.caller.require("write", vm_plan.id)
    if facts.exists:
        raise AzureError("ResourceExists", f"The resource '{vm_plan.id}' already exists.", 409)
    row = virtual_machine_row(vm_plan, facts.image_id, rg_key, facts.now)
    steps.append(Insert("virtual_machine", row))
    if vm_plan.kind == "virtualMachines":
        steps.append(source_insert(vm_plan.as_source(sub.id), rg_key, facts.now))
    body = vm_to_rest(row)
    steps.append(activity(facts.now, facts.caller.name, f"Microsoft.Compute/{vm_plan.kind}/write", vm_plan.id, None,
                          body))
    return Decision((body, vm_plan), plan(*steps))


def decide_delete(caller: Caller, now: datetime, vm_id: str, made: dict | None, is_source: bool) -> Decision[None]:
    """Delete a VM or scale set made from the gallery, or a source VM (its record as a source goes too)."""
    if made is None and not is_source:
        parsed = ids.parse_arm_id(vm_id)
        raise resource_not_found(f"Microsoft.Compute/{parsed.path[0][0]}", parsed.name, parsed.resource_group)
    caller.require("delete", vm_id)
    kind = made["kind"] if made else "virtualMachines"
    entry = activity(now, caller.name, f"Microsoft.Compute/{kind}/delete", vm_id, vm_to_rest(made) if made else None,
                     None)
    return Decision(None, plan(Delete("virtual_machine", {"arm_id": vm_id}), Delete("source", {"arm_id": vm_id}),
                               entry))
