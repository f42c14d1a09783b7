"""A decided write: the rows to insert, update and delete, in order, for the store to apply in one transaction.

Rules return a `Plan`; they never touch the database. A row inserted earlier in a plan is referred to by a
`NewKey`, which the store replaces with the new row's primary key when it applies the plan.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class NewKey:
    """The primary key a row inserted earlier in the same plan will get."""

    name: str


@dataclass(frozen=True)
class Insert:
    """Add a row; `key` names its new primary key for later steps; `replace` overwrites the row it collides with."""

    table: str
    values: Mapping[str, object]
    key: NewKey | None = None
    replace: bool = False


@dataclass(frozen=True)
class InsertMany:
    """Add many rows of one table at once (a bulk load); every row names the same columns."""

    table: str
    rows: tuple[Mapping[str, object], ...]


@dataclass(frozen=True)
class Update:
    """Set `values` on the rows matching `where` (a tuple or list value matches any of its items)."""

    table: str
    values: Mapping[str, object]
    where: Mapping[str, object]


@dataclass(frozen=True)
class Delete:
    """Remove the rows matching `where` (a tuple or list value matches any of its items)."""

    table: str
    where: Mapping[str, object]


Step = Insert | InsertMany | Update | Delete


@dataclass(frozen=True)
class Plan:
    """Steps applied in order, all or nothing."""

    steps: tuple[Step, ...] = ()

    def then(self, *steps: Step | Plan) -> Plan:
        more: list[Step] = []
        for step in steps:
            more.extend(step.steps if isinstance(step, Plan) else (step,))
        return Plan((*self.steps, *more))


def plan(*steps: Step | Plan) -> Plan:
    """A plan of `steps` (plans among them are spliced in)."""
    return Plan().then(*steps)


def activity(
    now: datetime,
    caller: str,
    operation: str,
    resource_id: str,
    before: dict | None,
    after: dict | None,
    status: str = "Succeeded",
    message: str = "",
    face: str | None = None,
) -> Insert:
    """The activity-log entry of a write; without `face`, the store stamps the face the write came through."""
    return Insert(
        "activity",
        {
            "at": now.timestamp(),
            "caller": caller,
            "operation": operation,
            "resource_id": resource_id,
            "status": status,
            "before": json.dumps(before) if before is not None else None,
            "after": json.dumps(after) if after is not None else None,
            "message": message,
            **({"face": face} if face is not None else {}),
        },
    )


@dataclass(frozen=True)
class Decision(Generic[T]):
    """What a rule decided: the value the caller gets back, and the plan that makes it so."""

    result: T
    plan: Plan
