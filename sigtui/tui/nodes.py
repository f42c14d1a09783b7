"""What a tree node stands for, in the terms the actions need: a resource reference, a VM image, failed regions."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ..domain.models import ReplicationState
from ..domain.replication import region_status
from .screens.forms.model import ResourceRef
from .widgets.tree_nodes import NodeData

if TYPE_CHECKING:
    from .screens.vm.target import VmTarget

SHAREABLE = ("gallery", "definition", "version")


def ref_of(data: NodeData | None) -> ResourceRef | None:
    """The gallery, definition or version a tree node stands for."""
    if data is None:
        return None
    if data.gallery is not None:
        g = data.gallery
        return ResourceRef("gallery", g.subscription, g.resource_group, g.name)
    if data.definition is not None:
        d = data.definition
        return ResourceRef("definition", d.subscription, d.resource_group, d.gallery, d.name)
    if data.summary is not None:
        return ResourceRef.of(data.summary.version)
    return None


def vm_target(data: NodeData | None) -> VmTarget | None:
    """A definition starts from `latest`, a version is pinned; anything else is not an image."""
    if data is None or data.kind not in ("definition", "version"):
        return None
    from .screens.vm.target import VmTarget

    if data.kind == "definition" and data.definition is not None:
        d = data.definition
        return VmTarget(d.id, d.pk, d.subscription, d.resource_group, d.gallery, d.name)
    if data.kind == "version" and data.summary is not None:
        v = data.summary.version
        return VmTarget(
            v.id, data.summary.definition_pk, v.subscription, v.resource_group, v.gallery, v.definition, v.name
        )
    return None


def failed_regions(data: NodeData | None, now: datetime) -> list[tuple[str, str]]:
    """The failed regions of a version node, with what went wrong in each."""
    if data is None or data.summary is None:
        return []
    statuses = (region_status(t.name, t.job, now) for t in data.summary.version.target_regions)
    return [(s.region, s.details) for s in statuses if s.state is ReplicationState.FAILED]


def child_count(data: NodeData) -> int:
    """How many definitions a gallery holds, or versions a definition."""
    if data.gallery is not None:
        return data.gallery.definition_count
    if data.definition is not None:
        return data.definition.version_count
    return 0
