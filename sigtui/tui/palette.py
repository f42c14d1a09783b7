"""The command palette's resource provider: type part of a name, jump to that gallery, definition or version."""

from __future__ import annotations

import asyncio
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from ..store.reads.filtering import SearchEntry

MAX_HITS = 40


class ResourceProvider(Provider):
    """Loads the names once per palette opening (off the UI thread), then matches them fuzzily; a hit moves the
    workbench's cursor to the resource."""

    async def startup(self) -> None:
        self.entries: list[SearchEntry] = []
        try:
            self.entries = await asyncio.to_thread(self.screen.backend.catalog.search_entries)
        except Exception as error:  # noqa: BLE001 (a broken database must not break the palette)
            self.app.notify(f"Could not list resources: {error}", severity="error")

    async def discover(self) -> Hits:
        for entry in self.entries:
            if entry.kind == "gallery":
                yield DiscoveryHit(
                    f"Go to {entry.text}", partial(self.screen.browsing.jump_to, entry.path), help=entry.kind
                )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)

        def best() -> list[tuple[float, SearchEntry]]:
            scored = ((matcher.match(entry.text), entry) for entry in self.entries)
            return sorted((pair for pair in scored if pair[0] > 0), key=lambda pair: -pair[0])[:MAX_HITS]

        for score, entry in await asyncio.to_thread(best):
            yield Hit(
                score,
                matcher.highlight(entry.text),
                partial(self.screen.browsing.jump_to, entry.path),
                help=f"Go to {entry.kind}",
            )
