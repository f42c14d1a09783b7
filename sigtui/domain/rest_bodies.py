"""Entity tags and PATCH merges of REST bodies."""

from __future__ import annotations

import hashlib
import json


def etag(body: dict) -> str:
    """The entity tag of a resource's REST body: it changes whenever a write changes what is stored (the state
    that moves with the clock, `provisioningState` and `replicationStatus`, is left out)."""
    stored = {key: value for key, value in body.items() if key != "etag"}
    properties = {key: value for key, value in (stored.get("properties") or {}).items()
                  if key not in ("provisioningState", "replicationStatus")}
    text = json.dumps({**stored, "properties": properties}, sort_keys=True, default=str)
    return '"' + hashlib.sha256(text.encode()).hexdigest()[:32] + '"'


def merge(base: dict, patch: dict) -> dict:
    """JSON merge of a PATCH body into a resource (lists and `tags` replace as a whole, other objects merge)."""
    result = dict(base)
    for key, value in patch.items():
        if key != "tags" and isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = value
    return result
