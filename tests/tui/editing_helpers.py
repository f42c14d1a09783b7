"""Helpers for the editing tests: the services on the test database, typing into the focused field."""

from __future__ import annotations

from textual.pilot import Pilot

from .helpers import settle, workbench

PROD = "6a3c8e2f-3b1d-4c7e-9f0a-5d2b7c8e1f40"


def services(app):
    """The app's own write side (same database, same fake clock)."""
    return workbench(app).backend.services()


async def press(pilot: Pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def type_text(pilot: Pilot, text: str) -> None:
    """Replace the focused field's text."""
    await pilot.press("end", "ctrl+u", *text)
    await settle(pilot)


async def choose(pilot: Pilot, downs: int) -> None:
    """Open the focused Select and move `downs` options down from the current one."""
    await pilot.press("enter", *["down"] * downs, "enter")
    await settle(pilot)


def errors(screen) -> dict[str, str]:
    """The fields showing an error: id → message."""
    return {f.id: str(f.message.render()) for f in screen.query("FormField") if f.invalid}


def no_blink(app) -> None:
    for field in app.screen.query("Input"):
        field.cursor_blink = False
