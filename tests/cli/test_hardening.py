"""The failures users met, one of each kind: Azure's error in one line, exit 1 (or 2), and nothing changed."""

from __future__ import annotations

import json
import sqlite3

import pytest

from sigtui.cli.main import main
from sigtui.store import raw

from ..store.world import dump

G = "-g rg-images -r ContosoImages"
ARM = ("/subscriptions/{subscriptionId}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/"
       "ContosoImages")


@pytest.fixture
def demo(tmp_path):
    path = tmp_path / "sigtui.db"
    assert main(["demo", "--db", str(path)]) == 0
    return path


@pytest.fixture
def run(demo, capsys):
    def command(line: str | list[str], status: int | None = None):
        argv = line.split() if isinstance(line, str) else line
        before = dump(demo)
        capsys.readouterr()
        code = main([*argv, "--db", str(demo)])
        out, err = capsys.readouterr()
        if status is not None:
            assert code == status, (out, err)
            assert dump(demo) == before
            assert err.count("\n") <= 2 and "Traceback" not in err
        return code, out, err.splitlines()[-1] if err else ""
    return command


@pytest.mark.parametrize(("command", "expected"), [
    (f"sig image-definition update {G} -i ubuntu-web --set recommended.vCPUs.max=1e400",
     "Error converting value Infinity to type 'System.Int32'. Path 'properties.recommended.vCPUs.max'"),
    (f"sig image-definition update {G} -i ubuntu-web --set recommended.vCPUs.max=99999999999999999999",
     "JSON integer 99999999999999999999 is too large or small for an Int32."),
    (f"sig image-definition update {G} -i ubuntu-web --set disallowed.diskTypes=Premium_LRS",
     "Error converting value \"Premium_LRS\" to type 'Array'. Path 'properties.disallowed.diskTypes'"),
    (f"sig image-definition update {G} -i ubuntu-web --set endOfLifeDate=+99999years",
     "(InvalidParameter) Could not convert string to DateTimeOffset: +99999years."),
    (f"sig image-version create {G} -i ubuntu-web -e ١.٠.٠ --managed-image img-ubuntu-web",
     "(InvalidParameter) The image version name is invalid."),
    (f"sig image-version create {G} -i ubuntu-web -e ３.０.０ --managed-image img-ubuntu-web",
     "(InvalidParameter) The image version name is invalid."),
    (f"sig image-version update {G} -i ubuntu-web -e 1.0.0 --replica-count 0",
     "(InvalidParameter) The value 0 of parameter galleryImageVersion.properties.publishingProfile.replicaCount is "
     "out of range."),
    (["sig", "create", *G.split(), "--tags", *[f"k{i}=v" for i in range(51)]],
     "(InvalidParameter) The number of tags (51) exceeds the limit of 50 tags per resource."),
    (["sig", "create", *G.split(), "--tags", "k=" + "v" * 257], "(InvalidTagValueLength)"),
    (["group", "create", "-n", "rg-tags", "-l", "westus", "--tags", "k" * 513 + "=v"], "(InvalidTagNameLength)"),
    (["vm", "create", "-g", "rg-images", "-n", "vm 7", "--image", "/subscriptions/6a3c8e2f-3b1d-4c7e-9f0a-5d2b7c8e1f40/"
      "resourceGroups/rg-images/providers/Microsoft.Compute/galleries/ContosoImages/images/ubuntu-web",
      "--admin-username", "azureuser", "--admin-password", "Passw0rd!Passw0rd"],
     "(InvalidResourceName) Resource name vm 7 is invalid."),
    ("clock advance 3000000d", "(InvalidParameter) the clock cannot move past 9000-01-01"),
])
def test_bad_values_get_azures_error(run, command, expected):
    assert expected in run(command, status=1)[2]


@pytest.mark.parametrize(("url", "body", "expected"), [
    (f"{ARM}?api-version=2022-03-03", '{"location": 5}',
     "Error converting value 5 to type 'System.String'. Path 'location'."),
    (f"{ARM}/images/ubuntu-web/versions/9.0.0?api-version=2022-03-03",
     '{"location": "westus", "properties": {"storageProfile": {"osDiskImage": {"hostCaching": 5}}}}',
     "Path 'properties.storageProfile.osDiskImage.hostCaching'"),
    (f"{ARM}?api-version=", "{}", "(InvalidApiVersionParameter) The api-version '' is invalid."),
    (f"{ARM}?api-version=2022-03-03", "[" * 100_000 + "]" * 100_000, "(InvalidRequestContent)"),
    (f"{ARM}?api-version=2022-03-03", "@missing.json", "sigtui rest: error: cannot read the body from"),
])
def test_bad_requests_get_azures_error(run, url, body, expected):
    assert expected in run(["rest", "-m", "put", "--url", url, "--body", body], status=1)[2]


def test_a_stale_etag_is_refused_and_a_current_one_accepted(run):
    url = f"{ARM}?api-version=2022-03-03"
    etag = json.loads(run(["rest", "--url", url])[1])["etag"]
    patch = ["rest", "-m", "patch", "--url", url, "--headers", f"If-Match={etag}"]
    assert run([*patch, "--body", '{"tags": {"first": "1"}}'])[0] == 0
    assert run([*patch, "--body", '{"tags": {"second": "2"}}'], status=1)[2] == (
        "(PreconditionFailed) The condition specified using HTTP conditional header(s) is not met.")
    assert json.loads(run(["rest", "--url", url])[1])["tags"] == {"first": "1"}


def test_the_clock_cannot_be_moved_past_what_the_model_holds(run):
    assert run("clock advance 2000000d")[0] == 0
    assert run("clock advance 2000000d", status=1)[2].startswith("(InvalidParameter) the clock cannot move past")
    assert run(f"sig image-version list {G} -i ubuntu-web")[0] == 0


def test_a_second_demo_changes_nothing(run):
    assert run("demo", status=1)[2].startswith("(")


@pytest.mark.parametrize(("content", "expected"), [
    (b"hello, not a database", "is not a usable sigtui database (not SQLite, or damaged): file is not a database"),
    (None, ". Create one with 'sigtui init"),
])
def test_a_file_that_is_not_a_database(tmp_path, capsys, content, expected):
    path = tmp_path / "x.db"
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    assert main(["sig", "list", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err and expected in err
    assert content is None or path.read_bytes() == content


def test_a_truncated_database(demo, tmp_path, capsys):
    path = tmp_path / "truncated.db"
    path.write_bytes(demo.read_bytes()[:5000])
    assert main(["sig", "list", "--db", str(path)]) == 1
    assert "is not a usable sigtui database" in capsys.readouterr().err


def test_a_full_disk(demo, capsys, monkeypatch):
    """SQLite's `max_page_count` makes the file full, exactly as a full disk does."""
    configure = raw.configure

    def full(conn):
        configure(conn)
        conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")

    monkeypatch.setattr(raw, "configure", full)
    before = dump(demo)
    assert main(["demo", "--scale", "azure-limits", "--db", str(demo)]) == 1
    assert capsys.readouterr().err == f"sigtui: error: no space left to write {demo}: nothing was changed\n"
    assert dump(demo) == before


def test_a_writer_that_waits_too_long_gets_a_conflict(demo, capsys, monkeypatch):
    monkeypatch.setattr(raw, "BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr(raw, "BUSY_ATTEMPTS", 2)
    holder = sqlite3.connect(str(demo), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        before = dump(demo)
        assert main(["group", "create", "-n", "rg-late", "-l", "westus", "--db", str(demo)]) == 1
        assert capsys.readouterr().err.startswith("(Conflict) The operation could not start: other writers held the "
                                                  "database")
        assert dump(demo) == before
    finally:
        holder.execute("ROLLBACK")
        holder.close()
