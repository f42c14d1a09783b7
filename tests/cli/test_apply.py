"""`sigtui apply FILE`: a scenario file builds a repeatable world, or is refused at its bad entry, changing
nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sigtui.domain.reference_data import DATA_DIR

SCENARIO = """\
clock: {now: 2026-03-01T12:00:00Z, paused: true}
subscriptions:
  main: {name: Team}
  other: {id: 0b1f6471-1bf0-4dda-aec3-cb9272f09590, name: Team Dev}
resource_groups:
  - {name: rg-team, location: westus, subscription: main}
galleries:
  - {subscription: main, resource_group: rg-team, name: TeamImages, location: westus, description: Team images}
definitions:
  - {gallery: TeamImages, name: web, publisher: Team, offer: Web, sku: "1", os_type: Linux}
sources:
  - {kind: image, subscription: main, resource_group: rg-team, name: img-web, location: westus,
     os_type: Linux, os_state: Generalized, hyper_v_generation: V1, os_disk_size_gb: 30, os_disk_used_gb: 4}
versions:
  - {definition: web, name: 1.0.0, source: img-web, before_end: {hours: 2},
     regions: [{name: westus}, {name: eastus, regional_replica_count: 2}]}
principals:
  - {kind: User, display_name: Robin, user_principal_name: robin@contoso.onmicrosoft.com}
role_assignments:
  - {principal: robin@contoso.onmicrosoft.com, role: Reader, gallery: TeamImages, path: /images/web}
"""
SCOPE = "-g rg-team -r TeamImages -i web"


@pytest.fixture
def scenario(tmp_path) -> Path:
    path = tmp_path / "team.yaml"
    path.write_text(SCENARIO)
    return path


def test_a_scenario_builds_its_world_and_sets_the_clock(ok, az, scenario):
    result = az(f"apply {scenario}")
    assert result.status == 0, result.err
    assert result.out.startswith(f"applied {scenario} to ")
    assert result.out.rstrip().endswith(": 1 gallery, 1 definition, 1 version, 1 role assignment")
    assert ok("clock show") == {"now": "2026-03-01T12:00:00Z", "paused": True, "speed": 1.0}
    assert ok(f"sig image-version show {SCOPE} -e 1.0.0 --expand ReplicationStatus "
              "--query properties.replicationStatus.aggregatedState") == "Completed"
    assert ok("account show --query name") == "Team"
    assert ok("sig list --as robin@contoso.onmicrosoft.com --query '[].name'") == []
    assert ok(f"sig image-definition show {SCOPE} --as robin@contoso.onmicrosoft.com --query name") == "web"


def test_json_works_as_well_as_yaml(ok, az, tmp_path):
    import yaml

    path = tmp_path / "team.json"
    path.write_text(json.dumps(yaml.safe_load(SCENARIO), default=str, indent=2))
    assert az(f"apply {path}").status == 0
    assert ok("sig list --query '[].name'") == ["TeamImages"]


@pytest.mark.parametrize("change, expected", [
    (("regions: [{name: westus}, {name: eastus, regional_replica_count: 2}]", "regions: [{name: nowhere}]"),
     "(LocationNotAvailableForResourceType) team.yaml line 15, versions[0]: The provided location 'nowhere' is "
     "not available"),
    (("name: 1.0.0", "name: 1.0"),
     "(InvalidParameter) team.yaml line 15, versions[0]: "),
    (("role: Reader", "role: Boss"),
     "(InvalidParameter) team.yaml line 20, role_assignments[0]: Role 'Boss' doesn't exist."),
    (("definition: web,", "definition: api,"),
     "(InvalidRequestContent) team.yaml line 15, versions[0]: this entry names definition `api`, which the scenario "
     "does not create before it."),
    (("os_type: Linux}", "os_type: Linux, colour: blue}"),
     "(InvalidRequestContent) team.yaml line 10, definitions[0]: this entry has a field sigtui does not know: "
     "`colour`."),
    (("name: TeamImages, location", "location"),
     "(InvalidRequestContent) team.yaml line 8, galleries[0]: this entry needs `name`."),
    (("principals:", "people:"),
     "(InvalidRequestContent) team.yaml line 17, people: unknown section; the sections are clock, subscriptions"),
    (("clock: {", "clock: {{"), "(InvalidRequestContent) team.yaml: not valid YAML or JSON: "),
    (("paused: true}", "paused: true, while_closed: sometimes}"),
     "(InvalidParameter) team.yaml line 1, clock: Cannot bind parameter clock.while_closed."),
])
def test_a_bad_entry_is_refused_with_its_place_and_nothing_is_applied(refused, scenario, change, expected):
    scenario.write_text(SCENARIO.replace(*change))
    assert refused(f"apply {scenario}").startswith(expected)


def test_a_missing_file_is_refused(refused, tmp_path):
    assert refused(f"apply {tmp_path / 'absent.yaml'}") == (
        f"(InvalidRequestContent) Cannot read the scenario file '{tmp_path / 'absent.yaml'}': No such file or "
        "directory.")


def test_the_demo_is_a_scenario_file(ok, az):
    assert az(f"apply {DATA_DIR / 'demo.yaml'}").status == 0
    assert sorted(ok("sig list --query '[].name'")) == ["ContosoImages", "FinanceGallery"]
    assert ok("sig image-version list -g rg-images -r ContosoImages -i ubuntu-web --query '[].name'") == [
        "1.0.0", "1.1.0", "1.2.0", "1.3.0"]


def test_json_indented_with_tabs_is_read_as_json(ok, az, tmp_path):
    path = tmp_path / "tabs.json"
    path.write_text(json.dumps({"galleries": [{"subscription": "main", "resource_group": "rg", "name": "G",
                                               "location": "westus"}],
                                "subscriptions": {"main": {"name": "Main"}},
                                "resource_groups": [{"name": "rg", "location": "westus", "subscription": "main"}]},
                               indent="\t"))
    assert az(f"apply {path}").status == 0
    assert ok("sig list --query '[].name'") == ["G"]


@pytest.mark.parametrize("while_closed, held", [("stops", True), ("runs", False)])
def test_a_scenario_clock_can_stand_still_while_no_workbench_is_open(ok, az, db, scenario, while_closed, held):
    from sigtui.store.visits import Visits

    scenario.write_text(SCENARIO.replace("paused: true}", f"speed: 30, while_closed: {while_closed}}}"))
    assert az(f"apply {scenario}").status == 0
    Visits(db).leave()
    assert ok("clock show --query paused") is held
