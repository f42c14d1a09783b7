"""Load, in one read pass inside the write's transaction, the facts a domain rule decides a write on."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from datetime import datetime

from ..domain import ids
from ..domain.access import Caller
from ..domain.definition_writes import DefinitionFacts
from ..domain.drafts import gallery_version_source, gallery_version_sources
from ..domain.errors import AzureError
from ..domain.gallery_writes import GalleryFacts
from ..domain.models import ImageVersion, Source, Subscription
from ..domain.reference_data import find_region
from ..domain.replication import FaultPlan
from ..domain.resource_group_writes import ResourceGroupFacts
from ..domain.simulation_writes import SimulationFacts
from ..domain.source_writes import PlacementFacts
from ..domain.storage import blob_uri
from ..domain.storage_writes import AccountFacts, BlobFacts
from ..domain.version_writes import VersionFacts, source_ids
from ..domain.vm import VmRequest
from ..domain.vm_writes import VmFacts, image_reference
from . import reads
from .reads.lookups import named_or_default
from .reads.shared import shared_image
from .reads.visibility import Visibility


def subscription(conn: sqlite3.Connection, requested: str | None, caller: Caller) -> Subscription | None:
    """The named subscription (by id or name), or the caller's default one when none is named."""
    return named_or_default(conn, requested, Visibility.of(caller))


def rg_pk(conn: sqlite3.Connection, sub: Subscription | None, rg: str) -> int | None:
    found = reads.resource_group(conn, sub.id, rg) if sub else None
    return found[0] if found else None


def in_region(conn: sqlite3.Connection, table: str, sub: Subscription | None) -> dict[str, int]:
    """How many galleries, definitions or versions the subscription has per region."""
    return reads.count_per_region(conn, table, sub.id) if sub else {}


def gallery_facts(
    conn: sqlite3.Connection, now: datetime, caller: Caller, requested: str | None, rg: str, name: str
) -> GalleryFacts:
    sub = subscription(conn, requested, caller)
    rg_key = rg_pk(conn, sub, rg)
    found = reads.gallery(conn, sub.id, rg, name) if rg_key is not None else None
    pk, existing = found if found else (None, None)
    same_name = next(iter(reads.galleries_named(conn, sub.id, name)), None) if sub else None
    children = pk is not None and reads.has_children(conn, "image_definition", "gallery_id", pk)
    return GalleryFacts(
        now,
        caller,
        sub,
        requested,
        rg,
        rg_key,
        existing,
        pk,
        same_name,
        in_region(conn, "gallery", sub) if existing is None else {},
        children,
    )


def definition_facts(
    conn: sqlite3.Connection,
    now: datetime,
    caller: Caller,
    requested: str | None,
    rg: str,
    gallery: str,
    name: str,
) -> DefinitionFacts:
    sub = subscription(conn, requested, caller)
    rg_key = rg_pk(conn, sub, rg)
    parent = reads.gallery(conn, sub.id, rg, gallery) if rg_key is not None else None
    gallery_pk, found_gallery = parent if parent else (None, None)
    found = reads.definition(conn, sub.id, rg, found_gallery.name, name) if found_gallery else None
    pk, existing = found if found else (None, None)
    siblings = tuple(d for _, d in reads.definitions(conn, gallery_pk)) if gallery_pk and not existing else ()
    return DefinitionFacts(
        now,
        caller,
        sub,
        requested,
        rg,
        rg_key,
        gallery,
        found_gallery,
        gallery_pk,
        existing,
        pk,
        siblings,
        in_region(conn, "image_definition", sub) if found_gallery and not existing else {},
        pk is not None and reads.has_children(conn, "image_version", "definition_id", pk),
    )


def placement_facts(
    conn: sqlite3.Connection, now: datetime, caller: Caller, requested: str | None, rg: str, rtype: str, name: str
) -> PlacementFacts:
    """The facts creating a source (`rtype`: its ARM type) or disk encryption set `name` is decided on."""
    sub = subscription(conn, requested, caller)
    exists = False
    if sub is not None:
        arm_id = ids.resource_id(sub.id, rg, rtype, name)
        read = reads.disk_encryption_set if rtype == "diskEncryptionSets" else reads.source
        exists = read(conn, arm_id) is not None
    return PlacementFacts(now, caller, sub, requested, rg, rg_pk(conn, sub, rg), exists)


def resource_group_facts(
    conn: sqlite3.Connection, now: datetime, caller: Caller, requested: str | None, name: str
) -> ResourceGroupFacts:
    """The resource group `name` as stored, and the definitions and versions it holds."""
    sub = subscription(conn, requested, caller)
    found = reads.resource_group(conn, sub.id, name) if sub else None
    if found is None:
        return ResourceGroupFacts(now, caller, sub, requested, name)
    definitions, versions = reads.catalog_keys_in(conn, found[0])
    galleries = reads.gallery_keys_in(conn, found[0])
    return ResourceGroupFacts(now, caller, sub, requested, name, found[1], found[0], definitions, versions, galleries)


def simulation_facts(conn: sqlite3.Connection, caller: Caller, real: float) -> SimulationFacts:
    """Who changes the simulation, the caller's default subscription, and the stored clock."""
    return SimulationFacts(caller, subscription(conn, None, caller), reads.clock(conn), real)


def vm_facts(
    conn: sqlite3.Connection, now: datetime, caller: Caller, requested: str | None, image_id: str,
    request: VmRequest | None = None,
) -> VmFacts:
    """The image's definition and versions and, for a request, its encryption set, resource group and whether a
    VM of its name is there."""
    sub = subscription(conn, requested, caller)
    definition, versions = None, ()
    shared = shared_image(conn, image_id, sub) if sub is not None else None
    found = shared or _gallery_image(conn, image_id)
    if found is not None:
        definition, versions = found[1], tuple(v for _, v in reads.versions(conn, found[0]))
    known = VmFacts(now, caller, sub, requested, image_id, definition, versions,
                    end_of_life=reads.end_of_life_policy(conn), shared=shared is not None)
    if request is None or sub is None:
        return known
    kind = "virtualMachineScaleSets" if request.instance_count is not None else "virtualMachines"
    return dataclasses.replace(
        known,
        encryption_set=reads.disk_encryption_set(conn, request.disk_encryption_set)
        if request.disk_encryption_set else None,
        rg_pk=rg_pk(conn, sub, request.resource_group),
        exists=bool(reads.virtual_machines(conn, ids.resource_id(sub.id, request.resource_group, kind, request.name))),
    )


def _gallery_image(conn: sqlite3.Connection, image_id: str):
    """The definition (pk, definition) a gallery image id names, else None."""
    try:
        parsed = image_reference(image_id)
    except AzureError:
        return None
    names = parsed.subscription, parsed.resource_group or "", parsed.name_of("galleries"), parsed.name_of("images")
    return reads.definition(conn, *names)


def faults(conn: sqlite3.Connection) -> FaultPlan:
    """The simulated trouble set with `set_faults`."""
    return FaultPlan(
        float(reads.setting(conn, "fault_rate", "0")),
        reads.setting(conn, "fault_seed", "sigtui"),
        frozenset(json.loads(reads.setting(conn, "fault_outages", "[]"))),
    )


def source(conn: sqlite3.Connection, source_id: str, location: str, now: datetime) -> Source | None:
    """A source by id (a VHD by its URI); a gallery image version counts as present where it has completed
    replication."""
    if source_id.lower().startswith("https://"):
        return reads.source(conn, source_id)
    try:
        parsed = ids.parse_arm_id(source_id, "properties.storageProfile.source.id")
    except AzureError:
        return None
    if parsed.kind != "galleries/images/versions":
        return reads.source(conn, source_id)
    names = parsed.subscription, parsed.resource_group, parsed.name_of("galleries"), parsed.name_of("images")
    found = reads.version(conn, *names, parsed.name_of("versions"))
    definition = reads.definition(conn, *names)
    if not found or not definition:
        return None
    here = any(copy.location == location for copy in gallery_version_sources(found[1], definition[1], now))
    return gallery_version_source(found[1], definition[1], location if here else "")


def version_facts(
    conn: sqlite3.Connection,
    now: datetime,
    caller: Caller,
    requested: str | None,
    names: tuple[str, str, str, str],
    request: ImageVersion | None = None,
) -> VersionFacts:
    """The facts about the version `names` (resource group, gallery, definition, version) and what `request` names."""
    rg, gallery, definition, name = names
    sub = subscription(conn, requested, caller)
    rg_key = rg_pk(conn, sub, rg)
    parent = reads.definition(conn, sub.id, rg, gallery, definition) if rg_key is not None else None
    definition_pk, found_definition = parent if parent else (None, None)
    found = None
    if found_definition:
        found = reads.version(conn, sub.id, rg, found_definition.gallery, found_definition.name, name)
    pk, existing = found if found else (None, None)
    gallery_found = reads.gallery(conn, sub.id, rg, found_definition.gallery) if found_definition else None
    deleted = reads.soft_deleted_versions(conn, definition_pk, found_definition, name) if found_definition else []
    sources = {}
    if request is not None and found_definition and not existing:
        region = find_region(request.location or found_definition.location)
        location = region.name if region else request.location
        for source_id in source_ids(request):
            found_source = source(conn, source_id, location, now)
            if found_source is not None:
                sources[source_id.lower()] = found_source
    return VersionFacts(
        now,
        caller,
        sub,
        requested,
        rg,
        rg_key,
        gallery,
        definition,
        found_definition,
        definition_pk,
        existing,
        pk,
        sources,
        {des.id.lower(): des for des in reads.disk_encryption_sets(conn)} if found_definition else {},
        in_region(conn, "image_version", sub) if found_definition and not existing else {},
        faults(conn),
        bool(gallery_found and gallery_found[1].soft_delete),
        deleted[0] if deleted else None,
        gallery_found[1].sharing if gallery_found else None,
    )


def account_facts(
    conn: sqlite3.Connection, now: datetime, caller: Caller, requested: str | None, rg: str, name: str
) -> AccountFacts:
    """Creating storage account `name`: its resource group and any account already holding the name."""
    sub = subscription(conn, requested, caller)
    found = reads.resource_group(conn, sub.id, rg) if sub else None
    rg_pk, location = (found[0], found[1].location) if found else (None, None)
    return AccountFacts(now, caller, sub, requested, rg, rg_pk, location, reads.storage_account_named(conn, name))


def blob_facts(conn: sqlite3.Connection, now: datetime, caller: Caller, account_name: str, container: str,
               name: str) -> BlobFacts:
    """Uploading blob `container/name` to storage account `account_name`."""
    account = reads.storage_account_named(conn, account_name)
    if account is None:
        return BlobFacts(now, caller, account_name, None, None, False)
    found = reads.resource_group(conn, account.subscription, account.resource_group)
    exists = reads.source(conn, blob_uri(account, container, name)) is not None
    return BlobFacts(now, caller, account_name, account, found[0] if found else None, exists)
