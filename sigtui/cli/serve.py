"""`sigtui serve [--host 127.0.0.1] [--port N]`: a local Azure Resource Manager endpoint over HTTPS."""

from __future__ import annotations

import sys

from .output import CliError, UsageError

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def run(ctx, ns) -> None:
    if ns.host not in LOOPBACK:
        raise UsageError(f"sigtui serve: error: argument --host: '{ns.host}' is not a loopback address "
                         f"(choose from {', '.join(LOOPBACK)})")
    if not 0 <= ns.port <= 65535:
        raise UsageError(f"sigtui serve: error: argument --port: {ns.port} is not a port number (0 chooses any free "
                         "port)")
    from ..serve.server import serve

    try:
        status = serve(ctx.path, "127.0.0.1" if ns.host == "localhost" else ns.host, ns.port)
    except OSError as error:
        raise CliError(f"sigtui serve: error: {error.strerror or error}") from None
    sys.exit(status)


def build(parser, group) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="loopback address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="TCP port (default 0: any free port)")
    parser.set_defaults(handler=run, bootstrap=False)
