"""The read model: every query that turns rows into what the faces show, over plain sqlite3 (no SQLModel).

- `rows.py`: `rows`, each a dict by column name; `mappers.py`: one mapper per table;
- `gallery_summaries.py`: the galleries the workbench opens on, light enough for its first screen;
- `resources.py`: subscriptions, resource groups, galleries, definitions and versions as stored;
- `lookups.py`: the same by name as one caller may read them (Azure's 404 and 403), for services, CLI and REST;
- `visibility.py`: the one rule deciding what a caller sees from its role assignments;
- `directory.py`: tenants, principals, groups and role assignments;
- `compute.py`: image sources, disk encryption sets, virtual machines;
- `state.py`: the simulation clock, settings and the activity log;
- `storage.py`: storage accounts and soft-deleted image versions;
- `counts.py`: counts and keys writes are decided on;
- `job_states.py`: the domain's regional replication states as SQL fragments;
- `latest.py`: `latest` through the version index;
- `summaries.py`, `filtering.py`, `workbench.py`: the workbench's tree, filter and palette, and its `Catalog`.

The names below are the ones the store and the faces use as `reads.<name>`.
"""

from __future__ import annotations

from importlib import import_module

from .visibility import Visibility as Visibility
from .visibility import visibility as visibility

_HOMES = {
    "compute": ("deployments", "disk_encryption_set", "disk_encryption_sets", "source", "sources", "virtual_machines"),
    "counts": ("catalog_keys_in", "count_per_region", "gallery_keys_in", "has_children", "next_key",
               "replicas_per_region"),
    "directory": ("app_credential", "caller", "find_principal", "grants", "has_assignment", "members",
                  "principal_count", "principals", "role_assignments", "tenant_id", "tenants"),
    "latest": ("latest_name", "latest_names"),
    "lookups": ("Found", "Lookups"),
    "resources": ("definition", "definitions", "encrypted_version_ids", "galleries", "galleries_named", "gallery",
                  "resource_group", "resource_groups", "subscription", "subscriptions", "version", "versions",
                  "versions_from_key", "versions_in_subscription"),
    "state": ("activity", "clock", "end_of_life_policy", "setting"),
    "storage": ("soft_deleted_versions", "storage_account_named", "storage_accounts"),
}
"""Each submodule and the names it gives the package, imported on first use so a command loads only what it
reads. (`visibility`, a submodule and a function, is imported above so its name is the function.)"""
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = sorted([*_MODULE_OF, "Visibility", "visibility"])


def __getattr__(name: str):
    """A name of the read model, imported from its submodule the first time it is asked for."""
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_MODULE_OF[name]}", __name__), name)
    globals()[name] = value
    return value
