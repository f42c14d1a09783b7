"""`Y` on a resource, `f2` in a form: the same request as an `az` command line, an `az rest` call and a curl
request; one key copies each (OSC 52, through Textual's `App.copy_to_clipboard`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from ...domain.equivalents import Equivalent
from ..messages import EquivalentLoaded
from ..threads import run_in_thread

Loader = Callable[[], EquivalentLoaded]
"""Runs on the screen's thread worker: reads the resource and says how to make it."""

WAYS = (("az", "az", "az CLI"), ("az_rest", "az rest", "az rest"), ("curl", "curl", "curl"))
"""Attribute of `Equivalent`, copy action's name, heading."""


class CopyAsScreen(ModalScreen[None]):
    """Three ways to send one request, each selectable and copied with one key."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "copy('az')", "Copy az", id="copy-as.az"),
        Binding("r", "copy('az_rest')", "Copy az rest", id="copy-as.rest"),
        Binding("c", "copy('curl')", "Copy curl", id="copy-as.curl"),
        Binding("escape,q", "close", "Close", id="copy-as.close"),
    ]

    def __init__(self, source: Equivalent | Loader) -> None:
        super().__init__()
        self.equivalent = source if isinstance(source, Equivalent) else None
        self.loader = None if isinstance(source, Equivalent) else source
        self.title_line = Static("Loading…", id="copy-as-title", markup=False)
        self.note = Static("", id="copy-as-note", markup=False)
        self.bodies = {attr: Static("", id=f"copy-as-{attr.replace('_', '-')}", classes="copy-as-text", markup=False)
                       for attr, _, _ in WAYS}

    def compose(self) -> ComposeResult:
        with Vertical(id="copy-as-dialog"):
            yield self.title_line
            with VerticalScroll(id="copy-as-scroll"):
                for attr, _, heading in WAYS:
                    yield Static(heading, classes="copy-as-heading")
                    yield self.bodies[attr]
            yield self.note
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if self.loader is not None:
            run_in_thread(self, "copy-as", self.loader)
        else:
            self.show(self.equivalent)

    def on_equivalent_loaded(self, message: EquivalentLoaded) -> None:
        if message.equivalent is None:
            self.title_line.update(message.problem)
            return
        self.show(message.equivalent)

    def show(self, equivalent: Equivalent) -> None:
        self.equivalent = equivalent
        self.title_line.update(equivalent.title)
        for attr, _, _ in WAYS:
            self.bodies[attr].update(getattr(equivalent, attr))
        self.note.update(equivalent.note or "curl talks to $ENDPOINT (`sigtui serve`), else management.azure.com")

    def action_copy(self, attr: str) -> None:
        if self.equivalent is None:
            return
        self.app.copy_to_clipboard(getattr(self.equivalent, attr))
        heading = next(heading for key, _, heading in WAYS if key == attr)
        self.notify(f"Copied the {heading} line", timeout=3)

    def action_close(self) -> None:
        self.dismiss(None)
