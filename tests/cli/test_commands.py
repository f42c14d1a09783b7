"""Global options, accounts, groups, sources, clock, activity, export, demo and the workbench entry."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from sigtui.cli.main import main

ROOT = Path(__file__).resolve().parents[2]


def test_global_options_go_before_or_after_the_command(capsys, tmp_path, monkeypatch):
    db = tmp_path / "x.db"
    assert main(["init", f"--db={db}"]) == 0
    assert main(["--db", str(db), "group", "create", "-n", "rg", "-l", "westus"]) == 0
    assert main(["group", "show", "-n", "rg", f"--db={db}"]) == 0
    capsys.readouterr()
    monkeypatch.setenv("SIGTUI_DB", str(db))
    assert main(["group", "list"]) == 0
    assert [g["name"] for g in json.loads(capsys.readouterr().out)] == ["rg"]
    assert main(["--db", f"sqlite:///{db}", "group", "list"]) == 0
    assert [g["name"] for g in json.loads(capsys.readouterr().out)] == ["rg"]


def test_init_creates_an_empty_database(ok, db):
    assert db.exists()
    assert ok("sig list") == []
    assert [s["name"] for s in ok("account list")] == ["Contoso Production"]


def test_init_leaves_an_existing_database_as_it_is(ok, az, db):
    ok("group create -n rg -l westus")
    assert az("init").status == 0
    assert [g["name"] for g in ok("group list")] == ["rg"]


@pytest.mark.parametrize("command", ["sig list", "group create -n rg -l westus", "clock show", "export"])
def test_a_missing_database_is_an_error_that_creates_nothing(tmp_path, capsys, command):
    missing = tmp_path / "no" / "such" / "folder" / "x.db"
    assert main([*command.split(), "--db", str(missing)]) == 1
    err = capsys.readouterr().err
    assert f"no database at {missing}" in err and f"sigtui init --db {missing}" in err
    assert not (tmp_path / "no").exists()


def test_init_creates_the_folder_it_is_asked_for(tmp_path, capsys):
    path = tmp_path / "new" / "folder" / "x.db"
    assert main(["init", "--db", str(path)]) == 0
    assert path.is_file() and str(path) in capsys.readouterr().out


def test_usage_problems_exit_2(az):
    assert az("group create -n rg").status == 2
    assert "expected one argument" in az(["sig", "list", "--subscription"]).err
    assert az("sig list --speed 3").status == 2
    assert az("--help").status == 0 and "\n    sig " in az("--help").out
    assert az("sig image-version create --help").status == 0


def test_output_formats_and_queries_for_the_seeds_pipeline(az, ok, db):
    """`az account list -otsv --query "[].id" | xargs -n 1 az sig list --subscription` (seeds 001, 003, 004)."""
    from sigtui.store.services import Services

    Services(db).bootstrap()
    Services(db).add_subscription("11111111-2222-3333-4444-555555555555", "Dev/Test")
    ids = az('account list -otsv --query "[].id"').out.split()
    assert ids == ["6a3c8e2f-3b1d-4c7e-9f0a-5d2b7c8e1f40", "11111111-2222-3333-4444-555555555555"]
    ok(f"group create -n rg -l westus --subscription {ids[1]}")
    ok(f"sig create -g rg -r g1 --description 'first one' --subscription {ids[1]}")
    assert [[g["name"] for g in ok(f"sig list --subscription {sub}")] for sub in ids] == [[], ["g1"]]
    assert az(f"sig list --subscription {ids[1]} -o tsv --query [0].properties.description").out == "first one\n"
    assert az(f"sig list --subscription {ids[1]} --output tsv").out.startswith(f"/subscriptions/{ids[1]}/")
    assert az(f"sig list --subscription {ids[1]} --query [].name").json == ["g1"]
    assert az(f"group create -n rg2 -l westus -o none --subscription {ids[1]}").out == ""
    assert az("group list -o yml").status == 2
    assert az("group list --query 'sort_by(@, &name'").status == 2


def test_accounts_and_groups(ok, az, db):
    from sigtui.store.services import Services

    Services(db).bootstrap()
    Services(db).add_subscription("11111111-2222-3333-4444-555555555555", "Dev/Test")
    assert [s["name"] for s in ok("account list")] == ["Contoso Production", "Dev/Test"]
    assert ok("account show --subscription Dev/Test")["id"] == "11111111-2222-3333-4444-555555555555"
    assert az("account set").status == 2
    assert ok("account set --subscription 11111111-2222-3333-4444-555555555555") is None
    assert ok("account show")["name"] == "Dev/Test"
    assert az("account show --subscription nope").err.startswith("(SubscriptionNotFound)")
    ok("group create -n rg1 -l 'East US 2' --tags env=dev")
    ok("group create -n rg2 -l westeurope --subscription 'Contoso Production'")
    assert ok("group show -n rg1") == {
        "id": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg1", "name": "rg1",
        "type": "Microsoft.Resources/resourceGroups", "location": "eastus2", "tags": {"env": "dev"},
        "properties": {"provisioningState": "Succeeded"}}
    assert [g["name"] for g in ok("group list")] == ["rg1"]
    assert [g["name"] for g in ok("group list --subscription 'Contoso Production'")] == ["rg2"]
    assert ok("group delete -n rg1 --yes") is None
    assert az("group show -n rg1").err.strip() == "(ResourceGroupNotFound) Resource group 'rg1' could not be found."


def test_sources_and_encryption_sets(ok, az, sub):
    ok("group create -n rg -l westus")
    image = ok("image create -g rg -n img --os-type Linux --os-state Specialized --hyper-v-generation V2 "
               "--os-disk-size-gb 64 --os-disk-used-gb 20 --data-disk-sizes-gb 128 256 --data-disk-used-gb 10 30")
    assert image["type"] == "Microsoft.Compute/images"
    assert image["properties"]["osState"] == "Specialized" and image["properties"]["occupiedSizeGB"] == 20
    assert [(d["lun"], d["diskSizeGB"], d["occupiedSizeGB"]) for d in image["properties"]["dataDisks"]] == [
        (0, 128, 10), (1, 256, 30)]
    ok("snapshot create -g rg -n snap -l 'West US' --os-type Linux")
    ok("disk create -g rg -n data --os-disk-size-gb 32")
    ok("vm create -g rg -n vm1 --os-type Windows")
    assert ok("image show -g rg -n img") == image
    assert [s["name"] for s in ok("snapshot list")] == ["snap"]
    assert [s["name"] for s in ok("vm list -g rg")] == ["vm1"]
    des = ok("disk-encryption-set create -g rg -n des1 -l eastus --encryption-type "
             "EncryptionAtRestWithPlatformAndCustomerKeys")
    assert (des["location"], des["properties"]["encryptionType"]) == (
        "eastus", "EncryptionAtRestWithPlatformAndCustomerKeys")
    assert [d["name"] for d in ok("disk-encryption-set list -g rg")] == ["des1"]
    assert az("image show -g rg -n nope").err.startswith(
        "(ResourceNotFound) The Resource 'Microsoft.Compute/images/nope' under resource group 'rg' was not found.")
    assert az("image create -g rg -n vm1 --os-type Linux -l nowhere").err.startswith(
        "(LocationNotAvailableForResourceType)")


def test_clock(ok, az):
    state = ok("clock")
    assert set(state) == {"now", "speed", "paused"}
    paused = ok("clock pause")
    assert paused["paused"] is True
    assert ok("clock speed 60")["speed"] == 60
    later = ok("clock advance 90m")
    assert later["now"] > paused["now"]
    assert ok("clock resume")["paused"] is False
    assert az("clock advance soon").status == 2
    assert az("clock speed 0").err.startswith("(InvalidParameter)")


def test_activity_log(ok, sub):
    ok("group create -n rg -l westus")
    ok("sig create -g rg -r g1 --description one")
    ok("sig update -g rg -r g1 --set description=two")
    gallery = f"/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.Compute/galleries/g1"
    entries = ok(f"activity list --id {gallery}")
    assert [e["operationName"]["value"] for e in entries] == ["Microsoft.Compute/galleries/write"] * 2
    newest = entries[0]
    assert newest["caller"] == "admin@contoso.onmicrosoft.com"
    assert newest["resourceId"] == gallery and newest["status"]["value"] == "Succeeded"
    assert newest["properties"]["before"]["properties"]["description"] == "one"
    assert newest["properties"]["after"]["properties"]["description"] == "two"
    assert newest["eventTimestamp"].endswith("Z")
    assert len(ok("activity list --max-events 1")) == 1


def test_export(ok, sub):
    ok("group create -n rg -l westus")
    ok("sig create -g rg -r g1")
    ok("sig image-definition create -g rg -r g1 -i d1 -p P -f O -s S --os-type Linux")
    ok("image create -g rg -n img --os-type Linux")
    ok("sig image-version create -g rg -r g1 -i d1 -e 1.0.0 --managed-image img")
    everything = ok("export")["value"]
    assert [r["type"] for r in everything] == ["Microsoft.Compute/galleries", "Microsoft.Compute/galleries/images",
                                               "Microsoft.Compute/galleries/images/versions"]
    assert "replicationStatus" in everything[2]["properties"]
    version = ok(f"export --id {everything[2]['id']}")
    assert version["properties"]["replicationStatus"]["summary"][0]["region"] == "West US"
    assert ok(f"export --id {everything[0]['id']}")["name"] == "g1"


def test_identity_decides_what_is_seen_and_changed(ok, az, db, sub):
    from sigtui.store.services import Services

    ok("group create -n rg -l westus")
    ok("sig create -g rg -r g1")
    ok("sig create -g rg -r g2")
    svc = Services(db)
    svc.create_principal("User", "Rita Reader", "rita@contoso.onmicrosoft.com")
    svc.create_role_assignment("rita@contoso.onmicrosoft.com", "Reader",
                               f"/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.Compute/galleries/g1")
    as_rita = "--as rita@contoso.onmicrosoft.com"
    assert [g["name"] for g in ok(f"sig list {as_rita}")] == ["g1"]
    assert ok(f"sig show -g rg -r g1 {as_rita}")["name"] == "g1"
    assert az(f"sig show -g rg -r g2 {as_rita}").err.startswith("(AuthorizationFailed)")
    assert az(f"sig update -g rg -r g1 --set description=x {as_rita}").err.startswith("(AuthorizationFailed)")
    assert az(f"activity list {as_rita}").status == 0


def test_demo(ok, az):
    pytest.importorskip("sigtui.store.demo")
    result = az("demo")
    assert result.status == 0 and result.out.startswith("demo catalog written to")
    assert [g["name"] for g in ok("sig list")]


def test_demo_at_azure_limits(az):
    pytest.importorskip("sigtui.store.scale")
    result = az("demo --scale azure-limits")
    assert result.status == 0 and result.out.startswith("built 10,000 versions")


def test_no_command_opens_the_workbench(monkeypatch, tmp_path):
    calls = []
    fake = types.ModuleType("sigtui.tui.app")
    fake.run_app = lambda **kwargs: calls.append(kwargs) or 0
    monkeypatch.setitem(sys.modules, "sigtui.tui.app", fake)
    assert main(["--db", str(tmp_path / "t.db"), "--as", "bob", "--speed", "30", "--readonly"]) == 0
    assert calls == [
        {"db_path": str(tmp_path / "t.db"), "caller": "bob", "speed": 30.0, "readonly": True, "serve": False}
    ]
    assert main([]) == 0
    assert calls[-1] == {"db_path": None, "caller": None, "speed": None, "readonly": False, "serve": False}
    assert main(["--serve"]) == 0 and calls[-1]["serve"] is True
    assert main(["--speed", "fast"]) == 2


def _python(code: str, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, *(["-c", code] if code else []), *args], capture_output=True, text=True,
                          cwd=ROOT, env=environment, check=False)


def test_console_entry_and_a_cheap_read_path(tmp_path):
    db = tmp_path / "p.db"
    assert _python("", "-m", "sigtui", "init", "--db", str(db)).returncode == 0
    made = _python("", "-m", "sigtui", "group", "create", "-n", "rg", "-l", "westus", "--db", str(db))
    assert made.returncode == 0, made.stderr
    listed = _python("", "-m", "sigtui", "sig", "list", "-g", "rg", "--db", str(db))
    assert (listed.returncode, json.loads(listed.stdout)) == (0, [])
    failed = _python("", "-m", "sigtui", "sig", "show", "-g", "rg", "-r", "nope", "--db", str(db))
    assert failed.returncode == 1 and failed.stderr.startswith("(ResourceNotFound)")
    probe = ("import sys; from sigtui.cli.main import main; status = main(sys.argv[1:]); "
             "print(status, sorted({m.split('.')[0] for m in sys.modules} & {'sqlmodel', 'sqlalchemy', 'textual'}))")
    shown = _python(probe, "sig", "list", "--db", str(db))
    assert shown.stdout.splitlines()[-1] == "0 []"
