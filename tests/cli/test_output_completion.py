"""Shell completion through argcomplete, driven in-process the way the shell drives it (`COMP_LINE`)."""

from __future__ import annotations

import io
import subprocess
import sys

import argcomplete
import pytest

from sigtui.cli.completion import complete


class Finished(Exception):
    """argcomplete's exit, caught so the test process goes on."""


@pytest.fixture
def completions(monkeypatch, db):
    """The words the shell would be offered for a command line ending where the cursor is."""
    monkeypatch.setattr(argcomplete.CompletionFinder, "_init_debug_stream", lambda _self: None)  # not pytest's fd 9

    def run(line: str, database=db) -> list[str]:
        monkeypatch.setenv("_ARGCOMPLETE", "1")
        monkeypatch.setenv("_ARGCOMPLETE_IFS", "\n")
        monkeypatch.setenv("COMP_LINE", line)
        monkeypatch.setenv("COMP_POINT", str(len(line)))
        monkeypatch.setenv("SIGTUI_DB", str(database))
        out = io.StringIO()

        def finish(_status):
            raise Finished

        with pytest.raises(Finished):
            complete(output_stream=out, exit_method=finish)
        return [word.strip() for word in out.getvalue().split("\n") if word.strip()]
    return run


@pytest.fixture
def catalog(ok, sub):
    ok("group create -n rg-a -l westus")
    ok("group create -n rg-b -l eastus")
    for rg, gallery in (("rg-a", "GalleryA"), ("rg-a", "GalleryA2"), ("rg-b", "GalleryB")):
        ok(f"sig create -g {rg} -r {gallery}")
    ok("sig image-definition create -g rg-a -r GalleryA -i ubuntu -p Contoso -f Ubuntu -s 22_04 --os-type Linux")
    ok("image create -g rg-a -n img --os-type Linux --os-disk-size-gb 30")
    for version in ("1.0.0", "1.1.0"):
        ok(f"sig image-version create -g rg-a -r GalleryA -i ubuntu -e {version} --managed-image img")


def test_groups_commands_and_flags(completions):
    assert sorted(completions("sigtui s")) == ["serve", "sig", "snapshot", "storage"]
    assert {"create", "show", "list", "update", "delete", "image-definition", "image-version"} <= set(
        completions("sigtui sig "))
    assert completions("sigtui sig image-version c") == ["create"]
    assert {"--resource-group", "--gallery-name", "--output", "--query", "--only-show-errors", "--db"} <= set(
        completions("sigtui sig show --"))
    assert completions("sigtui ad u") == ["user"]


def test_allowed_values(completions):
    assert completions("sigtui sig list -o t") == ["table", "tsv"]
    assert completions("sigtui sig image-definition create --os-type ") == ["Windows", "Linux"]


def test_resource_names_narrow_by_the_names_before_them(completions, catalog):
    assert completions("sigtui sig show -g ") == ["rg-a", "rg-b"]
    assert completions("sigtui sig show -g rg-a -r ") == ["GalleryA", "GalleryA2"]
    assert completions("sigtui sig show -r G") == ["GalleryA", "GalleryA2", "GalleryB"]
    assert completions("sigtui sig image-definition show -g rg-a -r GalleryA -i ") == ["ubuntu"]
    assert completions("sigtui sig image-version show -g rg-a -r GalleryA -i ubuntu -e 1.") == ["1.0.0", "1.1.0"]
    assert completions("sigtui sig image-version show -g rg-b -r GalleryB -i ubuntu -e ") == []


def test_names_come_from_the_database_named_on_the_line(completions, catalog, db, tmp_path):
    other = tmp_path / "other.db"
    assert completions(f"sigtui sig show --db {db} -g ", database=other) == ["rg-a", "rg-b"]
    assert completions("sigtui sig show -g ", database=other) == []
    assert not other.exists()


def test_the_completer_is_cheap_to_load():
    code = ("import sys, sigtui.cli.completion as c; c.tree()\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlmodel', 'sqlalchemy', 'textual'}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_single_commands_complete_their_own_flags(completions):
    assert {"--method", "--url", "--body", "--verbose"} <= set(completions("sigtui rest --"))
    assert completions("sigtui rest --method p") == ["put", "patch", "post"]
