"""`.../virtualMachines[/{name}]` over REST: VMs made from a gallery image (a PUT naming
`storageProfile.imageReference`), beside the source VMs image versions are captured from."""

from __future__ import annotations

from ..cli import resources, vm, vm_request
from ..domain import ids
from ..domain.errors import AzureError
from ..domain.vm_rest import requested_image, vm_request_from_rest
from ..store import reads
from . import routes

VMS = "virtualMachines"


def handles(route: routes.Route) -> bool:
    return route.kind in ("source", "sources") and route.rtype == VMS


def get(ctx, r: routes.Route) -> dict:
    if r.kind == "sources":
        return {"value": vm.listing(ctx, "vm", r.rg, r.sub)}
    return vm.find(ctx, "vm", r.rg, *r.names, sub=r.sub)


def exists(ctx, r: routes.Route, sub: str) -> bool:
    arm_id = ids.resource_id(sub, r.rg, VMS, *r.names)
    return bool(reads.virtual_machines(ctx.conn, arm_id)) or reads.source(ctx.conn, arm_id) is not None


def put(ctx, r: routes.Route, sub: str, body: dict, source_arguments) -> dict:
    """From a gallery image when the body names one (Azure's checks, `latest` per region); else a source VM."""
    image = requested_image(body)
    if image is None:
        made = ctx.services.create_source("vm", r.rg, *r.names, body.get("location"), sub, **source_arguments(body))
        return resources.to_rest(made)

    def encryption_of(set_id: str) -> str:
        found = reads.disk_encryption_set(ctx.conn, set_id)
        return vm_request.ENCRYPTION_OF_SET.get(found.encryption_type, "cmk") if found else "cmk"

    vm_id = ids.resource_id(sub, r.rg, VMS, *r.names)
    if reads.virtual_machines(ctx.conn, vm_id):
        return _unchanged(ctx.services.get_vm(vm_id), image)
    request = vm_request_from_rest(body, r.rg, *r.names, encryption_of)
    made, _ = ctx.services.create_vm(image, request, sub)
    return made


def _unchanged(current: dict, image: str) -> dict:
    """A PUT on a VM that exists: the image it was made from cannot change; nothing else sigtui keeps can."""
    reference = current["properties"]["storageProfile"]["imageReference"]
    if (reference.get("id") or reference.get("sharedGalleryImageId", "")).lower() != image.lower():
        raise AzureError("PropertyChangeNotAllowed", "Changing property 'imageReference' is not allowed.", 409,
                         "imageReference")
    return current


def delete(ctx, r: routes.Route, sub: str) -> None:
    ctx.services.delete_vm(ids.resource_id(sub, r.rg, VMS, *r.names))
