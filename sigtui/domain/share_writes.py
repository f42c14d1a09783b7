"""The `/share` action on a gallery, decided on the gallery as loaded; the store applies the plan."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from .access import Caller
from .direct_share import shared_with
from .models import Gallery, Subscription
from .plan import Decision, Delete, Insert, activity, plan
from .rest import gallery_to_rest

SHARE_ACTION = "Microsoft.Compute/galleries/share/action"


def decide_share(
    gallery: Gallery, gallery_pk: int, body: dict, subscription: Subscription, caller: Caller, now: datetime
) -> Decision[Gallery]:
    """POST `.../share`: Owner only; the gallery's share rows replaced by its new list, with the activity entry."""
    caller.require("share", gallery.id)
    after = shared_with(gallery, body, subscription)
    new = dataclasses.replace(gallery, shared_with=tuple(sorted(after)))
    rows = [Insert("gallery_share", {"gallery_id": gallery_pk, "kind": k, "target": t}) for k, t in after]
    entry = activity(now, caller.name, SHARE_ACTION, gallery.id, gallery_to_rest(gallery), gallery_to_rest(new))
    return Decision(new, plan(Delete("gallery_share", {"gallery_id": gallery_pk}), *rows, entry))
