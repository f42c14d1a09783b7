"""Direct sharing of a gallery (`sharingProfile.permissions = Groups`) with subscriptions and tenants: the `/share`
action with Azure's limits, and what the receiving subscription sees under `Microsoft.Compute/SharedGalleries`."""

from __future__ import annotations

from .errors import AzureError, invalid
from .models import Gallery, ImageDefinition, ImageVersion, Subscription
from .reference_data import limits
from .rest_fields import unsupported

PERMISSIONS = ("Private", "Groups")
"""`sharingProfile.permissions` sigtui models (Community galleries are not)."""
OPERATIONS = ("Add", "Remove", "Reset")
GROUP_TYPES = ("Subscriptions", "AADTenants")
SHARED_PREFIX = "/SharedGalleries/"


def check_permissions(value: str | None) -> str | None:
    if value is None:
        return None
    found = next((p for p in PERMISSIONS if p.lower() == str(value).lower()), None)
    if found is None:
        raise unsupported("properties.sharingProfile.permissions", f" with the value {value!r}; supported: "
                                                                     "'Private', 'Groups'")
    return found


def check_government(gallery: Gallery, subscription: Subscription) -> None:
    """Direct shared galleries are not offered in the government clouds."""
    if gallery.sharing == "Groups" and subscription.cloud == "AzureUSGovernment":
        raise invalid("Direct shared galleries are not supported in the AzureUSGovernment cloud.",
                      "properties.sharingProfile.permissions")


def check_direct_share_encryption(permissions: str | None, version: ImageVersion) -> None:
    """A direct shared gallery cannot hold image versions encrypted with customer-managed keys."""
    if permissions == "Groups" and version.encrypted:
        raise invalid(f"The image version '{version.name}' is encrypted with customer-managed keys, and a direct "
                      "shared gallery cannot hold encrypted image versions.",
                      "properties.publishingProfile.targetRegions.encryption")


def _groups(body: dict) -> list[tuple[str, str]]:
    """The (type, id) pairs of a SharingUpdate's `groups`."""
    pairs = []
    for i, group in enumerate(body.get("groups") or []):
        kind = next((t for t in GROUP_TYPES if t.lower() == str(group.get("type", "")).lower()), None)
        if kind is None:
            raise invalid(f"The value '{group.get('type')}' of parameter 'groups[{i}].type' is invalid. Allowed "
                          f"values: {', '.join(GROUP_TYPES)}.", f"groups[{i}].type")
        pairs += [(kind, str(item).lower()) for item in group.get("ids") or []]
    return pairs


def shared_with(gallery: Gallery, body: dict, subscription: Subscription) -> tuple[tuple[str, str], ...]:
    """The gallery's new share list after a SharingUpdate body (operationType Add, Remove or Reset)."""
    operation = next((o for o in OPERATIONS if o.lower() == str(body.get("operationType", "")).lower()), None)
    if operation is None:
        if str(body.get("operationType", "")).lower() == "enablecommunity":
            raise unsupported("operationType", " with the value 'EnableCommunity'; supported: 'Add', 'Remove', "
                                               "'Reset'")
        raise invalid(f"The value '{body.get('operationType')}' of parameter 'operationType' is invalid. Allowed "
                      f"values: {', '.join(OPERATIONS)}.", "operationType")
    if gallery.sharing != "Groups":
        raise invalid(f"The gallery '{gallery.name}' is not a direct shared gallery: its sharingProfile.permissions "
                      "is 'Private'. Create a gallery with permissions 'Groups' to share it with subscriptions and "
                      "tenants.", "sharingProfile.permissions")
    if operation == "Reset":
        return ()
    groups = _groups(body)
    if not groups:
        raise invalid("Required parameter 'groups' is missing (null).", "groups")
    if operation == "Remove":
        return tuple(g for g in gallery.shared_with if g not in groups)
    check_government(gallery, subscription)
    after = tuple(dict.fromkeys([*gallery.shared_with, *groups]))
    _check_limits(after)
    return after


def _check_limits(groups: tuple[tuple[str, str], ...]) -> None:
    lim = limits()
    for kind, most in (("Subscriptions", lim["directShareSubscriptions"]), ("AADTenants", lim["directShareTenants"])):
        count = sum(1 for k, _ in groups if k == kind)
        if count > most:
            raise AzureError("OperationNotAllowed", f"A gallery can be directly shared with at most "
                                                    f"{lim['directShareSubscriptions']} subscriptions and "
                                                    f"{lim['directShareTenants']} tenants; this would share it with "
                                                    f"{count} {'tenants' if kind == 'AADTenants' else kind.lower()}.",
                             409, "groups")


def sharing_profile(gallery: Gallery) -> dict | None:
    """`properties.sharingProfile` as Azure returns it, or None for a gallery created without one."""
    if not gallery.sharing:
        return None
    groups = [{"type": kind, "ids": [i for k, i in gallery.shared_with if k == kind]}
              for kind in GROUP_TYPES if any(k == kind for k, _ in gallery.shared_with)]
    return {"permissions": gallery.sharing, **({"groups": groups} if groups else {})}


def visible_to(gallery: Gallery, subscription: Subscription, to_tenant: bool = False) -> bool:
    """Whether the receiving subscription (or, with `to_tenant`, its tenant) is one the gallery is shared with."""
    if gallery.sharing != "Groups":
        return False
    wanted = ("AADTenants", subscription.tenant_id.lower()) if to_tenant else ("Subscriptions", subscription.id.lower())
    return wanted in gallery.shared_with or (not to_tenant and ("AADTenants", subscription.tenant_id.lower())
                                             in gallery.shared_with)


def unique_id(gallery: Gallery, *names: str) -> str:
    parts = [f"{SHARED_PREFIX}{gallery.unique_name}"]
    for label, name in zip(("Images", "Versions"), names, strict=False):
        parts.append(f"{label}/{name}")
    return "/".join(parts)


def parse_shared_id(image_id: str) -> tuple[str, str, str | None] | None:
    """(gallery unique name, image, version or None) of `/SharedGalleries/{u}/Images/{i}[/Versions/{v}]`."""
    parts = [p for p in image_id.split("/") if p]
    if len(parts) not in (4, 6) or parts[0].lower() != "sharedgalleries" or parts[2].lower() != "images":
        return None
    if len(parts) == 6 and parts[4].lower() != "versions":
        return None
    return parts[1], parts[3], parts[5] if len(parts) == 6 else None


def shared_gallery_to_rest(gallery: Gallery, location: str) -> dict:
    return {"name": gallery.unique_name, "location": location, "identifier": {"uniqueId": unique_id(gallery)},
            "properties": {"artifactTags": {}}}


def shared_image_to_rest(gallery: Gallery, d: ImageDefinition, location: str) -> dict:
    properties = {
        "osType": d.os_type, "osState": d.os_state, "hyperVGeneration": d.hyper_v_generation,
        "identifier": {"publisher": d.publisher, "offer": d.offer, "sku": d.sku},
        "architecture": d.architecture or "x64", "artifactTags": {},
        "endOfLifeDate": d.end_of_life_date.isoformat().replace("+00:00", "Z") if d.end_of_life_date else None,
        "eula": d.eula, "privacyStatementUri": d.privacy_statement_uri,
    }
    return {"name": d.name, "location": location, "identifier": {"uniqueId": unique_id(gallery, d.name)},
            "properties": {k: v for k, v in properties.items() if v is not None}}


def shared_version_to_rest(gallery: Gallery, v: ImageVersion, location: str) -> dict:
    def stamp(value):
        return value.isoformat().replace("+00:00", "Z") if value else None

    disks = {"osDiskImage": {"diskSizeGB": v.os_disk.size_gb, "hostCaching": v.os_disk.host_caching or "None"},
             "dataDiskImages": [{"diskSizeGB": d.size_gb, "hostCaching": d.host_caching or "None", "lun": d.lun}
                                for d in v.data_disks]}
    properties = {"publishedDate": stamp(v.published_date), "endOfLifeDate": stamp(v.end_of_life_date),
                  "excludeFromLatest": v.exclude_from_latest, "storageProfile": disks, "artifactTags": {}}
    return {"name": v.name, "location": location,
            "identifier": {"uniqueId": unique_id(gallery, v.definition, v.name)},
            "properties": {k: val for k, val in properties.items() if val is not None}}

