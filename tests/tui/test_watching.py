"""Other writers appear by themselves: what another process or connection commits shows in the tree within
about a second, with no key pressed, keeping the cursor and the open nodes."""

from __future__ import annotations

import subprocess
import sys
import threading

from sigtui.store.services import Services

from .conftest import SIZE
from .helpers import open_path, settle, tree_text, workbench


async def wait_for(pilot, condition, seconds: float = 3.0) -> None:
    """Let the app run (no key pressed) until `condition()` holds or `seconds` have passed."""
    for _ in range(int(seconds / 0.1)):
        if condition():
            return
        await pilot.pause(0.1)


def cursor_name(app) -> str:
    data = workbench(app).cursor_data()
    return data.name if data is not None else ""


async def test_a_gallery_created_by_another_process_appears_without_a_key(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "ubuntu-web")
        assert "WatchedGallery" not in tree_text(app)
        command = [sys.executable, "-m", "sigtui", "sig", "create", "--db", str(demo_db), "-g", "rg-images",
                   "-r", "WatchedGallery", "-o", "none"]
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        await wait_for(pilot, lambda: "WatchedGallery" in tree_text(app))
        await settle(pilot)
        assert "WatchedGallery" in tree_text(app)
        assert cursor_name(app) == "ubuntu-web"
        assert "1.3.0" in tree_text(app), "the open definition stays open"


async def test_a_version_deleted_through_another_connection_disappears(make_app, demo_db, fake_time):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages", "ubuntu-web", "1.2.0")
        assert "1.0.0" in tree_text(app)
        other = Services(demo_db, real_time=fake_time)
        sub = workbench(app).cursor_data().summary.version.subscription
        writer = threading.Thread(
            target=other.delete_version, args=(sub, "rg-images", "ContosoImages", "ubuntu-web", "1.0.0")
        )
        writer.start()
        writer.join()
        other.db.dispose()
        await wait_for(pilot, lambda: "1.0.0 " not in tree_text(app))
        await settle(pilot)
        assert not any(line.strip().startswith("1.0.0 ") for line in tree_text(app).splitlines())
        assert cursor_name(app) == "1.2.0"


async def test_nothing_is_read_again_while_nobody_writes(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        loads = []
        original = workbench(app).browsing.follow_changes
        workbench(app).browsing.follow_changes = lambda: loads.append(1) or original()
        await pilot.pause(1.5)
        assert loads == []


async def test_a_reload_right_after_a_write_keeps_the_cursor_the_write_chose(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_path(pilot, "ContosoImages")
        screen = workbench(app)
        gallery = screen.cursor_data()
        definition = next(d for d in screen.backend.catalog.definitions(gallery.pk) if d.name == "rhel-app")
        version = next(v for v in screen.backend.catalog.versions(definition.pk) if v.name == "1.0.0")
        screen.browsing.reload_around(("version", version.pk), {gallery.pk}, {definition.pk})
        screen.browsing.follow_changes()

        def on_the_version() -> bool:
            data = screen.cursor_data()
            return data is not None and (data.kind, data.pk) == ("version", version.pk)

        await wait_for(pilot, on_the_version)
        await pilot.pause(0.5)
        assert on_the_version()
