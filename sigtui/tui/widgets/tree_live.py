"""How the resource tree follows the simulation clock: roll-ups of replicating and failed versions, and bars
that move."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from textual.widgets.tree import TreeNode

from ...domain.models import ReplicationState
from ...domain.replication import next_change, region_status
from ...store.reads.summaries import JobFact, VersionSummary
from ..render import mean_progress, percent
from .tree_labels import STATE_WIDTH
from .tree_nodes import NodeData


class TreeLive:
    """Mixed into the resource tree: needs its `now`, `compact`, `_by_key`, `_live`, `_jobs` and line refreshes."""

    def set_jobs(self, jobs: list[JobFact]) -> None:
        self._jobs = jobs
        self._roll_up()

    def _roll_up(self) -> None:
        """Count replicating and failed versions per gallery and per definition."""
        counts = {ReplicationState.REPLICATING: defaultdict(int), ReplicationState.FAILED: defaultdict(int)}
        seen: set[tuple[ReplicationState, int]] = set()
        for fact in self._jobs:
            state = region_status(fact.region, fact.job, self.now).state
            if state not in counts or (state, fact.version_pk) in seen:
                continue
            seen.add((state, fact.version_pk))
            counts[state][("gallery", fact.gallery_pk)] += 1
            counts[state][("definition", fact.definition_pk)] += 1
        self._replicating_under = dict(counts[ReplicationState.REPLICATING])
        self._failed_under = dict(counts[ReplicationState.FAILED])

    def tick(self, now: datetime) -> None:
        """Move the clock on. A shown bar whose drawing changed (an eighth, a percent) has its line drawn again,
        which draws only the bar afresh (`TreeLabels.render_line`); bars out of sight are drawn when they come
        into sight. A version reaching its end of life is drawn again whole, for its badge."""
        self.now = now
        top = self.scroll_offset.y
        bottom = top + self.size.height
        for node in self._live:
            if self._reached_end_of_life(node):
                node.refresh()
            elif top <= node.line < bottom:
                drawn = self._drawn_progress(node.data)
                if self._shown.get(node.id) != drawn:
                    self._shown[node.id] = drawn
                    self.refresh_line(node.line)

    def _drawn_progress(self, data: NodeData) -> tuple[int, str]:
        """The bar eighths and percent a version's line shows (its state changes only with `states_changed`)."""
        fraction = mean_progress(data.summary.version, self.now)
        cells = 0 if self.compact else STATE_WIDTH - 5
        return round(fraction * cells * 8), percent(fraction)

    def _reached_end_of_life(self, node: TreeNode[NodeData]) -> bool:
        """Whether the version passed its end of life (or back) since the last tick; true at its first tick."""
        end = node.data.summary.version.end_of_life_date
        past = end is not None and end <= self.now
        if self._past_end_of_life.get(node.id) is past:
            return False
        self._past_end_of_life[node.id] = past
        return True

    def _is_live(self, summary: VersionSummary) -> bool:
        return next_change((t.job for t in summary.version.target_regions), self.now) is not None

    def states_changed(self) -> None:
        """A regional state changed: recompute roll-ups and `latest`, then redraw everything shown."""
        self._roll_up()
        for node in self._by_key.values():
            if node.data.kind == "definition" and node.data.versions and node.data.complete:
                self._resolve_latest(node.data)
        self._live = {n for n in self._live if self._is_live(n.data.summary)}
        self._invalidate()
