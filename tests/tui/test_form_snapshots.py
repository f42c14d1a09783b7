"""What the editing dialogs look like: each form empty and with errors, the target-region editor, the encryption
step, the edit forms with their read-only fields, confirmations, failed regions and the activity log."""

from __future__ import annotations

from .editing_helpers import choose, no_blink, press, type_text
from .helpers import open_path
from .test_snapshots import snap


def form_snap(snap_compare, app, *steps):
    """Open the tree at `steps[0]` (names), then run the key presses / coroutines that follow; no cursor blink."""

    async def run_before(pilot):
        path, *actions = steps
        await open_path(pilot, *path)
        for action in actions:
            if isinstance(action, str):
                await press(pilot, action)
            else:
                await action(pilot)
            no_blink(pilot.app)

    return snap(snap_compare, app, run_before)


def typed(text):
    async def run(pilot):
        await type_text(pilot, text)

    return run


def chosen(downs):
    async def run(pilot):
        await choose(pilot, downs)

    return run


def keys(*names):
    async def run(pilot):
        await press(pilot, *names)

    return run


def test_gallery_form_empty(snap_compare, make_app):
    assert form_snap(snap_compare, make_app(), ("Contoso Production", "rg-images"), "n")


def test_gallery_form_with_errors(snap_compare, make_app):
    assert form_snap(
        snap_compare, make_app(), ("Contoso Production", "rg-images"), "n", typed("New-Gallery."), "ctrl+s"
    )


def test_definition_form_empty(snap_compare, make_app):
    assert form_snap(snap_compare, make_app(), ("ContosoImages",), "n")


def test_definition_form_with_errors(snap_compare, make_app):
    assert form_snap(snap_compare, make_app(), ("ContosoImages",), "n", typed("web_"), "ctrl+s")


def test_definition_edit_form(snap_compare, make_app):
    assert form_snap(snap_compare, make_app(), ("ContosoImages", "ubuntu-web"), "e", typed("+6 months"))


def test_version_form_empty(snap_compare, make_app):
    assert form_snap(snap_compare, make_app(), ("ContosoImages", "ubuntu-web"), "n")


def test_version_form_with_errors(snap_compare, make_app):
    assert form_snap(snap_compare, make_app(), ("ContosoImages", "ubuntu-web"), "n", typed("1.0"), "ctrl+s")


def test_version_target_region_editor(snap_compare, make_app):
    assert form_snap(
        snap_compare,
        make_app(),
        ("ContosoImages", "ubuntu-web"),
        "n",
        typed("1.4.0"),
        keys("tab", "tab"),
        chosen(2),
        "f6",
        keys("ctrl+n", *"eastus", "tab", "2"),
        keys("ctrl+n", *"westeurope", "tab", "tab"),
        chosen(2),
        keys("ctrl+n", *"brazilsouth", "tab", *"12"),
    )


def test_version_encryption_step(snap_compare, make_app):
    assert form_snap(
        snap_compare,
        make_app(),
        ("ContosoImages", "ubuntu-web"),
        "n",
        typed("1.4.0"),
        keys("tab", "tab"),
        chosen(2),
        "f6",
        keys("ctrl+n", *"eastus2"),
        "f6",
        chosen(1),
    )


def test_version_edit_form_replication_step(snap_compare, make_app):
    assert form_snap(
        snap_compare,
        make_app(),
        ("ContosoImages", "rhel-app", "1.0.0"),
        "e",
        "f6",
        keys("ctrl+n", *"westeurope"),
    )


def test_delete_confirmation(snap_compare, make_app):
    assert form_snap(snap_compare, make_app(), ("ContosoImages", "win2022-base", "2023.1.0"), "d")


def test_delete_refused_offers_the_children(snap_compare, make_app):
    assert form_snap(snap_compare, make_app(), ("ContosoImages",), "d")


def test_failed_region_dialog(snap_compare, make_app):
    assert form_snap(snap_compare, make_app(), ("ContosoImages", "rhel-app", "1.0.0"), "F")


def test_activity_log(snap_compare, make_app):
    assert form_snap(snap_compare, make_app(), ("ContosoImages",), "a", keys("ctrl+f", *"ubuntu-web"))
