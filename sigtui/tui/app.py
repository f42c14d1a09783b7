"""The sigtui application: a thin shell that owns the styles, the keymap, the theme (remembered across runs)
and the error dialog, and opens the workbench screen (in a terminal, after a first screen that paints at once)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.screen import Screen

from ..store import paths, raw
from .keymap import keymap_path, load_keymap
from .options import WorkbenchOptions
from .settings import load_settings, save_setting

if TYPE_CHECKING:
    from ..store.reads.gallery_summaries import GallerySummary
    from .messages import ActionFailed


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
        opening: bool = False,
    ) -> None:
        super().__init__()
        self.options = WorkbenchOptions(Path(db_path), caller, speed, readonly, real_time, serve)
        self.keymap_file = keymap_file or keymap_path()
        self.keymap: dict[str, str] = {}
        self.startup_notice = ""
        self.opening = opening
        """Paint a first screen with the galleries before the workbench is imported and composed."""

    def get_default_screen(self) -> Screen:
        """The first screen, or the workbench with its styles (Textual loads a screen's CSS_PATH only when the
        screen is pushed or switched to, not for the default screen)."""
        if self.opening:
            from .screens.opening import OpeningScreen

            return OpeningScreen(self.options.db_path, self.options.caller)
        workbench = self._workbench()
        self._load_screen_css(workbench)
        return workbench

    def _workbench(self, galleries: list[GallerySummary] | None = None) -> Screen:
        from .workbench import WorkbenchScreen

        return WorkbenchScreen(self.options, galleries)

    def open_workbench(self, galleries: list[GallerySummary]) -> None:
        """Put the workbench in the first screen's place (its own mode), showing the galleries that screen read."""
        self.add_mode("workbench", lambda: self._workbench(galleries))
        self.switch_mode("workbench")

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
        from .screens.error import ErrorScreen

        self.push_screen(ErrorScreen(message.title, message.error))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from .workbench import WorkbenchScreen

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
    app = SigtuiApp(path, caller=caller, speed=speed if version is not None else None, readonly=readonly, serve=serve,
                    opening=True)
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
