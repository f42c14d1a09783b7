"""Create, edit and delete from the keyboard; fixed fields stay fixed; failed regions; undo and redo."""

from __future__ import annotations

import pytest

from sigtui.domain.errors import AzureError
from sigtui.domain.models import ReplicationState
from sigtui.domain.replication import region_status
from sigtui.tui.screens.confirm import ConfirmScreen
from sigtui.tui.screens.failed_region import FailedRegionScreen
from sigtui.tui.screens.forms.definition import DefinitionForm
from sigtui.tui.screens.forms.gallery import GalleryForm
from sigtui.tui.screens.forms.version import VersionForm
from sigtui.tui.screens.refused import RefusedScreen

from .conftest import SIZE
from .editing_helpers import PROD, choose, errors, press, services, type_text
from .helpers import open_path, settle, workbench


def cursor(app):
    return workbench(app).cursor_data()


def states(version, now):
    return {t.name: region_status(t.name, t.job, now).state for t in version.target_regions}


async def test_create_gallery_definition_and_version_from_the_keyboard(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "Contoso Production", "rg-images")
        await press(pilot, "n")
        assert isinstance(app.screen, GalleryForm)
        await type_text(pilot, "Web.Images")
        await press(pilot, "tab")
        await press(pilot, "tab", *"Web images")
        await press(pilot, "ctrl+s")
        gallery = services(app).get_gallery(PROD, "rg-images", "Web.Images")
        assert (gallery.location, gallery.description) == ("westus", "Web images")
        assert cursor(app).name == "Web.Images"

        await press(pilot, "n")
        assert isinstance(app.screen, DefinitionForm)
        await type_text(pilot, "web-app")
        await press(pilot, "tab", "tab")
        await choose(pilot, 2)
        await press(pilot, "tab", "tab")
        await choose(pilot, 1)
        await press(pilot, "tab", "tab", *"Contoso", "tab", *"Web", "tab", *"App")
        await press(pilot, "ctrl+s")
        definition = services(app).get_definition(PROD, "rg-images", "Web.Images", "web-app")
        assert (definition.os_type, definition.os_state, definition.hyper_v_generation) == (
            "Linux",
            "Generalized",
            "V2",
        )
        assert cursor(app).name == "web-app"

        await press(pilot, "n")
        assert isinstance(app.screen, VersionForm)
        await type_text(pilot, "1.0.0")
        await press(pilot, "tab", "tab")
        await choose(pilot, 2)
        await press(pilot, "f6")
        await press(pilot, "ctrl+n", *"eastus", "tab", "2")
        await press(pilot, "ctrl+n", *"westeurope")
        await press(pilot, "ctrl+s")
        version = services(app).get_version(PROD, "rg-images", "Web.Images", "web-app", "1.0.0")
        assert [(t.name, version.replicas_in(t)) for t in version.target_regions] == [
            ("westus", 1),
            ("eastus", 2),
            ("westeurope", 1),
        ]
        assert version.source_id.endswith("/images/img-ubuntu-web")
        assert cursor(app).kind == "version" and cursor(app).name == "1.0.0"
        assert any(j.version_id == version.id for j in workbench(app).clock.jobs), "replication shows at once"


async def test_a_form_writes_nothing_until_every_field_is_valid(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "ubuntu-web")
        before = len(services(app).list_versions(PROD, "rg-images", "ContosoImages", "ubuntu-web"))
        await press(pilot, "n")
        await type_text(pilot, "1.0")
        assert "Major(int).Minor(int).Patch(int)" in errors(app.screen)["f-version"]
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, VersionForm)
        assert set(errors(app.screen)) >= {"f-version", "f-source"}
        assert "Nothing was saved" in str(app.screen.status.render())
        await press(pilot, "f6")
        await press(pilot, "ctrl+n", *"eastus", "tab", *"11")
        assert "must be between 1 and 10" in errors(app.screen)["f-targets"]
        assert len(services(app).list_versions(PROD, "rg-images", "ContosoImages", "ubuntu-web")) == before


async def test_a_refused_write_keeps_the_form_open_and_says_why(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "Contoso Production", "rg-finance")
        await press(pilot, "n")
        await type_text(pilot, "ContosoImages")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, GalleryForm)
        assert "is not unique within the subscription" in errors(app.screen)["f-name"]
        assert len(services(app).list_galleries(PROD)) == 2


async def test_edit_forms_change_only_updatable_fields(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages")
        await press(pilot, "e")
        form = app.screen
        assert form.name_input.disabled and form.location_input.disabled
        assert app.focused is form.description
        await type_text(pilot, "Golden images, reviewed")
        await press(pilot, "ctrl+s")
        assert services(app).get_gallery(PROD, "rg-images", "ContosoImages").description == "Golden images, reviewed"

        await open_path(pilot, "ContosoImages", "ubuntu-web")
        await press(pilot, "e")
        form = app.screen
        fixed = ("name", "publisher", "offer", "sku", "os_type", "os_state", "hyper_v_generation", "eula")
        assert all(form.controls[key].disabled for key in fixed)
        assert not any(form.controls[key].focusable for key in fixed)
        for key, value in (
            ("vcpus_min", "2"),
            ("vcpus_max", "8"),
            ("memory_min", "4"),
            ("memory_max", "32"),
            ("description", "Web tier"),
            ("end_of_life_date", "+6 months"),
        ):
            form.controls[key].focus()
            await type_text(pilot, value)
        assert form.query_one("#f-eol").hint.render().plain.startswith("→ 2026-09-01 12:00")
        await press(pilot, "ctrl+s")
        d = services(app).get_definition(PROD, "rg-images", "ContosoImages", "ubuntu-web")
        assert (d.vcpus_min, d.vcpus_max, d.memory_min, d.memory_max, d.description) == (2, 8, 4, 32, "Web tier")
        assert d.end_of_life_date.isoformat().startswith("2026-09-01")

        await open_path(pilot, "ContosoImages", "ubuntu-web", "1.2.0")
        await press(pilot, "e")
        form = app.screen
        assert form.name_input.disabled and form.storage.disabled
        form.replicas.focus()
        await type_text(pilot, "2")
        form.exclude.focus()
        await press(pilot, "space")
        form.eol.focus()
        await type_text(pilot, "in 90 days")
        await press(pilot, "f6")
        await press(pilot, "ctrl+n", *"northeurope", "tab", "3")
        await press(pilot, "ctrl+s")
        v = services(app).get_version(PROD, "rg-images", "ContosoImages", "ubuntu-web", "1.2.0")
        assert (v.replica_count, v.exclude_from_latest) == (2, True)
        assert v.end_of_life_date.isoformat().startswith("2026-05-30")
        assert [t.name for t in v.target_regions][-1] == "northeurope"
        assert states(v, workbench(app).clock.now())["northeurope"] is ReplicationState.REPLICATING
        row = workbench(app).details.table.rows[-1]
        assert (row.label, row.replicas, row.state(workbench(app).clock.now())) == (
            "North Europe",
            "3",
            "Replicating",
        ), "shown at once"


async def test_fixed_fields_are_refused_by_the_service(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        with pytest.raises(AzureError, match=r"Changing property 'galleryImage.properties.osType' is not allowed."):
            services(app).update_definition(
                PROD, "rg-images", "ContosoImages", "ubuntu-web", {"properties": {"osType": "Windows"}}
            )
        with pytest.raises(AzureError, match=r"Changing property 'galleryImageVersion.properties.storageProfile"):
            services(app).update_version(
                PROD,
                "rg-images",
                "ContosoImages",
                "ubuntu-web",
                "1.2.0",
                {"properties": {"storageProfile": {"source": {"id": "/subscriptions/x/other"}}}},
            )


async def test_delete_in_the_wrong_order_is_refused_and_offers_the_children(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "rhel-app")
        workbench(app).resource_tree.cursor_node.collapse()
        await press(pilot, "d")
        assert isinstance(app.screen, RefusedScreen)
        assert app.screen.error.message == "Can not delete resource before nested resources are deleted."
        await press(pilot, "c")
        assert app.screen is app.screen_stack[0]
        assert cursor(app).name == "1.0.0", "the children are shown"
        assert services(app).get_definition(PROD, "rg-images", "ContosoImages", "rhel-app")


async def test_delete_in_the_right_order(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dev = "0b1f6471-1bf0-4dda-aec3-cb9272f09590"
        await open_path(pilot, "TeamSandbox", "dev-box", "2024.11.1")
        await press(pilot, "d")
        assert isinstance(app.screen, ConfirmScreen)
        assert app.focused.id == "confirm-no", "the safe answer is the default"
        await press(pilot, "y")
        assert services(app).list_versions(dev, "rg-sandbox", "TeamSandbox", "dev-box") == []
        assert cursor(app).name == "dev-box"
        await press(pilot, "d")
        await press(pilot, "y")
        assert isinstance(app.screen, ConfirmScreen), "y alone does not delete what needs its name typed"
        await type_text(pilot, "dev-bo")
        await press(pilot, "enter")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "x", "enter")
        assert services(app).list_definitions(dev, "rg-sandbox", "TeamSandbox") == []
        await open_path(pilot, "TeamSandbox")
        await press(pilot, "d", *"TeamSandbox", "enter")
        assert [g.name for g in services(app).list_galleries(dev)] == []


async def test_retry_one_failed_region(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "rhel-app", "1.0.0")
        await press(pilot, "F")
        assert isinstance(app.screen, FailedRegionScreen)
        assert [region for region, _ in app.screen.failed] == ["northeurope"]
        await press(pilot, "r")
        v = services(app).get_version(PROD, "rg-images", "ContosoImages", "rhel-app", "1.0.0")
        assert states(v, workbench(app).clock.now())["northeurope"] is ReplicationState.REPLICATING


async def test_remove_a_failed_region_then_undo_and_redo(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "rhel-app", "1.0.0")
        await press(pilot, "F", "x")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "y")

        def regions():
            version = services(app).get_version(PROD, "rg-images", "ContosoImages", "rhel-app", "1.0.0")
            return [t.name for t in version.target_regions]

        assert regions() == ["westus", "eastus"]
        await press(pilot, "ctrl+z")
        assert regions() == ["westus", "eastus", "northeurope"]
        await press(pilot, "ctrl+y")
        assert regions() == ["westus", "eastus"]


async def test_undo_and_redo_an_edit_through_the_services(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages")
        gallery_id = cursor(app).arm_id
        await press(pilot, "e")
        await type_text(pilot, "Changed")
        await press(pilot, "ctrl+s")

        def description():
            return services(app).get_gallery(PROD, "rg-images", "ContosoImages").description

        assert description() == "Changed"
        await press(pilot, "ctrl+z")
        assert description() == "Golden images for Contoso's platform team."
        await press(pilot, "ctrl+y")
        assert description() == "Changed"
        await press(pilot, "ctrl+y")
        writes = [
            e
            for e in services(app).activity(gallery_id)
            if e["resource_id"] == gallery_id and e["operation"] == "Microsoft.Compute/galleries/write"
        ]
        assert len(writes) == 4, "create, edit, undo and redo are all in the activity log"


async def test_activity_log_for_the_whole_database_is_filterable(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        screen = app.screen
        everything = len(screen.shown)
        assert everything == len(services(app).activity())
        await press(pilot, "ctrl+f", *"rhel-app versions")
        assert 0 < len(screen.shown) < everything
        assert all("rhel-app" in e["resource_id"] for e in screen.shown)
        await press(pilot, "escape")
        assert screen is not app.screen


async def test_read_only_mode_hides_and_refuses_editing(make_app):
    app = make_app(readonly=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages")
        for key in ("n", "e", "d", "F", "ctrl+z"):
            await press(pilot, key)
            assert app.screen is app.screen_stack[0]
        assert not workbench(app).check_action("create_resource", ())
        await press(pilot, "a")
        assert app.screen is not app.screen_stack[0], "the activity log only reads"


async def test_undo_and_redo_follow_the_operator_s_history_including_deletes(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        where = (PROD, "rg-images", "ContosoImages")
        await open_path(pilot, "ContosoImages")
        await press(pilot, "e")
        await type_text(pilot, "Changed")
        await press(pilot, "ctrl+s")
        await open_path(pilot, "ContosoImages", "rhel-app", "1.0.0")
        before = services(app).get_version(*where, "rhel-app", "1.0.0")
        await press(pilot, "F", "x", "y")
        await open_path(pilot, "ContosoImages", "rhel-app", "1.0.0")
        await press(pilot, "d", "y")

        def version():
            found = services(app).list_versions(*where, "rhel-app")
            found = [v for v in found if v.name == "1.0.0"]
            return [(t.name, v.replicas_in(t), t.storage_account_type) for v in found for t in v.target_regions]

        def description():
            return services(app).get_gallery(*where).description

        regions = [(t.name, before.replicas_in(t), t.storage_account_type) for t in before.target_regions]
        assert version() == []
        await press(pilot, "ctrl+z")
        assert version() == [r for r in regions if r[0] != "northeurope"], "the deleted version comes back"
        assert description() == "Changed"
        await press(pilot, "ctrl+z")
        assert version() == regions, "then its removed region"
        await press(pilot, "ctrl+z")
        assert description() == "Golden images for Contoso's platform team."
        app.clear_notifications()
        await press(pilot, "ctrl+z")
        assert [n.message for n in app._notifications] == ["Nothing to undo."]
        await press(pilot, "ctrl+y", "ctrl+y", "ctrl+y")
        assert (description(), version()) == ("Changed", [])


async def test_undo_right_after_creating_a_gallery_deletes_it(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "Contoso Production", "rg-images")
        await press(pilot, "n")
        await type_text(pilot, "Web.Images")
        await press(pilot, "ctrl+s")
        names = lambda: [g.name for g in services(app).list_galleries(PROD)]  # noqa: E731
        assert "Web.Images" in names()
        await press(pilot, "ctrl+z")
        assert "Web.Images" not in names()
        await press(pilot, "ctrl+y")
        assert "Web.Images" in names()


async def test_the_gallery_edit_form_changes_tags_too_and_undo_restores_them(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages")
        before = services(app).get_gallery(PROD, "rg-images", "ContosoImages").tags
        await press(pilot, "e")
        note = str(app.screen.query_one("#form-note").render())
        assert note == "Only the description and tags can change after create."
        app.screen.tags.focus()
        await type_text(pilot, "team=web")
        await press(pilot, "ctrl+s")
        assert services(app).get_gallery(PROD, "rg-images", "ContosoImages").tags == {"team": "web"}
        await press(pilot, "ctrl+z")
        assert services(app).get_gallery(PROD, "rg-images", "ContosoImages").tags == before


async def test_escape_asks_before_discarding_a_changed_form(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages")
        await press(pilot, "e")
        await press(pilot, "escape")
        assert app.screen is workbench(app), "an unchanged form closes at once"
        await press(pilot, "e")
        form = app.screen
        await type_text(pilot, "Changed")
        await press(pilot, "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "n")
        assert app.screen is form and form.description.value == "Changed"
        await press(pilot, "escape", "y")
        assert app.screen is workbench(app)
        description = services(app).get_gallery(PROD, "rg-images", "ContosoImages").description
        assert description == "Golden images for Contoso's platform team."
