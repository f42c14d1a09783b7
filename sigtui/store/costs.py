"""Cost estimates for a version, a definition, a gallery or everything the caller can read."""

from __future__ import annotations

from ..domain.costs import CostEstimate, estimate
from ..domain.ids import parse_arm_id
from . import reads
from .base import ServiceBase


class CostOps(ServiceBase):
    def cost_estimate(self, resource_id: str | None = None) -> CostEstimate:
        """Sum over every readable version under `resource_id` (the whole database when None)."""
        with self.read() as conn:
            readable = self.readable(conn)
            if resource_id:
                parsed = parse_arm_id(resource_id)
                self.authorize(conn, "read", resource_id)
                scope = resource_id.rstrip("/").lower()
                sub = parsed.subscription
            else:
                scope, sub = None, None
            versions = reads.versions_in_subscription(conn, sub)
            chosen = [
                v
                for _, v in versions
                if readable(v.id) and (scope is None or v.id.lower() == scope or v.id.lower().startswith(scope + "/"))
            ]
            return estimate(chosen)
