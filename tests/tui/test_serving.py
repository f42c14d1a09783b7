"""`sigtui --serve`: the workbench serves Azure Resource Manager from a thread of its own process; a client's
write through it shows in the tree by itself and in the activity log as `serve`; the endpoint stops with the app."""

from __future__ import annotations

import json
import ssl
import urllib.error
import urllib.parse
import urllib.request

import pytest

from sigtui.store.services import Services

from .conftest import SIZE
from .helpers import settle, tree_text, workbench
from .test_watching import wait_for

API = "api-version=2024-03-03"


def call(info: dict, path: str, method: str = "GET", body: dict | None = None, token: str = "", form=None) -> dict:
    """One HTTPS request to the endpoint, trusting only sigtui's CA; the JSON answer."""
    data = urllib.parse.urlencode(form).encode() if form else json.dumps(body).encode() if body else None
    request = urllib.request.Request(info["endpoint"] + path, data=data, method=method)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    context = ssl.create_default_context(cafile=info["ca"])
    with urllib.request.urlopen(request, context=context, timeout=20) as answer:
        return json.loads(answer.read() or b"null")


async def test_the_workbench_serves_the_endpoint_until_it_closes(make_app, demo_db, fake_time):
    owner = Services(demo_db, real_time=fake_time)
    sub = owner.list_subscriptions()[0].id
    sp = owner.create_for_rbac("pipeline", "Owner", [f"/subscriptions/{sub}"])
    owner.db.dispose()
    app = make_app(serve=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: workbench(app).serving.running, seconds=30)
        endpoint = workbench(app).serving.endpoint
        info = endpoint.announcement
        assert info["endpoint"] in str(workbench(app).status.render())
        assert call(info, "/metadata/endpoints")["resourceManager"] == info["endpoint"]

        token = call(info, f"/{sp['tenant']}/oauth2/v2.0/token", "POST", form={
            "grant_type": "client_credentials", "client_id": sp["appId"], "client_secret": sp["password"],
            "scope": f"{info['endpoint']}/.default"})["access_token"]
        url = f"/subscriptions/{sub}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/Served?{API}"
        call(info, url, "PUT", {"location": "westus"}, token)
        await wait_for(pilot, lambda: "Served" in tree_text(app))
        await settle(pilot)
        assert "Served" in tree_text(app), "the endpoint's write shows without a key"
        newest = workbench(app).backend.catalog.activity(
            f"/subscriptions/{sub}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/Served",
            workbench(app).clock.now(),
        )[0]
        assert newest["face"] == "serve"

    assert not endpoint.running
    with pytest.raises(urllib.error.URLError):
        call(info, "/metadata/endpoints")


async def palette(pilot, words: str) -> None:
    await pilot.press("ctrl+p")
    await settle(pilot)
    await pilot.press(*words)
    await pilot.pause(0.5)
    await pilot.press("enter")


async def test_the_palette_starts_and_stops_the_endpoint(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not workbench(app).serving.running
        await palette(pilot, "Serve the endpoint")
        await wait_for(pilot, lambda: workbench(app).serving.running, seconds=30)
        endpoint = workbench(app).serving.endpoint
        assert "⇄ https://127.0.0.1:" in str(workbench(app).status.render())
        await palette(pilot, "Stop the endpoint")
        await wait_for(pilot, lambda: not workbench(app).serving.running)
        assert not endpoint.running
        assert "⇄" not in str(workbench(app).status.render())
