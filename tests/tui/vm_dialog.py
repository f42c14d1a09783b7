"""Driving the VM-creation dialog in tests."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, RadioButton, Select

from sigtui.tui.screens.vm.basics import BasicsForm
from sigtui.tui.screens.vm.dialog import CreateVmDialog
from sigtui.tui.screens.vm.review import ReviewPage

from .helpers import open_path, settle

SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq7 me@contoso"


async def open_dialog(pilot: Pilot, *path: str) -> CreateVmDialog:
    """Put the cursor on a definition or version, press `c`, and wait for the Basics page."""
    await open_path(pilot, *path)
    await pilot.press("c")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, CreateVmDialog)
    assert dialog.page == "basics"
    for field in dialog.query(Input):
        field.cursor_blink = False
    return dialog


def form(dialog: CreateVmDialog) -> BasicsForm:
    assert dialog.form is not None
    return dialog.form


async def choose_region(pilot: Pilot, dialog: CreateVmDialog, region: str) -> None:
    options = dialog.query_one("#vm-region", OptionList)
    options.highlighted = options.get_option_index(region)
    await settle(pilot)


async def fill(pilot: Pilot, dialog: CreateVmDialog, **values: str) -> None:
    """Type into inputs (`name="vm1"`) or pick select values (`size="Standard_B1s"`) by field name."""
    for name, value in values.items():
        widget = dialog.query_one(f"#vm-{name}")
        widget.value = value
        await pilot.pause()
    await settle(pilot)


async def scale_set(pilot: Pilot, dialog: CreateVmDialog) -> None:
    dialog.query_one("#vm-kind-vmss", RadioButton).value = True
    await settle(pilot)


def message(dialog: CreateVmDialog, row: str) -> str:
    """The text under a form row ("" when it says nothing)."""
    return form(dialog).row(row).text


def select_value(dialog: CreateVmDialog, name: str) -> str:
    return str(dialog.query_one(f"#vm-{name}", Select).value)


async def review(pilot: Pilot, dialog: CreateVmDialog) -> str:
    """Press Review + create and return the review page's text."""
    await pilot.press("ctrl+r")
    await settle(pilot)
    return dialog.query_one(ReviewPage).text
