"""Create a gallery (subscription, resource group, name, region, description, tags) or edit its description and
tags."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.widget import Widget
from textual.widgets import Select, Static

from ....domain import drafts, names, rules
from ....domain.models import Gallery
from ...widgets.form_kit import FormField
from .base import FormScreen
from .inputs import optional, parse_tags, region_field, region_input, tags_text, text_input
from .model import FieldPatch, ResourceRef

NAME_HINT = "letters, digits, _ and . (no dashes)"
SHARING = "Role-based access control (RBAC) only; share it later from the gallery"


class GalleryForm(FormScreen):
    """`n` on a resource group (create) or `e` on a gallery (edit: the description and tags change)."""

    SHORT: ClassVar[bool] = True
    EDITABLE: ClassVar[str] = "the description and tags"
    QUOTA: ClassVar[str] = "gallery"

    @property
    def heading(self) -> str:
        resource = self.context.resource
        return f"Edit gallery {resource.name}" if resource else "Create an Azure Compute Gallery"

    def fields(self) -> Iterable[Widget]:
        ctx, gallery = self.context, self.context.resource
        editing = gallery is not None
        subs = [(f"{s.name} ({s.id})", s.id) for s in ctx.subscriptions] or [(ctx.subscription.id, ctx.subscription.id)]
        self.sub_select = Select(subs, value=ctx.subscription.id, allow_blank=False, disabled=editing, compact=True)
        self.groups_of = ctx.subscription.id
        self.rg_select = Select(
            self._groups(ctx.subscription.id),
            value=gallery.resource_group if editing else ctx.resource_group or Select.NULL,
            prompt="Choose a resource group",
            disabled=editing,
            compact=True,
        )
        location = gallery.location if editing else self._rg_location(ctx.resource_group)
        self.name_input = text_input(gallery.name if editing else "", names.check_gallery_name, disabled=editing)
        self.location_input = region_input(location, ctx.subscription, rules.GALLERY_TYPE, disabled=editing)
        self.description = text_input(gallery.description or "" if editing else "", optional=True)
        self.tags = text_input(tags_text(gallery.tags) if editing else "", optional=True)
        self.tags.placeholder = "key=value key2=value2"
        self.unique = Static("", classes="field-value", markup=False)
        yield Static("Basics", classes="form-section")
        yield FormField("Subscription", self.sub_select, required=True, id="f-subscription")
        yield FormField(
            "Resource group",
            self.rg_select,
            required=True,
            id="f-rg",
            properties=("resourceGroup",),
            check=lambda value: drafts.required("resourceGroup", value),
        )
        yield FormField(
            "Name", self.name_input, required=True, id="f-name", properties=("galleryName",), hint=NAME_HINT
        )
        yield region_field(self.location_input)
        yield FormField("Description", self.description, id="f-description")
        yield FormField("Unique name", self.unique, id="f-unique")
        yield Static("Sharing", classes="form-section")
        yield FormField("Sharing method", Static(SHARING, classes="field-value"), id="f-sharing")
        yield Static("Tags", classes="form-section")
        yield FormField("Tags", self.tags, id="f-tags")

    def _groups(self, subscription: str) -> list[tuple[str, str]]:
        return [(g.name, g.name) for g in self.context.resource_groups if g.subscription == subscription]

    def _rg_location(self, name: str) -> str:
        return next((g.location for g in self.context.resource_groups if g.name == name), "")

    def chosen(self, select: Select, value: object) -> None:
        """Another subscription offers its resource groups; a resource group suggests its region."""
        if select is self.sub_select and isinstance(value, str) and value != self.groups_of:
            self.groups_of = value
            self.rg_select.set_options(self._groups(value))
        elif select is self.rg_select and isinstance(value, str) and not self.location_input.value:
            self.location_input.value = self._rg_location(value)

    def refresh_derived(self) -> None:
        sub = self.sub_select.value if isinstance(self.sub_select.value, str) else ""
        name = self.name_input.value.strip()
        self.unique.update(f"{sub}-{name.upper()}" if name else "—")

    def quota_subscription(self) -> str:
        return self._subscription().id

    def _subscription(self):
        chosen = self.sub_select.value
        return next((s for s in self.context.subscriptions if s.id == chosen), self.context.subscription)

    def build(self) -> Gallery | FieldPatch | None:
        old = self.context.resource
        description = optional(self.description.value)
        if old is not None:
            return gallery_patch(old, description, parse_tags(self.tags.value))
        rg = drafts.required("resourceGroup", self.rg_select.value if isinstance(self.rg_select.value, str) else None)
        gallery = Gallery(
            self._subscription().id,
            rg,
            self.name_input.value.strip(),
            self.location_input.value.strip(),
            description,
            parse_tags(self.tags.value),
        )
        return rules.validate_gallery(gallery, self._subscription(), None, 0)


def gallery_patch(old: Gallery, description: str | None, tags: dict) -> FieldPatch | None:
    """Before and after of the description and tags (what Azure updates on a gallery); None when neither
    changed."""
    before: dict = {}
    after: dict = {}
    if description != old.description:
        before["properties"], after["properties"] = {"description": old.description}, {"description": description}
    if tags != old.tags:
        before["tags"], after["tags"] = dict(old.tags), tags
    if not after:
        return None
    summary = " and ".join(name for name, key in (("description", "properties"), ("tags", "tags")) if key in after)
    return FieldPatch(ResourceRef.of(old), before, after, summary)
