"""The target regions of an image version: one row per region (type-to-search name, replicas, storage type,
exclude from latest) and the same list in az's `--target-regions` syntax."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.validation import ValidationResult
from textual.widgets import Checkbox, Input, Label, Select, Static

from ...cli import azparse
from ...domain import drafts, rules, version_rules
from ...domain.models import Subscription, TargetRegion
from ...domain.reference_data import find_region
from ...domain.rest import target_from_rest
from ..messages import TargetsEdited
from .form_kit import REFUSALS, DomainCheck, refusal

STORAGE_CHOICES = [(t, t) for t in version_rules.STORAGE_TYPES]
REPLICAS = "galleryImageVersion.properties.publishingProfile.targetRegions.regionalReplicaCount"


def parse_az_targets(text: str) -> tuple[TargetRegion, ...]:
    """`westus=2=standard_lrs eastus2` → target regions, with az's own usage errors; storage types get
    Azure's spelling."""
    targets = (target_from_rest(azparse.target_region(word)) for word in text.split())
    return tuple(
        replace(
            t,
            storage_account_type=rules.enum_value(
                "storageAccountType", t.storage_account_type, version_rules.STORAGE_TYPES
            ),
        )
        if t.storage_account_type
        else t
        for t in targets
    )


class TargetRow(Horizontal):
    """One target region. `locked`: it exists already, so only its replicas and exclusion may change;
    `required`: it is the source region, which every version must keep."""

    def __init__(self, target: TargetRegion, subscription: Subscription, locked: bool, required: bool) -> None:
        super().__init__(classes="target-row")
        self.original = target
        self.locked = locked
        self.required = required
        region_names = [r.name for r in rules.available_regions(subscription)]
        self.region_input = Input(
            target.name,
            placeholder="region",
            suggester=SuggestFromList(region_names, case_sensitive=False),
            validators=[DomainCheck(lambda t: rules.check_location(t, subscription, rules.VERSION_TYPE))],
            disabled=locked or required,
            compact=True,
            classes="target-region",
        )
        self.replicas_input = Input(
            "" if target.regional_replica_count is None else str(target.regional_replica_count),
            placeholder="default",
            validators=[DomainCheck(lambda t: drafts.replica_count(REPLICAS, t))],
            valid_empty=True,
            compact=True,
            classes="target-replicas",
        )
        self.storage_select = Select(
            STORAGE_CHOICES,
            value=target.storage_account_type or Select.NULL,
            prompt="default",
            disabled=locked,
            compact=True,
            classes="target-storage",
        )
        self.exclude_box = Checkbox("Exclude", bool(target.exclude_from_latest), compact=True, classes="target-exclude")
        self.note = Static("", classes="target-note", markup=False)

    def compose(self) -> ComposeResult:
        yield self.region_input
        yield self.replicas_input
        yield self.storage_select
        yield self.exclude_box
        yield self.note

    def on_mount(self) -> None:
        self.describe()

    def describe(self) -> None:
        region = find_region(self.region_input.value)
        parts = [region.display_name if region else ""]
        if self.required:
            parts.append("source, required")
        elif self.locked:
            parts.append("existing")
        self.note.update(" · ".join(p for p in parts if p))

    def target(self) -> TargetRegion:
        """The row as a target region; raises Azure's refusal of a bad replica count."""
        storage = self.storage_select.value if isinstance(self.storage_select.value, str) else None
        exclude = True if self.exclude_box.value else (False if self.original.exclude_from_latest is False else None)
        return replace(
            self.original,
            name=self.region_input.value.strip(),
            regional_replica_count=drafts.replica_count(REPLICAS, self.replicas_input.value),
            storage_account_type=storage,
            exclude_from_latest=exclude,
        )


class TargetRegionEditor(Vertical):
    """Rows of target regions; `ctrl+n` adds one, `ctrl+r` removes the focused one; the az line below accepts
    `westus=2=standard_lrs eastus2` and replaces the rows on enter."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "add_region", "Add region", id="targets.add"),
        Binding("ctrl+r", "remove_region", "Remove region", id="targets.remove"),
    ]

    def __init__(
        self,
        targets: Iterable[TargetRegion],
        subscription: Subscription,
        source_region: str,
        existing: Iterable[str] = (),
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.subscription = subscription
        self.source_region = source_region
        self.existing = {find_region(n).name if find_region(n) else n for n in existing}
        self.initial = tuple(targets) or (TargetRegion(source_region),)
        self.rows = VerticalScroll(classes="target-rows")
        self.az = Input(
            drafts.az_targets(self.initial),
            placeholder="az syntax: westus=2=standard_lrs eastus2",
            validators=[DomainCheck(parse_az_targets)],
            compact=True,
            id="targets-az",
        )

    def compose(self) -> ComposeResult:
        with Horizontal(classes="target-header"):
            for text, classes in (
                ("Region", "target-region"),
                ("Replicas", "target-replicas"),
                ("Storage", "target-storage"),
                ("Latest", "target-exclude"),
            ):
                yield Label(text, classes=classes)
        yield self.rows
        with Horizontal(classes="field-row"):
            yield Label("az --target-regions", classes="field-label")
            yield self.az

    def on_mount(self) -> None:
        self.rows.mount_all(self._row(t) for t in self.initial)

    def _row(self, target: TargetRegion) -> TargetRow:
        name = find_region(target.name).name if find_region(target.name) else target.name
        return TargetRow(target, self.subscription, name in self.existing, name == self.source_region)

    @property
    def target_rows(self) -> list[TargetRow]:
        return list(self.rows.query(TargetRow))

    def targets(self) -> tuple[TargetRegion, ...]:
        """Every row as a target region; raises the first refusal of a replica count."""
        return tuple(row.target() for row in self.target_rows)

    def set_source_region(self, name: str) -> None:
        """The version's location changed: the required first row follows it."""
        self.source_region = name
        rows = self.target_rows
        required = next((r for r in rows if r.required), None)
        if required is not None:
            required.region_input.value = name
            required.describe()

    async def action_add_region(self) -> None:
        row = self._row(TargetRegion(""))
        await self.rows.mount(row)
        row.region_input.focus()
        self._rows_changed()

    async def action_remove_region(self) -> None:
        focused = self.screen.focused
        row = next((a for a in focused.ancestors if isinstance(a, TargetRow)), None) if focused else None
        if row is None:
            self.notify("Put the cursor on a region row to remove it.", severity="warning")
            return
        if row.required:
            self.notify("The source region must stay in the target regions.", severity="warning")
            return
        rows = self.target_rows
        after = rows[rows.index(row) - 1] if rows.index(row) > 0 else None
        await row.remove()
        if after is not None:
            after.replicas_input.focus()
        self._rows_changed()

    def _rows_changed(self) -> None:
        self.sync_az()
        self.post_message(TargetsEdited())

    def sync_az(self) -> None:
        """Write the rows in az syntax, unless that line is being typed in."""
        if self.screen.focused is self.az:
            return
        try:
            self.az.value = drafts.az_targets(self.targets())
        except REFUSALS:
            return

    @on(Input.Changed, ".target-row Input")
    @on(Select.Changed, ".target-row Select")
    @on(Checkbox.Changed)
    def _row_edited(self, event: Message) -> None:
        row = next((a for a in event.control.ancestors if isinstance(a, TargetRow)), None)
        if row is not None:
            row.describe()
        self.sync_az()

    @on(Input.Submitted, "#targets-az")
    async def _az_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        result: ValidationResult | None = event.validation_result
        if result is not None and not result.is_valid:
            return
        await self.apply_az(event.value)

    async def apply_az(self, text: str) -> None:
        """Replace the rows with what the az line says; the source region stays, first; known rows keep
        their exclusion and encryption."""
        try:
            parsed = parse_az_targets(text)
        except REFUSALS as error:
            self.notify(refusal(error), severity="error")
            return
        before = {find_region(t.name).name if find_region(t.name) else t.name: t for t in self.targets_or_initial()}
        targets = []
        for target in parsed:
            name = find_region(target.name).name if find_region(target.name) else target.name
            known = before.get(name)
            if known is not None:
                target = replace(
                    known,
                    regional_replica_count=target.regional_replica_count,
                    storage_account_type=target.storage_account_type or known.storage_account_type,
                )
            targets.append(target)
        names = [find_region(t.name).name if find_region(t.name) else t.name for t in targets]
        if self.source_region not in names:
            targets.insert(0, before.get(self.source_region) or TargetRegion(self.source_region))
        await self.rows.remove_children()
        await self.rows.mount_all(self._row(t) for t in targets)
        self.post_message(TargetsEdited())

    def targets_or_initial(self) -> tuple[TargetRegion, ...]:
        try:
            return self.targets()
        except REFUSALS:
            return self.initial
