"""Read-only mode, the error dialog, the keymap file, help, copy."""

from __future__ import annotations

import json

from textual.widgets import Footer

from sigtui.tui.screens.error import ErrorScreen
from sigtui.tui.screens.help import HelpScreen
from sigtui.tui.workbench import WorkbenchScreen

from .conftest import SIZE
from .helpers import open_path, settle, tree_text, workbench


def footer_keys(app) -> set[str]:
    return {b.binding.action for b in app.screen.active_bindings.values() if b.enabled and b.binding.show}


async def test_readonly_hides_and_refuses_every_change(make_app):
    app = make_app(readonly=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        clock = workbench(app).clock.state
        assert not {"toggle_clock", "advance_clock", "faster", "slower"} & {
            b.binding.action for b in app.screen.active_bindings.values() if b.enabled
        }
        await pilot.press("space", "right_square_bracket", "plus", "minus")
        await settle(pilot)
        assert workbench(app).clock.state == clock
        assert not await workbench(app).run_action("toggle_clock")
        workbench(app).action_advance_clock()
        await settle(pilot)
        assert workbench(app).clock.state == clock
        assert not workbench(app).backend.services_opened
        assert "READ-ONLY" in str(workbench(app).status.render())


async def test_readonly_cannot_retry(make_app):
    app = make_app(readonly=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "rhel-app", "1.0.0")
        assert "retry" not in footer_keys(app)
        await pilot.press("R")
        await settle(pilot)
        assert (
            "✗"
            in workbench(app)
            .resource_tree.render_label(
                workbench(app).resource_tree.cursor_node,
                workbench(app).resource_tree.rich_style,
                workbench(app).resource_tree.rich_style,
            )
            .plain
        )


async def test_retry_is_offered_only_on_a_failed_version(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "rhel-app", "1.0.0")
        assert "retry" in footer_keys(app)
        await open_path(pilot, "ubuntu-web", "1.1.0")
        assert "retry" not in footer_keys(app)


async def test_a_failing_read_opens_the_error_dialog(make_app):
    app = make_app()

    def broken(_pk):
        raise RuntimeError("disk I/O error")

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        workbench(app).backend.catalog.definitions = broken
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, ErrorScreen)
        assert "disk I/O error" in str(app.screen.query_one("#error-message").render())
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ErrorScreen)


async def test_a_refused_change_shows_azure_s_message(make_app):
    from sigtui.domain.errors import invalid

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        services = workbench(app).backend.services()

        def refuse(_delta):
            raise invalid("the clock only moves forward", "advance")

        services.advance_clock = refuse
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert isinstance(app.screen, ErrorScreen)
        assert "InvalidParameter" in str(app.screen.query_one("#error-code").render())


async def test_keymap_file_remaps_a_binding(make_app, env):
    path = env / "config" / "sigtui" / "keymap.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"clock.toggle": "p"}))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        assert not workbench(app).clock.state.paused
        await pilot.press("p")
        await settle(pilot)
        assert workbench(app).clock.state.paused


async def test_a_broken_keymap_is_reported_not_fatal(make_app, env):
    path = env / "config" / "sigtui" / "keymap.json"
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any("Keymap ignored" in (n.title or "") for n in app._notifications)


async def test_help_lists_every_binding_with_its_id(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        ids = {row[3] for row in app.screen.rows}
        for binding in WorkbenchScreen.BINDINGS:
            assert binding.id in ids
        assert "tree.down" in ids and "app.command-palette" in ids
        await pilot.press("escape")
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


def test_every_binding_has_an_id():
    from sigtui.tui.widgets.resource_tree import ResourceTree

    for binding in [*WorkbenchScreen.BINDINGS, *ResourceTree.BINDINGS]:
        assert binding.id


async def test_y_copies_the_arm_id(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "ubuntu-web", "1.2.0")
        await pilot.press("y")
        assert app.clipboard.endswith(
            "/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/"
            "ContosoImages/images/ubuntu-web/versions/1.2.0"
        )


async def test_status_bar_shows_database_identity_and_clock(make_app, demo_db):
    app = make_app(caller="ops@contoso.com")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = str(workbench(app).status.render())
        assert "ops@contoso.com" in text and "demo.db" in text
        assert "2026-03-01 12:00:00 ×30" in text
        assert app.query_one(Footer)


async def test_an_identity_sees_only_what_is_shared_with_it(make_app, demo_db, fake_time):
    from sigtui.store.services import Services

    services = Services(demo_db, real_time=fake_time)
    services.create_principal("User", "Dana Reader", "dana@contoso.com")
    definition = "/subscriptions/6a3c8e2f-3b1d-4c7e-9f0a-5d2b7c8e1f40/resourceGroups/rg-images/providers/"
    services.create_role_assignment(
        "dana@contoso.com", "Reader", definition + "Microsoft.Compute/galleries/ContosoImages/images/ubuntu-web"
    )
    services.db.dispose()
    app = make_app(caller="dana@contoso.com", readonly=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "ubuntu-web")
        text = tree_text(app)
        assert "FinanceGallery" not in text and "TeamSandbox" not in text and "rhel-app" not in text
        assert "1.3.0" in text
        await open_path(pilot, "ContosoImages")
        assert "parent of resources shared with you" in str(workbench(app).details.bodies["overview"].render())
