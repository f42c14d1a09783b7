"""Azure's rules for galleries and definitions, and the checks every resource shares, raising AzureError."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import datetime

from . import features, names
from .errors import AzureError, conflict, invalid
from .models import Gallery, ImageDefinition, Subscription
from .quotas import quota_error
from .reference_data import Region, find_region, limits, region_cloud, regions
from .values import INT32_MAX, check_tags

GALLERY_TYPE = "Microsoft.Compute/galleries"
DEFINITION_TYPE = "Microsoft.Compute/galleries/images"
VERSION_TYPE = "Microsoft.Compute/galleries/images/versions"
ENCRYPTION_OS_PATH = (
    "galleryArtifactVersion.properties.publishingProfile.targetRegions.encryption.osDiskImage.diskEncryptionSetId"
)

UPDATABLE = {
    "gallery": {"description", "tags", "soft_delete"},
    "definition": {"description", "end_of_life_date", "vcpus_min", "vcpus_max", "memory_min", "memory_max", "tags"},
    "version": {"target_regions", "replica_count", "exclude_from_latest", "end_of_life_date", "tags",
                "allow_replicated_location_deletion", "block_deletion_before_end_of_life"},
}
PROPERTY_PATHS = {
    "gallery": {"location": "location", "name": "name", "sharing": "sharingProfile.permissions"},
    "definition": {
        "location": "location",
        "publisher": "identifier.publisher",
        "offer": "identifier.offer",
        "sku": "identifier.sku",
        "os_type": "osType",
        "os_state": "osState",
        "hyper_v_generation": "hyperVGeneration",
        "eula": "eula",
        "privacy_statement_uri": "privacyStatementUri",
        "release_note_uri": "releaseNoteUri",
        "disallowed_disk_types": "disallowed.diskTypes",
        "plan_name": "purchasePlan.name",
        "plan_publisher": "purchasePlan.publisher",
        "plan_product": "purchasePlan.product",
        "architecture": "architecture",
    },
    "version": {
        "location": "location",
        "source_id": "storageProfile.source.id",
        "storage_account_type": "publishingProfile.storageAccountType",
        "os_disk": "storageProfile.osDiskImage",
        "data_disks": "storageProfile.dataDiskImages",
        "replication_mode": "publishingProfile.replicationMode",
    },
}
FILLED_IN = {"architecture": "x64", "replication_mode": "Full"}
"""Fields Azure fills in when a request leaves them out: leaving one out on replace keeps it as it is."""
ENTITY_PREFIX = {"gallery": "gallery", "definition": "galleryImage", "version": "galleryImageVersion"}


def change_not_allowed(kind: str, field: str) -> AzureError:
    """Azure's refusal to change a property that is fixed after create."""
    path = PROPERTY_PATHS[kind].get(field, field)
    prefix = ENTITY_PREFIX[kind]
    full = f"{prefix}.{path}" if path in ("location", "name") else f"{prefix}.properties.{path}"
    return AzureError("PropertyChangeNotAllowed", f"Changing property '{full}' is not allowed.", 400, full)


def check_only_updatable(kind: str, old: object, new: object) -> None:
    """Refuse a replacement that changes any field outside the updatable set, or tags beyond Azure's limits."""
    check_tags(new.tags)
    for field in PROPERTY_PATHS[kind]:
        if field == "data_disks" and kind == "version":
            if [(d.lun, d.source_id) for d in old.data_disks] != [(d.lun, d.source_id) for d in new.data_disks]:
                raise invalid(
                    "Adding new Data Disks or changing the LUN of a Data Disk in an existing Image is not allowed",
                    target="galleryImageVersion.properties.storageProfile.dataDiskImages",
                )
            continue
        if field == "os_disk" and kind == "version":
            if old.os_disk.source_id != new.os_disk.source_id:
                raise change_not_allowed(kind, "os_disk")
            continue
        default = FILLED_IN.get(field)
        before, after = getattr(old, field) or default, getattr(new, field) or default
        if isinstance(before, str) and isinstance(after, str):
            same = before.lower() == after.lower()
        else:
            same = before == after
        if not same:
            raise change_not_allowed(kind, field)


def available_regions(subscription: Subscription, cloud: str | None = None) -> list[Region]:
    """The regions of the subscription's cloud (or of `cloud`) it may use: allow-listing opens those that need
    access."""
    wanted = cloud or region_cloud(subscription.cloud)
    allowed = {r.lower() for r in subscription.allowed_regions}
    return [r for r in regions() if r.cloud == wanted and (not r.access_required or r.name in allowed)]


def check_location(text: str, subscription: Subscription, resource_type: str, cloud: str | None = None) -> Region:
    """Resolve a region name in any form Azure accepts; refuse unknown regions, regions of another cloud than the
    subscription's, and regions that need access the subscription was not allow-listed for."""
    region = find_region(text or "")
    allowed = {r.lower() for r in subscription.allowed_regions}
    wanted = cloud or region_cloud(subscription.cloud)
    if region is None or region.cloud != wanted or (region.access_required and region.name not in allowed):
        listing = ",".join(r.name for r in available_regions(subscription, wanted))
        raise AzureError(
            "LocationNotAvailableForResourceType",
            f"The provided location '{text}' is not available for resource type '{resource_type}'. "
            f"List of available regions for the resource type is '{listing}'.",
            target="location",
        )
    return region


def check_future(value: datetime | None, now: datetime) -> None:
    if value is not None and value <= now:
        raise invalid("EndOfLifeDate must be set to a future date.", "properties.endOfLifeDate")


def check_range(prop: str, low: int | None, high: int | None) -> None:
    if low is not None and high is not None and low > high:
        raise invalid(
            f"The minimum value of {prop} must not be greater than the maximum value of {prop}.",
            f"properties.recommended.{prop}",
        )
    for value in (low, high):
        if value is not None and not 0 <= value <= INT32_MAX:
            raise invalid(
                f"The value {value} of parameter recommended.{prop} is out of range. The value must be between 0 and "
                f"{INT32_MAX}, inclusive",
                f"properties.recommended.{prop}",
            )


def check_quota(what: str, current: int, limit_key: str) -> None:
    limit = limits()[limit_key]
    if current + 1 > limit:
        raise quota_error(what, current, limit)


def validate_gallery(
    gallery: Gallery, subscription: Subscription, same_name: Gallery | None, in_region: int
) -> Gallery:
    """A new gallery: name, location, uniqueness per subscription, quota. Returns it with its location normalized."""
    names.check_gallery_name(gallery.name)
    check_tags(gallery.tags)
    region = check_location(gallery.location, subscription, GALLERY_TYPE)
    if same_name is not None:
        if same_name.resource_group.lower() == gallery.resource_group.lower():
            raise AzureError(
                "InvalidResourceLocation",
                f"The resource '{gallery.name}' already exists in location '{same_name.location}' in resource group "
                f"'{gallery.resource_group}'. A resource with the same name cannot be created in location "
                f"'{region.name}'. Please select a new resource name.",
                409,
                target="galleryName",
            )
        raise conflict(
            "GalleryNameNotUnique",
            f"The gallery name {gallery.name} is not unique within the subscription {subscription.id}. "
            "Please pick another gallery name",
            target="galleryName",
        )
    check_quota("galleries", in_region, "galleriesPerSubscriptionPerRegion")
    return dataclasses.replace(gallery, location=region.name)


def validate_definition(
    definition: ImageDefinition,
    subscription: Subscription,
    siblings: Iterable[ImageDefinition],
    in_region: int,
    now: datetime,
) -> ImageDefinition:
    """A new image definition: names, identifier triple unique in the gallery, enums, ranges, dates, quota."""
    names.check_definition_name(definition.name, definition.gallery)
    check_tags(definition.tags)
    lim = limits()
    names.check_identifier("publisher", definition.publisher, lim["publisherMaxLength"])
    names.check_identifier("offer", definition.offer, lim["offerMaxLength"])
    names.check_identifier("sku", definition.sku, lim["skuMaxLength"])
    region = check_location(definition.location, subscription, DEFINITION_TYPE)
    definition = dataclasses.replace(
        definition,
        location=region.name,
        os_type=enum_value("osType", definition.os_type, ("Windows", "Linux")),
        os_state=enum_value("osState", definition.os_state, ("Generalized", "Specialized")),
        hyper_v_generation=enum_value("hyperVGeneration", definition.hyper_v_generation or "V1", ("V1", "V2")),
        architecture=enum_value("architecture", definition.architecture or "x64", ("x64", "Arm64")),
    )
    if definition.architecture == "Arm64" and definition.hyper_v_generation != "V2":
        raise invalid("Arm64 images must use Hyper-V generation V2.", "properties.hyperVGeneration")
    definition = dataclasses.replace(definition, features=features.check_features(definition))
    check_range("vCPUs", definition.vcpus_min, definition.vcpus_max)
    check_range("memory", definition.memory_min, definition.memory_max)
    check_future(definition.end_of_life_date, now)
    triple = (definition.publisher.lower(), definition.offer.lower(), definition.sku.lower())
    for other in siblings:
        if other.name.lower() == definition.name.lower():
            continue
        if (other.publisher.lower(), other.offer.lower(), other.sku.lower()) == triple:
            raise conflict(
                "Conflict",
                f"Gallery image: {definition.name} identified by (publisher:{definition.publisher}, "
                f"offer:{definition.offer}, sku:{definition.sku}) already exists. Choose a different publisher, "
                "offer, sku combination.",
                target="galleryImage.properties.identifier",
            )
    check_quota("image definitions", in_region, "imageDefinitionsPerSubscriptionPerRegion")
    return definition


def enum_value(prop: str, value: str | None, allowed: tuple[str, ...]) -> str:
    """Case-insensitive enum match returning Azure's spelling."""
    for option in allowed:
        if isinstance(value, str) and value.lower() == option.lower():
            return option
    raise invalid(
        f"Cannot bind parameter {prop}. Cannot convert value {value} to type {prop}. Unable to match the identifier "
        f"name {value} to a valid enumerator name. Specify one of the following enumerator names and try again: "
        f"{', '.join(allowed)}",
        f"properties.{prop}",
    )


def check_definition_update(old: ImageDefinition, new: ImageDefinition, now: datetime) -> None:
    check_only_updatable("definition", old, new)
    check_range("vCPUs", new.vcpus_min, new.vcpus_max)
    check_range("memory", new.memory_min, new.memory_max)
    if new.end_of_life_date != old.end_of_life_date:
        check_future(new.end_of_life_date, now)


def children_block_delete() -> AzureError:
    return conflict("CannotDeleteResource", "Can not delete resource before nested resources are deleted.", target="id")


def already_exists(path: str, target: str = "name") -> AzureError:
    """A create that must not overwrite (the forms' create dialogs) found the resource already there; `target`
    names the property holding its name."""
    return conflict("ResourceExists", f"The resource '{path}' already exists. Choose another name.", target=target)


def keep_location(kind: str, old: str, new: str | None) -> str:
    """Location is fixed after create; any spelling of the same region is accepted."""
    if new and (find_region(new) or new) != (find_region(old) or old):
        raise change_not_allowed(kind, "location")
    return old
