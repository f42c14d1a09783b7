"""The details pane: Overview, Replication, JSON, Activity and Cost tabs for the node under the cursor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from rich.console import RenderableType
from rich.json import JSON
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static, TabbedContent, TabPane

from ...domain.latest import Resolution
from ...domain.models import Gallery, ImageDefinition, ImageVersion
from ...domain.rest import definition_to_rest, display_name, gallery_to_rest, version_to_rest
from ...domain.wording import counted
from ...store.reads.summaries import VersionSummary
from .. import overview
from ..messages import DetailsLoaded
from ..render import author, local, version_state
from .cost_view import CostView
from .replication_table import ReplicationRow, ReplicationTable
from .tree_nodes import NodeData

TABS = ("overview", "replication", "json", "activity", "cost")
TEXT_TABS = ("overview", "json", "activity")
CONTEXT_ONLY = "Shown only as the parent of resources shared with you; you may not read it."


def region_rows(version: ImageVersion) -> list[ReplicationRow]:
    return [
        ReplicationRow(display_name(t.name), version.storage_in(t), str(version.replicas_in(t)), (t.job,))
        for t in version.target_regions
    ]


def version_rows(versions: list[VersionSummary]) -> list[ReplicationRow]:
    rows = []
    for summary in reversed(versions):
        v = summary.version
        count = len(v.target_regions)
        regions = counted(count, "region")
        rows.append(ReplicationRow(v.name, v.storage_account_type, regions, tuple(t.job for t in v.target_regions)))
    return rows


def activity_table(entries: list[dict], own_id: str) -> RenderableType:
    """The log, newest first; entries about children name the child, relative to this resource."""
    if not entries:
        return Text("No activity recorded.", "dim")
    table = Table(box=None, expand=True, header_style="bold", pad_edge=False)
    table.add_column("When", no_wrap=True)
    table.add_column("Operation", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("By", overflow="fold")
    table.add_column("On / details", overflow="fold", ratio=1)
    for entry in entries:
        resource = entry["resource_id"]
        relative = resource[len(own_id) :].lstrip("/") if resource.lower().startswith(own_id) else resource
        about = " · ".join(part for part in (relative, entry.get("message") or "") if part) or "this resource"
        status = entry["status"]
        table.add_row(
            local(datetime.fromtimestamp(entry["at"], UTC)),
            "/".join(entry["operation"].split("/")[-2:]),
            Text(status, "red" if status == "Failed" else "green" if status == "Succeeded" else "yellow"),
            author(entry),
            about,
        )
    return table


class Details(Vertical):
    """Draws what is known at once (replication from the tree's facts), the rest when loaded; a text tab is
    rendered only while it is open, so moving the cursor never lays out hidden tabs."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.now = datetime.now(UTC)
        self.node: NodeData | None = None
        self.resource: object = None
        self.latest: Resolution | None = None
        self.activity: list[dict] = []
        self.loaded = False
        self._json_text = ""
        self._stale: set[str] = set()
        self.tabs = TabbedContent(id="tabs")
        self.table = ReplicationTable(id="replication-table")
        self.bodies = {tab: Static("", id=f"{tab}-body") for tab in TEXT_TABS}
        self.cost = CostView(id="cost-view")

    def compose(self) -> ComposeResult:
        with self.tabs:
            with TabPane("Overview", id="overview"), VerticalScroll(id="overview-scroll"):
                yield self.bodies["overview"]
            with TabPane("Replication", id="replication"):
                yield self.table
            with TabPane("JSON", id="json"), VerticalScroll(id="json-scroll"):
                yield self.bodies["json"]
            with TabPane("Activity", id="activity"), VerticalScroll(id="activity-scroll"):
                yield self.bodies["activity"]
            with TabPane("Cost", id="cost"):
                yield self.cost

    def on_mount(self) -> None:
        self.bodies["overview"].update(Text("Move the cursor to a resource.", "dim"))

    def show_tab(self, tab: str) -> None:
        self.tabs.active = tab

    @property
    def active_tab(self) -> str:
        return self.tabs.active

    def on_tabbed_content_tab_activated(self) -> None:
        self._draw_open_tab()

    def _invalidate(self, *tabs: str) -> None:
        self._stale.update(tabs or TEXT_TABS)
        self._draw_open_tab()

    def _draw_open_tab(self) -> None:
        tab = self.active_tab
        if tab in self._stale:
            self._stale.discard(tab)
            self._draw(tab)

    def _draw(self, tab: str, force: bool = True) -> None:
        renderable = self._renderers()[tab]()
        if tab == "json":
            text = renderable.text.plain if isinstance(renderable, JSON) else str(renderable)
            if not force and text == self._json_text:
                return
            self._json_text = text
        self.bodies[tab].update(renderable)

    def _renderers(self) -> dict[str, Callable[[], RenderableType]]:
        return {"overview": self._overview, "json": self._json, "activity": self._activity}

    def show_node(self, node: NodeData | None, now: datetime) -> None:
        """Switch to a node: what the tree already knows is drawn now, the rest arrives with `show_loaded`."""
        self.now = now
        self.node = node
        self.resource = None
        self.latest = None
        self.activity = []
        self.loaded = False
        self.table.now = now
        self.cost.show_node(node)
        if node is None or node.kind in ("subscription", "group", "more"):
            self.table.show([], "Region", empty="Replication is per image version.")
            self._invalidate()
            return
        if node.summary is not None:
            version = node.summary.version
            self.table.show(region_rows(version), "Region", self._version_summary(version))
        elif node.kind == "definition" and node.versions and node.complete:
            self.table.show(version_rows(node.versions), "Version", self._definition_summary(node.versions))
        elif node.kind == "gallery":
            self.table.show([], "Region", empty="Replication is per image version: open a definition.")
        else:
            self.table.show([], "Version", empty="Loading versions…")

    def show_versions(self, versions: list[VersionSummary]) -> None:
        """A definition's versions arrived in the tree: one replication row each."""
        summary = self._definition_summary(versions)
        self.table.show(version_rows(versions), "Version", summary, empty="This definition has no versions yet.")

    def show_loaded(self, loaded: DetailsLoaded, versions: list[VersionSummary] | None = None) -> None:
        """The full resource arrived (None: only visible as a parent): Overview, JSON and Activity."""
        self.resource = loaded.resource
        self.latest = loaded.latest
        self.activity = loaded.activity
        self.loaded = True
        if isinstance(loaded.resource, ImageDefinition) and versions is not None:
            self.show_versions(versions)
        self._invalidate()

    def tick(self, now: datetime) -> None:
        """Move bars; keep the JSON's replicationStatus current while its tab is open."""
        self.now = now
        self.table.tick(now)
        if self.active_tab == "json" and isinstance(self.resource, ImageVersion):
            self._draw("json", force=False)

    def states_changed(self, node: NodeData | None) -> None:
        """A regional state changed: redraw states and `latest` from the current facts."""
        if node is not None and node.summary is not None and isinstance(self.resource, ImageVersion):
            self.resource = _with_targets(self.resource, node.summary.version)
            self.table.show(region_rows(node.summary.version), "Region", self._version_summary(node.summary.version))
        self._invalidate("overview", "json")

    def _overview(self) -> RenderableType:
        resource, now, node = self.resource, self.now, self.node
        if isinstance(resource, ImageVersion):
            return overview.render(overview.version_sections(resource, now, self.latest))
        if isinstance(resource, ImageDefinition):
            return overview.render(overview.definition_sections(resource, now, self.latest))
        if isinstance(resource, Gallery):
            count = node.gallery.definition_count if node and node.gallery else 0
            return overview.render(overview.gallery_sections(resource, now, count))
        if node is not None and node.kind in ("subscription", "group"):
            title = "Resource group" if node.kind == "group" else "Subscription"
            rows = [
                ("Name", node.name),
                ("Subscription", node.subscription),
                ("Resource group", node.resource_group or "—"),
                ("Id", node.arm_id),
            ]
            return overview.render([(title, rows)])
        return self._placeholder()

    def _json(self) -> RenderableType:
        resource = self.resource
        if isinstance(resource, ImageVersion):
            return JSON.from_data(version_to_rest(resource, self.now, expand=True), indent=2)
        if isinstance(resource, ImageDefinition):
            return JSON.from_data(definition_to_rest(resource), indent=2)
        if isinstance(resource, Gallery):
            return JSON.from_data(gallery_to_rest(resource), indent=2)
        return self._placeholder("Select a gallery, image definition or version.")

    def _activity(self) -> RenderableType:
        if self.resource is None:
            return self._placeholder("")
        return activity_table(self.activity, self.node.arm_id.lower() if self.node else "")

    def _placeholder(self, text: str = "Move the cursor to a resource.") -> Text:
        node = self.node
        if node is not None and node.kind in ("gallery", "definition", "version"):
            return Text(CONTEXT_ONLY if self.loaded else "Loading…", "dim")
        return Text(text, "dim")

    def _version_summary(self, version: ImageVersion) -> str:
        aggregated, provisioning, _ = version_state(version, self.now)
        done = sum(1 for row in region_rows(version) if row.state(self.now) == "Completed")
        text = f"{aggregated.value} · {done}/{len(version.target_regions)} regions done · provisioning {provisioning}"
        return text + (" · R retries" if aggregated.value == "Failed" else "")

    def _definition_summary(self, versions: list[VersionSummary]) -> str:
        states = [version_state(v.version, self.now)[0].value for v in versions]
        counts = {s: states.count(s) for s in dict.fromkeys(states)}
        return counted(len(versions), "version") + ": " + ", ".join(f"{n} {s}" for s, n in counts.items())


def _with_targets(full: ImageVersion, light: ImageVersion) -> ImageVersion:
    """The full version with the target regions (and jobs) of a fresher summary."""
    return replace(full, target_regions=light.target_regions, operation=light.operation)
