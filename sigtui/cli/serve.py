"""`sigtui serve [--host 127.0.0.1] [--port N]`: a local Azure Resource Manager endpoint over HTTPS."""

from __future__ import annotations

import argparse
import sys

from .output import CliError

LOOPBACK = ("127.0.0.1", "localhost")
"""The names the server certificate covers."""


def loopback(text: str) -> str:
    if text not in LOOPBACK:
        raise argparse.ArgumentTypeError(f"'{text}' is not a loopback address (choose from {', '.join(LOOPBACK)})")
    return "127.0.0.1"


def port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number (0 chooses any free port)")
    return int(text)


def run(ctx, ns) -> None:
    from ..serve.server import serve

    try:
        status = serve(ctx.path, ns.host, ns.port)
    except OSError as error:
        raise CliError(f"sigtui serve: error: {error.strerror or error}") from None
    sys.exit(status)


def build(parser, group) -> None:
    parser.add_argument("--host", type=loopback, default="127.0.0.1",
                        help="loopback address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=port, default=0, help="TCP port (default 0: any free port)")
    parser.set_defaults(handler=run, bootstrap=False)
