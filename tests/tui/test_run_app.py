"""`run_app`: a new database gets the demo catalog; a current one opens without SQLModel."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import ClassVar

import sigtui.tui.app as app_module
from sigtui.store import raw


class Recorder:
    """Stands in for the App: remembers how it was built instead of running."""

    made: ClassVar[list[dict]] = []

    def __init__(self, path, **kwargs):
        self.return_code = 0
        Recorder.made.append({"path": path, **kwargs})

    def run(self):
        return None


def test_a_new_database_gets_the_demo_catalog(env, monkeypatch):
    monkeypatch.setattr(app_module, "SigtuiApp", Recorder)
    Recorder.made.clear()
    assert app_module.run_app() == 0
    path = env / "data" / "sigtui" / "sigtui.db"
    assert raw.stored_schema_version(path) == raw.SCHEMA_VERSION
    assert Recorder.made[0]["path"] == path
    from sigtui.store.reads.workbench import Catalog

    names = [g.name for g in Catalog(path).galleries()]
    assert names == ["FinanceGallery", "ContosoImages", "TeamSandbox"]


def test_readonly_never_creates_a_database(env, tmp_path):
    assert app_module.run_app(db_path=tmp_path / "none.db", readonly=True) == 1
    assert not (tmp_path / "none.db").exists()


def test_speed_on_an_existing_database_goes_to_the_app(demo_db, monkeypatch):
    monkeypatch.setattr(app_module, "SigtuiApp", Recorder)
    Recorder.made.clear()
    assert app_module.run_app(db_path=str(demo_db), speed=120, caller="dana@contoso.onmicrosoft.com") == 0
    made = Recorder.made[0]
    assert made["speed"] == 120 and made["caller"] == "dana@contoso.onmicrosoft.com" and made["readonly"] is False


def test_an_identity_outside_the_directory_is_refused(demo_db, monkeypatch, capsys):
    monkeypatch.setattr(app_module, "SigtuiApp", Recorder)
    Recorder.made.clear()
    assert app_module.run_app(db_path=str(demo_db), caller="mallory@example.com") == 1
    assert Recorder.made == []
    assert "'mallory@example.com' is not in this database's directory" in capsys.readouterr().err


def test_opening_a_current_database_does_not_import_sqlmodel(demo_db):
    code = textwrap.dedent(f"""
        import sys
        import sigtui.tui.app as m
        class Fake:
            def __init__(self, *a, **k): self.return_code = 0
            def run(self): pass
        m.SigtuiApp = Fake
        assert m.run_app(db_path={str(demo_db)!r}) == 0
        print("sqlmodel" in sys.modules)
    """)
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(app_module.__file__).parents[2],
    )
    assert out.stdout.strip() == "False"
