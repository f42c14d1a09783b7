"""Copy as az / REST / curl: every generated `az` line and `az rest` call, run through sigtui's own CLI, makes
the same resource again."""

from __future__ import annotations

import dataclasses
import json
import shlex

import pytest

from sigtui.cli.main import main
from sigtui.domain.equivalents import for_create, for_patch
from sigtui.domain.models import TargetRegion
from sigtui.store.services import Services

PROD = "6a3c8e2f-3b1d-4c7e-9f0a-5d2b7c8e1f40"
UNSTABLE = ("publishedDate", "provisioningState")


@pytest.fixture
def demo(tmp_path, capsys):
    path = tmp_path / "demo.db"
    assert main(["demo", "--db", str(path), "-o", "none"]) == 0
    assert main(["clock", "pause", "--db", str(path), "-o", "none"]) == 0
    capsys.readouterr()
    return path


def run(db, capsys, line: str):
    """Run a generated line (without its leading `az`) through sigtui's CLI; its JSON output."""
    argv = shlex.split(line)
    assert argv[0] == "az"
    capsys.readouterr()
    status = main([*argv[1:], "--db", str(db)])
    captured = capsys.readouterr()
    assert status == 0, (line, captured.err)
    return json.loads(captured.out) if captured.out.strip() else None


def stable(rest: dict) -> dict:
    """A GET's answer without what differs between two creations of the same resource."""
    text = json.dumps(rest)
    for key in UNSTABLE:
        text = text.replace(f'"{key}"', '"_"')
    found = json.loads(text)
    found.pop("resourceGroup", None)
    found.get("properties", {}).pop("_", None)
    found.get("properties", {}).get("publishingProfile", {}).pop("_", None)
    return found


def renamed(rest: dict, old: str, new: str) -> dict:
    text = json.dumps(rest).replace(f"/galleries/{old}/", f"/galleries/{new}/").replace(f"/{old}\"", f"/{new}\"")
    return json.loads(text.replace(f'"{old}"', f'"{new}"'))


VERSIONS = [("FinanceGallery", "myImage1", "1.10.0"), ("FinanceGallery", "myImage3", "1.0.0"),
            ("ContosoImages", "win2022-base", "2023.1.0"), ("ContosoImages", "rhel-app", "1.0.0"),
            ("TeamSandbox", "dev-box", "2024.11.1"), ("FinanceGallery", "myImage2", "1.0.0")]


def _version(svc: Services, gallery: str, definition: str, name: str):
    return next(v for sub in svc.list_subscriptions() for g in svc.list_galleries(sub.id) if g.name == gallery
                 for v in svc.list_versions(sub.id, g.resource_group, gallery, definition) if v.name == name)


@pytest.mark.parametrize("where", VERSIONS, ids=["-".join(v) for v in VERSIONS])
@pytest.mark.parametrize("way", ["az", "az_rest"])
def test_a_version_made_again_from_its_lines_is_the_same(demo, capsys, where, way):
    svc = Services(demo)
    version = _version(svc, *where)
    equivalent = for_create(version, svc.now())
    scope = (f"-g {version.resource_group} -r {where[0]} -i {where[1]} -e {where[2]} "
             f"--subscription {version.subscription}")
    before = run(demo, capsys, f"az sig image-version show {scope}")
    run(demo, capsys, f"az sig image-version delete {scope}")
    run(demo, capsys, getattr(equivalent, way))
    assert stable(run(demo, capsys, f"az sig image-version show {scope}")) == stable(before)


@pytest.mark.parametrize("way", ["az", "az_rest"])
def test_definitions_and_galleries_made_again_under_new_names_are_the_same(demo, capsys, way):
    svc = Services(demo)
    for gallery in svc.list_galleries(PROD):
        copy = dataclasses.replace(gallery, name=f"{gallery.name}Copy")
        run(demo, capsys, getattr(for_create(copy, svc.now()), way))
        scope = f"-g {gallery.resource_group} -r {{}} --subscription {PROD}"
        made = run(demo, capsys, f"az sig show {scope.format(copy.name)}")
        original = run(demo, capsys, f"az sig show {scope.format(gallery.name)}")
        assert stable(made) == stable(renamed(renamed(original, gallery.name, copy.name),
                                              f"{PROD}-{gallery.name.upper()}", f"{PROD}-{copy.name.upper()}"))
        for definition in svc.list_definitions(PROD, gallery.resource_group, gallery.name):
            twin = dataclasses.replace(definition, gallery=copy.name)
            run(demo, capsys, getattr(for_create(twin, svc.now()), way))
            shown = f"az sig image-definition show -i {definition.name} {scope}"
            assert stable(run(demo, capsys, shown.format(copy.name))) == stable(
                renamed(run(demo, capsys, shown.format(gallery.name)), gallery.name, copy.name))


@pytest.mark.parametrize("way", ["az", "az_rest"])
def test_an_edit_applied_from_its_lines(demo, capsys, way):
    svc = Services(demo)
    definition = svc.get_definition(PROD, "rg-images", "ContosoImages", "ubuntu-web")
    patch = {"properties": {"description": "Reviewed", "recommended": {"vCPUs": {"min": 4, "max": 8}}}}
    equivalent = for_patch(definition, patch, "description")
    run(demo, capsys, getattr(equivalent, way))
    after = svc.get_definition(PROD, "rg-images", "ContosoImages", "ubuntu-web")
    assert (after.description, after.vcpus_min, after.vcpus_max) == ("Reviewed", 4, 8)


def test_curl_targets_the_serve_endpoint_or_azure_with_a_bearer_token(demo):
    svc = Services(demo)
    gallery = svc.get_gallery(PROD, "rg-images", "ContosoImages")
    curl = for_create(gallery, svc.now()).curl
    assert curl.startswith('curl -X PUT -H "Authorization: Bearer $TOKEN" -H \'Content-Type: application/json\' -d ')
    assert curl.endswith(f'"${{ENDPOINT:-https://management.azure.com}}{gallery.id}?api-version=2024-03-03"')
    words = shlex.split(curl)
    body = json.loads(words[words.index("-d") + 1])
    assert body == {"location": "westus", "properties": {"description": "Golden images for Contoso's platform team."},
                    "tags": {"env": "prod"}}


def test_what_az_flags_cannot_say_is_noted_and_left_to_the_rest_call(demo):
    svc = Services(demo)
    version = svc.get_version(PROD, "rg-images", "ContosoImages", "ubuntu-web", "1.2.0")
    equivalent = for_create(version, svc.now())
    assert equivalent.note == "az's flags cannot set excludeFromLatest per region (westus); the REST calls do."
    assert '"excludeFromLatest":true' in equivalent.az_rest


@pytest.mark.parametrize("way", ["az", "az_rest"])
def test_a_version_edit_and_a_tags_edit_applied_from_their_lines(demo, capsys, way):
    from sigtui.tui.screens.forms.gallery import gallery_patch
    from sigtui.tui.screens.forms.version_parts import version_patch

    svc = Services(demo)
    old = svc.get_version(PROD, "rg-finance", "FinanceGallery", "myImage1", "1.10.0")
    new = dataclasses.replace(old, target_regions=(*old.target_regions, TargetRegion("centralus")),
                              exclude_from_latest=True)
    patch = version_patch(old, new)
    run(demo, capsys, getattr(for_patch(old, patch.after, patch.summary), way))
    changed = svc.get_version(PROD, "rg-finance", "FinanceGallery", "myImage1", "1.10.0")
    assert [t.name for t in changed.target_regions] == ["eastus", "westus2", "eastus2", "centralus"]
    assert changed.exclude_from_latest

    gallery = svc.get_gallery(PROD, "rg-images", "ContosoImages")
    patch = gallery_patch(gallery, "Reviewed", {"team": "web"})
    run(demo, capsys, getattr(for_patch(gallery, patch.after, patch.summary), way))
    changed = svc.get_gallery(PROD, "rg-images", "ContosoImages")
    assert (changed.description, changed.tags) == ("Reviewed", {"team": "web"})


@pytest.mark.parametrize("way", ["az", "az_rest"])
def test_replication_mode_and_safety_flags_survive_the_round_trip(demo, capsys, way):
    scope = f"-g rg-images -r ContosoImages -i ubuntu-web -e 2.0.0 --subscription {PROD}"
    run(demo, capsys, f"az sig image-version create {scope} --managed-image img-ubuntu-web --target-regions westus "
                      "--replication-mode Shallow --allow-replicated-location-deletion true "
                      "--end-of-life-date 2030-01-01")
    svc = Services(demo)
    equivalent = for_create(svc.get_version(PROD, "rg-images", "ContosoImages", "ubuntu-web", "2.0.0"), svc.now())
    before = run(demo, capsys, f"az sig image-version show {scope}")
    run(demo, capsys, f"az sig image-version delete {scope}")
    run(demo, capsys, getattr(equivalent, way))
    assert stable(run(demo, capsys, f"az sig image-version show {scope}")) == stable(before)
    assert before["properties"]["safetyProfile"]["allowDeletionOfReplicatedLocations"] is True


def test_export_as_requests_prints_the_lines_that_make_a_version_again(demo, capsys):
    version_id = (f"/subscriptions/{PROD}/resourceGroups/rg-finance/providers/Microsoft.Compute/galleries/"
                  "FinanceGallery/images/myImage1/versions/1.10.0")
    made = run(demo, capsys, f"az export --id {version_id} --as-requests")
    assert set(made) == {"title", "az", "azRest", "curl", "note"}
    assert made["az"].startswith("az sig image-version create ") and "-e 1.10.0" in made["az"]
    scope = "-g rg-finance -r FinanceGallery -i myImage1 -e 1.10.0"
    before = run(demo, capsys, f"az sig image-version show {scope}")
    run(demo, capsys, f"az sig image-version delete {scope}")
    run(demo, capsys, made["az"])
    assert stable(run(demo, capsys, f"az sig image-version show {scope}")) == stable(before)


@pytest.mark.parametrize(("args", "status", "said"), [
    (["export", "--as-requests"], 2, "--as-requests needs --id"),
    (["export", "--as-requests", "--id", f"/subscriptions/{PROD}/resourceGroups/rg-finance"], 1,
     "is not a gallery, image definition or image version id"),
    (["export", "--as-requests", "--id", f"/subscriptions/{PROD}/resourceGroups/rg-finance/providers/"
      "Microsoft.Compute/galleries/NoSuchGallery"], 1, "ResourceNotFound"),
])
def test_export_as_requests_refuses_what_it_cannot_copy(demo, capsys, args, status, said):
    capsys.readouterr()
    assert main([*args, "--db", str(demo)]) == status
    assert said in capsys.readouterr().err
