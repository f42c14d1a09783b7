"""Quotas: what each subscription the caller can see uses per region, against Azure's limits."""

from __future__ import annotations

import sqlite3

from ..domain import rules
from ..domain.models import Subscription
from ..domain.quotas import COUNTED, RegionUsage, region_usage
from . import reads
from .base import ServiceBase


class QuotaOps(ServiceBase):
    def usage(self, subscription: str | None = None, location: str | None = None, every: bool = False
              ) -> list[RegionUsage]:
        """The quotas of a subscription (the default one unless named; with `every`, each one the caller can see)
        in `location`, or in every region where it holds something."""
        with self.read() as conn:
            self.check_caller(conn)
            lookups = self.lookups(conn)
            subs = lookups.visible_subscriptions() if every else [lookups.visible_subscription(subscription)]
            region = rules.check_location(location, subs[0], rules.GALLERY_TYPE).name if location and subs else None
            return [row for sub in subs for row in self._subscription_usage(conn, sub, region)]

    @staticmethod
    def _subscription_usage(conn: sqlite3.Connection, sub: Subscription, only: str | None) -> list[RegionUsage]:
        counts = {table: reads.count_per_region(conn, table, sub.id) for _, _, table, _ in COUNTED}
        replicas = reads.replicas_per_region(conn, sub.id)
        places = {only} if only else {r for found in counts.values() for r in found} | set(replicas)
        return [
            region_usage(
                (sub.id, sub.name), place, {t: found.get(place, 0) for t, found in counts.items()},
                replicas.get(place, (0, 0)),
            )
            for place in sorted(places)
        ]
