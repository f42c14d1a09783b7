"""az's generic `--set/--add/--remove` over the flattened object, and the PATCH that results."""

from __future__ import annotations

import argparse

import pytest

from sigtui.cli import generic_update
from sigtui.cli.output import CliError

VERSION = {
    "id": "/subscriptions/s/.../versions/1.0.0", "name": "1.0.0", "location": "westus", "tags": {"a": "1"},
    "properties": {"publishingProfile": {
        "targetRegions": [{"name": "West US", "regionalReplicaCount": 1},
                          {"name": "East US", "regionalReplicaCount": 2}],
        "replicaCount": 1, "excludeFromLatest": False}, "provisioningState": "Succeeded"},
}


def patch_for(body: dict, kind: str, *arguments: str) -> dict:
    parser = argparse.ArgumentParser()
    generic_update.add_arguments(parser)
    namespace = parser.parse_args(list(arguments))
    return generic_update.run(body, kind, namespace, lambda patch: patch)


@pytest.mark.parametrize("arguments, expected", [
    (["--set", "publishingProfile.excludeFromLatest=true"],
     {"properties": {"publishingProfile": {"excludeFromLatest": True}}}),
    (["--set", "publishing_profile.replica_count=3"], {"properties": {"publishingProfile": {"replicaCount": 3}}}),
    (["--set", "tags.b=2"], {"tags": {"a": "1", "b": "2"}}),
    (["--set", "tags.n=42"], {"tags": {"a": "1", "n": "42"}}),
    (["--remove", "tags.a"], {"tags": {}}),
    (["--set", "publishingProfile.targetRegions[name=East US].regionalReplicaCount=4"],
     {"properties": {"publishingProfile": {"targetRegions": [{"name": "West US", "regionalReplicaCount": 1},
                                                             {"name": "East US", "regionalReplicaCount": 4}]}}}),
    (["--add", "publishingProfile.targetRegions", "name=eastus2", "regionalReplicaCount=2", "excludeFromLatest=true"],
     {"properties": {"publishingProfile": {"targetRegions": [
         {"name": "West US", "regionalReplicaCount": 1}, {"name": "East US", "regionalReplicaCount": 2},
         {"name": "eastus2", "regionalReplicaCount": 2, "excludeFromLatest": True}]}}}),
    (["--remove", "publishingProfile.targetRegions", "0"],
     {"properties": {"publishingProfile": {"targetRegions": [{"name": "East US", "regionalReplicaCount": 2}]}}}),
    (["--set", "publishingProfile.endOfLifeDate=2030-01-01"],
     {"properties": {"publishingProfile": {"endOfLifeDate": "2030-01-01"}}}),
    (["--set", "publishingProfile.excludeFromLatest=true", "--set", "publishingProfile.excludeFromLatest=false"], {}),
])
def test_patch_holds_only_what_changed(arguments, expected):
    assert patch_for(VERSION, "version", *arguments) == expected


def test_operations_apply_in_command_line_order():
    patch = patch_for(VERSION, "version", "--remove", "publishingProfile.targetRegions", "1", "--add",
                      "publishingProfile.targetRegions", "name=ukwest", "--set",
                      "publishingProfile.targetRegions[1].regionalReplicaCount=3")
    assert patch["properties"]["publishingProfile"]["targetRegions"] == [
        {"name": "West US", "regionalReplicaCount": 1}, {"name": "ukwest", "regionalReplicaCount": 3}]


def test_known_objects_are_created_on_the_way_and_removals_become_null():
    definition = {"name": "d", "properties": {"description": "x", "osType": "Linux"}}
    assert patch_for(definition, "definition", "--set", "recommended.vCPUs.max=16", "--remove", "description") == {
        "properties": {"recommended": {"vCPUs": {"max": 16}}, "description": None}}
    assert patch_for(definition, "definition", "--set", "description=42") == {"properties": {"description": "42"}}
    assert patch_for(definition, "definition", "--force-string", "--set", "recommended.vCPUs.max=16") == {
        "properties": {"recommended": {"vCPUs": {"max": "16"}}}}


@pytest.mark.parametrize("arguments, message", [
    (["--set", "x=1"], "Couldn't find 'x' in ''. Available options: ['id', 'location', 'name', "
                       "'provisioningState', 'publishingProfile', 'storageProfile', 'tags', 'type']"),
    (["--set", "publishingProfile.targetRegions[5].name=x"], "index 5 doesn't exist on targetRegions"),
    (["--set", "publishingProfile.targetRegions[name=Nowhere].name=x"],
     "item with value 'Nowhere' doesn't exist for key 'name' on targetRegions"),
    (["--set", "publishingProfile.replicaCount.x=1"],
     "Couldn't find 'x' in 'publishingProfile.replicaCount'. Does not support further indexing."),
    (["--set", "publishingProfile.endOfLifeDate.x=1"],
     "Couldn't find 'x' in 'publishingProfile.endOfLifeDate'. Does not support further indexing."),
    (["--set", "=1"], "usage error: Empty key in --set. Correct syntax: --set KEY=VALUE [KEY=VALUE ...]"),
    (["--set", "novalue"], "usage error: Empty key in --set. Correct syntax: --set KEY=VALUE [KEY=VALUE ...]"),
    (["--add", "publishingProfile.replicaCount", "x=1"],
     "invalid syntax: 'publishingProfile.replicaCount' is not a list and cannot be added to."),
    (["--remove", "nothing"], "Couldn't find 'nothing' in ''."),
])
def test_refusals_use_azs_wording(arguments, message):
    with pytest.raises(CliError) as refused:
        patch_for(VERSION, "version", *arguments)
    assert str(refused.value).startswith(message)
