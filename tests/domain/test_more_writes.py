"""Resource groups, the simulation, role assignments and sources are decided without a database."""

import pytest

from sigtui.domain import access_writes, resource_group_writes, simulation_writes, source_writes
from sigtui.domain.access import Principal
from sigtui.domain.clock import ClockState
from sigtui.domain.errors import AzureError
from sigtui.domain.plan import Delete, Insert

from .builders import T0
from .test_gallery_writes import OWNER, READER, SUB

SCOPE = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g"
GUEST = Principal("g-1", "User", "Guest", "other-tenant", "guest@fabrikam.example")


def refused(call) -> AzureError:
    with pytest.raises(AzureError) as refusal:
        call()
    return refusal.value


def rg_facts(caller=OWNER, existing_pk=None, **more):
    return resource_group_writes.ResourceGroupFacts(T0, caller, SUB, None, "rg", existing_pk=existing_pk, **more)


def test_a_resource_group_is_created_with_its_activity_entry():
    decision = resource_group_writes.decide_create(rg_facts(), "West US", {"env": "test"})
    assert decision.result.location == "westus"
    assert [step.table for step in decision.plan.steps] == ["resource_group", "activity"]


def test_a_reader_cannot_create_a_resource_group():
    assert refused(lambda: resource_group_writes.decide_create(rg_facts(READER), "westus", None)).status == 403


def test_deleting_a_resource_group_deletes_children_first():
    facts = rg_facts(existing_pk=7, definition_pks=[1], version_pks=[2, 3])
    tables = [step.table for step in resource_group_writes.decide_delete(facts).plan.steps if isinstance(step, Delete)]
    assert tables.index("target_region") < tables.index("image_version") < tables.index("resource_group")
    assert refused(lambda: resource_group_writes.decide_delete(rg_facts())).code == "ResourceGroupNotFound"


def test_the_clock_belongs_to_writers_of_the_subscription():
    facts = simulation_writes.SimulationFacts(READER, SUB, ClockState(0.0, 0.0), 10.0)
    assert refused(lambda: simulation_writes.decide_clock(facts, lambda s, real: s.pause(real))).status == 403
    owner = simulation_writes.SimulationFacts(OWNER, SUB, ClockState(0.0, 0.0), 10.0)
    assert simulation_writes.decide_clock(owner, lambda s, real: s.pause(real)).result.paused
    bad = refused(lambda: simulation_writes.decide_clock(owner, lambda s, real: s.with_speed(real, -1), "speed"))
    assert bad.target == "speed"


def test_faults_are_checked_before_they_are_set():
    facts = simulation_writes.SimulationFacts(OWNER, SUB, None, 0.0)
    assert refused(lambda: simulation_writes.decide_faults(facts, 2.0, (), None)).target == "faultRate"
    assert refused(lambda: simulation_writes.decide_faults(facts, 0.1, ("mars",), None)).target == "outages"
    keys = [s.values["key"] for s in simulation_writes.decide_faults(facts, 0.1, ("West US",), "x").plan.steps]
    assert keys == ["fault_rate", "fault_outages", "fault_seed"]


def assignment_facts(assignee=GUEST, encrypted=(), already=False):
    return access_writes.AssignmentFacts(T0, OWNER, assignee, True, "t", encrypted, already)


def test_a_cmk_image_is_not_shared_outside_its_tenant():
    facts = assignment_facts(encrypted=(f"{SCOPE}/images/d/versions/1.0.0",))
    assert refused(lambda: access_writes.decide_create_assignment(facts, "guest", "Reader", SCOPE, "id")).status == 409
    body, warning = access_writes.decide_create_assignment(assignment_facts(), "guest", "Reader", SCOPE, "id").result
    assert body["principalId"] == "g-1" and warning is None


def test_an_assignment_needs_the_right_to_share_and_a_principal():
    reader = access_writes.AssignmentFacts(T0, READER, GUEST, True, "t")
    assert refused(lambda: access_writes.decide_create_assignment(reader, "g", "Reader", SCOPE, "id")).status == 403
    missing = assignment_facts(assignee=None)
    assert refused(lambda: access_writes.decide_create_assignment(missing, "nobody", "Reader", SCOPE, "id")).code == (
        "PrincipalNotFound"
    )


def test_removing_assignments_counts_those_that_were_there():
    matches = [("p", "Reader", SCOPE, True), ("q", "Reader", SCOPE, False)]
    decision = access_writes.decide_remove_assignments(T0, OWNER, matches)
    assert decision.result == 1
    assert [type(step) for step in decision.plan.steps] == [Delete, Insert]


def test_a_source_is_refused_where_one_of_its_name_exists():
    facts = source_writes.PlacementFacts(T0, OWNER, SUB, None, "rg", 1, exists=True)
    request = source_writes.SourceRequest("image", "img", "westus", "Linux")
    assert refused(lambda: source_writes.decide_create_source(facts, request)).code == "ResourceExists"
    fresh = source_writes.PlacementFacts(T0, OWNER, SUB, None, "rg", 1)
    assert source_writes.decide_create_source(fresh, request).result.os_state == "Generalized"
