"""`latest` in SQL: the (definition, major, minor, patch) index walked from the top to the first eligible
version. The domain's `resolve_latest` is the rule; tests/store/test_latest_properties.py holds the two equal."""

from __future__ import annotations

import sqlite3

from . import job_states

ELIGIBLE = f"""EXISTS (SELECT 1 FROM target_region t WHERE t.version_id = v.id {{region}}
AND COALESCE(t.exclude_from_latest, v.exclude_from_latest) = 0 AND {job_states.serves("t.")})
AND (v.end_of_life_date IS NULL OR v.end_of_life_date > :now
     OR (SELECT value FROM setting WHERE key = 'end_of_life_policy') = 'warn')"""
"""A version `latest` may pick: served, and not excluded, in some target region (`{region}`: in that one), and
not past its end of life unless the end-of-life policy only warns."""


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
