"""The shape of the TUI: a thin app over the workbench screen, plain controllers, and one handler for every
message in each screen's and widget's class hierarchy."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections import Counter

from textual.app import App
from textual.dom import DOMNode

import sigtui.tui
from sigtui.tui.app import SigtuiApp
from sigtui.tui.deploying import Deploying
from sigtui.tui.editing import Editing
from sigtui.tui.sharing import Sharing


def tui_node_classes() -> list[type[DOMNode]]:
    """Every app, screen and widget class defined in `sigtui.tui`."""
    found = []
    for info in pkgutil.walk_packages(sigtui.tui.__path__, "sigtui.tui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, DOMNode) and cls.__module__ == module.__name__:
                found.append(cls)
    return found


def handlers(cls: type) -> Counter[str]:
    """How many methods of sigtui's own classes in `cls`'s hierarchy handle each message (by handler name)."""
    counts: Counter[str] = Counter()
    for klass in cls.__mro__:
        if not klass.__module__.startswith("sigtui."):
            continue
        for name, attribute in vars(klass).items():
            decorated = getattr(attribute, "_textual_on", None)
            if decorated:
                counts.update({message.handler_name for message, _ in decorated})
            elif name.startswith(("on_", "_on_")):
                counts[name.removeprefix("_")] += 1
    return counts


def test_the_app_is_a_thin_shell():
    assert SigtuiApp.__bases__ == (App,)


def test_the_areas_are_plain_controllers():
    for controller in (Editing, Deploying, Sharing):
        assert controller.__bases__ == (object,)


def test_every_message_has_one_handler_per_class_hierarchy():
    classes = tui_node_classes()
    assert SigtuiApp in classes and len(classes) > 20
    twice = {cls.__qualname__: sorted(n for n, c in handlers(cls).items() if c > 1) for cls in classes}
    assert {name: found for name, found in twice.items() if found} == {}


def test_the_check_finds_a_message_handled_twice():
    from textual import on
    from textual.screen import Screen
    from textual.widgets import Select

    class Base(Screen):
        @on(Select.Changed)
        def _changed(self, event) -> None: ...

    class Derived(Base):
        def on_select_changed(self, event) -> None: ...

    Base.__module__ = Derived.__module__ = "sigtui.tui.example"
    assert handlers(Derived)["on_select_changed"] == 2
