"""Run the endpoint: the database made as the workbench makes it, TLS from the local CA, uvicorn on a loopback
socket, one JSON line on stdout once it listens, and a clean exit on SIGTERM or SIGINT."""

from __future__ import annotations

import json
import socket
import sys
from pathlib import Path

import uvicorn

from ..store import raw, reads
from ..store.paths import default_db_path
from . import tls
from .app import build_app
from .tokens import TokenIssuer

SHUTDOWN_SECONDS = 1
"""How long a stopping server waits for open connections (clients keep idle TLS connections in their pools)."""


def data_dir() -> Path:
    """sigtui's data directory: where the default database, the CA and the token-signing key live."""
    return default_db_path().parent


def prepare_database(path: Path) -> None:
    """A new database gets the demo catalog, as the workbench gives it; an older one is migrated; either way
    it can keep service principals' secrets."""
    from ..store.services import Services

    services = Services(path)
    try:
        if raw.stored_schema_version(path) is None:
            from ..store.demo import build_demo

            services.bootstrap()
            build_demo(services)
        elif raw.stored_schema_version(path) != raw.SCHEMA_VERSION:
            services.bootstrap()
    finally:
        services.db.dispose()


class Server(uvicorn.Server):
    """uvicorn, announcing itself once listening; a signal ends it cleanly with status 0."""

    def __init__(self, config: uvicorn.Config, ready: dict):
        super().__init__(config)
        self.ready = ready

    async def startup(self, sockets=None) -> None:
        await super().startup(sockets)
        if not self.should_exit:
            print(json.dumps(self.ready), flush=True)

    def handle_exit(self, sig, frame) -> None:
        self.should_exit = True


def _announcement(path: Path, endpoint: str, ca: Path) -> dict:
    conn = raw.connect(path)
    try:
        sub = reads.subscriptions(conn)[0]
    finally:
        conn.close()
    return {"endpoint": endpoint, "ca": str(ca), "tenant": sub.tenant_id, "subscription": sub.id}


def listen(host: str, port: int) -> socket.socket:
    """A loopback socket bound and listening; OSError when the port is taken. It names TCP as its protocol, so
    asyncio turns Nagle's algorithm off on every connection it accepts (without it, each response waits out the
    client's delayed acknowledgement, about 40 ms)."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError:
        listener.close()
        raise
    listener.listen(128)
    return listener


def configure(db_path: Path, listener: socket.socket, log_stream=sys.stderr) -> tuple[uvicorn.Config, dict]:
    """uvicorn's configuration for the endpoint on `listener` (TLS from the local CA), and what it announces."""
    host, port = listener.getsockname()[:2]
    files = tls.ensure(data_dir())
    endpoint = f"https://{host}:{port}"
    issuer = TokenIssuer(data_dir() / "token-signing-key.pem", endpoint)
    config = uvicorn.Config(build_app(db_path, issuer, endpoint, log_stream), ssl_certfile=str(files.server_cert),
                            ssl_keyfile=str(files.server_key), log_level="critical", access_log=False,
                            lifespan="off", timeout_graceful_shutdown=SHUTDOWN_SECONDS)
    return config, _announcement(db_path, endpoint, files.ca_cert)


def serve(db_path: Path, host: str = "127.0.0.1", port: int = 0) -> int:
    """Serve until a signal; returns the exit status. A port in use fails before anything is written."""
    listener = listen(host, port)
    try:
        prepare_database(db_path)
        config, announcement = configure(db_path, listener)
        Server(config, announcement).run(sockets=[listener])
    finally:
        listener.close()
    return 0
