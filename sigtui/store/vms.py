"""VMs and scale sets from the gallery: load the facts, let the domain decide (vm_writes), apply the plan."""

from __future__ import annotations

from ..domain import ids, vm, vm_writes
from ..domain.errors import resource_not_found
from ..domain.vm_plan import VmPlan
from ..domain.vm_rest import vm_to_rest
from . import facts, reads
from .base import Attempt, ServiceBase


class VmOps(ServiceBase):
    def _vm_facts(self, conn, subscription: str | None, image_id: str, request: vm.VmRequest | None = None):
        now = self.clock_state(conn).now(self.real_time())
        return facts.vm_facts(conn, now, reads.caller(conn, self.caller), subscription, image_id, request)

    def image_regions(self, image_id: str) -> list[tuple[str, str | None, str]]:
        """Every region the image targets: (region, resolved version or None, why not) for the region picker."""
        with self.read() as conn:
            return vm_writes.image_regions(self._vm_facts(conn, None, image_id))

    def plan_vm(self, image_id: str, request: vm.VmRequest, subscription: str | None = None) -> VmPlan:
        """Review + create: check everything and say what would be created; writes nothing."""
        with self.read() as conn:
            return vm_writes.decide_plan(self._vm_facts(conn, subscription, image_id, request), request)

    def create_vm(
        self, image_id: str, request: vm.VmRequest, subscription: str | None = None, create_resource_group: bool = False
    ) -> tuple[dict, VmPlan]:
        """Create a VM (or a scale set when `instance_count` is set); returns its REST shape and the reviewed plan."""
        rtype = "virtualMachineScaleSets" if request.instance_count is not None else "virtualMachines"
        attempt = Attempt(f"Microsoft.Compute/{rtype}/write", subscription,
                          lambda s: ids.resource_id(s, request.resource_group, rtype, request.name))
        with self.write(attempt) as tx:
            known = self._vm_facts(tx.conn, subscription, image_id, request)
            return tx.decided(vm_writes.decide_create(known, request, create_resource_group))

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
            is_source = reads.source(tx.conn, vm_id) is not None
            caller = reads.caller(tx.conn, self.caller)
            tx.decided(vm_writes.decide_delete(caller, tx.now, vm_id, dict(made[0]) if made else None, is_source))

    def list_vms(self, version_id: str | None = None) -> list[dict]:
        """Every VM and scale set, or those created from one image version."""
        with self.read() as conn:
            readable = self.readable(conn)
            return [vm_to_rest(r) for r in reads.virtual_machines(conn, version_id=version_id) if readable(r["arm_id"])]
