"""The Overview tab: every field of a resource as label/value rows, dates local with relative hints."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..domain.latest import Resolution
from ..domain.models import Gallery, ImageDefinition, ImageVersion
from ..domain.rest import display_name
from .render import local_with_hint, version_state

Row = tuple[str, str | Text]
Section = tuple[str, list[Row]]


def _tags(tags: dict) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(tags.items())) or "—"


def _text(value: object) -> str:
    if value is None or value == "" or value == ():
        return "—"
    return str(value)


def _range(low: int | None, high: int | None, unit: str = "") -> str:
    if low is None and high is None:
        return "—"
    return f"{_text(low)}–{_text(high)}{unit}"


def _latest(resolution: Resolution | None, this: str | None = None) -> Text:
    if resolution is None:
        return Text("—")
    if resolution.version is None:
        return Text(resolution.explain(), "bold red")
    name = resolution.version.name
    text = Text(name, "bold")
    if this is not None:
        text.append("  (this version)" if name == this else "", "green")
    passed = "; ".join(p.text for p in resolution.passed_over)
    if passed:
        text.append(f"  — {passed}", "dim")
    return text


def _soft_delete(gallery: Gallery) -> list[tuple[str, str]]:
    """The soft delete policy, once one was set."""
    if gallery.soft_delete is None:
        return []
    return [("Soft delete", "On: deleted versions are kept, restorable" if gallery.soft_delete else "Off")]


def gallery_sections(gallery: Gallery, now: datetime, definition_count: int) -> list[Section]:
    return [
        (
            "Gallery",
            [
                ("Name", gallery.name),
                ("Resource group", gallery.resource_group),
                ("Subscription", gallery.subscription),
                ("Location", display_name(gallery.location)),
                ("Description", _text(gallery.description)),
                ("Unique name", gallery.unique_name),
                ("Provisioning state", gallery.provisioning_state),
                ("Image definitions", str(definition_count)),
                *_soft_delete(gallery),
                ("Tags", _tags(gallery.tags)),
            ],
        ),
        (
            "History",
            [
                ("Created", local_with_hint(gallery.created_at, now)),
                ("Changed", local_with_hint(gallery.changed_at, now)),
            ],
        ),
    ]


def definition_sections(d: ImageDefinition, now: datetime, resolution: Resolution | None) -> list[Section]:
    plan = " / ".join(x for x in (d.plan_publisher, d.plan_name, d.plan_product) if x) or "—"
    return [
        (
            "Image definition",
            [
                ("Name", d.name),
                ("Gallery", d.gallery),
                ("Resource group", d.resource_group),
                ("Location", display_name(d.location)),
                ("Publisher", d.publisher),
                ("Offer", d.offer),
                ("SKU", d.sku),
                ("OS type", d.os_type),
                ("OS state", d.os_state),
                ("Hyper-V generation", d.hyper_v_generation),
                ("Architecture", _text(d.architecture or "x64")),
                *([("Features", ", ".join(f"{name}={value}" for name, value in d.features))] if d.features else []),
                ("Provisioning state", d.provisioning_state),
                ("Latest (any region)", _latest(resolution)),
            ],
        ),
        (
            "Recommendations",
            [
                ("vCPUs", _range(d.vcpus_min, d.vcpus_max)),
                ("Memory", _range(d.memory_min, d.memory_max, " GB")),
                ("Disallowed disk types", ", ".join(d.disallowed_disk_types) or "—"),
                ("Purchase plan", plan),
            ],
        ),
        (
            "Publishing",
            [
                ("Description", _text(d.description)),
                ("EULA", _text(d.eula)),
                ("Privacy statement URI", _text(d.privacy_statement_uri)),
                ("Release notes URI", _text(d.release_note_uri)),
                ("End of life", local_with_hint(d.end_of_life_date, now)),
                ("Tags", _tags(d.tags)),
            ],
        ),
        ("History", [("Created", local_with_hint(d.created_at, now)), ("Changed", local_with_hint(d.changed_at, now))]),
    ]


def _disk(size: int, used: float, caching: str | None) -> str:
    return f"{size} GB provisioned, {used:g} GB occupied, caching {caching or 'None'}"


def _safety(v: ImageVersion) -> list[Row]:
    """The safety profile's flags, once one is on."""
    flags = [text for on, text in ((v.allow_replicated_location_deletion, "replicated regions may be removed"),
                                   (v.block_deletion_before_end_of_life, "no deletion before end of life")) if on]
    return [("Safety profile", "; ".join(flags))] if flags else []


def version_sections(v: ImageVersion, now: datetime, resolution: Resolution | None) -> list[Section]:
    aggregated, provisioning, _ = version_state(v, now)
    eol = local_with_hint(v.end_of_life_date, now)
    eol_text = Text(eol, "bold red") if v.end_of_life_date and v.end_of_life_date <= now else Text(eol)
    excluded = [display_name(t.name) for t in v.target_regions if t.exclude_from_latest]
    encrypted = [display_name(t.name) for t in v.target_regions if t.encryption and not t.encryption.is_empty]
    storage: list[Row] = [
        ("Source", _text(v.source_id or v.os_disk.source_id)),
        ("OS disk", _disk(v.os_disk.size_gb, v.os_disk.used_gb, v.os_disk.host_caching)),
    ]
    storage += [(f"Data disk LUN {d.lun}", _disk(d.size_gb, d.used_gb, d.host_caching)) for d in v.data_disks]
    storage.append(("Encryption (CMK)", ", ".join(encrypted) or "platform-managed keys"))
    return [
        (
            "Image version",
            [
                ("Name", v.name),
                ("Definition", f"{v.gallery} › {v.definition}"),
                ("Resource group", v.resource_group),
                ("Source region", display_name(v.location)),
                ("Provisioning state", provisioning),
                ("Replication", aggregated.value),
                ("Latest (any region)", _latest(resolution, v.name)),
            ],
        ),
        (
            "Publishing",
            [
                ("Exclude from latest", "yes" if v.exclude_from_latest else "no"),
                ("Excluded in regions", ", ".join(excluded) or "—"),
                ("Published", local_with_hint(v.published_date, now)),
                ("End of life", eol_text),
                ("Replica count", str(v.replica_count)),
                ("Storage account type", v.storage_account_type),
                *([("Replication mode", v.replication_mode)] if v.replication_mode else []),
                *_safety(v),
                ("Target regions", ", ".join(display_name(t.name) for t in v.target_regions)),
                ("Tags", _tags(v.tags)),
            ],
        ),
        ("Storage", storage),
        ("History", [("Created", local_with_hint(v.created_at, now)), ("Changed", local_with_hint(v.changed_at, now))]),
    ]


def render(sections: Iterable[Section]) -> Group:
    """Sections as headed two-column grids whose value columns line up."""
    sections = list(sections)
    label_width = max((len(label) for _, rows in sections for label, _ in rows), default=0)
    parts = []
    for title, rows in sections:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="dim", no_wrap=True, min_width=label_width)
        grid.add_column(overflow="fold")
        for label, value in rows:
            grid.add_row(label, value)
        parts += [Text(title, "bold underline"), grid, Text("")]
    return Group(*parts[:-1])
