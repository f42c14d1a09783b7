"""The VM-creation dialog: `latest` explained per region, the portal's checks as you type, review, create."""

from __future__ import annotations

from textual.widgets import Select

from sigtui.store.services import Services
from sigtui.tui.screens.confirm import ConfirmScreen

from .conftest import SIZE
from .helpers import settle, workbench
from .vm_dialog import SSH_KEY, choose_region, fill, form, message, open_dialog, review, scale_set, select_value


def image_text(dialog) -> str:
    return str(dialog.query_one("#vm-image").render())


async def test_latest_compares_versions_as_integers_and_explains_exclusion(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "FinanceGallery", "myImage1")
        await choose_region(pilot, dialog, "eastus")
        assert "latest → 1.10.0 in eastus" in image_text(dialog)
        assert message(dialog, "image") == "1.11.0 is excluded from latest\nresolved to 1.10.0"
        await choose_region(pilot, dialog, "northeurope")
        assert "latest → 1.0.0 in northeurope" in image_text(dialog)
        assert "1.10.0 is not replicated to northeurope\n1.9.0 is not replicated to northeurope" in message(
            dialog, "image"
        )


async def test_replicating_versions_are_passed_over_and_unavailable_regions_give_azures_error(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "ContosoImages", "ubuntu-web")
        await choose_region(pilot, dialog, "eastus")
        assert message(dialog, "image") == "1.3.0 is still replicating to eastus (10%)\nresolved to 1.2.0"
        await choose_region(pilot, dialog, "japaneast")
        assert "ubuntu-web is not available in japaneast region. Please contact image owner" in message(dialog, "image")
        assert "Validation failed" in (text := await review(pilot, dialog))
        assert "GalleryImageNotFound" in text


async def test_a_regional_exclusion_overrides_the_version(make_app, demo_db, fake_time):
    services = Services(demo_db, real_time=fake_time)
    patch = {"properties": {"publishingProfile": {"excludeFromLatest": True}}}
    services.update_version(None, "rg-images", "ContosoImages", "ubuntu-web", "1.3.0", patch)
    services.db.dispose()
    async with make_app().run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "ContosoImages", "ubuntu-web")
        await choose_region(pilot, dialog, "westus")
        assert message(dialog, "image") == (
            "1.3.0 is excluded from latest\n1.2.0 is excluded from latest in westus\nresolved to 1.1.0"
        )


async def test_a_failed_region_is_unavailable(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "ContosoImages", "rhel-app")
        await choose_region(pilot, dialog, "northeurope")
        assert message(dialog, "image").startswith("1.0.0 failed to replicate to northeurope\nThe gallery image")


async def test_an_end_of_life_version_is_refused_and_latest_skips_it(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "ContosoImages", "ubuntu-web", "1.0.0")
        assert "1.0.0 (pinned version)" in image_text(dialog)
        assert "reached its end-of-life date 2026-01-30" in message(dialog, "image")
        await fill(pilot, dialog, name="web-eol", ssh=SSH_KEY)
        assert "Validation failed" in await review(pilot, dialog)


async def test_an_end_of_life_version_is_allowed_with_a_warning_under_the_warn_policy(make_app, demo_db, fake_time):
    services = Services(demo_db, real_time=fake_time)
    services.set_end_of_life_policy("warn")
    services.db.dispose()
    async with make_app().run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "ContosoImages", "ubuntu-web", "1.0.0")
        assert "1.0.0 (pinned version)" in image_text(dialog)
        assert "1.0.0 is past its end-of-life date (2026-01-30); allowed" in message(dialog, "image")
        await fill(pilot, dialog, name="web-eol", ssh=SSH_KEY)
        text = await review(pilot, dialog)
        assert "Validation passed" in text
        assert "⚠ 1.0.0 is past its end-of-life date; VMs can still be created from it." in text


async def test_latest_re_resolves_when_replication_finishes(make_app, fake_time):
    async with make_app().run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "ContosoImages", "ubuntu-web")
        await choose_region(pilot, dialog, "eastus")
        assert "→ 1.2.0" in image_text(dialog)
        assert dialog.watching
        fake_time.advance(3600)
        dialog.refresh_image()
        await settle(pilot)
        assert "latest → 1.3.0 in eastus" in image_text(dialog)
        assert message(dialog, "image") == "resolved to 1.3.0"
        assert not dialog.watching


async def test_a_specialized_image_greys_out_the_administrator_account(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "TeamSandbox", "dev-box")
        assert all(dialog.query_one(f"#vm-{name}").disabled for name in ("auth", "username", "password"))
        assert "Parameter 'osProfile' is not allowed" in str(dialog.query_one("#vm-account").render())
        await fill(pilot, dialog, name="devbox-01", rg="rg-sandbox")
        text = await review(pilot, dialog)
        assert "Administrator account: from the specialized image" in text
        assert "Subscription: 0b1f6471-1bf0-4dda-aec3-cb9272f09590" in text


async def test_a_generalized_image_checks_the_account_as_you_type(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "FinanceGallery", "myImage2")
        assert not dialog.query_one("#vm-username").disabled
        assert select_value(dialog, "auth") == "password"
        await fill(pilot, dialog, username="admin")
        assert message(dialog, "username") == "The Admin Username specified is not allowed."
        await fill(pilot, dialog, password="short1A")
        assert message(dialog, "password").startswith("The supplied password must be between 12-123 characters")
        await fill(pilot, dialog, name="finance-frontend-01")
        assert message(dialog, "name").startswith("Windows computer name cannot be more than 15 characters")
        await fill(pilot, dialog, username="azureuser", password="Sup3r-secret-pw", name="fin-web-01")
        assert [message(dialog, row) for row in ("username", "password", "name")] == ["", "", ""]


async def test_a_size_that_cannot_boot_the_generation_is_refused_with_azures_message(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "ContosoImages", "ubuntu-web")
        await fill(pilot, dialog, size="Standard_A1_v2")
        assert message(dialog, "size").startswith(
            "The selected VM size 'Standard_A1_v2' cannot boot Hypervisor Generation '2'."
        )
        await fill(pilot, dialog, name="web-01", ssh=SSH_KEY)
        assert "cannot boot Hypervisor Generation '2'" in await review(pilot, dialog)


async def test_sizes_outside_the_recommendations_warn(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "ContosoImages", "ubuntu-web")
        await fill(pilot, dialog, size="Standard_B1s", disk="StandardSSD_LRS")
        assert message(dialog, "size") == (
            "Standard_B1s has 1 vCPUs; the image recommends 2–16.\n"
            "Standard_B1s has 1 GiB of memory; the image recommends 4–64 GiB."
        )
        assert "-warning" in form(dialog).row("size").message.classes
        await fill(pilot, dialog, name="web-small", ssh=SSH_KEY)
        text = await review(pilot, dialog)
        assert "Validation passed" in text
        assert "⚠ Standard_B1s has 1 vCPUs; the image recommends 2–16." in text


async def test_a_disallowed_disk_type_is_refused(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "ContosoImages", "win2022-base")
        assert select_value(dialog, "disk") == "Premium_LRS"
        await fill(pilot, dialog, disk="Standard_LRS")
        assert message(dialog, "disk").startswith("The disk type 'Standard_LRS' is disallowed by the image definition")


async def test_the_scaling_advisor_raises_the_replica_count(make_app, demo_db, fake_time):
    async with make_app().run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "FinanceGallery", "myImage1")
        await choose_region(pilot, dialog, "eastus")
        await fill(pilot, dialog, count="100")
        assert message(dialog, "advice") == "3 replica(s) of 1.10.0 in eastus: too few."
        button = dialog.query_one("#vm-raise")
        assert button.display and str(button.label) == "Raise eastus replicas to 5"
        await pilot.click("#vm-raise")
        await settle(pilot)
        version = Services(demo_db, real_time=fake_time).get_version(
            None, "rg-finance", "FinanceGallery", "myImage1", "1.10.0"
        )
        assert (version.target_regions[0].name, version.replicas_in(version.target_regions[0])) == ("eastus", 5)


async def test_scale_sets_take_up_to_a_thousand_instances(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "FinanceGallery", "myImage1")
        await choose_region(pilot, dialog, "eastus")
        await scale_set(pilot, dialog)
        await fill(pilot, dialog, count="1001")
        assert message(dialog, "count").startswith("The value 1001 of parameter sku.capacity is out of range")
        await fill(pilot, dialog, count="1000")
        assert message(dialog, "count") == ""
        assert "1 scale set(s) of 1000 instances need 2 replica(s)" in str(dialog.query_one("#vm-advice").render())
        assert message(dialog, "advice") == "3 replica(s) of 1.10.0 in eastus: enough."


async def test_a_created_vm_shows_in_the_list_and_under_its_version(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "ContosoImages", "ubuntu-web")
        await choose_region(pilot, dialog, "westus")
        await fill(pilot, dialog, name="web-01", ssh=SSH_KEY, ports="SSH")
        assert "Resolved version: 1.3.0" in await review(pilot, dialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is not dialog
        tree = workbench(pilot.app).resource_tree
        version = next(n for n in tree._by_key.values() if n.data.kind == "version" and n.data.name == "1.3.0")
        assert [child.data.name for child in version.children] == ["web-01  VM · westus · Standard_D2s_v5"]
        await pilot.press("V")
        await settle(pilot)
        table = pilot.app.screen.query_one("#vm-table")
        assert table.get_row_at(0) == [
            "web-01", "VM", "rg-images", "westus", "Standard_D2s_v5", "1", "ubuntu-web (latest)", "1.3.0",
            "OS 64 GiB · LUN 0 128 GiB",
        ]  # fmt: skip


async def test_read_only_mode_hides_create_but_lists_vms(make_app):
    async with make_app(readonly=True).run_test(size=SIZE) as pilot:
        await settle(pilot)
        app = pilot.app
        assert workbench(app).check_action("create_vm", ()) is False
        await pilot.press("c")
        assert app.screen is app.screen_stack[0]
        await pilot.press("V")
        await settle(pilot)
        assert "No VM or scale set yet" in str(app.screen.query_one("#vm-list-note").render())


async def test_an_empty_name_is_reported_as_missing(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "ContosoImages", "ubuntu-web")
        await fill(pilot, dialog, name="x")
        await fill(pilot, dialog, name="")
        assert "The virtual machine name is required." in await review(pilot, dialog)
        await fill(pilot, dialog, name="a" * 70)
        assert message(dialog, "name").startswith("Linux host name cannot exceed 64 characters")


async def test_escape_on_the_review_page_goes_back_to_the_form(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "ContosoImages", "ubuntu-web")
        await fill(pilot, dialog, name="web-1", ssh=SSH_KEY)
        await review(pilot, dialog)
        assert dialog.page == "review"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is dialog and dialog.page == "basics"
        assert form(dialog).value("name") == "web-1"


async def test_back_from_the_review_page_with_keys_tmux_and_screen_pass_through(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "ContosoImages", "ubuntu-web")
        await fill(pilot, dialog, name="web-1", ssh=SSH_KEY)
        for key in ("b", "alt+left"):
            await review(pilot, dialog)
            await pilot.press(key)
            await settle(pilot)
            assert dialog.page == "basics"
        await pilot.press("ctrl+b")
        assert dialog.page == "basics"


async def test_escape_asks_before_discarding_what_was_typed(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "ContosoImages", "ubuntu-web")
        await fill(pilot, dialog, name="web-1")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "Discard changes?" in str(app.screen.query_one("#confirm-title").render())
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is dialog and form(dialog).value("name") == "web-1"
        await pilot.press("escape", "y")
        await settle(pilot)
        assert app.screen is workbench(app)


async def test_escape_on_an_untouched_dialog_closes_it(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_dialog(pilot, "ContosoImages", "ubuntu-web")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is workbench(app)


async def test_zones_are_offered_only_in_regions_that_have_them(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "ContosoImages", "ubuntu-web")
        availability = dialog.query_one("#vm-availability", Select)
        await choose_region(pilot, dialog, "westus")
        assert [value for _, value in availability._options] == ["none"], "West US has no availability zones"
        await choose_region(pilot, dialog, "eastus")
        assert [value for _, value in availability._options] == ["none", "1", "2", "3"]
