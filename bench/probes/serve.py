"""The endpoint under load: `GET version` and `PUT version` through `sigtui serve` over HTTPS (one kept-alive
connection, one request at a time) beside the same REST handler called in-process, and the server's memory.

`python bench/probes/serve.py DB N` prints `METRICS {json}`: for each of get and put, requests per second and
p50/p99 latency in ms over HTTPS and in-process, and the server's resident memory (MB) after the requests."""

from __future__ import annotations

import http.client
import json
import os
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sigtui.cli.args import GlobalOptions
from sigtui.cli.context import Context
from sigtui.rest.handle import handle
from sigtui.rest.http import Request
from sigtui.store.apps import app_principal
from sigtui.store.services import Services

SUBSCRIPTION = "Contoso Scale"
VERSION = ("rg-scale", "scaleGallery000", "app-03", "1.4.0")
API = "api-version=2024-03-03"


def version_path(sub: str) -> str:
    rg, gallery, definition, version = VERSION
    return (f"/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute/galleries/{gallery}"
            f"/images/{definition}/versions/{version}?{API}")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def start_server(db: Path, data: Path) -> tuple[subprocess.Popen, dict]:
    env = {**os.environ, "XDG_DATA_HOME": str(data)}
    server = subprocess.Popen([sys.executable, "-m", "sigtui", "serve", "--db", str(db), "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    return server, json.loads(server.stdout.readline())


def put_body(version: dict) -> dict:
    """What a client sends to PUT the version again: its location, source and target regions."""
    profile = version["properties"]["publishingProfile"]
    return {"location": version["location"], "properties": {
        "storageProfile": {"source": version["properties"]["storageProfile"]["source"]},
        "publishingProfile": {"targetRegions": profile["targetRegions"]}}}


def timed(call: Callable[[], None], count: int) -> dict:
    """Requests per second and p50/p99 latency (ms) of `count` calls one after another."""
    call()
    samples = []
    started = time.perf_counter()
    for _ in range(count):
        begin = time.perf_counter()
        call()
        samples.append((time.perf_counter() - begin) * 1000)
    total = time.perf_counter() - started
    quantiles = statistics.quantiles(samples, n=100)
    return {"rps": count / total, "p50": statistics.median(samples), "p99": quantiles[98]}


class Client:
    """One kept-alive HTTPS connection to the endpoint, trusting sigtui's CA, with a bearer token."""

    def __init__(self, info: dict) -> None:
        endpoint = urllib.parse.urlsplit(info["endpoint"])
        context = ssl.create_default_context(cafile=info["ca"])
        self.conn = http.client.HTTPSConnection(endpoint.hostname, endpoint.port, context=context, timeout=60)
        self.conn.connect()
        self.conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.token = ""

    def send(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None) -> dict:
        headers = {**(headers or {}), **({"Authorization": f"Bearer {self.token}"} if self.token else {})}
        self.conn.request(method, path, body=body, headers=headers)
        answer = self.conn.getresponse()
        data = answer.read()
        if answer.status >= 300:
            raise RuntimeError(f"{method} {path}: {answer.status} {data[:300]!r}")
        return json.loads(data) if data else {}


def main(db: Path, count: int) -> None:
    owner = Services(db)
    sub = next(s.id for s in owner.list_subscriptions() if s.name == SUBSCRIPTION)
    sp = owner.create_for_rbac("bench-serve", "Owner", [f"/subscriptions/{sub}"])
    with owner.read() as conn:
        oid = app_principal(conn, sp["appId"], sp["password"]).id
    owner.db.dispose()
    with tempfile.TemporaryDirectory() as data:
        server, info = start_server(db, Path(data))
        try:
            client = Client(info)
            form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": sp["appId"],
                                           "client_secret": sp["password"], "scope": f"{info['endpoint']}/.default"})
            client.token = client.send("POST", f"/{sp['tenant']}/oauth2/v2.0/token", form.encode(),
                                       {"Content-Type": "application/x-www-form-urlencoded"})["access_token"]
            path = version_path(sub)
            body = json.dumps(put_body(client.send("GET", path))).encode()
            json_type = {"Content-Type": "application/json"}
            over_https = {"get": timed(lambda: client.send("GET", path), count),
                          "put": timed(lambda: client.send("PUT", path, body, json_type), count)}
            memory = rss_mb(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=20)
    in_process = in_process_figures(db, sub, oid, json.loads(body), count)
    print("METRICS " + json.dumps({"https": over_https, "in_process": in_process, "rss_mb": memory}))


def in_process_figures(db: Path, sub: str, caller: str, body: dict, count: int) -> dict:
    """The same requests answered by the REST handler directly, one `Context` per request as the server does."""
    path = version_path(sub)

    def answer(method: str, payload: dict | None) -> None:
        ctx = Context(GlobalOptions(db=str(db), caller=caller), face="serve")
        try:
            response = handle(ctx, Request(method, path, payload))
        finally:
            ctx.close()
        if response.status >= 300:
            raise RuntimeError(f"{method} {path}: {response.status} {response.body}")

    return {"get": timed(lambda: answer("GET", None), count), "put": timed(lambda: answer("PUT", body), count)}


def empty_server_rss() -> None:
    """The floor for memory: `sigtui serve` on a new, empty database, after one request."""
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "empty.db"
        subprocess.run([sys.executable, "-m", "sigtui", "init", "--db", str(db)], check=True, capture_output=True)
        server, info = start_server(db, Path(folder) / "data")
        try:
            Client(info).send("GET", "/metadata/endpoints")
            print("METRICS " + json.dumps({"rss_mb": rss_mb(server.pid)}))
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    if sys.argv[1] == "empty":
        empty_server_rss()
    else:
        main(Path(sys.argv[1]), int(sys.argv[2]))
