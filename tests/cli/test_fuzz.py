"""Generated malformed input through the CLI and REST faces: never a traceback, always exit 1 or 2, and the
database byte for byte as it was."""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stderr, redirect_stdout

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sigtui.cli.main import main

from ..store.world import dump

FUZZ = settings(max_examples=30, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
G = ["-g", "rg-images", "-r", "ContosoImages"]
ARM = "/subscriptions/{subscriptionId}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/ContosoImages"
VERSION_URL = ARM + "/images/ubuntu-web/versions/9.9.9?api-version=2022-03-03"
INT32_MAX = 2**31 - 1


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "sigtui.db"
    assert main(["demo", "--db", str(path)]) == 0
    return path


def refused(database, argv: list[str]) -> str:
    """Run one command line in-process; it must fail cleanly and leave the database as it was."""
    before = dump(database)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main([*argv, "--db", str(database)])
    text = err.getvalue()
    assert status in (1, 2), (argv, status, out.getvalue(), text)
    assert "Traceback" not in text and text.strip(), (argv, text)
    assert out.getvalue() == "", (argv, out.getvalue())
    assert dump(database) == before, argv
    return text


def with_bad(bad: str) -> st.SearchStrategy[str]:
    """Any text with at least one of `bad` somewhere in it."""
    return st.tuples(st.text(max_size=12), st.sampled_from(bad), st.text(max_size=12)).map("".join)


LONG = st.text(alphabet="abcXYZ019_", min_size=81, max_size=120)


@FUZZ
@given(name=st.one_of(with_bad("-!@#$%^&*()+= /\\'\"<>?,;:[]{}|~`éß٣３\u200b\x00"), LONG,
                      st.sampled_from(["", "_a", ".a", "a.", "a_"])))
def test_gallery_names(database, name):
    refused(database, ["sig", "create", "-g", "rg-images", "-r", name, "-l", "westus"])


def _valid_version(text: str) -> bool:
    match = re.fullmatch(r"([0-9]+)\.([0-9]+)\.([0-9]+)", text)
    return bool(match) and all(int(p) <= INT32_MAX for p in match.groups())


VERSIONS = st.one_of(
    st.text(alphabet="0123456789.٠١٢٣３４-+ eE", max_size=14),
    st.tuples(st.integers(0, 10**12), st.integers(0, 10**12), st.integers(INT32_MAX + 1, 10**15))
    .map(lambda p: ".".join(map(str, p))),
    st.text(max_size=20),
).filter(lambda v: not _valid_version(v))


@FUZZ
@given(version=VERSIONS)
def test_version_names(database, version):
    refused(database, ["sig", "image-version", "create", *G, "-i", "ubuntu-web", "-e", version,
                       "--managed-image", "img-web-2204"])


DATES = st.one_of(
    st.dates(max_value=__import__("datetime").date(2019, 12, 31)).map(lambda d: d.isoformat()),
    st.integers(10_000, 10**30).map(lambda n: f"+{n} years"),
    st.integers(120_000, 10**30).map(lambda n: f"in {n} months"),
    st.text(max_size=20).map(lambda t: "x" + t),
    st.sampled_from(["9999-12-32", "10000-01-01", "2030-02-30T25:00:00Z", "+99999 years", "+-1 days"]),
)


@FUZZ
@given(date=DATES)
def test_end_of_life_dates(database, date):
    refused(database, ["sig", "image-definition", "update", *G, "-i", "ubuntu-web", "--set", f"endOfLifeDate={date}"])


NUMBERS = st.one_of(
    st.integers(min_value=INT32_MAX + 1).map(str),
    st.integers(max_value=1).map(str),
    st.floats(allow_nan=True, allow_infinity=True).filter(lambda f: not float(f).is_integer()).map(repr),
    st.sampled_from(["1e400", "-1e400", "NaN", "Infinity", "true", "[1]", "{}", '"x"', "1.5", "99999999999999999999"]),
    st.text(max_size=10).map(lambda t: "x" + t),
)


@FUZZ
@given(number=NUMBERS, field=st.sampled_from(["recommended.vCPUs.max", "recommended.memory.max"]))
def test_numbers(database, number, field):
    refused(database, ["sig", "image-definition", "update", *G, "-i", "ubuntu-web", "--set", f"{field}={number}"])


REGIONS = st.one_of(
    st.text(max_size=15).map(lambda t: "zz" + t),
    st.one_of(st.integers(max_value=0), st.integers(min_value=101)).map(lambda n: f"westus={n}"),
    st.text(max_size=10).map(lambda t: f"westus=2=x{t}"),
    st.text(max_size=10).map(lambda t: f"westus=x{t}"),
    st.sampled_from(["westus=", "=2", "westus==", "westus=1=standard_lrs=extra", "westus=٣"]),
)


@FUZZ
@given(regions=st.lists(REGIONS, min_size=1, max_size=3))
def test_target_regions(database, regions):
    refused(database, ["sig", "image-version", "create", *G, "-i", "ubuntu-web", "-e", "9.9.9",
                       "--managed-image", "img-web-2204", "--target-regions", "westus", *regions])


TAGS = st.one_of(
    st.integers(51, 70).map(lambda n: [f"k{i}=v" for i in range(n)]),
    st.text(alphabet="abc", min_size=513, max_size=600).map(lambda k: [f"{k}=v"]),
    st.text(alphabet="abc", min_size=257, max_size=300).map(lambda v: [f"k={v}"]),
)


@FUZZ
@given(tags=TAGS)
def test_tags(database, tags):
    assert "tag" in refused(database, ["sig", "create", "-g", "rg-images", "-r", "Tagged", "--tags", *tags]).lower()


NON_INTEGRAL = st.floats().filter(lambda f: not f.is_integer())
LISTS = st.lists(st.integers(), min_size=1, max_size=2)
DICTS = st.dictionaries(st.text(max_size=3), st.integers(), min_size=1, max_size=2)
NOT_TEXT = st.one_of(st.integers(), st.floats(), st.booleans(), LISTS, DICTS)
NOT_OBJECT = st.one_of(st.integers(), st.floats(), st.booleans(), LISTS, st.text(max_size=5))
NOT_INT = st.one_of(st.text(max_size=5).map(lambda t: "x" + t), NON_INTEGRAL, st.booleans(), LISTS, DICTS,
                    st.integers(min_value=101), st.integers(max_value=0))
NOT_BOOL = st.one_of(st.integers(), st.floats(), LISTS, DICTS, st.text(max_size=5).map(lambda t: "x" + t))
NOT_LIST = st.one_of(st.integers(), st.floats(), st.booleans(), DICTS, st.text(max_size=5))
WRONG = {
    ("location",): NOT_TEXT,
    ("tags",): st.one_of(NOT_OBJECT, DICTS),
    ("properties",): NOT_OBJECT,
    ("properties", "publishingProfile"): NOT_OBJECT,
    ("properties", "publishingProfile", "replicaCount"): NOT_INT,
    ("properties", "publishingProfile", "targetRegions"): NOT_LIST,
    ("properties", "publishingProfile", "excludeFromLatest"): NOT_BOOL,
    ("properties", "publishingProfile", "endOfLifeDate"): NOT_TEXT,
    ("properties", "storageProfile", "osDiskImage"): NOT_OBJECT,
    ("properties", "storageProfile", "osDiskImage", "hostCaching"): st.one_of(NOT_TEXT, st.just("Sometimes")),
}
"""For each property of a version, values of a JSON type (or range) it cannot take."""


def _nest(path: tuple[str, ...], value) -> dict:
    body: dict = {}
    node = body
    for key in path[:-1]:
        node = node.setdefault(key, {})
    node[path[-1]] = value
    return body


WRONG_TYPED = st.sampled_from(sorted(WRONG)).flatmap(
    lambda path: WRONG[path].map(lambda value: json.dumps(_nest(path, value))))
NOT_JSON = st.one_of(
    st.integers(5_000, 100_000).map(lambda n: "[" * n + "]" * n),
    st.integers(5_000, 100_000).map(lambda n: '{"a":' * n + "1" + "}" * n),
    st.text(max_size=20).map(lambda t: "{" + t),
    st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                 lambda inner: st.lists(inner, max_size=3), max_leaves=6).map(json.dumps),
)


@FUZZ
@given(body=st.one_of(WRONG_TYPED, NOT_JSON), method=st.sampled_from(["put", "patch"]))
def test_rest_bodies(database, body, method):
    url = VERSION_URL if method == "put" else ARM + "/images/ubuntu-web/versions/1.0.0?api-version=2022-03-03"
    refused(database, ["rest", "-m", method, "--url", url, "--body", body])


URLS = st.one_of(
    st.text(max_size=12).map(lambda t: f"{ARM}?api-version=x{t}"),
    st.just(f"{ARM}?api-version="),
    st.just(ARM),
    st.text(max_size=20).map(lambda t: f"/subscriptions/{{subscriptionId}}/providers/x{t}?api-version=2022-03-03"),
    st.text(max_size=20).map(lambda t: f"/x{t}"),
)


@FUZZ
@given(url=URLS, method=st.sampled_from(["get", "put", "patch", "delete"]))
def test_rest_urls(database, url, method):
    refused(database, ["rest", "-m", method, "--url", url, "--body", "{}"])


def test_a_missing_body_file_is_one_line(database, tmp_path):
    error = refused(database, ["rest", "-m", "put", "--url", VERSION_URL, "--body", f"@{tmp_path / 'missing.json'}"])
    assert error.count("\n") == 1 and "missing.json" in error
