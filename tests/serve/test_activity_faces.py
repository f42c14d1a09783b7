"""What the endpoint writes, and what it refuses, is in the activity log as the `serve` face, under the
service principal that signed in."""

from __future__ import annotations

from sigtui.store import reads

from .test_app import API, signed_in, world  # noqa: F401  (world is a fixture)


def test_the_endpoint_logs_writes_and_refusals_as_serve(svc, world):  # noqa: F811
    client, sub = signed_in(world)
    url = f"/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.Compute/galleries/ServedGallery?{API}"
    assert client.put(url, json={"location": "westus"}).status_code == 201
    bad = f"/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.Compute/galleries/bad--name!?{API}"
    refused = client.put(bad, json={"location": "westus"})
    assert refused.status_code == 400
    log = svc.activity()
    written = next(e for e in log if e["resource_id"].endswith("/galleries/ServedGallery"))
    assert written["face"] == "serve" and written["status"] == "Succeeded"
    with svc.read() as conn:
        assert reads.find_principal(conn, written["caller"]).display_name == "pipeline"
    failed = next(e for e in log if e["resource_id"].endswith("/galleries/bad--name!"))
    assert failed["face"] == "serve" and failed["status"] == "Failed"
    assert failed["message"].startswith(f"({refused.json()['error']['code']})")
