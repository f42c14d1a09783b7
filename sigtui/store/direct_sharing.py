"""Direct sharing: the `/share` action on a gallery, and the read-only `SharedGalleries` a receiving subscription
sees (by location, as Azure lists them)."""

from __future__ import annotations

from ..domain import direct_share, share_writes
from ..domain.errors import AzureError
from ..domain.models import Gallery, ImageDefinition, Subscription
from ..domain.reference_data import find_region
from . import reads
from .base import ServiceBase
from .reads.shared import not_shared, shared_definition_in, shared_gallery_of


class DirectShareOps(ServiceBase):
    def share_gallery(self, sub: str | None, rg: str, name: str, body: dict) -> Gallery:
        """POST `.../galleries/{g}/share`: Add, Remove or Reset subscriptions and tenants; Owner only."""
        with self.write() as tx:
            subscription = self.subscription(tx.conn, sub)
            pk, gallery = self.lookups(tx.conn).gallery(subscription.id, rg, name)
            caller = reads.caller(tx.conn, self.caller)
            return tx.decided(share_writes.decide_share(gallery, pk, body, subscription, caller, tx.now))

    def _receiver(self, conn, subscription: str | None) -> Subscription:
        """The receiving subscription, which the caller must hold a role in."""
        sub = self.subscription(conn, subscription)
        self.authorize(conn, "read", f"/subscriptions/{sub.id}")
        return sub

    def shared_galleries(self, location: str, subscription: str | None = None, to_tenant: bool = False) -> list[dict]:
        """`az sig list-shared`: galleries shared with the subscription (or its tenant) that serve `location`."""
        with self.read() as conn:
            sub = self._receiver(conn, subscription)
            region = _region(location)
            found = []
            for pk, gallery in reads.galleries(conn):
                if direct_share.visible_to(gallery, sub, to_tenant) and region in _regions(conn, pk, gallery):
                    found.append(direct_share.shared_gallery_to_rest(gallery, region))
            return found

    def shared_gallery(self, location: str, unique_name: str, subscription: str | None = None) -> dict:
        """One gallery shared with the subscription or its tenant, where it serves `location`."""
        with self.read() as conn:
            sub = self._receiver(conn, subscription)
            pk, gallery = shared_gallery_of(conn, sub, unique_name)
            region = _region(location)
            if region not in _regions(conn, pk, gallery):
                raise not_shared(unique_name)
            return direct_share.shared_gallery_to_rest(gallery, region)

    def shared_with_me(self, subscription: str | None = None) -> list[dict]:
        """Every image version shared directly with the subscription or its tenant, in any region: what the
        workbench's "shared with me" view lists."""
        with self.read() as conn:
            sub = self._receiver(conn, subscription)
            found = []
            for pk, gallery in reads.galleries(conn):
                how = "subscription" if direct_share.visible_to(gallery, sub) else None
                how = how or ("tenant" if direct_share.visible_to(gallery, sub, True) else None)
                if how is None:
                    continue
                for d_pk, definition in reads.definitions(conn, pk):
                    for _, version in reads.versions(conn, d_pk):
                        found.append({"gallery": gallery.unique_name, "image": definition.name,
                                      "version": version.name, "osType": definition.os_type,
                                      "osState": definition.os_state, "sharedWith": how,
                                      "regions": [t.name for t in version.target_regions],
                                      "id": direct_share.unique_id(gallery, definition.name, version.name)})
            return found

    def shared_images(self, location: str, unique_name: str, subscription: str | None = None) -> list[dict]:
        with self.read() as conn:
            sub = self._receiver(conn, subscription)
            pk, gallery = shared_gallery_of(conn, sub, unique_name)
            region = _region(location)
            return [direct_share.shared_image_to_rest(gallery, d, region) for d_pk, d in reads.definitions(conn, pk)
                    if region in _served(conn, d_pk, d)]

    def shared_versions(self, location: str, unique_name: str, image: str, subscription: str | None = None
                        ) -> list[dict]:
        with self.read() as conn:
            sub = self._receiver(conn, subscription)
            pk, gallery = shared_gallery_of(conn, sub, unique_name)
            region = _region(location)
            d_pk, _ = shared_definition_in(conn, pk, gallery, image)
            return [direct_share.shared_version_to_rest(gallery, v, region) for _, v in reads.versions(conn, d_pk)
                    if any(t.name == region for t in v.target_regions)]


def _region(location: str) -> str:
    region = find_region(location or "")
    if region is None:
        raise AzureError("LocationNotAvailableForResourceType", f"The provided location '{location}' is not "
                                                                "available for resource type "
                                                                "'Microsoft.Compute/locations/sharedGalleries'.",
                         target="location")
    return region.name


def _served(conn, definition_pk: int, definition: ImageDefinition) -> set[str]:
    """The regions a definition's versions are replicated to, and its own."""
    regions = {definition.location}
    for _, version in reads.versions(conn, definition_pk):
        regions |= {t.name for t in version.target_regions}
    return regions


def _regions(conn, gallery_pk: int, gallery: Gallery) -> set[str]:
    regions = {gallery.location}
    for pk, definition in reads.definitions(conn, gallery_pk):
        regions |= _served(conn, pk, definition)
    return regions

