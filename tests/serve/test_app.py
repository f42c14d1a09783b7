"""The same ASGI application in-process (Starlette's TestClient): sign-in, token expiry, api-versions,
long-running-operation status as the clock moves, and the error envelope."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from starlette.testclient import TestClient

from sigtui.serve.app import build_app
from sigtui.serve.tokens import TokenIssuer
from sigtui.store.apps import app_principal

BASE = "https://testserver"
API = "api-version=2024-03-03"


@pytest.fixture
def world(svc, tmp_path, fake_time):
    """A paused clock, a resource group with a Linux managed image, a gallery with a definition, an owner
    service principal, and the app over that database."""
    svc.create_resource_group("rg", "westus")
    svc.create_source("image", "rg", "img", "westus", None, os_type="Linux", os_disk_size_gb=30, os_disk_used_gb=8)
    sub = svc.list_subscriptions()[0].id
    sp = svc.create_for_rbac("pipeline", "Owner", [f"/subscriptions/{sub}"])
    issuer = TokenIssuer(tmp_path / "key.pem", BASE, clock=fake_time)
    client = TestClient(build_app(svc.db.path, issuer, BASE, log_stream=io.StringIO()), base_url=BASE)
    return client, sp, sub


def token(client, sp, secret=None):
    return client.post(f"/{sp['tenant']}/oauth2/v2.0/token", data={
        "grant_type": "client_credentials", "client_id": sp["appId"], "client_secret": secret or sp["password"],
        "scope": f"{BASE}/.default"})


def signed_in(world):
    client, sp, sub = world
    access = token(client, sp).json()["access_token"]
    client.headers["Authorization"] = f"Bearer {access}"
    return client, sub


def test_openid_metadata_points_at_the_token_endpoint(world):
    client, sp, _ = world
    found = client.get(f"/{sp['tenant']}/v2.0/.well-known/openid-configuration").json()
    assert found["token_endpoint"] == f"{BASE}/{sp['tenant']}/oauth2/v2.0/token"
    assert client.get(found["jwks_uri"]).json()["keys"][0]["kty"] == "RSA"


def test_a_wrong_secret_gets_azure_ads_invalid_client(world):
    client, sp, _ = world
    refused = token(client, sp, secret="guess")
    assert refused.status_code == 401 and refused.json()["error"] == "invalid_client"
    assert refused.json()["error_description"].startswith("AADSTS7000215: Invalid client secret provided.")


def test_the_secret_is_kept_only_as_a_hash(svc, world):
    _, sp, _ = world
    assert sp["password"].encode() not in svc.db.path.read_bytes()
    with svc.read() as conn:
        assert app_principal(conn, sp["appId"], sp["password"]).display_name == "pipeline"
        assert app_principal(conn, sp["appId"], sp["password"] + "x") is None


def test_an_expired_token_is_refused(world, fake_time):
    client, sub = signed_in(world)
    url = f"/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.Compute/galleries?{API}"
    assert client.get(url).status_code == 200
    fake_time.tick(3600)
    expired = client.get(url)
    assert expired.status_code == 401 and expired.json()["error"]["code"] == "ExpiredAuthenticationToken"
    assert "error=\"invalid_token\"" in expired.headers["WWW-Authenticate"]


def test_an_unknown_api_version_gets_azures_wording(world):
    client, sub = signed_in(world)
    refused = client.get(f"/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.Compute/galleries"
                         "?api-version=2017-01-01")
    error = refused.json()["error"]
    assert refused.status_code == 400 and error["code"] == "InvalidApiVersionParameter"
    assert error["message"].startswith(
        "The api-version '2017-01-01' is invalid. The supported versions are '2026-03-03,")
    assert set(error) == {"code", "message", "target", "details"} and refused.headers["x-ms-request-id"]


def test_request_ids_and_unknown_paths(world):
    client, sub = signed_in(world)
    answer = client.get(f"/subscriptions/{sub}/resourcegroups?api-version=2022-09-01",
                        headers={"x-ms-correlation-request-id": "trace-1"})
    assert answer.headers["x-ms-correlation-request-id"] == "trace-1" and answer.headers["x-ms-request-id"]
    unknown = client.get(f"/subscriptions/{sub}/providers/Microsoft.Storage/storageAccounts?api-version=2023-01-01")
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "InvalidResourceType"


def test_provider_registration_and_subscriptions(world):
    client, sub = signed_in(world)
    provider = client.get(f"/subscriptions/{sub}/providers/Microsoft.Compute?api-version=2022-09-01").json()
    assert provider["registrationState"] == "Registered"
    assert "galleries/images/versions" in [t["resourceType"] for t in provider["resourceTypes"]]
    listed = client.get("/subscriptions?api-version=2022-12-01").json()["value"]
    assert [(s["subscriptionId"], s["state"]) for s in listed] == [(sub, "Enabled")]


def test_only_subscriptions_with_a_role_in_them_are_listed(svc, world):
    client, _, sub = world
    other = svc.create_for_rbac("group-reader", "Reader", [f"/subscriptions/{sub}/resourceGroups/rg"])
    nothing = svc.create_for_rbac("nobody")
    for principal, expected in ((other, [sub]), (nothing, [])):
        access = token(client, principal).json()["access_token"]
        listed = client.get("/subscriptions?api-version=2022-12-01", headers={"Authorization": f"Bearer {access}"})
        assert [s["subscriptionId"] for s in listed.json()["value"]] == expected
        one = client.get(f"/subscriptions/{sub}?api-version=2022-12-01", headers={"Authorization": f"Bearer {access}"})
        assert one.status_code == (200 if expected else 403)


def put_version(client, sub, regions):
    base = f"/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.Compute/galleries/g"
    assert client.put(f"{base}?{API}", json={"location": "westus"}).status_code == 201
    definition = {"location": "westus", "properties": {"osType": "Linux", "osState": "Generalized", "identifier": {
        "publisher": "p", "offer": "o", "sku": "s"}}}
    assert client.put(f"{base}/images/d?{API}", json=definition).status_code == 201
    image = f"/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.Compute/images/img"
    body = {"location": "westus", "properties": {"storageProfile": {"source": {"id": image}}, "publishingProfile": {
        "targetRegions": [{"name": r} for r in regions]}}}
    return client.put(f"{base}/images/d/versions/1.0.0?{API}", json=body)


def test_a_gallery_is_creating_until_its_operation_is_polled(world):
    client, sub = signed_in(world)
    url = f"/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.Compute/galleries/g?{API}"
    created = client.put(url, json={"location": "westus"})
    assert created.status_code == 201 and created.json()["properties"]["provisioningState"] == "Creating"
    assert client.get(created.headers["Azure-AsyncOperation"]).json()["status"] == "Succeeded"
    assert client.get(url).json()["properties"]["provisioningState"] == "Succeeded"
    replaced = client.put(url, json={"location": "westus", "properties": {"description": "golden"}})
    assert replaced.status_code == 200 and replaced.json()["properties"]["provisioningState"] == "Updating"


def test_the_operation_follows_the_clock(svc, world):
    client, sub = signed_in(world)
    created = put_version(client, sub, ["westus", "eastus"])
    assert created.status_code == 201 and created.json()["properties"]["provisioningState"] == "Creating"
    status_url = created.headers["Azure-AsyncOperation"]
    polled = client.get(status_url).json()
    assert polled["status"] == "InProgress" and "endTime" not in polled
    svc.advance_clock(timedelta(days=1))
    done = client.get(status_url).json()
    assert done["status"] == "Succeeded" and done["endTime"] > done["startTime"]


def test_a_failed_replication_fails_the_operation(svc, world):
    svc.set_faults(outages=("northeurope",))
    client, sub = signed_in(world)
    created = put_version(client, sub, ["westus", "northeurope"])
    svc.advance_clock(timedelta(days=1))
    failed = client.get(created.headers["Azure-AsyncOperation"]).json()
    assert failed["status"] == "Failed"
    assert "region:northeurope" in failed["error"]["message"]


def test_a_delete_answers_202_and_its_location_reports_completion(world):
    client, sub = signed_in(world)
    put_version(client, sub, ["westus"])
    url = f"/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/d/versions/1.0.0"
    deleted = client.delete(f"{url}?{API}")
    assert deleted.status_code == 202 and "monitor=true" in deleted.headers["Location"]
    assert client.get(deleted.headers["Location"]).status_code == 200
    assert client.delete(f"{url}?{API}").status_code == 204


def test_a_body_that_is_not_json_is_refused(world):
    client, sub = signed_in(world)
    refused = client.put(f"/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.Compute/galleries/g?{API}",
                         content=b"{not json", headers={"Content-Type": "application/json"})
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "InvalidRequestContent"


def test_an_unknown_application_or_tenant_gets_azure_ads_answer(world):
    client, sp, _ = world
    stranger = token(client, {**sp, "appId": "00000000-0000-0000-0000-000000000001"})
    assert stranger.status_code == 400 and stranger.json()["error_codes"] == [700016]
    elsewhere = client.post("/contoso.example/oauth2/v2.0/token", data={"grant_type": "client_credentials"})
    assert elsewhere.status_code == 400 and elsewhere.json()["error_codes"] == [90002]
