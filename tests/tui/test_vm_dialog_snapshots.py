"""What the VM-creation dialog looks like: generalized Linux, specialized Windows, review, `latest` unavailable."""

from __future__ import annotations

from .helpers import settle
from .test_snapshots import snap
from .vm_dialog import SSH_KEY, choose_region, fill, open_dialog, review


async def focus_name(pilot, dialog) -> None:
    """Leave the cursor in the Name field, whatever had the focus before."""
    dialog.query_one("#vm-name").focus()
    await settle(pilot)


def test_generalized_linux_image(snap_compare, make_app):
    async def run_before(pilot):
        dialog = await open_dialog(pilot, "ContosoImages", "ubuntu-web")
        await choose_region(pilot, dialog, "eastus")
        await fill(pilot, dialog, name="web-01")
        await focus_name(pilot, dialog)

    assert snap(snap_compare, make_app(), run_before)


def test_specialized_windows_image(snap_compare, make_app):
    async def run_before(pilot):
        await focus_name(pilot, await open_dialog(pilot, "TeamSandbox", "dev-box"))

    assert snap(snap_compare, make_app(), run_before)


def test_review_page(snap_compare, make_app):
    async def run_before(pilot):
        dialog = await open_dialog(pilot, "ContosoImages", "ubuntu-web")
        await choose_region(pilot, dialog, "westus")
        await fill(pilot, dialog, name="web-01", ssh=SSH_KEY, ports="SSH")
        await review(pilot, dialog)

    assert snap(snap_compare, make_app(), run_before)


def test_region_where_latest_is_unavailable(snap_compare, make_app):
    async def run_before(pilot):
        dialog = await open_dialog(pilot, "ContosoImages", "ubuntu-web")
        await choose_region(pilot, dialog, "japaneast")
        await focus_name(pilot, dialog)

    assert snap(snap_compare, make_app(), run_before)


def test_one_column_at_80_by_24_reaches_the_size_field(snap_compare, make_app):
    async def run_before(pilot):
        dialog = await open_dialog(pilot, "ContosoImages", "ubuntu-web")
        dialog.query_one("#vm-size").focus()
        await settle(pilot)

    assert snap(snap_compare, make_app(), run_before, size=(80, 24))
