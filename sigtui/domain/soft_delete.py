"""Soft delete of image versions: a version deleted from a gallery with soft delete on is kept as it was, hidden
from reads, listed apart, and restored under its name by a PUT or PATCH with `properties.restore`."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING

from .errors import AzureError
from .models import ImageVersion
from .plan import Decision, Delete, Insert, NewKey, Plan, activity, plan
from .rest import version_to_rest
from .rows import data_disk_inserts, target_region_inserts, version_row

if TYPE_CHECKING:
    from .version_writes import VersionFacts

VERSION_RESTORE = "Microsoft.Compute/galleries/images/versions/write"


def keep(now: datetime, definition_pk: int, old: ImageVersion) -> Plan:
    """The row that keeps a version being deleted, with everything needed to put it back."""
    snapshot = {
        "version": {k: v for k, v in version_row(old, 0).items() if k != "definition_id"},
        "data_disks": [_without_parent(step) for step in data_disk_inserts(old, 0)],
        "target_regions": [_without_parent(step) for step in target_region_inserts(old, 0)],
        "rest": version_to_rest(old, now),
    }
    values = {"definition_id": definition_pk, "name": old.name, "location": old.location,
              "deleted_at": now.timestamp(), "snapshot": json.dumps(snapshot)}
    return plan(Insert("soft_deleted_version", values, replace=True))


def _without_parent(step: Insert) -> dict:
    return {k: v for k, v in step.values.items() if k != "version_id"}


def name_taken(gallery: str, definition: str, name: str) -> AzureError:
    """A create of a name that a soft-deleted version still holds."""
    return AzureError(
        "Conflict",
        f"Gallery image version '{gallery}/{definition}/{name}' is soft-deleted. Restore it with "
        "'properties.restore' set to true, or choose another version name.",
        409,
        "galleryImageVersion.name",
    )


def decide_restore(facts: VersionFacts, name: str) -> Decision[ImageVersion | None]:
    """Put a soft-deleted version back as it was when deleted; restoring a version that is not deleted changes
    nothing."""
    _, definition = facts.parents()
    if facts.existing is not None and facts.soft_deleted is None:
        facts.caller.require("write", facts.existing.id)
        return Decision(facts.existing, plan())
    deleted = facts.soft_deleted
    if deleted is None:
        raise AzureError("ResourceNotFound", f"The soft-deleted gallery image version '{definition.gallery}/"
                         f"{definition.name}/{name}' could not be found.", 404, "galleryImageVersion.name")
    facts.caller.require("write", deleted.version_id)
    snapshot = json.loads(deleted.snapshot)
    key = NewKey("version")
    rows = plan(
        Insert("image_version", {**snapshot["version"], "definition_id": facts.definition_pk}, key=key),
        *(Insert("data_disk", {**disk, "version_id": key}) for disk in snapshot["data_disks"]),
        *(Insert("target_region", {**region, "version_id": key}) for region in snapshot["target_regions"]),
        Delete("soft_deleted_version", {"definition_id": facts.definition_pk, "name": deleted.name}),
    )
    entry = activity(facts.now, facts.caller.name, VERSION_RESTORE, deleted.version_id, None, snapshot["rest"],
                     message="Restored from soft delete")
    return Decision(None, rows.then(entry))
