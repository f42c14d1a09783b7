"""VMs and scale sets from the gallery: resolve the image like Azure does, check everything, then persist."""

from __future__ import annotations

import dataclasses

from ..domain import ids, names, vm
from ..domain.direct_share import SHARED_PREFIX
from ..domain.errors import AzureError, invalid, not_found, resource_not_found
from ..domain.latest import (
    Resolution,
    end_of_life_error,
    end_of_life_warning,
    not_in_region_error,
    past_end_of_life,
    resolve_latest,
)
from ..domain.models import ImageVersion, ReplicationState
from ..domain.plan import Delete, Insert, plan
from ..domain.replication import region_status
from ..domain.rows import source_insert, virtual_machine_row
from ..domain.rules import check_location
from ..domain.vm_disks import data_disks_from_json, data_disks_to_rest, inherited_disks, managed_disk
from ..domain.vm_plan import VmPlan
from . import reads
from .base import ServiceBase

ENCRYPTION_TYPES = {"cmk": "EncryptionAtRestWithCustomerKey", "double": "EncryptionAtRestWithPlatformAndCustomerKeys"}


def vm_to_rest(row: dict) -> dict:
    """A created VM or scale set in the REST shape, image reference as requested plus `exactVersion`."""
    key = "sharedGalleryImageId" if row["image_reference"].lower().startswith(SHARED_PREFIX.lower()) else "id"
    image = {key: row["image_reference"], "exactVersion": row["exact_version"]}
    disk = managed_disk(row["os_disk_type"], row.get("os_disk_encryption_set") or row["disk_encryption_set"])
    os_disk = {"osType": row["os_type"], "createOption": "FromImage", "managedDisk": disk}
    if row.get("os_disk_size_gb"):
        os_disk["diskSizeGB"] = row["os_disk_size_gb"]
    storage = {
        "imageReference": image,
        "osDisk": os_disk,
        "dataDisks": data_disks_to_rest(data_disks_from_json(row.get("data_disks")), row["os_disk_type"]),
    }
    os_profile = None
    if row["admin_username"]:
        os_profile = {"computerName": row["name"], "adminUsername": row["admin_username"]}
        if row["authentication"] == "ssh":
            os_profile["linuxConfiguration"] = {
                "disablePasswordAuthentication": True,
                "ssh": {"publicKeys": [{"path": f"/home/{row['admin_username']}/.ssh/authorized_keys"}]},
            }
    body = {
        "id": row["arm_id"],
        "name": row["name"],
        "location": row["location"],
        "tags": {},
        "zones": [row["zone"]] if row["zone"] else None,
    }
    if row["kind"] == "virtualMachineScaleSets":
        profile = {"storageProfile": storage, **({"osProfile": os_profile} if os_profile else {})}
        body.update(
            type="Microsoft.Compute/virtualMachineScaleSets",
            sku={"name": row["size"], "capacity": row["instance_count"]},
            properties={"virtualMachineProfile": profile, "provisioningState": "Succeeded"},
        )
    else:
        body.update(
            type="Microsoft.Compute/virtualMachines",
            properties={
                "hardwareProfile": {"vmSize": row["size"]},
                "storageProfile": storage,
                **({"osProfile": os_profile} if os_profile else {}),
                "provisioningState": "Succeeded",
            },
        )
    return {k: v for k, v in body.items() if v is not None}


class VmOps(ServiceBase):
    def _image(self, conn, image_id: str, subscription: str | None = None):
        """(definition, pinned version name or None) for a definition id, `.../versions/latest` or a version id;
        or a `/SharedGalleries/...` id of a gallery shared directly with the VM's subscription."""
        if image_id.lower().startswith(SHARED_PREFIX.lower()):
            return self.shared_image(conn, image_id, self.subscription(conn, subscription).id)
        parsed = ids.parse_arm_id(image_id, "storageProfile.imageReference.id")
        if parsed.kind not in ("galleries/images", "galleries/images/versions"):
            raise invalid(
                f"The value of parameter imageReference is invalid: '{image_id}' is not a gallery image.",
                "imageReference",
            )
        found = reads.definition(
            conn,
            parsed.subscription,
            parsed.resource_group or "",
            parsed.name_of("galleries"),
            parsed.name_of("images"),
        )
        if found is None:
            raise not_found("GalleryImageNotFound", f"The gallery image {image_id} was not found.")
        self.authorize(conn, "read", image_id)
        pinned = parsed.name_of("versions")
        return found, None if pinned is None or pinned.lower() == "latest" else pinned

    def _resolve(
        self, conn, image_id: str, region: str, now, subscription: str | None = None
    ) -> tuple[object, ImageVersion, Resolution | None]:
        (def_pk, definition), pinned = self._image(conn, image_id, subscription)
        policy = reads.end_of_life_policy(conn)
        if pinned is None:
            versions = [v for _, v in reads.versions(conn, def_pk)]
            resolution = resolve_latest(versions, definition.id, region, now, policy)
            if resolution.error:
                raise resolution.error
            return definition, resolution.version, resolution
        found = reads.version(
            conn, definition.subscription, definition.resource_group, definition.gallery, definition.name, pinned
        )
        version = found[1] if found else None
        target = next((t for t in version.target_regions if t.name == region), None) if version else None
        if target is None or region_status(region, target.job, now).state is not ReplicationState.COMPLETED:
            raise not_in_region_error(image_id, region)
        if policy == "block" and past_end_of_life(version, now):
            raise end_of_life_error(image_id, version)
        return definition, version, None

    def image_regions(self, image_id: str) -> list[tuple[str, str | None, str]]:
        """Every region the image targets: (region, resolved version or None, why not) for the region picker."""
        with self.read() as conn:
            now = self.clock_state(conn).now(self.real_time())
            (def_pk, definition), pinned = self._image(conn, image_id)
            versions = [v for _, v in reads.versions(conn, def_pk)]
            names = sorted({t.name for v in versions for t in v.target_regions if pinned in (None, v.name)})
            result = []
            for region in names:
                try:
                    _, version, resolution = self._resolve(conn, image_id, region, now)
                    result.append((region, version.name, resolution.explain() if resolution else ""))
                except AzureError as error:
                    policy = reads.end_of_life_policy(conn)
                    latest = resolve_latest(versions, definition.id, region, now, policy) if pinned is None else None
                    why = latest.explain() if latest else error.message
                    result.append((region, None, why))
            return result

    def plan_vm(self, image_id: str, request: vm.VmRequest, subscription: str | None = None) -> VmPlan:
        """Review + create: check everything and say what would be created; writes nothing."""
        with self.read() as conn:
            return self._plan(conn, image_id, request, subscription)

    def _plan(self, conn, image_id: str, request: vm.VmRequest, subscription: str | None) -> VmPlan:
        sub = self.subscription(conn, subscription)
        now = self.clock_state(conn).now(self.real_time())
        region = check_location(request.location, sub, "Microsoft.Compute/virtualMachines").name
        request = dataclasses.replace(request, location=region)
        definition, version, resolution = self._resolve(conn, image_id, region, now, sub.id)
        vm.check_vm_name(request.name, definition.os_type)
        vm.check_instance_count(request.instance_count)
        vm.check_os_profile(request, definition)
        size, warnings = vm.check_size(request.size, definition)
        disk = vm.check_os_disk(request.os_disk_type, size, definition)
        availability, zone = vm.check_placement(request)
        port = vm.check_port(request.inbound_port, definition.os_type)
        self._check_encryption(conn, request, sub.id, version)
        if past_end_of_life(version, now):
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
            request,
            sub.id,
            image_id,
            definition,
            version,
            resolution,
            size,
            disk,
            availability,
            zone,
            port,
            tuple(warnings),
            advice,
            inherited_disks(version, region, request.disk_encryption_set),
        )

    def _check_encryption(self, conn, request: vm.VmRequest, subscription: str, version: ImageVersion) -> None:
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
        des = reads.disk_encryption_set(conn, request.disk_encryption_set)
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

    def create_vm(
        self, image_id: str, request: vm.VmRequest, subscription: str | None = None, create_resource_group: bool = False
    ) -> tuple[dict, VmPlan]:
        """Create a VM (or a scale set when `instance_count` is set); returns its REST shape and the reviewed plan."""
        with self.write() as tx:
            sub = self.subscription(tx.conn, subscription)
            if create_resource_group and reads.resource_group(tx.conn, sub.id, request.resource_group) is None:
                names.check_resource_group_name(request.resource_group)
                region = check_location(request.location, sub, "Microsoft.Resources/resourceGroups").name
                rg_row = {"subscription_id": sub.id, "name": request.resource_group, "location": region}
                tx.apply(plan(Insert("resource_group", rg_row)))
            rg_pk = self.rg_pk(tx.conn, sub.id, request.resource_group)
            vm_plan = self._plan(tx.conn, image_id, request, sub.id)
            self.authorize(tx.conn, "write", vm_plan.id)
            if reads.virtual_machines(tx.conn, vm_plan.id):
                raise AzureError("ResourceExists", f"The resource '{vm_plan.id}' already exists.", 409)
            row = virtual_machine_row(vm_plan, image_id, rg_pk, tx.now)
            steps = [Insert("virtual_machine", row)]
            if vm_plan.kind == "virtualMachines":
                steps.append(source_insert(vm_plan.as_source(sub.id), rg_pk, tx.now))
            tx.apply(plan(*steps))
            body = vm_to_rest(row)
            tx.log(f"Microsoft.Compute/{vm_plan.kind}/write", vm_plan.id, None, body)
            return body, vm_plan

    def get_vm(self, vm_id: str) -> dict:
        """One VM or scale set by id."""
        with self.read() as conn:
            found = reads.virtual_machines(conn, vm_id)
            if not found:
                parsed = ids.parse_arm_id(vm_id)
                raise resource_not_found(f"Microsoft.Compute/{parsed.path[0][0]}", parsed.name, parsed.resource_group)
            self.authorize(conn, "read", vm_id)
            return vm_to_rest(dict(found[0]))

    def delete_vm(self, vm_id: str) -> None:
        """Delete a VM or scale set made from the gallery, or a source VM (its record as a source goes too)."""
        with self.write() as tx:
            made = reads.virtual_machines(tx.conn, vm_id)
            source = reads.source(tx.conn, vm_id)
            if not made and source is None:
                parsed = ids.parse_arm_id(vm_id)
                raise resource_not_found(f"Microsoft.Compute/{parsed.path[0][0]}", parsed.name, parsed.resource_group)
            self.authorize(tx.conn, "delete", vm_id)
            before = vm_to_rest(dict(made[0])) if made else None
            tx.apply(plan(Delete("virtual_machine", {"arm_id": vm_id}), Delete("source", {"arm_id": vm_id})))
            kind = made[0]["kind"] if made else "virtualMachines"
            tx.log(f"Microsoft.Compute/{kind}/delete", vm_id, before, None)

    def list_vms(self, version_id: str | None = None) -> list[dict]:
        """Every VM and scale set, or those created from one image version."""
        with self.read() as conn:
            readable = self.readable(conn)
            return [vm_to_rest(r) for r in reads.virtual_machines(conn, version_id=version_id) if readable(r["arm_id"])]
