"""Every command group and REST route, tried by identities without the role it needs: Azure's refusal, nothing of
the resource in the output, and the database as it was."""

from __future__ import annotations

import io
import shlex
from contextlib import redirect_stderr, redirect_stdout

import pytest

from sigtui.cli.main import main

from ..store.world import dump

PROD = "6a3c8e2f-3b1d-4c7e-9f0a-5d2b7c8e1f40"
RG = f"/subscriptions/{PROD}/resourceGroups/rg-images"
GALLERY = f"{RG}/providers/Microsoft.Compute/galleries/ContosoImages"
UBUNTU = f"{GALLERY}/images/ubuntu-web"
G = "-g rg-images -r ContosoImages"
PAT = "pat@contoso.onmicrosoft.com"
"""The demo's reader of the ubuntu-web definition, and of nothing else."""
PIPELINE = "image-pipeline"
"""The demo's Contributor on rg-finance only."""
SECRETS = ("Golden images", "Ubuntu 22.04 web tier", "Windows Server 2022 base", "Contoso Dev/Test", "platform")
"""Text of resources the callers may not read: it must never appear in what they are shown."""

COMMANDS = [
    f"sig create {G}x -l westus",
    f"sig update {G} --set description=mine",
    f"sig delete {G}",
    f"sig show {G}",
    f"sig image-definition create {G} -i new -p a -f b -s c --os-type Linux",
    f"sig image-definition update {G} -i ubuntu-web --set description=mine",
    f"sig image-definition delete {G} -i ubuntu-web",
    f"sig image-definition show {G} -i rhel-app",
    f"sig image-version create {G} -i ubuntu-web -e 9.0.0 --managed-image img-ubuntu-web",
    f"sig image-version update {G} -i ubuntu-web -e 1.0.0 --set publishingProfile.excludeFromLatest=true",
    f"sig image-version delete {G} -i ubuntu-web -e 1.0.0",
    f"sig image-version show {G} -i rhel-app -e 1.0.0",
    "group create -n rg-new -l westus",
    "group delete -n rg-images --yes",
    "group show -n rg-images",
    "image create -g rg-images -n img-new -l westus --os-type Linux",
    "snapshot create -g rg-images -n snap-new -l westus --os-type Linux",
    "disk create -g rg-images -n disk-new -l westus --os-type Linux",
    "disk-encryption-set create -g rg-images -n des-new -l westus",
    f"vm create -g rg-images -n vm1 --image {UBUNTU} --admin-username azureuser --admin-password Passw0rd!Passw0rd",
    f"vmss create -g rg-images -n ss1 --image {UBUNTU} --admin-username azureuser --admin-password Passw0rd!Passw0rd",
    f"role assignment create --assignee {PAT} --role Owner --scope {GALLERY}",
    f"role assignment delete --assignee {PAT} --role Reader --scope {UBUNTU}",
    "clock pause",
    "clock resume",
    "clock speed 5",
    "clock advance 1h",
    "demo",
    "demo --scale azure-limits",
    "account set --subscription 'Contoso Production'",
    "account show --subscription 'Contoso Dev/Test'",
]
API = "?api-version=2022-03-03"
ROUTES = [
    ("get", f"{GALLERY}{API}", None),
    ("put", f"{GALLERY}x{API}", '{"location": "westus"}'),
    ("patch", f"{GALLERY}{API}", '{"properties": {"description": "mine"}}'),
    ("delete", f"{GALLERY}{API}", None),
    ("get", f"{GALLERY}/images/rhel-app{API}", None),
    ("patch", f"{UBUNTU}{API}", '{"properties": {"description": "mine"}}'),
    ("delete", f"{UBUNTU}{API}", None),
    ("patch", f"{UBUNTU}/versions/1.0.0{API}", '{"tags": {"a": "b"}}'),
    ("delete", f"{UBUNTU}/versions/1.0.0{API}", None),
    ("get", f"{RG}{API}", None),
    ("put", f"/subscriptions/{PROD}/resourceGroups/rg-new{API}", '{"location": "westus"}'),
    ("delete", f"{RG}{API}", None),
    ("get", f"{RG}/providers/Microsoft.Compute/images/img-ubuntu-web{API}", None),
    ("put", f"{RG}/providers/Microsoft.Compute/snapshots/s1{API}", '{"location": "westus"}'),
    ("get", f"/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590{API}", None),
]


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    path = tmp_path_factory.mktemp("access") / "sigtui.db"
    assert main(["demo", "--db", str(path)]) == 0
    return path


def denied(database, argv: list[str], code: str = "AuthorizationFailed") -> str:
    before = dump(database)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main([*argv, "--db", str(database)])
    text = err.getvalue()
    assert status == 1 and out.getvalue() == "", (argv, status, out.getvalue(), text)
    assert f"({code}) " in text, (argv, text)
    assert not any(secret in text for secret in SECRETS), (argv, text)
    assert dump(database) == before, argv
    return text


CASES = [(command, who) for command in COMMANDS for who in (PAT, PIPELINE)
         if not (command.startswith("role assignment delete") and who == PIPELINE)]
"""Every command as each identity; an assignment the pipeline cannot even see is the next test's case."""


@pytest.mark.parametrize(("command", "who"), CASES)
def test_commands_need_their_role(database, command, who):
    error = denied(database, [*shlex.split(command), "--as", who])
    assert f"The client '{who}'" in error


def test_an_assignment_the_caller_cannot_see_is_not_found(database, capsys):
    before = dump(database)
    argv = ["role", "assignment", "delete", "--assignee", PAT, "--role", "Reader", "--scope", UBUNTU]
    assert main([*argv, "--as", PIPELINE, "--db", str(database)]) == 1
    assert capsys.readouterr().err == "No matched assignments were found to delete\n"
    assert dump(database) == before


@pytest.mark.parametrize(("method", "url", "body"), ROUTES)
def test_rest_routes_need_their_role(database, method, url, body):
    argv = ["rest", "-m", method, "--url", url, *(["--body", body] if body else []), "--as", PIPELINE]
    denied(database, argv)


@pytest.mark.parametrize("command", [
    "ad user create --display-name Mallory --user-principal-name mallory@contoso.onmicrosoft.com",
    "ad group create --display-name Admins",
    "ad sp create --display-name robot",
    f"ad group member add --group 'Image consumers' --member-id {PAT}",
])
def test_the_directory_needs_a_directory_role(database, command):
    denied(database, [*shlex.split(command), "--as", PAT], "Authorization_RequestDenied")


@pytest.mark.parametrize("command", ["sig list", "account list", "clock advance 1h", "demo", "group list",
                                     f"ad group member add --group 'Image consumers' --member-id {PAT}"])
def test_an_identity_outside_the_directory_is_refused(database, command):
    error = denied(database, [*shlex.split(command), "--as", "mallory@example.com"])
    assert "'00000000-0000-0000-0000-000000000000'" in error


def test_subscriptions_are_listed_only_to_those_with_a_role_in_them(database, capsys):
    capsys.readouterr()
    assert main(["account", "list", "--as", PAT, "--query", "[].name", "--db", str(database)]) == 0
    assert "Contoso Production" in capsys.readouterr().out
    assert main(["account", "list", "--as", "guest@fabrikam.onmicrosoft.com", "--db", str(database)]) == 0
    listed = capsys.readouterr().out
    assert "Contoso Dev/Test" in listed and "Contoso Production" not in listed
    url = "/subscriptions?api-version=2022-01-01"
    assert main(["rest", "--url", url, "--as", "guest@fabrikam.onmicrosoft.com", "--db", str(database)]) == 0
    assert "Contoso Production" not in capsys.readouterr().out


@pytest.mark.parametrize("field", ["recommended.vCPUs.max=1e400", "disallowed.diskTypes=x", "endOfLifeDate=x"])
def test_authorization_comes_before_the_rules(database, field):
    """A reader's malformed update is refused for want of a role, not for the value."""
    command = ["sig", "image-definition", "update", "-g", "rg-images", "-r", "ContosoImages", "-i", "ubuntu-web"]
    denied(database, [*command, "--set", field, "--as", PAT])


GUEST = "guest@fabrikam.onmicrosoft.com"
"""The demo's reader of the Dev/Test sandbox gallery, with no role in Contoso Production."""
PRODUCTION_TEXT = ("Contoso Production", PROD, "rg-images", "ContosoImages", "rg-finance", "FinanceGallery")


@pytest.mark.parametrize("command", [
    "account list",
    f"sig list --subscription {PROD}",
    f"group list --subscription {PROD}",
    "sig list",
    f"rest --url /subscriptions/{PROD}/resourceGroups{API}",
    f"rest --url /subscriptions/{PROD}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries{API}",
])
def test_lists_never_show_a_subscription_the_caller_has_no_role_in(database, command, capsys):
    capsys.readouterr()
    assert main([*shlex.split(command), "--as", GUEST, "--db", str(database)]) == 0
    shown = capsys.readouterr().out
    assert not any(text in shown for text in PRODUCTION_TEXT), (command, shown)


@pytest.mark.parametrize("command", [
    f"account show --subscription {PROD}",
    f"group show -n rg-images --subscription {PROD}",
    f"sig show -g rg-images -r ContosoImages --subscription {PROD}",
    f"rest --url /subscriptions/{PROD}{API}",
    f"rest --url {GALLERY}{API}",
])
def test_a_subscription_the_caller_has_no_role_in_is_refused(database, command):
    denied(database, [*shlex.split(command), "--as", GUEST])
