"""The encryption step of an image version: none, customer-managed key at rest, or double encryption, with a
disk encryption set per target region for the OS disk and each data disk."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Select, Static

from ...domain.models import DiskEncryptionSet, Encryption, EncryptionType, TargetRegion
from ..messages import EncryptionEdited

NONE = "none"
TYPE_CHOICES = [
    ("No customer-managed key (platform-managed keys)", NONE),
    ("Encryption at rest with a customer-managed key", EncryptionType.CMK.value),
    ("Double encryption with platform-managed and customer-managed keys", EncryptionType.DOUBLE.value),
]
Slot = tuple[str, int | None]
"""A region and a disk: LUN None is the OS disk."""


def encryption_type_of(targets: Iterable[TargetRegion], sets: Iterable[DiskEncryptionSet]) -> str:
    """The encryption type existing regions use, from the sets they name."""
    by_id = {s.id.lower(): s for s in sets}
    for target in targets:
        enc = target.encryption
        if enc and not enc.is_empty:
            ids = [enc.os_disk_set, *(des for _, des in enc.data_disk_sets)]
            found = next((by_id[i.lower()] for i in ids if i and i.lower() in by_id), None)
            return found.encryption_type if found else EncryptionType.CMK.value
    return NONE


class SetChoice(Select[str]):
    """The set chosen for one disk of one region."""

    def __init__(self, slot: Slot, choices: list[tuple[str, str]], value: str | None, prompt: str) -> None:
        super().__init__(choices, value=value or Select.NULL, prompt=prompt, compact=True, classes="enc-set")
        self.slot = slot


class EncryptionEditor(Vertical):
    """Per region and disk, a choice among the sets in that region of the chosen type. Regions that exist
    already (`locked`) keep their encryption: it cannot be added or removed after create."""

    def __init__(
        self,
        sets: Iterable[DiskEncryptionSet],
        existing: Iterable[TargetRegion] = (),
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.sets = tuple(sets)
        self.locked = {t.name: t.encryption for t in existing}
        initial = encryption_type_of(existing, self.sets)
        self.kind = Select(
            TYPE_CHOICES, value=initial, allow_blank=False, disabled=bool(self.locked), compact=True, id="enc-type"
        )
        self.grid = Vertical(classes="enc-grid")
        self.note = Static("", classes="field-hint", markup=False)
        self.chosen: dict[Slot, str] = {}
        self.layout_key: tuple = ()

    def compose(self) -> ComposeResult:
        with Horizontal(classes="field-row"):
            yield Label("Encryption type", classes="field-label")
            yield self.kind
        yield self.note
        yield self.grid

    @property
    def encryption_type(self) -> str:
        return self.kind.value if isinstance(self.kind.value, str) else NONE

    def _choices(self, region: str) -> list[tuple[str, str]]:
        kind = self.encryption_type
        return [(s.name, s.id) for s in self.sets if s.location == region and s.encryption_type == kind]

    async def show_regions(self, regions: list[str], luns: list[int]) -> None:
        """Lay out one line per region with a set for the OS disk and for each data disk LUN."""
        key = (tuple(regions), tuple(luns), self.encryption_type)
        if key == self.layout_key:
            return
        self.layout_key = key
        await self.grid.remove_children()
        kind = self.encryption_type
        if self.locked and kind == NONE:
            self.note.update("Encryption cannot be added to an existing image version.")
            return
        if kind == NONE:
            self.note.update("Disks are encrypted with platform-managed keys.")
            return
        self.note.update("A disk encryption set per region and disk; sets are regional and in this subscription.")
        header = Horizontal(classes="enc-line enc-header")
        header.compose_add_child(Label("Region", classes="enc-region"))
        for lun in (None, *luns):
            header.compose_add_child(Label("OS disk" if lun is None else f"Data disk LUN {lun}", classes="enc-set"))
        lines = [header]
        for region in regions:
            line = Horizontal(classes="enc-line")
            line.compose_add_child(Label(region, classes="enc-region"))
            for lun in (None, *luns):
                line.compose_add_child(self._slot(region, lun))
            lines.append(line)
        await self.grid.mount_all(lines)

    def _slot(self, region: str, lun: int | None) -> SetChoice | Static:
        disk = "OS disk" if lun is None else f"LUN {lun}"
        if region in self.locked:
            enc = self.locked[region]
            chosen = enc.os_disk_set if enc and lun is None else dict(enc.data_disk_sets if enc else ()).get(lun)
            return Static(f"{disk}: {chosen.rsplit('/', 1)[-1] if chosen else '—'}", classes="enc-fixed")
        choices = self._choices(region)
        value = self.chosen.get((region, lun))
        if value is None and len(choices) == 1:
            value = self.chosen[(region, lun)] = choices[0][1]
        prompt = f"{disk}: choose a set" if choices else f"{disk}: no set in {region}"
        return SetChoice((region, lun), choices, value if value in {c[1] for c in choices} else None, prompt)

    def on_select_changed(self, event: Select.Changed) -> None:
        """A set chosen for one disk, or another type (which clears every choice)."""
        event.stop()
        if isinstance(event.select, SetChoice):
            if isinstance(event.value, str):
                self.chosen[event.select.slot] = event.value
            else:
                self.chosen.pop(event.select.slot, None)
        else:
            self.chosen.clear()
        self.post_message(EncryptionEdited())

    def encryption_for(self, region: str, luns: list[int]) -> Encryption | None:
        """The encryption a region gets: its existing one, or the chosen sets (None without CMK)."""
        if region in self.locked:
            return self.locked[region]
        if self.encryption_type == NONE:
            return None
        data = tuple((lun, self.chosen[(region, lun)]) for lun in luns if (region, lun) in self.chosen)
        enc = Encryption(self.chosen.get((region, None)), data)
        return None if enc.is_empty else enc
