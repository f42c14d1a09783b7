"""What the editing area does on thread workers, through the services: read what a form needs, create and
patch resources, delete, remove a region, replay a patch, and find where a resource is in the tree."""

from __future__ import annotations

from dataclasses import replace

from ..domain import drafts, ids
from ..domain.equivalents import for_create
from ..domain.errors import AzureError
from ..domain.models import Gallery, ImageDefinition, ImageVersion, Source
from .backend import Backend
from .messages import DeleteRefused, EquivalentLoaded, ResourceWritten, StepReplayed
from .screens.forms.model import FieldPatch, FormContext, Lifecycle, Outcome, Pruned, ResourceRef, Step
from .screens.forms.version_parts import version_patch

ACTIVITY_LIMIT = 5000
SOURCE_VERSIONS_LIMIT = 500
"""At most this many gallery image versions are offered as sources."""


def apply_patch(services, ref: ResourceRef, body: dict) -> None:
    """PATCH a gallery, definition or version through the services (which check every rule again)."""
    getattr(services, f"update_{ref.kind}")(ref.subscription, ref.resource_group, *ref.names, body)


def create(services, resource: Gallery | ImageDefinition | ImageVersion):
    """Create a gallery, definition or version that must not exist yet; the services return what they stored."""
    kind = {Gallery: "gallery", ImageDefinition: "definition", ImageVersion: "version"}[type(resource)]
    return getattr(services, f"create_{kind}")(resource, if_none_match=True)


def remove(services, ref: ResourceRef) -> None:
    """Delete a gallery, definition or version through the services."""
    getattr(services, f"delete_{ref.kind}")(ref.subscription, ref.resource_group, *ref.names)


class EditWork:
    """Each method runs on a thread worker and returns what it found or the message to post."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    @property
    def catalog(self):
        return self.backend.catalog

    def locate(self, ref: ResourceRef, note: str, step: Step | None = None) -> Outcome:
        """Where a resource is in the tree (its pk, the nodes to open), for the reload after a write."""
        outcome = Outcome(note, step=step)
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
        services = self.backend.services()
        if isinstance(request, FieldPatch):
            apply_patch(services, request.ref, request.after)
            return self.locate(request.ref, f"Saved the {request.summary} of {request.ref.label}", request)
        created = create(services, request)
        ref = ResourceRef.of(created)
        extra = " and started its replication" if ref.kind == "version" else ""
        return self.locate(ref, f"Created {ref.label}{extra}", Lifecycle(ref, created, created=True))

    def form_context(self, kind: str, ref: ResourceRef | None, editing: bool, resource_group: str = "") -> FormContext:
        """Everything a create or edit form needs, read once before it shows its fields."""
        services = self.backend.services()
        subscriptions = tuple(services.list_subscriptions())
        wanted = ref.subscription if ref else ""
        default = next((s for s in subscriptions if s.is_default), subscriptions[0])
        subscription = next((s for s in subscriptions if s.id == wanted), default)
        context = FormContext(services.now(), subscription, subscriptions)
        if not editing:
            context = replace(context, usage=tuple(services.usage(every=True)))
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
        return context

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

    def equivalent(self, ref: ResourceRef) -> EquivalentLoaded:
        """The az, az rest and curl requests that make a gallery, definition or version as it is."""
        services = self.backend.services()
        try:
            resource = getattr(services, f"get_{ref.kind}")(*self._path(ref))
        except AzureError as error:
            return EquivalentLoaded(None, f"{error.code}: {error.message}")
        return EquivalentLoaded(for_create(resource, services.now()))

    def delete(self, ref: ResourceRef) -> ResourceWritten | DeleteRefused:
        services = self.backend.services()
        try:
            resource = getattr(services, f"get_{ref.kind}")(*self._path(ref))
            remove(services, ref)
        except AzureError as error:
            return DeleteRefused(ref, error)
        return ResourceWritten(self._deleted(ref, f"Deleted {ref.label}", Lifecycle(ref, resource, created=False)))

    def _deleted(self, ref: ResourceRef, note: str, step: Step | None = None) -> Outcome:
        """The outcome of a delete: the cursor goes to the parent."""
        parent = ref.parent
        return self.locate(parent, note, step) if parent else Outcome(note, step=step)

    def remove_region(self, ref: ResourceRef, region: str) -> ResourceWritten:
        services = self.backend.services()
        old = services.get_version(*self._path(ref))
        new = replace(old, target_regions=tuple(t for t in old.target_regions if t.name != region))
        patch = version_patch(old, new)
        apply_patch(services, ref, patch.after)
        return ResourceWritten(self.locate(ref, f"Removed {region} from {ref.label}", patch))

    def replay(self, step: Step, undo: bool) -> StepReplayed:
        """Undo or redo one step of the history through the services; what they refuse comes back as `error`."""
        try:
            return self._replay(step, undo)
        except AzureError as error:
            return StepReplayed(step, undo, None, error)

    def _replay(self, step: Step, undo: bool) -> StepReplayed:
        services = self.backend.services()
        verb = "Undid" if undo else "Redid"
        if isinstance(step, FieldPatch):
            apply_patch(services, step.ref, step.before if undo else step.after)
            return StepReplayed(step, undo, self.locate(step.ref, f"{verb} the {step.summary} change"))
        note = f"{verb} the {step.summary}"
        if isinstance(step, Pruned):
            if undo:
                services.restore_versions(list(step.versions))
            else:
                for v in step.versions:
                    remove(services, ResourceRef.of(v))
            return StepReplayed(step, undo, self.locate(step.ref, note))
        if undo == step.created:
            remove(services, step.ref)
            return StepReplayed(step, undo, self._deleted(step.ref, note))
        create(services, step.resource)
        return StepReplayed(step, undo, self.locate(step.ref, note))

    def activity(self) -> list[dict]:
        return self.backend.services().activity(limit=ACTIVITY_LIMIT)
