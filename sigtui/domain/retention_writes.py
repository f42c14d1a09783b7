"""Carrying out a prune and undoing it, each version decided on its own write facts: a prune deletes as a delete
does (the caller's rights, the safety profile, soft delete); its undo restores a soft-deleted version, or puts a
deleted one back as it was, with its regions, replicas and disks."""

from __future__ import annotations

from collections.abc import Sequence

from . import soft_delete
from .errors import conflict
from .models import ImageVersion
from .plan import Decision, Insert, NewKey, Plan, activity, plan
from .rest import version_to_rest
from .retention import DefinitionPlan
from .rows import data_disk_inserts, target_region_inserts, version_row
from .version_writes import VERSION_WRITE, VersionFacts, decide_delete


def decide_prune(plans: list[DefinitionPlan], deletes: Sequence[VersionFacts]) -> Decision[list[DefinitionPlan]]:
    """The deletes of every version the plans let go: all of them, or none when one is refused."""
    steps = [decide_delete(facts, facts.existing.name).plan for facts in deletes if facts.existing is not None]
    return Decision(plans, plan(*steps))


def decide_undo_prune(found: Sequence[tuple[VersionFacts, ImageVersion]]) -> Decision[list[ImageVersion]]:
    """Every pruned version back: from soft delete when the gallery kept it, else as it was when deleted."""
    steps = []
    for index, (facts, version) in enumerate(found):
        if facts.soft_deleted is not None:
            steps.append(soft_delete.decide_restore(facts, version.name).plan)
        else:
            steps.append(_put_back(facts, version, NewKey(f"restored-{index}")))
    return Decision([version for _, version in found], plan(*steps))


def _put_back(facts: VersionFacts, version: ImageVersion, key: NewKey) -> Plan:
    facts.parents()
    facts.caller.require("write", version.id)
    if facts.existing is not None:
        raise conflict("Conflict", f"Image version {version.name} exists again: it cannot be restored.")
    after = version_to_rest(version, facts.now)
    return plan(
        Insert("image_version", version_row(version, facts.definition_pk), key=key),
        *data_disk_inserts(version, key),
        *target_region_inserts(version, key),
        activity(facts.now, facts.caller.name, VERSION_WRITE, version.id, None, after, message="Restored"),
    )
