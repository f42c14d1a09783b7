"""The thread workers of the editing area and the past-tense messages they post: forms loaded, resources
written, patches applied (undo/redo), deletes refused, the activity log loaded."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from textual import work
from textual.message import Message

from ..domain import drafts, ids
from ..domain.errors import AzureError
from ..domain.models import Gallery, ImageDefinition, ImageVersion, Source
from ..store.browse import Catalog
from .screens.forms.model import FieldPatch, FormContext, Outcome, ResourceRef
from .screens.forms.version_parts import version_patch

ACTIVITY_LIMIT = 5000
SOURCE_VERSIONS_LIMIT = 500
"""At most this many gallery image versions are offered as sources."""


@dataclass
class FormLoaded(Message):
    """Everything a create or edit dialog needs was read."""

    kind: str
    context: FormContext


@dataclass
class ResourceWritten(Message):
    """A change outside a form (a delete, a removed region) succeeded."""

    outcome: Outcome


@dataclass
class PatchApplied(Message):
    """An undo (`undone`) or a redo went through the services."""

    patch: FieldPatch
    undone: bool
    outcome: Outcome


@dataclass
class DeleteRefused(Message):
    ref: ResourceRef
    error: AzureError


@dataclass
class ActivityLoaded(Message):
    entries: list[dict]


def apply_patch(services, ref: ResourceRef, body: dict) -> None:
    """PATCH a gallery, definition or version through the services (which check every rule again)."""
    getattr(services, f"update_{ref.kind}")(ref.subscription, ref.resource_group, *ref.names, body)


class EditWorkers:
    """Mixed into the app with `Editing`: reads for the forms and writes, off the UI thread."""

    catalog: Catalog
    db_path: Path

    _services_now: Callable[[], object]
    post_message: Callable[[Message], bool]

    def locate(self, ref: ResourceRef, note: str, patch: FieldPatch | None = None) -> Outcome:
        """Where a resource is in the tree (its pk, the nodes to open), for the reload after a write."""
        outcome = Outcome(note, patch=patch)
        gallery_id = ids.gallery_id(ref.subscription, ref.resource_group, ref.gallery).lower()
        gallery = next((g for g in self.catalog.galleries() if g.id.lower() == gallery_id), None)
        if gallery is None:
            return outcome
        outcome = replace(outcome, cursor=("gallery", gallery.pk))
        if ref.kind == "gallery":
            return outcome
        outcome = replace(outcome, open_galleries=frozenset({gallery.pk}))
        definition = next((d for d in self.catalog.definitions(gallery.pk) if d.name == ref.definition), None)
        if definition is None:
            return outcome
        outcome = replace(outcome, cursor=("definition", definition.pk))
        if ref.kind == "definition":
            return outcome
        outcome = replace(outcome, open_definitions=frozenset({definition.pk}))
        version = next((v for v in self.catalog.versions(definition.pk) if v.name == ref.version), None)
        return replace(outcome, cursor=("version", version.pk)) if version else outcome

    def write_request(self, request: object) -> Outcome:
        """A form's request: create a resource, or apply a field patch. Runs on the form's worker thread."""
        services = self._services_now()
        if isinstance(request, FieldPatch):
            apply_patch(services, request.ref, request.after)
            return self.locate(request.ref, f"Saved the {request.summary} of {request.ref.label}", request)
        create = {Gallery: "gallery", ImageDefinition: "definition", ImageVersion: "version"}[type(request)]
        created = getattr(services, f"create_{create}")(request, if_none_match=True)
        ref = ResourceRef.of(created)
        extra = " and started its replication" if create == "version" else ""
        return self.locate(ref, f"Created {ref.label}{extra}")

    @work(thread=True, exclusive=True, group="form", exit_on_error=False)
    def load_form(self, kind: str, ref: ResourceRef | None, editing: bool, resource_group: str = "") -> None:
        services = self._services_now()
        subscriptions = tuple(services.list_subscriptions())
        wanted = ref.subscription if ref else ""
        default = next((s for s in subscriptions if s.is_default), subscriptions[0])
        subscription = next((s for s in subscriptions if s.id == wanted), default)
        context = FormContext(services.now(), subscription, subscriptions)
        if kind == "gallery":
            groups = tuple(g for s in subscriptions for g in services.list_resource_groups(s.id))
            resource = services.get_gallery(ref.subscription, ref.resource_group, ref.gallery) if editing else None
            context = replace(context, resource_groups=groups, resource_group=resource_group, resource=resource)
        elif kind == "definition":
            gallery = services.get_gallery(ref.subscription, ref.resource_group, ref.gallery)
            resource = services.get_definition(*self._path(ref)) if editing else None
            context = replace(context, gallery=gallery, resource=resource)
        else:
            definition = services.get_definition(ref.subscription, ref.resource_group, ref.gallery, ref.definition)
            resource = services.get_version(*self._path(ref)) if editing else None
            context = replace(
                context,
                definition=definition,
                resource=resource,
                sources=tuple(services.list_sources()) + tuple(self._version_sources(definition, context.now)),
                encryption_sets=tuple(services.list_disk_encryption_sets()),
            )
        self.post_message(FormLoaded(kind, context))

    @staticmethod
    def _path(ref: ResourceRef) -> tuple[str, ...]:
        return (ref.subscription, ref.resource_group, *ref.names)

    def _version_sources(self, definition: ImageDefinition, now) -> list[Source]:
        """Gallery image versions that could be this definition's source: same OS type, state and generation."""
        found: list[Source] = []
        for gallery in self.catalog.galleries():
            for summary in self.catalog.definitions(gallery.pk):
                if (summary.os_type, summary.os_state) != (definition.os_type, definition.os_state):
                    continue
                other = self.catalog.definition_detail(summary.pk)
                if other is None or other.hyper_v_generation != definition.hyper_v_generation:
                    continue
                for version in self.catalog.versions(summary.pk):
                    if len(found) >= SOURCE_VERSIONS_LIMIT:
                        return found
                    full = self.catalog.version_detail(version.pk)
                    if full is not None and not full.encrypted:
                        found += drafts.gallery_version_sources(full, other, now)
        return found

    @work(thread=True, group="write", exit_on_error=False)
    def delete_resource(self, ref: ResourceRef) -> None:
        services = self._services_now()
        try:
            getattr(services, f"delete_{ref.kind}")(ref.subscription, ref.resource_group, *ref.names)
        except AzureError as error:
            self.post_message(DeleteRefused(ref, error))
            return
        note = f"Deleted {ref.label}"
        parent = ref.parent
        self.post_message(ResourceWritten(self.locate(parent, note) if parent else Outcome(note)))

    @work(thread=True, group="write", exit_on_error=False)
    def remove_region(self, ref: ResourceRef, region: str) -> None:
        services = self._services_now()
        old = services.get_version(*self._path(ref))
        new = replace(old, target_regions=tuple(t for t in old.target_regions if t.name != region))
        patch = version_patch(old, new)
        apply_patch(services, ref, patch.after)
        self.post_message(ResourceWritten(self.locate(ref, f"Removed {region} from {ref.label}", patch)))

    @work(thread=True, group="write", exit_on_error=False)
    def apply_history(self, patch: FieldPatch, undo: bool) -> None:
        apply_patch(self._services_now(), patch.ref, patch.before if undo else patch.after)
        verb = "Undid" if undo else "Redid"
        self.post_message(PatchApplied(patch, undo, self.locate(patch.ref, f"{verb} the {patch.summary} change")))

    @work(thread=True, exclusive=True, group="activity", exit_on_error=False)
    def load_activity(self) -> None:
        self.post_message(ActivityLoaded(self._services_now().activity(limit=ACTIVITY_LIMIT)))
