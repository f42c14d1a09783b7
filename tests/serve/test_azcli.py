"""The Azure CLI against `sigtui serve`: a registered cloud, a service-principal login, `az sig` and `az rest`.
Needs a real `az` (its own virtual environment): SIGTUI_TEST_AZ=/path/to/az."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from .conftest import sigtui

AZ = os.environ.get("SIGTUI_TEST_AZ")
pytestmark = [pytest.mark.azcli, pytest.mark.skipif(not AZ, reason="set SIGTUI_TEST_AZ to an az executable")]
RG = "rg-az"


@pytest.fixture(scope="module")
def az(served, tmp_path_factory):
    """`az` with its own configuration folder, trusting the local CA, signed in to the sigtui cloud."""
    env = {**os.environ, "AZURE_CONFIG_DIR": str(tmp_path_factory.mktemp("azure")),
           "REQUESTS_CA_BUNDLE": served.ca, "AZURE_CORE_COLLECT_TELEMETRY": "0", "AZURE_CORE_NO_COLOR": "1"}

    def run(*args: str):
        done = subprocess.run([AZ, *args, "--only-show-errors"], capture_output=True, text=True, env=env,
                              timeout=300, check=False)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout) if done.stdout.strip() else None

    sp = sigtui(served.db, "ad", "sp", "create-for-rbac", "-n", "az-cli", "--role", "Owner", "--scopes",
                f"/subscriptions/{served.sub}")
    run("cloud", "register", "--name", "sigtui", "--endpoint-resource-manager", served.endpoint,
        "--endpoint-active-directory", served.endpoint,
        "--endpoint-active-directory-resource-id", f"{served.endpoint}/",
        "--endpoint-management", f"{served.endpoint}/")
    run("cloud", "set", "--name", "sigtui")
    run("config", "set", "core.instance_discovery=false")
    run("login", "--service-principal", "-u", sp["appId"], "-p", sp["password"], "--tenant", sp["tenant"])
    sigtui(served.db, "clock", "resume")
    sigtui(served.db, "clock", "speed", "100000")
    return run


def test_login_lists_the_subscription(az, served):
    assert [s["id"] for s in az("account", "list")] == [served.sub]


def test_az_sig_publishes_and_deletes_a_version(az, served):
    sigtui(served.db, "group", "create", "-n", RG, "-l", "westus")
    sigtui(served.db, "image", "create", "-g", RG, "-n", "img", "-l", "westus", "--os-type", "Linux",
           "--hyper-v-generation", "V2", "--os-disk-used-gb", "1")
    assert az("sig", "create", "-g", RG, "-r", "AzGallery")["provisioningState"] == "Succeeded"
    az("sig", "image-definition", "create", "-g", RG, "-r", "AzGallery", "-i", "web", "-p", "Contoso", "-f", "Web",
       "-s", "1", "--os-type", "Linux", "--hyper-v-generation", "V2")
    created = az("sig", "image-version", "create", "-g", RG, "-r", "AzGallery", "-i", "web", "-e", "1.0.0",
                 "--managed-image", "img", "--target-regions", "westus", "eastus2=2")
    assert created["provisioningState"] == "Succeeded"
    shown = az("sig", "image-version", "show", "-g", RG, "-r", "AzGallery", "-i", "web", "-e", "1.0.0",
               "--expand", "ReplicationStatus")
    assert shown["replicationStatus"]["aggregatedState"] == "Completed"
    url = (f"/subscriptions/{served.sub}/resourceGroups/{RG}/providers/Microsoft.Compute/galleries/AzGallery/images/"
           "web/versions?api-version=2024-03-03")
    assert [v["name"] for v in az("rest", "--method", "get", "--url", url)["value"]] == ["1.0.0"]
    az("sig", "image-version", "delete", "-g", RG, "-r", "AzGallery", "-i", "web", "-e", "1.0.0")
    assert az("sig", "image-version", "list", "-g", RG, "-r", "AzGallery", "-i", "web") == []

