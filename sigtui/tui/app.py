"""The sigtui application: a thin shell that owns the styles, the keymap, the theme (remembered across runs)
and the error dialog, and opens the workbench screen."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from ..store import paths, raw
from .keymap import keymap_path, load_keymap
from .messages import ActionFailed
from .screens.error import ErrorScreen
from .settings import load_settings, save_setting
from .workbench import WorkbenchOptions, WorkbenchScreen


class SigtuiApp(App[int]):
    """Explore galleries, definitions and versions; watch replication; drive the simulation clock."""

    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "sigtui"

    def __init__(
        self,
        db_path: Path | str,
        caller: str | None = None,
        speed: float | None = None,
        readonly: bool = False,
        real_time: Callable[[], float] = time.time,
        keymap_file: Path | None = None,
        serve: bool = False,
    ) -> None:
        super().__init__()
        self.options = WorkbenchOptions(Path(db_path), caller, speed, readonly, real_time, serve)
        self.keymap_file = keymap_file or keymap_path()
        self.keymap: dict[str, str] = {}
        self.startup_notice = ""

    def get_default_screen(self) -> Screen:
        return WorkbenchScreen(self.options)

    def on_mount(self) -> None:
        keymap, problem = load_keymap(self.keymap_file)
        self.keymap = keymap
        if keymap:
            self.set_keymap(keymap)
        if problem:
            self.notify(problem, title="Keymap ignored", severity="warning")
        if self.startup_notice:
            self.notify(self.startup_notice, timeout=6)
        theme = load_settings().get("theme")
        if theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme) -> None:
        """The theme chosen with `t` (or the palette) is the theme of the next run."""
        problem = save_setting("theme", theme.name)
        if problem:
            self.notify(problem, title="Theme not remembered", severity="warning")

    def on_action_failed(self, message: ActionFailed) -> None:
        """A thread worker on any screen failed: say what was being done and why."""
        self.push_screen(ErrorScreen(message.title, message.error))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, WorkbenchScreen):
            yield from screen.system_commands()


def run_app(
    db_path: str | Path | None = None,
    caller: str | None = None,
    speed: float | None = None,
    readonly: bool = False,
    serve: bool = False,
) -> int:
    """Open the workbench; a new database gets the demo catalog, a current one opens without SQLModel."""
    try:
        path = paths.db_path(db_path)
        version = raw.stored_schema_version(path)
        if version is None:
            if readonly:
                print(f"sigtui: no database at {path} (read-only mode does not create one)", file=sys.stderr)
                return 1
            _create_demo(path, speed)
        elif version > raw.SCHEMA_VERSION:
            print(f"sigtui: {path} was written by a newer sigtui (schema {version})", file=sys.stderr)
            return 1
        elif version < raw.SCHEMA_VERSION and not readonly:
            from ..store.services import Services

            Services(path).bootstrap()
        if caller and not raw.knows(path, caller):
            print(f"sigtui: error: '{caller}' is not in this database's directory (see 'sigtui ad user list')",
                  file=sys.stderr)
            return 1
    except (OSError, ValueError) as error:
        print(f"sigtui: {error}", file=sys.stderr)
        return 1
    app = SigtuiApp(path, caller=caller, speed=speed if version is not None else None, readonly=readonly, serve=serve)
    if version is None:
        app.startup_notice = f"New database with the demo catalog: {path}"
    app.run()
    return app.return_code or 0


def _create_demo(path: Path, speed: float | None) -> None:
    """Bootstrap a new file and fill it with the demo story, as its default owner."""
    from ..store.demo import DEMO_SPEED, build_demo
    from ..store.services import Services

    print(f"sigtui: creating the demo catalog in {path}", file=sys.stderr)
    services = Services(path, face="tui")
    services.bootstrap()
    build_demo(services, speed=speed or DEMO_SPEED)
    services.db.dispose()
