"""The endpoint inside the workbench: `--serve` or the palette runs `sigtui serve` on a thread of this
process, over the same database; the status bar shows where it listens; it stops with the app."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .messages import EndpointStarted

if TYPE_CHECKING:
    from .workbench import WorkbenchScreen


class Serving:
    """Starts and stops the one endpoint of this workbench."""

    def __init__(self, screen: WorkbenchScreen) -> None:
        self.screen = screen
        self.endpoint = None

    @property
    def running(self) -> bool:
        return self.endpoint is not None

    def start(self) -> None:
        """Start listening on a free loopback port (TLS from sigtui's local CA), off the UI thread."""
        if self.screen.refuse():
            return
        if self.endpoint is not None:
            self.screen.notify(f"Already serving at {self.endpoint.announcement['endpoint']}")
            return
        db_path = self.screen.options.db_path

        def job() -> EndpointStarted:
            from ..serve.background import BackgroundEndpoint

            endpoint = BackgroundEndpoint(db_path)
            endpoint.start()
            return EndpointStarted(endpoint)

        self.screen.run("endpoint", job, exclusive=True)

    def started(self, message: EndpointStarted) -> None:
        self.endpoint = message.endpoint
        info = self.endpoint.announcement
        self.screen.status.endpoint = info["endpoint"]
        self.screen.status.show(self.screen.clock.now())
        self.screen.notify(
            f"{info['endpoint']}\nCA: {info['ca']}\nTenant: {info['tenant']}\nSubscription: {info['subscription']}",
            title="Serving Azure Resource Manager",
            timeout=10,
        )

    def stop(self) -> None:
        """Stop the endpoint (waiting a moment for open connections)."""
        if self.endpoint is None:
            return
        self.endpoint.stop()
        self.endpoint = None
        self.screen.status.endpoint = ""
        self.screen.status.show(self.screen.clock.now())
