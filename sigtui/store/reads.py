"""Read models over a plain sqlite3 connection: rows become domain values. No SQLModel import here."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from ..domain import access, ids
from ..domain.access import Principal, RoleAssignment
from ..domain.clock import ClockState
from ..domain.latest import DEFAULT_END_OF_LIFE_POLICY
from ..domain.models import (
    DiskEncryptionSet,
    DiskImage,
    Encryption,
    Gallery,
    ImageDefinition,
    ImageVersion,
    ReplicationJob,
    ResourceGroup,
    Source,
    Subscription,
    TargetRegion,
)
from ..domain.sources import with_caching
from .defaults import NOBODY


def rows(conn: sqlite3.Connection, sql: str, params: Sequence = ()) -> list[sqlite3.Row]:
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, params).fetchall()


def when(value: float | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, UTC)


def subscription_from(row: sqlite3.Row) -> Subscription:
    return Subscription(
        row["id"],
        row["name"],
        row["tenant_id"],
        tuple(json.loads(row["allowed_regions"])),
        bool(row["is_default"]),
        row["cloud"],
    )


def subscriptions(conn: sqlite3.Connection) -> list[Subscription]:
    return [subscription_from(r) for r in rows(conn, "SELECT * FROM subscription ORDER BY is_default DESC, name")]


def tenants(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """Every tenant as (id, name, domain)."""
    return [tuple(r) for r in conn.execute("SELECT id, name, domain FROM tenant ORDER BY name")]


def subscription(conn: sqlite3.Connection, sub_id: str) -> Subscription | None:
    found = rows(conn, "SELECT * FROM subscription WHERE id = ? OR name = ?", (sub_id, sub_id))
    return subscription_from(found[0]) if found else None


def visible_subscriptions(conn: sqlite3.Connection, caller: str) -> list[Subscription]:
    """The subscriptions `caller` holds a role in (directly or through groups), the default one first."""
    assignments = grants(conn, caller)[1]
    return [s for s in subscriptions(conn) if access.sees_subscription(assignments, s.id)]


def resource_groups(conn: sqlite3.Connection, sub: str | None = None) -> list[tuple[int, ResourceGroup]]:
    sql = "SELECT * FROM resource_group" + (" WHERE subscription_id = ?" if sub else "") + " ORDER BY name"
    return [
        (r["id"], ResourceGroup(r["subscription_id"], r["name"], r["location"], json.loads(r["tags"])))
        for r in rows(conn, sql, (sub,) if sub else ())
    ]


def resource_group(conn: sqlite3.Connection, sub: str, name: str) -> tuple[int, ResourceGroup] | None:
    found = rows(conn, "SELECT * FROM resource_group WHERE subscription_id = ? AND name = ?", (sub, name))
    if not found:
        return None
    r = found[0]
    return r["id"], ResourceGroup(r["subscription_id"], r["name"], r["location"], json.loads(r["tags"]))


GALLERY_SQL = """SELECT g.*, rg.name AS rg_name, rg.subscription_id AS sub,
(SELECT json_group_array(json_array(s.kind, s.target)) FROM gallery_share s WHERE s.gallery_id = g.id) AS shares
FROM gallery g JOIN resource_group rg ON rg.id = g.rg_id"""


def gallery_from(r: sqlite3.Row) -> Gallery:
    return Gallery(
        r["sub"],
        r["rg_name"],
        r["name"],
        r["location"],
        r["description"],
        json.loads(r["tags"]),
        created_at=when(r["created_at"]),
        changed_at=when(r["changed_at"]),
        sharing=r["sharing"],
        shared_with=tuple(sorted(tuple(pair) for pair in json.loads(r["shares"] or "[]")))
        if "shares" in r.keys()
        else (),
    )


def galleries(conn: sqlite3.Connection, sub: str | None = None, rg: str | None = None) -> list[tuple[int, Gallery]]:
    clauses, params = [], []
    if sub:
        clauses.append("rg.subscription_id = ?")
        params.append(sub)
    if rg:
        clauses.append("rg.name = ?")
        params.append(rg)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return [(r["id"], gallery_from(r)) for r in rows(conn, GALLERY_SQL + where + " ORDER BY g.name", params)]


def gallery(conn: sqlite3.Connection, sub: str, rg: str, name: str) -> tuple[int, Gallery] | None:
    found = rows(conn, GALLERY_SQL + " WHERE rg.subscription_id = ? AND rg.name = ? AND g.name = ?", (sub, rg, name))
    return (found[0]["id"], gallery_from(found[0])) if found else None


def galleries_named(conn: sqlite3.Connection, sub: str, name: str) -> list[Gallery]:
    return [
        gallery_from(r) for r in rows(conn, GALLERY_SQL + " WHERE rg.subscription_id = ? AND g.name = ?", (sub, name))
    ]


DEFINITION_SQL = """SELECT d.*, g.name AS gallery_name, rg.name AS rg_name, rg.subscription_id AS sub
FROM image_definition d JOIN gallery g ON g.id = d.gallery_id JOIN resource_group rg ON rg.id = g.rg_id"""


def definition_from(r: sqlite3.Row) -> ImageDefinition:
    return ImageDefinition(
        r["sub"],
        r["rg_name"],
        r["gallery_name"],
        r["name"],
        r["location"],
        r["publisher"],
        r["offer"],
        r["sku"],
        r["os_type"],
        r["os_state"],
        r["hyper_v_generation"],
        r["description"],
        r["eula"],
        r["privacy_statement_uri"],
        r["release_note_uri"],
        when(r["end_of_life_date"]),
        json.loads(r["tags"]),
        r["vcpus_min"],
        r["vcpus_max"],
        r["memory_min"],
        r["memory_max"],
        tuple(json.loads(r["disallowed_disk_types"])),
        r["plan_name"],
        r["plan_publisher"],
        r["plan_product"],
        r["architecture"],
        created_at=when(r["created_at"]),
        changed_at=when(r["changed_at"]),
    )


def definitions(conn: sqlite3.Connection, gallery_pk: int) -> list[tuple[int, ImageDefinition]]:
    return [
        (r["id"], definition_from(r))
        for r in rows(conn, DEFINITION_SQL + " WHERE d.gallery_id = ? ORDER BY d.name", (gallery_pk,))
    ]


def definition(
    conn: sqlite3.Connection, sub: str, rg: str, gallery_name: str, name: str
) -> tuple[int, ImageDefinition] | None:
    found = rows(
        conn,
        DEFINITION_SQL + " WHERE rg.subscription_id = ? AND rg.name = ? AND g.name = ? AND d.name = ?",
        (sub, rg, gallery_name, name),
    )
    return (found[0]["id"], definition_from(found[0])) if found else None


def gallery_keys_in(conn: sqlite3.Connection, rg_pk: int) -> list[int]:
    """The primary keys of the galleries in a resource group."""
    return [r[0] for r in conn.execute("SELECT id FROM gallery WHERE rg_id = ?", (rg_pk,))]


def catalog_keys_in(conn: sqlite3.Connection, rg_pk: int) -> tuple[list[int], list[int]]:
    """The primary keys of the image definitions and image versions in a resource group."""
    definitions = [
        r[0]
        for r in conn.execute(
            "SELECT d.id FROM image_definition d JOIN gallery g ON g.id = d.gallery_id WHERE g.rg_id = ?", (rg_pk,)
        )
    ]
    versions = [
        r[0]
        for r in conn.execute(
            "SELECT v.id FROM image_version v JOIN image_definition d ON d.id = v.definition_id "
            "JOIN gallery g ON g.id = d.gallery_id WHERE g.rg_id = ?",
            (rg_pk,),
        )
    ]
    return definitions, versions


COUNTED_JOINS = {
    "gallery": "gallery x JOIN resource_group rg ON rg.id = x.rg_id",
    "image_definition": "image_definition x JOIN gallery g ON g.id = x.gallery_id "
    "JOIN resource_group rg ON rg.id = g.rg_id",
    "image_version": "image_version x JOIN image_definition d ON d.id = x.definition_id "
    "JOIN gallery g ON g.id = d.gallery_id JOIN resource_group rg ON rg.id = g.rg_id",
}
"""How each counted table reaches its subscription."""


def has_children(conn: sqlite3.Connection, table: str, parent_column: str, parent_pk: int) -> bool:
    """Whether any row of `table` (image definitions, image versions) belongs to the parent."""
    return conn.execute(f"SELECT 1 FROM {table} WHERE {parent_column} = ? LIMIT 1", (parent_pk,)).fetchone() is not None


def count_in_region(conn: sqlite3.Connection, table: str, sub: str, location: str) -> int:
    """How many galleries, definitions or versions a subscription has in one region (Azure's quota unit)."""
    return conn.execute(
        f"SELECT COUNT(*) FROM {COUNTED_JOINS[table]} WHERE rg.subscription_id = ? AND x.location = ?",
        (sub, location),
    ).fetchone()[0]


def count_per_region(conn: sqlite3.Connection, table: str, sub: str) -> dict[str, int]:
    """How many galleries, definitions or versions a subscription has in each region."""
    found = conn.execute(
        f"SELECT x.location, COUNT(*) FROM {COUNTED_JOINS[table]} WHERE rg.subscription_id = ? GROUP BY x.location",
        (sub,),
    )
    return dict(found.fetchall())


VERSION_SQL = """SELECT v.*, d.name AS definition_name, g.name AS gallery_name, rg.name AS rg_name,
rg.subscription_id AS sub FROM image_version v JOIN image_definition d ON d.id = v.definition_id
JOIN gallery g ON g.id = d.gallery_id JOIN resource_group rg ON rg.id = g.rg_id"""


def encryption_from(text: str | None) -> Encryption | None:
    if not text:
        return None
    data = json.loads(text)
    return Encryption(data.get("os"), tuple((int(lun), des) for lun, des in data.get("data", [])))


def encryption_to(enc: Encryption | None) -> str | None:
    if enc is None or enc.is_empty:
        return None
    return json.dumps({"os": enc.os_disk_set, "data": [list(p) for p in enc.data_disk_sets]})


def target_from(r: sqlite3.Row) -> TargetRegion:
    exclude = r["exclude_from_latest"]
    return TargetRegion(
        r["region"],
        r["replica_count"],
        r["storage_account_type"],
        None if exclude is None else bool(exclude),
        encryption_from(r["encryption"]),
        ReplicationJob(
            when(r["started_at"]), r["duration_s"], r["fail_at"], r["failure_detail"], r["attempt"], bool(r["serving"])
        ),
    )


def versions_from(conn: sqlite3.Connection, found: Iterable[sqlite3.Row]) -> list[tuple[int, ImageVersion]]:
    found = list(found)
    if not found:
        return []
    pks = [r["id"] for r in found]
    marks = ",".join("?" * len(pks))
    targets: dict[int, list[TargetRegion]] = defaultdict(list)
    for r in rows(conn, f"SELECT * FROM target_region WHERE version_id IN ({marks}) ORDER BY position", pks):
        targets[r["version_id"]].append(target_from(r))
    disks: dict[int, list[DiskImage]] = defaultdict(list)
    for r in rows(conn, f"SELECT * FROM data_disk WHERE version_id IN ({marks}) ORDER BY lun", pks):
        disks[r["version_id"]].append(
            DiskImage(r["size_gb"], r["used_gb"], r["lun"], r["host_caching"], r["source_id"])
        )
    result = []
    for r in found:
        result.append(
            (
                r["id"],
                ImageVersion(
                    r["sub"],
                    r["rg_name"],
                    r["gallery_name"],
                    r["definition_name"],
                    r["name"],
                    r["location"],
                    DiskImage(r["os_size_gb"], r["os_used_gb"], None, r["os_host_caching"], r["os_source_id"]),
                    tuple(disks[r["id"]]),
                    r["source_id"],
                    tuple(targets[r["id"]]),
                    r["replica_count"],
                    r["storage_account_type"],
                    bool(r["exclude_from_latest"]),
                    when(r["end_of_life_date"]),
                    when(r["published_date"]),
                    json.loads(r["tags"]),
                    r["operation"],
                    bool(r["deleting"]),
                    when(r["created_at"]),
                    when(r["changed_at"]),
                ),
            )
        )
    return result


def versions(conn: sqlite3.Connection, definition_pk: int) -> list[tuple[int, ImageVersion]]:
    return versions_from(
        conn,
        rows(conn, VERSION_SQL + " WHERE v.definition_id = ? ORDER BY v.major, v.minor, v.patch", (definition_pk,)),
    )


def version(
    conn: sqlite3.Connection, sub: str, rg: str, gallery_name: str, definition_name: str, name: str
) -> tuple[int, ImageVersion] | None:
    found = versions_from(
        conn,
        rows(
            conn,
            VERSION_SQL + " WHERE rg.subscription_id = ? AND rg.name = ? AND g.name = ? AND d.name = ? AND v.name = ?",
            (sub, rg, gallery_name, definition_name, name),
        ),
    )
    return found[0] if found else None


def versions_from_key(
    conn: sqlite3.Connection, definition_pk: int, key: tuple[int, int, int]
) -> list[tuple[int, ImageVersion]]:
    """A definition's versions at or above `key`, newest first, using the (definition, major, minor, patch) index."""
    return versions_from(
        conn,
        rows(
            conn,
            VERSION_SQL + " WHERE v.definition_id = ? AND (v.major, v.minor, v.patch) >= (?, ?, ?) "
            "ORDER BY v.major DESC, v.minor DESC, v.patch DESC",
            (definition_pk, *key),
        ),
    )


def source_from(r: sqlite3.Row, rg_name: str) -> Source:
    disks = tuple(DiskImage(d["sizeGB"], d["usedGB"], d["lun"], d.get("caching")) for d in json.loads(r["data_disks"]))
    os_disk, disks = with_caching(r["kind"], r["os_type"], DiskImage(r["os_size_gb"], r["os_used_gb"]), disks,
                                  r["os_host_caching"], [d.host_caching for d in disks])
    return Source(
        r["arm_id"],
        r["kind"],
        r["subscription_id"],
        rg_name,
        r["name"],
        r["location"],
        r["os_type"],
        r["os_state"],
        r["hyper_v_generation"],
        os_disk,
        disks,
        bool(r["encrypted"]),
    )


SOURCE_SQL = "SELECT s.*, rg.name AS rg_name FROM source s JOIN resource_group rg ON rg.id = s.rg_id"


def source(conn: sqlite3.Connection, arm_id: str) -> Source | None:
    found = rows(conn, SOURCE_SQL + " WHERE s.arm_id = ?", (arm_id,))
    return source_from(found[0], found[0]["rg_name"]) if found else None


def sources(conn: sqlite3.Connection, location: str | None = None) -> list[Source]:
    sql = SOURCE_SQL + (" WHERE s.location = ?" if location else "") + " ORDER BY s.kind, s.name"
    return [source_from(r, r["rg_name"]) for r in rows(conn, sql, (location,) if location else ())]


def des_from(r: sqlite3.Row) -> DiskEncryptionSet:
    return DiskEncryptionSet(
        r["arm_id"], r["subscription_id"], r["rg_name"], r["name"], r["location"], r["encryption_type"]
    )


DES_SQL = "SELECT s.*, rg.name AS rg_name FROM disk_encryption_set s JOIN resource_group rg ON rg.id = s.rg_id"


def disk_encryption_set(conn: sqlite3.Connection, arm_id: str) -> DiskEncryptionSet | None:
    """Find a set by id; `diskEncryptionSet/` (as in Azure's own examples) and `diskEncryptionSets/` both match."""
    normalized = arm_id.replace("/diskEncryptionSet/", "/diskEncryptionSets/")
    found = rows(conn, DES_SQL + " WHERE s.arm_id = ? OR s.arm_id = ?", (arm_id, normalized))
    return des_from(found[0]) if found else None


def disk_encryption_sets(conn: sqlite3.Connection, location: str | None = None) -> list[DiskEncryptionSet]:
    sql = DES_SQL + (" WHERE s.location = ?" if location else "") + " ORDER BY s.name"
    return [des_from(r) for r in rows(conn, sql, (location,) if location else ())]


def clock(conn: sqlite3.Connection) -> ClockState | None:
    found = rows(conn, "SELECT * FROM sim_clock WHERE id = 1")
    if not found:
        return None
    r = found[0]
    return ClockState(r["anchor_real"], r["anchor_sim"], r["speed"], bool(r["paused"]))


def end_of_life_policy(conn: sqlite3.Connection) -> str:
    """`block` (the default) or `warn`: what a version past its end of life allows."""
    return setting(conn, "end_of_life_policy") or DEFAULT_END_OF_LIFE_POLICY


def setting(conn: sqlite3.Connection, key: str, default: str | None = None) -> str | None:
    found = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return found[0] if found else default


def activity(conn: sqlite3.Connection, resource_id: str | None = None, limit: int | None = None) -> list[dict]:
    sql = "SELECT * FROM activity"
    params: list = []
    if resource_id:
        sql += " WHERE resource_id = ? OR resource_id LIKE ?"
        params += [resource_id, resource_id.rstrip("/") + "/%"]
    sql += " ORDER BY at DESC, id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [dict(r) for r in rows(conn, sql, params)]


def principal_from(row: sqlite3.Row) -> Principal:
    return Principal(row["id"], row["kind"], row["display_name"], row["tenant_id"], row["user_principal_name"])


def find_principal(conn: sqlite3.Connection, who: str) -> Principal | None:
    """A principal by object id, user principal name or display name."""
    found = rows(
        conn,
        "SELECT * FROM principal WHERE id = ? OR user_principal_name = ? OR display_name = ? "
        "ORDER BY kind = 'User' DESC LIMIT 1",
        (who, who, who),
    )
    return principal_from(found[0]) if found else None


def identities(conn: sqlite3.Connection, principal_id: str) -> set[str]:
    """The principal and every group it belongs to, directly or through other groups."""
    found, frontier = {principal_id.lower()}, [principal_id]
    while frontier:
        marks = ",".join("?" * len(frontier))
        groups = [
            r[0].lower()
            for r in conn.execute(f"SELECT group_id FROM group_member WHERE member_id IN ({marks})", frontier)
        ]
        frontier = [g for g in groups if g not in found]
        found.update(frontier)
    return found


def assignments_of(conn: sqlite3.Connection, principal_ids: set[str]) -> list[RoleAssignment]:
    marks = ",".join("?" * len(principal_ids))
    return [
        RoleAssignment(r["id"], r["principal_id"], r["role"], r["scope"])
        for r in rows(conn, f"SELECT * FROM role_assignment WHERE principal_id IN ({marks})", list(principal_ids))
    ]


ELIGIBLE = """EXISTS (SELECT 1 FROM target_region t WHERE t.version_id = v.id {region}
AND COALESCE(t.exclude_from_latest, v.exclude_from_latest) = 0
AND (t.serving = 1 OR (t.fail_at IS NULL AND t.started_at + t.duration_s <= :now)))
AND (v.end_of_life_date IS NULL OR v.end_of_life_date > :now
     OR (SELECT value FROM setting WHERE key = 'end_of_life_policy') = 'warn')"""
"""A version `latest` may pick: replicated, not excluded, and not past its end of life unless the end-of-life
policy only warns."""


def latest_name(conn: sqlite3.Connection, definition_pk: int, now: float, region: str | None = None) -> str | None:
    """`latest` for one definition in SQL, walking the (definition, major, minor, patch) index from the top."""
    where = ELIGIBLE.format(region="AND t.region = :region" if region else "")
    found = conn.execute(
        f"SELECT v.name FROM image_version v WHERE v.definition_id = :d AND {where} "
        "ORDER BY v.major DESC, v.minor DESC, v.patch DESC LIMIT 1",
        {"d": definition_pk, "now": now, "region": region},
    ).fetchone()
    return found[0] if found else None


def latest_names(conn: sqlite3.Connection, now: float, region: str | None = None) -> dict[int, str]:
    """`latest` for every definition at once: one window query."""
    where = ELIGIBLE.format(region="AND t.region = :region" if region else "")
    return dict(
        conn.execute(
            f"SELECT definition_id, name FROM (SELECT v.definition_id, v.name, ROW_NUMBER() OVER (PARTITION BY "
            f"v.definition_id ORDER BY v.major DESC, v.minor DESC, v.patch DESC) AS rank FROM image_version v "
            f"WHERE {where}) WHERE rank = 1",
            {"now": now, "region": region},
        ).fetchall()
    )


def grants(conn: sqlite3.Connection, caller: str) -> tuple[Principal | None, list[RoleAssignment]]:
    """The caller's principal and every role assignment that applies to it, directly or through groups."""
    principal = find_principal(conn, caller)
    if principal is None:
        return None, []
    return principal, assignments_of(conn, identities(conn, principal.id))


def caller(conn: sqlite3.Connection, name: str) -> access.Caller:
    """Who `name` is and what applies to them (an unknown name has no roles)."""
    principal, assignments = grants(conn, name)
    label, object_id = (principal.label, principal.id) if principal else (name, NOBODY)
    return access.Caller(name, label, object_id, tuple(assignments))


def readable(conn: sqlite3.Connection, caller: str):
    """A predicate telling which resource ids `caller` may read."""
    assignments = grants(conn, caller)[1]
    return lambda resource_id: access.permitted(assignments, "read", resource_id)


def versions_in_subscription(conn: sqlite3.Connection, sub: str | None) -> list[tuple[int, ImageVersion]]:
    """Every image version, or those of one subscription."""
    where = " WHERE rg.subscription_id = ?" if sub else ""
    return versions_from(conn, rows(conn, VERSION_SQL + where, (sub,) if sub else ()))


def has_assignment(conn: sqlite3.Connection, principal_id: str, role: str, scope: str) -> int:
    """How many assignments give `role` at `scope` to the principal (0 or 1)."""
    return conn.execute(
        "SELECT COUNT(*) FROM role_assignment WHERE principal_id = ? AND role = ? AND scope = ?",
        (principal_id, role, scope),
    ).fetchone()[0]


def principal_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COUNT(*) FROM principal").fetchone()[0]


def tenant_id(conn: sqlite3.Connection, tenant: str) -> str | None:
    """A tenant by id, name or domain."""
    found = conn.execute("SELECT id FROM tenant WHERE id = ? OR name = ? OR domain = ?", (tenant,) * 3).fetchone()
    return found[0] if found else None


def principals(conn: sqlite3.Connection) -> list[Principal]:
    return [principal_from(r) for r in rows(conn, "SELECT * FROM principal ORDER BY kind, display_name")]


def members(conn: sqlite3.Connection, group_id: str) -> list[Principal]:
    sql = "SELECT p.* FROM principal p JOIN group_member m ON m.member_id = p.id WHERE m.group_id = ?"
    return [principal_from(r) for r in rows(conn, sql, (group_id,))]


def role_assignments(conn: sqlite3.Connection) -> list[RoleAssignment]:
    return [
        RoleAssignment(r["id"], r["principal_id"], r["role"], r["scope"])
        for r in rows(conn, "SELECT * FROM role_assignment ORDER BY created_at")
    ]


def encrypted_version_ids(conn: sqlite3.Connection) -> list[str]:
    """The ids of every image version encrypted with customer-managed keys."""
    found = rows(
        conn,
        "SELECT rg.subscription_id AS s, rg.name AS rg, g.name AS g, d.name AS d, "
        "v.name AS v FROM image_version v JOIN image_definition d ON d.id = v.definition_id "
        "JOIN gallery g ON g.id = d.gallery_id JOIN resource_group rg ON rg.id = g.rg_id "
        "WHERE v.encrypted = 1",
    )
    return [ids.version_id(r["s"], r["rg"], r["g"], r["d"], r["v"]) for r in found]


def virtual_machines(conn: sqlite3.Connection, arm_id: str | None = None, version_id: str | None = None) -> list[dict]:
    """VMs and scale sets as stored: one by id, those made from one version, or all, by name."""
    if arm_id:
        return [dict(r) for r in rows(conn, "SELECT * FROM virtual_machine WHERE arm_id = ?", (arm_id,))]
    sql = "SELECT * FROM virtual_machine" + (" WHERE version_id = ?" if version_id else "") + " ORDER BY name"
    return [dict(r) for r in rows(conn, sql, (version_id,) if version_id else ())]


def app_credential(conn: sqlite3.Connection, app_id: str) -> tuple[str, str] | None:
    """An application's service principal id and its client secret's hash, else None."""
    found = conn.execute(
        "SELECT principal_id, secret_hash FROM app_credential WHERE app_id = ?", (app_id,)
    ).fetchone()
    return (found[0], found[1]) if found else None
