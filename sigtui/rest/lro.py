"""Long-running operations as Azure runs them: the headers a write answers with, and the operation-status
resource clients poll, whose answer follows the simulation clock."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ..domain import ids
from ..domain.dates import iso
from ..domain.errors import AzureError, not_found
from ..domain.models import AggregatedState, ImageVersion
from ..domain.replication import version_status
from ..store import reads
from .routes import OPERATIONS

RETRY_AFTER_SECONDS = 1
TRACKED = ("gallery", "definition", "version")
"""The kinds whose PUT, PATCH and DELETE are long-running."""


@dataclass(frozen=True)
class Operation:
    """One write to one resource, started at a simulated time; its id carries all three, so any process that
    shares the database answers for it."""

    action: str
    resource_id: str
    started: float

    @property
    def id(self) -> str:
        encoded = base64.urlsafe_b64encode(self.resource_id.encode()).decode().rstrip("=")
        return f"{self.action}.{int(self.started * 1000)}.{encoded}"

    @classmethod
    def parse(cls, operation_id: str) -> Operation:
        try:
            action, started, encoded = operation_id.split(".", 2)
            resource_id = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode()
            ids.parse_arm_id(resource_id)
            if action not in ("write", "delete"):
                raise ValueError(action)
            return cls(action, resource_id, int(started) / 1000)
        except (ValueError, UnicodeDecodeError, AzureError):
            raise operation_not_found(operation_id) from None


def operation_not_found(operation_id: str) -> AzureError:
    return not_found("OperationNotFound", f"The operation '{operation_id}' could not be found.")


def status_url(base_url: str, operation: Operation, location: str, api_version: str, monitor: bool = False) -> str:
    sub = ids.parse_arm_id(operation.resource_id).subscription
    query = f"monitor=true&api-version={api_version}" if monitor else f"api-version={api_version}"
    return (f"{base_url.rstrip('/')}/subscriptions/{sub}/providers/Microsoft.Compute/locations/{location}/"
            f"{OPERATIONS}/{operation.id}?{query}")


def headers(base_url: str, operation: Operation, location: str, api_version: str) -> dict[str, str]:
    """`Azure-AsyncOperation` (and for a delete, `Location`) with `Retry-After`."""
    found = {"Azure-AsyncOperation": status_url(base_url, operation, location, api_version),
             "Retry-After": str(RETRY_AFTER_SECONDS)}
    if operation.action == "delete":
        found["Location"] = status_url(base_url, operation, location, api_version, monitor=True)
    return found


def replication_failed(version: ImageVersion, now: datetime) -> AzureError:
    _, statuses = version_status(version, now)
    failing = ", ".join(f"{{region:{s.region}, detail:{s.details}}}" for s in statuses if s.state == "Failed")
    return AzureError("ReplicationJobsFailed",
                      f"Gallery replication jobs failed in one or more regions. The failing regions' details are as "
                      f"follows: '{failing}'. If retry does not work, then please do an update by removing the failed "
                      "regions and update again by adding them back.", 409)


def _version_end(version: ImageVersion) -> datetime | None:
    ends = [t.job.started_at + timedelta(seconds=t.job.duration_s * (t.job.fail_at or 1.0))
            for t in version.target_regions if t.job]
    return max(ends) if ends else None


def _find(conn, resource_id: str):
    """The resource an operation is about, or None once it is gone."""
    arm = ids.parse_arm_id(resource_id)
    names = [n for _, n in arm.path]
    read = {1: reads.gallery, 2: reads.definition, 3: reads.version}[len(names)]
    found = read(conn, arm.subscription, arm.resource_group, *names)
    return found[1] if found else None


def status(conn, operation: Operation, now: datetime) -> dict:
    """The operation-status resource: `status`, `startTime`, `endTime` once done, `error` when it failed."""
    body = {"name": operation.id, "startTime": iso(datetime.fromtimestamp(operation.started, UTC)),
            "status": "InProgress"}
    found = _find(conn, operation.resource_id)
    succeeded = {**body, "status": "Succeeded", "endTime": body["startTime"]}
    if operation.action == "delete":
        return succeeded if found is None else body
    if found is None:
        gone = not_found("ResourceNotFound", f"The resource '{operation.resource_id}' no longer exists.")
        return {**body, "status": "Failed", "endTime": iso(now), "error": _error(gone)}
    if not isinstance(found, ImageVersion):
        return succeeded
    aggregated, _ = version_status(found, now)
    if aggregated is AggregatedState.COMPLETED:
        return {**body, "status": "Succeeded", "endTime": iso(_version_end(found))}
    if aggregated is AggregatedState.FAILED:
        return {**body, "status": "Failed", "endTime": iso(_version_end(found)),
                "error": _error(replication_failed(found, now))}
    return body


def _error(error: AzureError) -> dict:
    return {"code": error.code, "message": error.message}
