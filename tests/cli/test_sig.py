"""`sigtui sig` and `sigtui sig image-definition`: galleries and definitions as `az` creates and shows them."""

from __future__ import annotations

import pytest

G = "-g rg -r Gallery1"
D = f"{G} -i ubuntu"


@pytest.fixture
def group(ok, sub):
    ok("group create -n rg -l 'West US 2'")
    return sub


def test_gallery_lifecycle(ok, az, group):
    created = ok(f"sig create {G} --description 'Golden images' --tags env=prod owner")
    assert created["id"] == f"/subscriptions/{group}/resourceGroups/rg/providers/Microsoft.Compute/galleries/Gallery1"
    assert created["location"] == "westus2"
    assert created["tags"] == {"env": "prod", "owner": ""}
    assert created["properties"] == {"description": "Golden images",
                                     "identifier": {"uniqueName": f"{group}-GALLERY1"},
                                     "provisioningState": "Succeeded"}
    ok("sig create -g rg -r Gallery2 -l eastus")
    assert ok(f"sig show {G}") == created
    assert [g["name"] for g in ok("sig list -g rg")] == ["Gallery1", "Gallery2"]
    assert [g["location"] for g in ok("sig list")] == ["westus2", "eastus"]
    updated = ok(f"sig update {G} --set description='New words' --set tags.team=platform")
    assert updated["properties"]["description"] == "New words"
    assert updated["tags"] == {"env": "prod", "owner": "", "team": "platform"}
    assert ok(f"sig delete {G}") is None
    assert [g["name"] for g in ok("sig list")] == ["Gallery2"]
    assert az(f"sig delete {G}").status == 0


def test_create_again_replaces_the_updatable_fields(ok, group):
    ok(f"sig create {G} --description one")
    assert ok(f"sig create {G} --description two")["properties"]["description"] == "two"


def test_removing_a_tag(ok, group):
    ok(f"sig create {G} --tags a=1 b=2")
    assert ok(f"sig update {G} --remove tags.a")["tags"] == {"b": "2"}


def test_definition_with_every_option(ok, group):
    ok(f"sig create {G}")
    created = ok(
        f"sig image-definition create {D} -p Contoso -f UbuntuServer -s 22_04 --os-type linux --os-state specialized "
        "--hyper-v-generation v2 --description 'Ubuntu web' --eula https://contoso.example/eula "
        "--privacy-statement-uri https://contoso.example/privacy --release-note-uri https://contoso.example/notes "
        "--end-of-life-date 2099-12-31 --minimum-cpu-core 2 --maximum-cpu-core 16 --minimum-memory 4 "
        "--maximum-memory 64 --disallowed-disk-types Standard_LRS --plan-name web --plan-product ubuntu "
        "--plan-publisher contoso --architecture arm64 --tags tier=web")
    assert created["location"] == "westus2"
    assert created["tags"] == {"tier": "web"}
    assert created["properties"] == {
        "description": "Ubuntu web", "eula": "https://contoso.example/eula",
        "privacyStatementUri": "https://contoso.example/privacy", "releaseNoteUri": "https://contoso.example/notes",
        "osType": "Linux", "osState": "Specialized", "hyperVGeneration": "V2", "endOfLifeDate": "2099-12-31T12:59:59Z",
        "identifier": {"publisher": "Contoso", "offer": "UbuntuServer", "sku": "22_04"},
        "recommended": {"vCPUs": {"min": 2, "max": 16}, "memory": {"min": 4, "max": 64}},
        "disallowed": {"diskTypes": ["Standard_LRS"]},
        "purchasePlan": {"name": "web", "publisher": "contoso", "product": "ubuntu"}, "architecture": "Arm64",
        "provisioningState": "Succeeded"}
    assert ok(f"sig image-definition show {D}") == created
    assert [d["name"] for d in ok(f"sig image-definition list {G}")] == ["ubuntu"]


def test_definition_defaults_and_updates(ok, group):
    ok(f"sig create {G}")
    created = ok(f"sig image-definition create {D} -p Contoso -f Ubuntu -s 22 --os-type Linux")
    assert (created["properties"]["osState"], created["properties"]["hyperVGeneration"]) == ("Generalized", "V1")
    updated = ok(f"sig image-definition update {D} --set recommended.vCPUs.max=16 --set recommended.memory.min=4 "
                 "--set description='Ubuntu 22.04' --set endOfLifeDate=2099-01-01")
    props = updated["properties"]
    assert props["recommended"] == {"vCPUs": {"max": 16}, "memory": {"min": 4}}
    assert props["description"] == "Ubuntu 22.04"
    assert props["endOfLifeDate"] == "2099-01-01T00:00:00Z"
    props = ok(f"sig image-definition update {D} --remove recommended.vCPUs --remove description")["properties"]
    assert props["recommended"] == {"memory": {"min": 4}}
    assert "description" not in props
    props = ok(f"sig image-definition update {D} --set recommended='{{\"vCPUs\": {{\"min\": 1, \"max\": 2}}}}'")
    assert props["properties"]["recommended"]["vCPUs"] == {"min": 1, "max": 2}
    assert ok(f"sig image-definition delete {D}") is None
    assert ok(f"sig image-definition list {G}") == []
