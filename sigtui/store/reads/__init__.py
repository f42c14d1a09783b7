"""The read model: every query that turns rows into what the faces show, over plain sqlite3 (no SQLModel).

- `mappers.py`: `rows` (each a dict by column name) and one mapper per table;
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

from .compute import (
    deployments,
    disk_encryption_set,
    disk_encryption_sets,
    source,
    sources,
    virtual_machines,
)
from .counts import (
    catalog_keys_in,
    count_per_region,
    gallery_keys_in,
    has_children,
    next_key,
    replicas_per_region,
)
from .directory import (
    app_credential,
    caller,
    find_principal,
    grants,
    has_assignment,
    members,
    principal_count,
    principals,
    role_assignments,
    tenant_id,
    tenants,
)
from .latest import latest_name, latest_names
from .lookups import Found, Lookups
from .resources import (
    definition,
    definitions,
    encrypted_version_ids,
    galleries,
    galleries_named,
    gallery,
    resource_group,
    resource_groups,
    subscription,
    subscriptions,
    version,
    versions,
    versions_from_key,
    versions_in_subscription,
)
from .state import activity, clock, end_of_life_policy, setting
from .storage import soft_deleted_versions, storage_account_named, storage_accounts
from .visibility import Visibility, visibility

__all__ = [
    "Found", "Lookups", "Visibility", "activity", "app_credential", "caller", "catalog_keys_in", "clock",
    "count_per_region", "definition", "definitions", "deployments", "disk_encryption_set", "disk_encryption_sets",
    "encrypted_version_ids", "end_of_life_policy", "find_principal", "galleries", "galleries_named", "gallery",
    "gallery_keys_in", "grants", "has_assignment", "has_children", "latest_name", "latest_names", "members",
    "next_key", "principal_count", "principals", "replicas_per_region", "resource_group", "resource_groups",
    "role_assignments", "setting", "soft_deleted_versions", "source", "sources", "storage_account_named",
    "storage_accounts", "subscription", "subscriptions", "tenant_id", "tenants", "version", "versions",
    "versions_from_key", "versions_in_subscription", "virtual_machines", "visibility",
]
