"""Create an image definition with every field Azure knows, or edit the few that may change afterwards."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import ClassVar

from textual.widget import Widget
from textual.widgets import Input, Select, SelectionList, Static

from ....domain import drafts, names, rules
from ....domain.dates import iso
from ....domain.errors import AzureError
from ....domain.models import Architecture, HyperVGeneration, ImageDefinition, OsState, OsType
from ....domain.reference_data import limits
from ....domain.vm import OS_DISK_TYPES
from ...widgets.form_kit import FormField
from .base import FormScreen
from .inputs import (
    date_describer,
    date_input,
    optional,
    parse_tags,
    region_field,
    region_input,
    tags_text,
    text_input,
)
from .model import FieldPatch, ResourceRef

RANGES = (("vCPUs", "vcpus"), ("memory", "memory"))


def _choices(enum) -> list[tuple[str, str]]:
    return [(member.value, member.value) for member in enum]


def _required(prop: str):
    return lambda value: drafts.required(prop, value)


def _text(value: object) -> str:
    return "" if value is None else str(value)


class DefinitionForm(FormScreen):
    """`n` on a gallery (create) or `e` on a definition (edit: recommended ranges, description, end of life)."""

    EDITABLE: ClassVar[str] = "the description, end of life and recommended vCPUs and memory"
    QUOTA: ClassVar[str] = "definition"

    @property
    def heading(self) -> str:
        old = self.context.resource
        gallery = self.context.gallery.name if self.context.gallery else ""
        return f"Edit image definition {old.name}" if old else f"Add a VM image definition to {gallery}"

    def _controls(self) -> dict[str, Widget]:
        """One control per editable property, filled from the definition being edited."""
        ctx, old = self.context, self.context.resource
        fixed = old is not None
        lim = limits()
        gallery = ctx.gallery.name if ctx.gallery else ""

        def value(attr: str, default: str = "") -> str:
            return _text(getattr(old, attr)) if fixed else default

        def select(options, attr: str, default) -> Select:
            current = getattr(old, attr) if fixed else default
            return Select(
                options, value=current or Select.NULL, prompt="—" if fixed else "Select", disabled=fixed, compact=True
            )

        def identifier(prop: str, attr: str, key: str) -> Input:
            return text_input(value(attr), lambda t: names.check_identifier(prop, t, lim[key]), disabled=fixed)

        def number(prop: str, attr: str) -> Input:
            return text_input(value(attr), lambda t: drafts.optional_int(prop, t), optional=True, placeholder="—")

        return {
            "name": text_input(value("name"), lambda t: names.check_definition_name(t, gallery), disabled=fixed),
            "location": region_input(
                value("location", ctx.gallery.location if ctx.gallery else ""),
                ctx.subscription,
                rules.DEFINITION_TYPE,
                disabled=fixed,
            ),
            "os_type": select(_choices(OsType), "os_type", None),
            "os_state": select(_choices(OsState), "os_state", OsState.GENERALIZED.value),
            "hyper_v_generation": select(_choices(HyperVGeneration), "hyper_v_generation", HyperVGeneration.V1.value),
            "architecture": select(_choices(Architecture), "architecture", Architecture.X64.value),
            "publisher": identifier("publisher", "publisher", "publisherMaxLength"),
            "offer": identifier("offer", "offer", "offerMaxLength"),
            "sku": identifier("sku", "sku", "skuMaxLength"),
            "description": text_input(value("description"), optional=True),
            "eula": text_input(value("eula"), optional=True, disabled=fixed),
            "privacy_statement_uri": text_input(value("privacy_statement_uri"), optional=True, disabled=fixed),
            "release_note_uri": text_input(value("release_note_uri"), optional=True, disabled=fixed),
            "end_of_life_date": date_input(old.end_of_life_date if fixed else None, ctx.now),
            "vcpus_min": number("recommended.vCPUs.min", "vcpus_min"),
            "vcpus_max": number("recommended.vCPUs.max", "vcpus_max"),
            "memory_min": number("recommended.memory.min", "memory_min"),
            "memory_max": number("recommended.memory.max", "memory_max"),
            "plan_publisher": text_input(value("plan_publisher"), optional=True, disabled=fixed),
            "plan_name": text_input(value("plan_name"), optional=True, disabled=fixed),
            "plan_product": text_input(value("plan_product"), optional=True, disabled=fixed),
            "tags": text_input(tags_text(old.tags) if fixed else "", optional=True, disabled=fixed),
        }

    def fields(self) -> Iterable[Widget]:
        old = self.context.resource
        self.controls = self._controls()
        disallowed = set(old.disallowed_disk_types) if old is not None else set()
        self.disallowed = SelectionList[str](
            *[(t, t, t in disallowed) for t in OS_DISK_TYPES], id="disallowed", disabled=old is not None, compact=True
        )
        yield from self._basics()
        yield from self._details()
        yield from self._publishing()

    def _basics(self) -> Iterable[Widget]:
        c, fixed = self.controls, self.context.editing
        yield Static("Basics", classes="form-section")
        yield FormField(
            "Image definition name", c["name"], required=True, id="f-name", properties=("galleryImageName",)
        )
        yield region_field(c["location"])
        yield FormField(
            "Operating system",
            c["os_type"],
            required=True,
            id="f-os-type",
            properties=("osType",),
            check=_required("osType"),
        )
        yield FormField(
            "OS state",
            c["os_state"],
            required=True,
            id="f-os-state",
            properties=("osState",),
            check=_required("osState"),
        )
        yield FormField(
            "VM generation",
            c["hyper_v_generation"],
            id="f-generation",
            properties=("hyperVGeneration",),
            hint="" if fixed else "V1 in most cases",
        )
        yield FormField("VM architecture", c["architecture"], id="f-architecture", properties=("architecture",))
        yield FormField(
            "Publisher", c["publisher"], required=True, id="f-publisher",
            properties=("identifier.publisher", "identifier"),
        )
        yield FormField("Offer", c["offer"], required=True, id="f-offer", properties=("identifier.offer",))
        yield FormField("SKU", c["sku"], required=True, id="f-sku", properties=("identifier.sku",))

    def _details(self) -> Iterable[Widget]:
        c = self.controls
        yield Static("Version details", classes="form-section")
        yield FormField("Description", c["description"], id="f-description")
        yield FormField(
            "End of life",
            c["end_of_life_date"],
            id="f-eol",
            properties=("endOfLifeDate",),
            describe=date_describer(self.context.now),
        )
        yield FormField("vCPUs minimum", c["vcpus_min"], id="f-vcpus-min")
        yield FormField("vCPUs maximum", c["vcpus_max"], id="f-vcpus-max", properties=("recommended.vCPUs",))
        yield FormField("Memory minimum (GB)", c["memory_min"], id="f-memory-min")
        yield FormField("Memory maximum (GB)", c["memory_max"], id="f-memory-max", properties=("recommended.memory",))

    def _publishing(self) -> Iterable[Widget]:
        c = self.controls
        yield Static("Publishing", classes="form-section")
        yield FormField("EULA", c["eula"], id="f-eula")
        yield FormField("Privacy statement URI", c["privacy_statement_uri"], id="f-privacy")
        yield FormField("Release notes URI", c["release_note_uri"], id="f-release-notes")
        yield FormField("Disallowed disk types", self.disallowed, id="f-disallowed")
        yield FormField("Plan publisher", c["plan_publisher"], id="f-plan-publisher")
        yield FormField("Plan name", c["plan_name"], id="f-plan-name")
        yield FormField("Plan product", c["plan_product"], id="f-plan-product")
        yield FormField("Tags", c["tags"], id="f-tags", hint="key=value key2=value2")

    def _int(self, key: str) -> int | None:
        try:
            return drafts.optional_int(key, self.controls[key].value)
        except AzureError:
            return None

    def refresh_derived(self) -> None:
        """Minimum above maximum shows under the maximum as soon as both are typed."""
        for prop, key in RANGES:
            field = self.query_one(f"#f-{key}-max")
            try:
                rules.check_range(prop, self._int(f"{key}_min"), self._int(f"{key}_max"))
            except AzureError as error:
                field.show_error(error.message)
            else:
                if field.invalid and self.controls[f"{key}_max"].is_valid:
                    field.show_error(None)

    def _select(self, key: str) -> str | None:
        value = self.controls[key].value
        return value if isinstance(value, str) else None

    def _updated(self, old: ImageDefinition) -> ImageDefinition:
        c = self.controls
        return dataclasses.replace(
            old,
            description=optional(c["description"].value),
            end_of_life_date=drafts.end_of_life(c["end_of_life_date"].value, self.context.now)
            if c["end_of_life_date"].value.strip() != (iso(old.end_of_life_date) or "")
            else old.end_of_life_date,
            vcpus_min=drafts.optional_int("recommended.vCPUs.min", c["vcpus_min"].value),
            vcpus_max=drafts.optional_int("recommended.vCPUs.max", c["vcpus_max"].value),
            memory_min=drafts.optional_int("recommended.memory.min", c["memory_min"].value),
            memory_max=drafts.optional_int("recommended.memory.max", c["memory_max"].value),
        )

    def build(self) -> ImageDefinition | FieldPatch | None:
        old = self.context.resource
        if old is not None:
            new = self._updated(old)
            rules.check_definition_update(old, new, self.context.now)
            return definition_patch(old, new)
        c = self.controls
        definition = ImageDefinition(
            self.context.subscription.id,
            self.context.gallery.resource_group,
            self.context.gallery.name,
            c["name"].value.strip(),
            c["location"].value.strip(),
            c["publisher"].value.strip(),
            c["offer"].value.strip(),
            c["sku"].value.strip(),
            self._select("os_type"),
            self._select("os_state"),
            self._select("hyper_v_generation"),
            optional(c["description"].value),
            optional(c["eula"].value),
            optional(c["privacy_statement_uri"].value),
            optional(c["release_note_uri"].value),
            drafts.end_of_life(c["end_of_life_date"].value, self.context.now),
            parse_tags(c["tags"].value),
            drafts.optional_int("recommended.vCPUs.min", c["vcpus_min"].value),
            drafts.optional_int("recommended.vCPUs.max", c["vcpus_max"].value),
            drafts.optional_int("recommended.memory.min", c["memory_min"].value),
            drafts.optional_int("recommended.memory.max", c["memory_max"].value),
            tuple(self.disallowed.selected),
            optional(c["plan_name"].value),
            optional(c["plan_publisher"].value),
            optional(c["plan_product"].value),
            self._select("architecture"),
        )
        return rules.validate_definition(definition, self.context.subscription, (), 0, self.context.now)


def _properties(d: ImageDefinition) -> dict:
    """The updatable part of a definition as a PATCH body's properties."""
    return {
        "description": d.description,
        "endOfLifeDate": iso(d.end_of_life_date),
        "recommended": {
            "vCPUs": {"min": d.vcpus_min, "max": d.vcpus_max},
            "memory": {"min": d.memory_min, "max": d.memory_max},
        },
    }


def definition_patch(old: ImageDefinition, new: ImageDefinition) -> FieldPatch | None:
    """Before and after of the fields that changed; None when nothing did."""
    before, after = _properties(old), _properties(new)
    changed = [key for key in after if after[key] != before[key]]
    if not changed:
        return None
    return FieldPatch(
        ResourceRef.of(old),
        {"properties": {k: before[k] for k in changed}},
        {"properties": {k: after[k] for k in changed}},
        ", ".join(LABELS[k] for k in changed),
    )


LABELS = {"description": "description", "endOfLifeDate": "end of life", "recommended": "recommended vCPUs/memory"}
