"""Reads by name as one caller may make them: Azure's 404 for what is missing, its 403 for what the caller's roles
do not cover, and lists holding only what it may see. The service layer, the CLI and the REST face all read
through this."""

from __future__ import annotations

import sqlite3
from typing import Generic, NamedTuple, TypeVar

from ...domain.errors import AzureError, not_found, parent_not_found, resource_not_found
from ...domain.models import Gallery, ImageDefinition, ImageVersion, ResourceGroup, Subscription
from . import resources
from .visibility import Visibility, visibility

V = TypeVar("V")
GALLERIES = "Microsoft.Compute/galleries"


def named_or_default(conn: sqlite3.Connection, sub: str | None, seen: Visibility) -> Subscription | None:
    """The named subscription (by id or name), else the first the caller has a role in, else the first of all."""
    if sub:
        return resources.subscription(conn, sub)
    every = resources.subscriptions(conn)
    return next((s for s in every if seen.sees_subscription(s.id)), every[0] if every else None)


class Found(NamedTuple, Generic[V]):
    """A resource and its row's primary key."""

    pk: int
    value: V


class Lookups:
    """The resources one caller may read, over one connection. `default_subscription` stands for an unnamed
    subscription (else the first the caller has a role in)."""

    def __init__(self, conn: sqlite3.Connection, seen: Visibility, default_subscription: str | None = None):
        self.conn = conn
        self.seen = seen
        self.default_subscription = default_subscription

    @classmethod
    def of(cls, conn: sqlite3.Connection, caller: str, default_subscription: str | None = None) -> Lookups:
        return cls(conn, visibility(conn, caller), default_subscription)

    def subscription(self, sub: str | None = None) -> Subscription:
        """The named subscription (by id or name), else the default one."""
        sub = sub or self.default_subscription
        found = named_or_default(self.conn, sub, self.seen)
        if found is None and sub:
            raise not_found("SubscriptionNotFound", f"The subscription '{sub}' could not be found.")
        if found is None:
            raise AzureError("SubscriptionNotFound", "No subscriptions found. Run 'sigtui account list'.", 404)
        return found

    def visible_subscriptions(self) -> list[Subscription]:
        """The subscriptions the caller holds a role in, the default one first."""
        return [s for s in resources.subscriptions(self.conn) if self.seen.sees_subscription(s.id)]

    def visible_subscription(self, sub: str | None = None) -> Subscription:
        """A subscription the caller holds a role in; AuthorizationFailed for one it cannot see."""
        found = self.subscription(sub)
        if not self.seen.sees_subscription(found.id):
            self.seen.require(f"/subscriptions/{found.id}")
        return found

    def resource_group_key(self, sub: str | None, name: str) -> Found[ResourceGroup]:
        """A resource group that exists (no access check: the resource under it is checked)."""
        found = resources.resource_group(self.conn, self.subscription(sub).id, name)
        if found is None:
            raise not_found("ResourceGroupNotFound", f"Resource group '{name}' could not be found.")
        return Found(*found)

    def resource_group(self, sub: str | None, name: str) -> ResourceGroup:
        found = self.resource_group_key(sub, name).value
        self.seen.require(found.id)
        return found

    def resource_groups(self, sub: str | None = None) -> list[ResourceGroup]:
        every = resources.resource_groups(self.conn, self.subscription(sub).id)
        return [rg for _, rg in every if self.seen.sees(rg.id)]

    def gallery(self, sub: str | None, rg: str, name: str) -> Found[Gallery]:
        found = self._gallery(sub, rg, name, resource_not_found(GALLERIES, name, rg))
        self.seen.require(found.value.id)
        return found

    def galleries(self, sub: str | None = None, rg: str | None = None) -> list[Gallery]:
        sub_id = self.subscription(sub).id
        if rg:
            self.resource_group_key(sub_id, rg)
        return [g for _, g in resources.galleries(self.conn, sub_id, rg) if self.seen.sees(g.id)]

    def definition(self, sub: str | None, rg: str, gallery: str, name: str) -> Found[ImageDefinition]:
        sub_id = self.subscription(sub).id
        self._gallery(sub_id, rg, gallery, parent_not_found(gallery))
        found = resources.definition(self.conn, sub_id, rg, gallery, name)
        if found is None:
            raise resource_not_found(GALLERIES, f"{gallery}/images/{name}", rg)
        self.seen.require(found[1].id)
        return Found(*found)

    def definitions(self, sub: str | None, rg: str, gallery: str) -> list[ImageDefinition]:
        pk = self._gallery(sub, rg, gallery, parent_not_found(gallery)).pk
        return [d for _, d in resources.definitions(self.conn, pk) if self.seen.sees(d.id)]

    def version(self, sub: str | None, rg: str, gallery: str, definition: str, name: str) -> Found[ImageVersion]:
        self.definition_key(sub, rg, gallery, definition)
        found = resources.version(self.conn, self.subscription(sub).id, rg, gallery, definition, name)
        if found is None:
            raise resource_not_found(GALLERIES, f"{gallery}/images/{definition}/versions/{name}", rg)
        self.seen.require(found[1].id)
        return Found(*found)

    def versions(self, sub: str | None, rg: str, gallery: str, definition: str) -> list[ImageVersion]:
        pk = self.definition_key(sub, rg, gallery, definition).pk
        return [v for _, v in resources.versions(self.conn, pk) if self.seen.sees(v.id)]

    def definition_key(self, sub: str | None, rg: str, gallery: str, definition: str) -> Found[ImageDefinition]:
        """The definition a version names (no access check); ParentResourceNotFound when it is missing."""
        sub_id = self.subscription(sub).id
        self.resource_group_key(sub_id, rg)
        found = resources.definition(self.conn, sub_id, rg, gallery, definition)
        if found is None:
            raise parent_not_found(f"{gallery}/{definition}")
        return Found(*found)

    def _gallery(self, sub: str | None, rg: str, name: str, missing: AzureError) -> Found[Gallery]:
        sub_id = self.subscription(sub).id
        self.resource_group_key(sub_id, rg)
        found = resources.gallery(self.conn, sub_id, rg, name)
        if found is None:
            raise missing
        return Found(*found)

