"""The endpoint served from a thread of another program (the workbench): started, announced, and stopped
with it. Its request log is discarded: every write it makes is in the activity log, face `serve`."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import uvicorn

from .server import configure, listen

START_SECONDS = 20
STOP_SECONDS = 5


class _Discard:
    """A text stream that keeps nothing (the request log would draw over a terminal UI)."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


class BackgroundEndpoint:
    """`sigtui serve` on a daemon thread: `start` returns what it announces once it listens; `stop` ends it."""

    def __init__(self, db_path: Path, host: str = "127.0.0.1", port: int = 0) -> None:
        self.db_path, self.host, self.port = db_path, host, port
        self.server: uvicorn.Server | None = None
        self.thread: threading.Thread | None = None
        self.announcement: dict = {}

    def start(self) -> dict:
        """Listen (OSError when the port is taken) and serve; what `sigtui serve` would print."""
        listener = listen(self.host, self.port)
        try:
            config, self.announcement = configure(self.db_path, listener, _Discard())
        except BaseException:
            listener.close()
            raise
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self._run, args=(listener,), name="sigtui-endpoint", daemon=True
        )
        self.thread.start()
        deadline = time.monotonic() + START_SECONDS
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise OSError("the endpoint did not start")
            time.sleep(0.02)
        return self.announcement

    def _run(self, listener) -> None:
        try:
            self.server.run(sockets=[listener])
        finally:
            listener.close()

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def stop(self) -> None:
        """Ask the server to finish and wait for it (open connections get a second)."""
        if self.server is not None:
            self.server.should_exit = True
        if self.thread is not None:
            self.thread.join(STOP_SECONDS)
