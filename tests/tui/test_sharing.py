"""Identities and sharing in the workbench: what an identity sees and may do, the share dialog, switching."""

from __future__ import annotations

import contextlib

import pytest
from textual.widgets import OptionList
from textual.worker import WorkerFailed

from sigtui.domain.errors import AzureError
from sigtui.tui.screens.confirm import ConfirmScreen
from sigtui.tui.screens.error import ErrorScreen
from sigtui.tui.screens.identity import IdentityScreen
from sigtui.tui.screens.share import ShareAccess, ShareScreen, ShareTarget

from .conftest import SIZE
from .helpers import allowed, open_path, settle, tree_text, workbench
from .test_snapshots import snap

PROD = "/subscriptions/6a3c8e2f-3b1d-4c7e-9f0a-5d2b7c8e1f40"
IMAGES = f"{PROD}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/ContosoImages"
FINANCE = f"{PROD}/resourceGroups/rg-finance/providers/Microsoft.Compute/galleries/FinanceGallery"
UBUNTU = f"{IMAGES}/images/ubuntu-web"
DANA = "dana.reader@contoso.onmicrosoft.com"
PAT = "pat.consumer@contoso.onmicrosoft.com"


@pytest.fixture
def directory(demo_db, fake_time):
    """Dana reads the ubuntu-web definition; Pat reads FinanceGallery; a guest comes from another tenant."""
    from sigtui.store.services import Services

    services = Services(demo_db, real_time=fake_time)
    people = {
        "dana": services.create_principal("User", "Dana Reader", DANA),
        "pat": services.create_principal("User", "Pat Consumer", PAT),
    }
    services.add_tenant("d0b1ee1e-0000-4000-8000-00000000fab1", "Northwind", "northwind.onmicrosoft.com")
    people["guest"] = services.create_principal(
        "User", "Guest", "visitor@northwind.onmicrosoft.com", tenant="Northwind"
    )
    services.create_role_assignment(DANA, "Reader", UBUNTU)
    services.create_role_assignment(PAT, "Reader", FINANCE)
    services.db.dispose()
    return people


def share_binding(app):
    """The footer's Share key: None when hidden (the identity may not share), else whether it is enabled."""
    found = [b for b in app.screen.active_bindings.values() if b.binding.action == "share"]
    return found[0].enabled if found else None


def refused(app) -> str:
    assert isinstance(app.screen, ErrorScreen)
    return str(app.screen.query_one("#error-code").render())


async def test_a_definition_reader_sees_only_it_and_may_not_change_it(make_app, directory):
    app = make_app(caller=DANA)
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "ubuntu-web", "1.3.0")
        lines = tree_text(app).splitlines()
        assert [line.split()[1] for line in lines[:2]] == ["ContosoImages", "ubuntu-web"]
        assert [line.split()[0] for line in lines[2:]] == ["1.0.0", "1.1.0", "1.2.0", "1.3.0"]
        await settle(pilot)
        version = f"{UBUNTU}/versions/1.3.0"
        assert allowed(app, "read") and allowed(app, "read", version)
        assert not any(allowed(app, action, version) for action in ("write", "delete", "share"))
        assert share_binding(app) is None
        await pilot.press("s")
        await settle(pilot)
        assert not isinstance(app.screen, ShareScreen)

        services = workbench(app).backend.services()
        with pytest.raises(AzureError) as error:
            services.delete_version(None, "rg-images", "ContosoImages", "ubuntu-web", "1.3.0")
        assert error.value.code == "AuthorizationFailed"
        with pytest.raises(AzureError) as error:
            services.update_definition(None, "rg-images", "ContosoImages", "ubuntu-web", {"tags": {"a": "b"}})
        assert error.value.code == "AuthorizationFailed"

        access = ShareAccess(workbench(app).backend.services)
        dialog = ShareScreen(ShareTarget("version", "1.3.0", version), access)
        await app.push_screen(dialog)
        await settle(pilot)
        dialog.run(lambda: access.add(directory["pat"].id, "Reader", version))
        with contextlib.suppress(WorkerFailed):
            await app.workers.wait_for_complete()
        await settle(pilot)
        assert refused(app) == "AuthorizationFailed"


async def test_a_gallery_reader_sees_its_definitions_but_not_other_galleries(make_app, directory):
    app = make_app(caller=PAT)
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "FinanceGallery", "myImage1")
        text = tree_text(app)
        assert "myImage1" in text and "myImage2" in text and "myImage3" in text and "1.10.0" in text
        assert "ContosoImages" not in text and "TeamSandbox" not in text
        assert allowed(app, "read") and not allowed(app, "write")


async def test_a_subscription_without_a_role_in_it_is_never_shown(make_app):
    app = make_app(caller="guest@fabrikam.onmicrosoft.com")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = tree_text(app)
        assert "TeamSandbox" in text
        assert not any(hidden in text for hidden in ("Contoso Production", "ContosoImages", "FinanceGallery"))


async def test_an_owner_shares_a_gallery_from_the_dialog(make_app, directory):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages")
        await settle(pilot)
        assert share_binding(app) is True
        await pilot.press("s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ShareScreen)
        assert [(r.role, r.principal, r.direct) for r in dialog.rows] == [
            ("Owner", "admin@contoso.onmicrosoft.com", False),
            ("Reader", "Image consumers", True),
        ]
        await pilot.press("a")
        assert dialog.focused is dialog.principal
        dialog.principal.value = directory["pat"].id
        dialog.role.value = "Contributor"
        await pilot.press("a")
        await settle(pilot)
        assert ("Contributor", PAT, True) in [(r.role, r.principal, r.direct) for r in dialog.rows]
        listed = workbench(app).backend.services().list_role_assignments(IMAGES, PAT)
        assert [(a["roleDefinitionName"], a["scope"]) for a in listed] == [("Contributor", IMAGES)]


async def test_removing_a_direct_assignment_asks_first(make_app, directory):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "FinanceGallery")
        await pilot.press("s")
        await settle(pilot)
        dialog = app.screen
        assert [r.principal for r in dialog.rows] == ["admin@contoso.onmicrosoft.com", "image-pipeline", PAT]
        await pilot.press("d")
        await settle(pilot)
        assert app.screen is dialog, "an inherited assignment is removed where it was given"
        await pilot.press("down", "down", "d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert len(dialog.rows) == 3
        await pilot.press("d", "y")
        await settle(pilot)
        assert app.screen is dialog
        assert [r.principal for r in dialog.rows] == ["admin@contoso.onmicrosoft.com", "image-pipeline"]
        assert workbench(app).backend.services().list_role_assignments(FINANCE, PAT) == []


async def test_sharing_a_version_warns_and_cmk_images_stay_in_their_subscription(make_app, directory):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "ubuntu-web", "1.2.0")
        await pilot.press("s")
        await settle(pilot)
        dialog = app.screen
        assert "discouraged" in str(dialog.query_one("#share-warning").render())
        dialog.principal.value = directory["pat"].id
        await pilot.click("#share-add-button")
        await settle(pilot)
        assert any(n.title == "Version scope" for n in app._notifications)
        assert (PAT, True) in [(r.principal, r.direct) for r in dialog.rows]
        await pilot.press("escape")
        await open_path(pilot, "ContosoImages")
        await pilot.press("s")
        await settle(pilot)
        app.screen.principal.value = directory["guest"].id
        await pilot.click("#share-add-button")
        await settle(pilot)
        assert refused(app) == "OperationNotAllowed"
        assert "customer-managed keys" in str(app.screen.query_one("#error-message").render())


async def test_switching_identity_changes_what_the_tree_shows(make_app, directory):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert {"ContosoImages", "FinanceGallery", "TeamSandbox"} <= set(tree_text(app).split())

        async def act_as(name: str) -> None:
            await pilot.press("ctrl+u")
            await settle(pilot)
            picker = app.screen
            assert isinstance(picker, IdentityScreen)
            options = picker.query_one(OptionList)
            options.highlighted = next(i for i, p in enumerate(picker.principals) if p.display_name == name)
            await pilot.press("enter")
            await settle(pilot)

        await act_as("Pat Consumer")
        text = tree_text(app)
        assert "FinanceGallery" in text and "ContosoImages" not in text and "TeamSandbox" not in text
        assert PAT in str(workbench(app).status.render())
        assert workbench(app).details.node is not None and workbench(app).details.node.name == "FinanceGallery"
        await open_path(pilot, "FinanceGallery")
        await settle(pilot)
        assert share_binding(app) is None
        await act_as("Contoso Admin")
        assert {"ContosoImages", "FinanceGallery", "TeamSandbox"} <= set(tree_text(app).split())
        await open_path(pilot, "FinanceGallery")
        await settle(pilot)
        assert share_binding(app) is True


async def test_readonly_mode_hides_share(make_app, directory):
    app = make_app(readonly=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages")
        assert share_binding(app) is None
        assert not allowed(app, "share") and allowed(app, "read")


async def test_help_lists_the_dialogs_keys(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ids = {row[3] for row in workbench(app).help_rows()}
        assert {"access.share", "access.identity", "access.costs", "tab.cost", "share.add", "share.remove"} <= ids
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Costs", "Act as…", "Share…"} <= titles


def test_share_dialog_snapshot(snap_compare, make_app, directory):
    async def run_before(pilot):
        await open_path(pilot, "FinanceGallery")
        await pilot.press("s")

    assert snap(snap_compare, make_app(), run_before)


def test_version_share_dialog_snapshot(snap_compare, make_app, directory):
    async def run_before(pilot):
        await open_path(pilot, "ContosoImages", "ubuntu-web", "1.2.0")
        await pilot.press("s")

    assert snap(snap_compare, make_app(), run_before)


def test_identity_picker_snapshot(snap_compare, make_app, directory):
    async def run_before(pilot):
        await pilot.press("ctrl+u")

    assert snap(snap_compare, make_app(), run_before)


def footer_actions(app) -> set[str]:
    return {b.binding.action for b in app.screen.active_bindings.values() if b.binding.show and b.enabled}


async def test_a_reader_is_offered_only_what_it_may_do_and_told_why_when_it_tries(make_app, directory):
    app = make_app(caller=DANA)
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "ubuntu-web", "1.3.0")
        await settle(pilot)
        offered = footer_actions(app)
        assert {"create_resource", "edit_resource", "delete_resource", "share"}.isdisjoint(offered)
        assert "create_vm" in offered
        for key in ("n", "e", "d"):
            app.clear_notifications()
            await pilot.press(key)
            await settle(pilot)
            assert app.screen is workbench(app), f"{key} opened {app.screen}"
            [note] = list(app._notifications)
            assert note.message.startswith("AuthorizationFailed: the client")
            assert f"over scope '{UBUNTU}/versions/1.3.0'" in note.message


@pytest.fixture
def shared_with_production(demo_db):
    """Contoso Dev/Test shares a direct shared gallery, DevDirect, with Contoso Production."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from sigtui.cli.main import main

    dev = ["--subscription", "Contoso Dev/Test", "--db", str(demo_db), "-o", "none"]
    for command in (
        "sig create -g rg-sandbox -r DevDirect --permissions Groups",
        "sig image-definition create -g rg-sandbox -r DevDirect -i tools -p Contoso -f Tools -s 1 --os-type Linux",
        "image create -g rg-sandbox -n img-tools -l westeurope --os-type Linux --os-disk-size-gb 30",
        "sig image-version create -g rg-sandbox -r DevDirect -i tools -e 1.0.0 --managed-image img-tools",
        f"sig share add -g rg-sandbox -r DevDirect --subscription-ids {PROD.split('/')[-1]}",
    ):
        with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()) as err:
            assert main([*command.split(), *dev]) == 0, err.getvalue()


async def test_the_share_dialog_tells_direct_sharing_and_lists_what_is_shared_with_me(
    make_app, shared_with_production
):
    from sigtui.tui.screens.shared_with_me import SharedWithMeScreen

    async with make_app().run_test(size=SIZE) as pilot:
        await open_path(pilot, "FinanceGallery")
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ShareScreen)
        direct = str(pilot.app.screen.query_one("#share-direct").render())
        assert direct == "Direct sharing: off (RBAC only)"
        await pilot.press("w")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SharedWithMeScreen)
        table = screen.query_one("#shared-table")
        assert table.get_row_at(0) == [
            "0b1f6471-1bf0-4dda-aec3-cb9272f09590-DEVDIRECT", "tools", "1.0.0", "Linux Generalized", "westeurope",
            "subscription"]
        assert str(screen.query_one("#shared-id").render()) == (
            "/SharedGalleries/0b1f6471-1bf0-4dda-aec3-cb9272f09590-DEVDIRECT/Images/tools/Versions/1.0.0")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ShareScreen)
