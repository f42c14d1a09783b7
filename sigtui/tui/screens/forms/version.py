"""Create an image version in three steps (basics, replication, encryption) with its cost estimate, or edit
what may change: target regions and replicas, the common replica count, exclusion from latest, end of life."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Checkbox, Select, SelectionList, Static, TabbedContent, TabPane

from ....domain import drafts, names, rules, version_rules
from ....domain.costs import estimate_version
from ....domain.dates import iso
from ....domain.models import DiskImage, ImageVersion, Source, StorageAccountType, TargetRegion
from ....domain.reference_data import find_region
from ....domain.wording import counted
from ...messages import EncryptionEdited, TargetsEdited
from ...widgets.encryption_editor import EncryptionEditor
from ...widgets.form_kit import REFUSALS, FormField, refusal
from ...widgets.target_region_editor import STORAGE_CHOICES, TargetRegionEditor
from .base import FormScreen, Loader, Writer
from .inputs import date_describer, date_input, region_field, region_input, text_input
from .model import FieldPatch
from .version_parts import (
    cost_text,
    data_label,
    is_disk_source,
    request_disks,
    source_disks,
    source_label,
    version_patch,
)

STEPS = ("basics", "replication", "encryption")
REPLICA_COUNT = "galleryImageVersion.properties.publishingProfile.replicaCount"


class VersionForm(FormScreen):
    """`n` on a definition (create) or `e` on a version (edit)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *FormScreen.BINDINGS,
        Binding("ctrl+pagedown,f6", "step(1)", "Next step", id="form.next-step", priority=True),
        Binding("ctrl+pageup,shift+f6", "step(-1)", "Previous step", id="form.previous-step", priority=True),
    ]
    EDITABLE: ClassVar[str] = (
        "target regions and their replicas, the default replica count, exclusion from latest and end of life"
    )
    QUOTA: ClassVar[str] = "version"

    def __init__(self, loader: Loader, writer: Writer) -> None:
        super().__init__(loader, writer)
        self.source_location = ""

    @property
    def heading(self) -> str:
        old, definition = self.context.resource, self.context.definition
        if old is not None:
            return f"Edit image version {old.definition} {old.name}"
        return f"Create an image version of {definition.name} ({definition.os_type}, {definition.os_state}, " + (
            f"Hyper-V {definition.hyper_v_generation})"
        )

    # Layout

    def compose_body(self) -> Iterable[Widget]:
        with TabbedContent(id="version-steps"):
            for step, (title, fields) in zip(
                STEPS,
                (("1 Basics", self.basics), ("2 Replication", self.replication), ("3 Encryption", self.encrypting)),
                strict=True,
            ):
                with TabPane(title, id=step), VerticalScroll(classes="form-body"):
                    yield from fields()
        self.cost = Static("", id="version-cost", markup=False)
        yield self.cost

    def basics(self) -> Iterable[Widget]:
        ctx, old, definition = self.context, self.context.resource, self.context.definition
        fixed = old is not None
        location = old.location if fixed else definition.location
        self.name_input = text_input(old.name if fixed else "", names.parse_version, disabled=fixed)
        self.name_input.placeholder = "Major.Minor.Patch, e.g. 1.0.0"
        self.location_input = region_input(location, ctx.subscription, rules.VERSION_TYPE, disabled=fixed)
        self.source_select = Select([], prompt="Choose a source", disabled=fixed, compact=True, id="source")
        self.data_list = SelectionList[str](compact=True, id="data-disks")
        self.exclude = Checkbox("Exclude from latest", old.exclude_from_latest if fixed else False, compact=True)
        self.eol = date_input(old.end_of_life_date if fixed else None, ctx.now)
        yield FormField(
            "Version number", self.name_input, required=True, id="f-version", properties=("galleryImageVersionName",)
        )
        yield region_field(self.location_input)
        if fixed:
            shown = Static(old.source_id or old.os_disk.source_id or "—", classes="field-value", markup=False)
            yield FormField("Source", shown, id="f-source-fixed")
        else:
            yield FormField(
                "Source",
                self.source_select,
                required=True,
                id="f-source",
                properties=("storageProfile",),
                check=lambda value: drafts.required("storageProfile.source.id", value),
            )
            yield FormField("Data disks", self.data_list, id="f-data", hint="LUNs follow the order you pick them")
        yield FormField("Latest", self.exclude, id="f-exclude")
        yield FormField(
            "End of life", self.eol, id="f-eol", properties=("endOfLifeDate",), describe=date_describer(ctx.now)
        )

    def replication(self) -> Iterable[Widget]:
        ctx, old = self.context, self.context.resource
        fixed = old is not None
        location = find_region(old.location if fixed else ctx.definition.location)
        source_region = location.name if location else ""
        self.replicas = text_input(
            str(old.replica_count) if fixed else "1", lambda t: drafts.replica_count(REPLICA_COUNT, t)
        )
        self.storage = Select(
            STORAGE_CHOICES,
            value=old.storage_account_type if fixed else StorageAccountType.STANDARD_LRS.value,
            allow_blank=False,
            disabled=fixed,
            compact=True,
        )
        self.targets = TargetRegionEditor(
            old.target_regions if fixed else (TargetRegion(source_region),),
            ctx.subscription,
            source_region,
            existing=[t.name for t in old.target_regions] if fixed else (),
            id="targets",
        )
        yield FormField(
            "Default replica count",
            self.replicas,
            required=True,
            id="f-replicas",
            properties=("publishingProfile.replicaCount",),
            hint="each region 1–10",
        )
        yield FormField("Default storage type", self.storage, id="f-storage", properties=("storageAccountType",))
        yield FormField(
            "Target regions (ctrl+n adds, ctrl+r removes; the source region comes first)",
            self.targets,
            stacked=True,
            id="f-targets",
            properties=("targetRegions",),
        )

    def encrypting(self) -> Iterable[Widget]:
        old = self.context.resource
        self.encryption = EncryptionEditor(
            self.context.encryption_sets, old.target_regions if old else (), id="encryption"
        )
        yield FormField(
            "Customer-managed keys (chosen at create; they cannot be added or removed later)",
            self.encryption,
            stacked=True,
            id="f-encryption",
            properties=("encryption", "lun"),
        )

    def action_step(self, delta: int) -> None:
        tabs = self.query_one("#version-steps", TabbedContent)
        tabs.active = STEPS[(STEPS.index(tabs.active) + delta) % len(STEPS)]
        self.call_after_refresh(self.focus_first, self.query_one(f"#{tabs.active}", TabPane))

    def reveal(self, field: FormField) -> None:
        pane = next((a for a in field.ancestors if isinstance(a, TabPane)), None)
        if pane is not None:
            self.query_one("#version-steps", TabbedContent).active = pane.id
        self.call_after_refresh(super().reveal, field)

    # What the fields say

    @property
    def location(self) -> str:
        region = find_region(self.location_input.value)
        return region.name if region else ""

    def chosen_source(self) -> Source | None:
        value = self.source_select.value
        location = self.location
        matches = [s for s in self.context.sources if s.id == value]
        return next((s for s in matches if s.location == location), matches[0] if matches else None)

    def chosen_data(self) -> list[Source]:
        by_id = {s.id: s for s in self.context.sources}
        return [by_id[i] for i in self.data_list.selected if i in by_id]

    def luns(self) -> list[int]:
        old = self.context.resource
        if old is not None:
            return sorted(d.lun for d in old.data_disks)
        return [d.lun for d in source_disks(self.chosen_source(), self.chosen_data())[1]]

    def with_encryption(self, targets: Iterable[TargetRegion]) -> tuple[TargetRegion, ...]:
        luns = self.luns()
        return tuple(replace(t, encryption=self.encryption.encryption_for(self._region(t.name), luns)) for t in targets)

    @staticmethod
    def _region(name: str) -> str:
        region = find_region(name)
        return region.name if region else name

    def draft(self) -> ImageVersion:
        """The version the fields describe, before the rules have looked at it."""
        ctx, old = self.context, self.context.resource
        targets = self.with_encryption(self.targets.targets())
        common = drafts.replica_count(REPLICA_COUNT, self.replicas.value) or 1
        eol = self.eol.value.strip()
        unchanged_eol = old is not None and eol == (iso(old.end_of_life_date) or "")
        end_of_life = old.end_of_life_date if unchanged_eol else drafts.end_of_life(eol, ctx.now)
        if old is not None:
            return replace(
                old,
                target_regions=targets,
                replica_count=common,
                exclude_from_latest=self.exclude.value,
                end_of_life_date=end_of_life,
            )
        definition = ctx.definition
        return ImageVersion(
            ctx.subscription.id,
            definition.resource_group,
            definition.gallery,
            definition.name,
            self.name_input.value.strip(),
            self.location_input.value.strip(),
            target_regions=targets,
            replica_count=common,
            storage_account_type=self.storage.value,
            exclude_from_latest=self.exclude.value,
            end_of_life_date=end_of_life,
            **request_disks(self.chosen_source(), self.chosen_data()),
        )

    # Derived: sources for the region, data disks, target checks, encryption layout, cost

    def refresh_derived(self) -> None:
        if self.context.resource is None:
            self._refresh_sources()
        self._check_targets()
        self.call_later(self.encryption.show_regions, self._target_regions(), self.luns())
        self._show_cost()

    def _refresh_sources(self) -> None:
        location = self.location
        if location and location != self.source_location:
            self.source_location = location
            self.targets.set_source_region(location)
            candidates = drafts.os_sources(self.context.sources, self.context.definition, location)
            self.source_select.set_options([(source_label(s), s.id) for s in candidates])
            self.query_one("#f-source", FormField).show_hint(
                f"{counted(len(candidates), 'source')} in {location} match "
                f"{self.context.definition.os_type} · {self.context.definition.os_state} · "
                f"{self.context.definition.hyper_v_generation}"
            )
        source = self.chosen_source()
        data_field = self.query_one("#f-data", FormField)
        data_field.display = is_disk_source(source)
        if is_disk_source(source):
            wanted = drafts.data_sources(self.context.sources, location, source.id)
            if [o.id for o in self.data_list.options] != [s.id for s in wanted]:
                self.data_list.clear_options()
                self.data_list.add_options([(data_label(s, None), s.id) for s in wanted])
            picked = self.chosen_data()
            data_field.show_hint(
                " · ".join(data_label(s, lun) for lun, s in enumerate(picked)) or "LUNs follow the order you pick them"
            )

    def _target_regions(self) -> list[str]:
        try:
            return [self._region(t.name) for t in self.targets.targets() if find_region(t.name)]
        except REFUSALS:
            return []

    def _check_targets(self) -> None:
        field = self.query_one("#f-targets", FormField)
        az = self.targets.az
        result = az.validate(az.value)
        if result is not None and not result.is_valid:
            field.show_error("az syntax: " + "; ".join(result.failure_descriptions))
            return
        region = find_region(self.context.resource.location if self.context.resource else self.location_input.value)
        if region is None:
            field.show_error(None)
            return
        try:
            version = replace(self.draft_targets_only(), location=region.name)
            version_rules.normalize_targets(version, self.context.subscription, region)
        except REFUSALS as error:
            field.show_error(refusal(error))
        else:
            field.show_error(None)

    def draft_targets_only(self) -> ImageVersion:
        """Enough of a version for the target-region rules and the estimate, even while other fields are wrong."""
        ctx, old = self.context, self.context.resource
        base = old or ImageVersion(ctx.subscription.id, "", "", "", "0.0.0", self.location, DiskImage(0, 0))
        try:
            common = drafts.replica_count(REPLICA_COUNT, self.replicas.value) or 1
        except REFUSALS:
            common = base.replica_count
        storage = self.storage.value if isinstance(self.storage.value, str) else base.storage_account_type
        return replace(base, target_regions=self.targets.targets(), replica_count=common, storage_account_type=storage)

    def _show_cost(self) -> None:
        old = self.context.resource
        try:
            draft = self.draft_targets_only()
            region = find_region(draft.location)
            draft = replace(
                draft, target_regions=version_rules.normalize_targets(draft, self.context.subscription, region)
            )
        except (*REFUSALS, AttributeError):
            self.cost.update("Cost estimate: complete the target regions to see it.")
            return
        if old is None:
            os_disk, data = source_disks(self.chosen_source(), self.chosen_data())
            if not os_disk.used_gb:
                self.cost.update("Cost estimate: choose a source to see it.")
                return
            self.cost.update(cost_text(estimate_version(replace(draft, os_disk=os_disk, data_disks=data))))
            return
        self.cost.update(cost_text(estimate_version(draft), estimate_version(old)))

    @on(TargetsEdited)
    @on(EncryptionEdited)
    @on(SelectionList.SelectedChanged)
    @on(Checkbox.Changed)
    def _part_changed(self) -> None:
        self._changed()

    # Saving

    def _find_source(self, source_id: str) -> Source | None:
        matches = [s for s in self.context.sources if s.id.lower() == source_id.lower()]
        return next((s for s in matches if s.location == self.location), matches[0] if matches else None)

    def _find_set(self, set_id: str):
        return next((s for s in self.context.encryption_sets if s.id.lower() == set_id.lower()), None)

    def build(self) -> ImageVersion | FieldPatch | None:
        ctx, old = self.context, self.context.resource
        version = self.draft()
        if old is not None:
            new = version_rules.validate_version_update(old, version, ctx.subscription, self._find_set, ctx.now)
            return version_patch(old, new)
        return version_rules.validate_version(
            version, ctx.definition, ctx.subscription, self._find_source, self._find_set, 0, ctx.now
        )

    def error_field(self, error: BaseException) -> str | None:
        """A refused location is the version's own when its field is wrong, else a target region's."""
        field = super().error_field(error)
        return "f-targets" if field == "f-location" and self.location else field
