"""The domain's regional replication states (`domain.replication.region_status` and `serves`) written once as SQL
over a target_region row, for the queries that decide `latest` and filter by state inside the database.
tests/store/test_job_state_sql.py holds each fragment equal to the domain rule on generated jobs."""

from __future__ import annotations


def failed(t: str = "") -> str:
    """The job failed by `:now` (a failure fraction above 1 never comes)."""
    return f"({t}fail_at IS NOT NULL AND {t}fail_at <= 1 AND :now >= {t}started_at + {t}duration_s * {t}fail_at)"


def completed(t: str = "") -> str:
    """The job finished by `:now` without failing."""
    return f"(({t}fail_at IS NULL OR {t}fail_at > 1) AND :now >= {t}started_at + {t}duration_s)"


def replicating(t: str = "") -> str:
    """The job started and has neither finished nor failed at `:now`."""
    return f"(:now >= {t}started_at AND :now < {t}started_at + {t}duration_s * MIN(COALESCE({t}fail_at, 1), 1))"


def serves(t: str = "") -> str:
    """The region can deploy from the version: its replicas were already there, or the job completed."""
    return f"({t}serving = 1 OR {completed(t)})"
