"""The activity log tells the truth: who wrote, through which face, what was refused, and which regions failed."""

from __future__ import annotations

import json

from sigtui.store.defaults import DEFAULT_OWNER


def entries(ok, resource: str | None = None) -> list[dict]:
    return ok(["activity", "list", *(["--id", resource] if resource else [])])


def test_a_write_records_the_principal_and_the_cli_face(ok, sub):
    ok("group create -n rg1 -l westus")
    gallery = ok("sig create -g rg1 -r Logged -l westus")
    newest = entries(ok, gallery["id"])[0]
    assert newest["caller"] == DEFAULT_OWNER
    assert newest["face"] == "cli"
    assert newest["operationName"]["value"] == "Microsoft.Compute/galleries/write"


def test_sigtui_rest_is_the_rest_face(ok, sub):
    ok("group create -n rg1 -l westus")
    url = f"/subscriptions/{sub}/resourceGroups/rg1/providers/Microsoft.Compute/galleries/ByRest?api-version=2024-03-03"
    ok(["rest", "--method", "put", "--url", url, "--body", json.dumps({"location": "westus"})])
    newest = entries(ok)[0]
    assert newest["face"] == "rest" and newest["resourceId"].endswith("/galleries/ByRest")


def test_a_refused_write_changes_nothing_but_leaves_a_failed_entry(ok, refused, sub):
    ok("group create -n rg1 -l westus")
    ok("sig create -g rg1 -r Busy -l westus")
    ok("sig image-definition create -g rg1 -r Busy -i web -p P -f F -s S --os-type Linux")
    error = refused("sig delete -g rg1 -r Busy")
    newest = entries(ok)[0]
    assert newest["status"]["value"] == "Failed"
    assert newest["operationName"]["value"] == "Microsoft.Compute/galleries/delete"
    assert newest["resourceId"].endswith("/resourceGroups/rg1/providers/Microsoft.Compute/galleries/Busy")
    assert newest["properties"]["message"] == error.removeprefix("ERROR: ")
    assert newest["face"] == "cli"
    assert ok("sig show -g rg1 -r Busy")["name"] == "Busy", "the gallery is still there"


def test_a_refused_create_names_the_resource_it_meant(ok, az, sub):
    ok("group create -n rg1 -l westus")
    assert az("sig create -g rg1 -r bad--name! -l westus").status == 1
    newest = entries(ok)[0]
    assert newest["status"]["value"] == "Failed" and newest["resourceId"].endswith("/galleries/bad--name!")


def test_a_region_that_failed_is_in_the_log(tmp_path, capsys):
    from sigtui.cli.main import main

    db = str(tmp_path / "demo.db")
    assert main(["demo", "--db", db]) == 0

    def failures() -> list[dict]:
        capsys.readouterr()
        assert main(["activity", "list", "--db", db]) == 0
        found = json.loads(capsys.readouterr().out)
        return [e for e in found if e["operationName"]["value"].endswith("/versions/replicate/action")]

    failed = failures()
    assert len(failed) == 1
    assert failed[0]["resourceId"].endswith("/galleries/ContosoImages/images/rhel-app/versions/1.0.0")
    assert failed[0]["caller"] == "Microsoft.Compute" and failed[0]["face"] == "simulation"
    assert failed[0]["status"]["value"] == "Failed"
    assert failed[0]["properties"]["message"].startswith("Replication to northeurope failed (attempt 1): ")


def test_refused_resource_group_and_role_assignment_writes_are_logged(ok, az, sub):
    assert az("group create -n bad/name -l westus").status == 1
    assert az(f"role assignment create --assignee nobody --role Reader --scope /subscriptions/{sub}").status == 1
    newest, before = entries(ok)[:2]
    assert newest["operationName"]["value"] == "Microsoft.Authorization/roleAssignments/write"
    assert newest["resourceId"] == f"/subscriptions/{sub}" and newest["status"]["value"] == "Failed"
    assert before["operationName"]["value"] == "Microsoft.Resources/subscriptions/resourceGroups/write"
    assert before["resourceId"] == f"/subscriptions/{sub}/resourceGroups/bad/name"
    assert before["status"]["value"] == "Failed"
