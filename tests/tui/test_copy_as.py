"""`Y` and a form's `f2`: the resource or the pending form as az, az rest and curl requests, copied with one key."""

from __future__ import annotations

from sigtui.tui.screens.copy_as import CopyAsScreen
from sigtui.tui.screens.forms.definition import DefinitionForm
from sigtui.tui.screens.forms.gallery import GalleryForm

from .conftest import SIZE
from .editing_helpers import PROD, press, type_text
from .helpers import open_path, settle, workbench
from .test_snapshots import snap

PAT = "pat@contoso.onmicrosoft.com"
GALLERY = f"/subscriptions/{PROD}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/ContosoImages"


def text(screen: CopyAsScreen, attr: str) -> str:
    return str(screen.bodies[attr].render())


async def test_y_shows_the_resource_as_three_requests_and_copies_each(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages")
        await press(pilot, "Y")
        screen = app.screen
        assert isinstance(screen, CopyAsScreen)
        assert str(screen.title_line.render()) == "Create gallery ContosoImages"
        assert text(screen, "az") == (
            "az sig create -g rg-images -r ContosoImages -l westus --description "
            f"'Golden images for Contoso'\"'\"'s platform team.' --tags env=prod --subscription {PROD}")
        assert text(screen, "az_rest").startswith(f"az rest --method put --url '{GALLERY}?api-version=2024-03-03'")
        assert text(screen, "curl").startswith('curl -X PUT -H "Authorization: Bearer $TOKEN"')
        for key, attr in (("a", "az"), ("r", "az_rest"), ("c", "curl")):
            await press(pilot, key)
            assert app.clipboard == text(screen, attr)
        await press(pilot, "escape")
        assert not isinstance(app.screen, CopyAsScreen)


async def test_a_pending_edit_is_copied_as_an_update(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "ubuntu-web")
        await press(pilot, "e")
        form = app.screen
        assert isinstance(form, DefinitionForm)
        form.query_one("#f-description").control.focus()
        await type_text(pilot, "Reviewed")
        await press(pilot, "f2")
        screen = app.screen
        assert isinstance(screen, CopyAsScreen)
        assert text(screen, "az") == (
            "az sig image-definition update -g rg-images -r ContosoImages -i ubuntu-web --set description=Reviewed "
            f"--subscription {PROD}")
        assert "--method patch" in text(screen, "az_rest") and '"description":"Reviewed"' in text(screen, "curl")
        await press(pilot, "escape")
        assert app.screen is form


async def test_a_form_that_is_not_valid_yet_says_why_instead(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "Contoso Production", "rg-images")
        await press(pilot, "n")
        form = app.screen
        assert isinstance(form, GalleryForm)
        await type_text(pilot, "bad name!")
        await press(pilot, "f2")
        assert app.screen is form
        assert str(form.status.render()).startswith("Nothing to copy yet: ")


async def test_a_resource_shown_only_for_context_is_refused_with_the_reason(make_app):
    app = make_app(caller=PAT)
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages")
        await press(pilot, "Y")
        assert not isinstance(app.screen, CopyAsScreen)
        assert any(n.message.startswith(f"AuthorizationFailed: the client '{PAT}'") for n in app._notifications)
        await open_path(pilot, "ContosoImages", "ubuntu-web")
        await press(pilot, "Y")
        assert isinstance(app.screen, CopyAsScreen)


async def test_help_and_palette_offer_copy_as_and_quotas(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ids = {row[3] for row in workbench(app).help_rows()}
        assert {"app.copy-as", "access.quotas", "form.copy-as", "copy-as.az", "copy-as.rest", "copy-as.curl"} <= ids
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Copy as az / REST / curl", "Quotas"} <= titles


def test_copy_as_screen_snapshot(snap_compare, make_app):
    async def run_before(pilot):
        await open_path(pilot, "ContosoImages", "win2022-base", "2023.1.0")
        await pilot.press("Y")

    assert snap(snap_compare, make_app(), run_before)
