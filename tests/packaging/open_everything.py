"""Run by an installed sigtui: open the workbench on a demo database and every form and dialog, headlessly.

Usage: python open_everything.py DB. Prints one line per screen opened; exits 1 if one did not open."""

from __future__ import annotations

import asyncio
import sys

from textual.screen import ModalScreen

from sigtui.tui.app import SigtuiApp

VISITS = [
    ("ContosoImages", ["e", "n", "s"]),
    ("ubuntu-web", ["e", "n", "c", "s"]),
    ("1.2.0", ["e", "c"]),
    (None, ["f1", "a", "V", "ctrl+u", "dollar_sign"]),
]


async def settle(pilot) -> None:
    """Until the workers are done and their messages handled."""
    for _ in range(8):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in pilot.app.workers):
            break
    await pilot.pause()


async def jump(pilot, name: str) -> None:
    """The command palette's jump to a resource by name."""
    await pilot.press("ctrl+p")
    await settle(pilot)
    await pilot.press(*name)
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def opened(pilot, key: str) -> str:
    await pilot.press(key)
    await settle(pilot)
    screen = pilot.app.screen
    if not isinstance(screen, ModalScreen) and screen is pilot.app.screen_stack[0]:
        raise SystemExit(f"{key}: nothing opened")
    name = type(screen).__name__
    while len(pilot.app.screen_stack) > 1:
        await pilot.press("escape")
        await settle(pilot)
    return name


async def main(db: str) -> None:
    app = SigtuiApp(db)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        for target, keys in VISITS:
            if target:
                await jump(pilot, target)
            for key in keys:
                print(f"{target or 'workbench'} {key}: {await opened(pilot, key)}", flush=True)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
