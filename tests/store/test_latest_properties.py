"""The SQL fast paths for `latest` and for the filter's state words agree with the domain rules on generated
catalogs."""

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sigtui.domain.latest import resolve_latest
from sigtui.domain.models import DiskImage, ImageVersion, ReplicationJob, ReplicationState, TargetRegion
from sigtui.domain.plan import Insert, NewKey, plan
from sigtui.domain.replication import provisioning_state, version_status
from sigtui.domain.rows import target_region_inserts, version_row
from sigtui.store import reads
from sigtui.store.apply import apply
from sigtui.store.raw import SqliteFile
from sigtui.store.reads.filtering import filter_paths

NOW = datetime(2026, 6, 1, tzinfo=UTC)
REGIONS = ("westus", "eastus", "westeurope")

jobs = st.builds(
    ReplicationJob,
    started_at=st.integers(-7200, 600).map(lambda s: NOW + timedelta(seconds=s)),
    duration_s=st.sampled_from([60.0, 1800.0, 7200.0]),
    fail_at=st.sampled_from([None, None, 0.5, 1.0, 1.5]),
    serving=st.booleans(),
)
targets = st.builds(
    lambda regions, excluded, chosen_jobs: tuple(
        TargetRegion(r, exclude_from_latest=x, job=j) for r, x, j in zip(regions, excluded, chosen_jobs, strict=False)
    ),
    st.lists(st.sampled_from(REGIONS), min_size=1, max_size=3, unique=True),
    st.lists(st.sampled_from([None, None, True, False]), min_size=3, max_size=3),
    st.lists(jobs, min_size=3, max_size=3),
)
versions = st.builds(
    lambda key, regions, excluded: ImageVersion(
        "s",
        "rg",
        "g",
        "d",
        ".".join(map(str, key)),
        regions[0].name,
        DiskImage(30, 5),
        target_regions=regions,
        exclude_from_latest=excluded,
        published_date=NOW,
        created_at=NOW,
        changed_at=NOW,
    ),
    st.tuples(st.integers(0, 2), st.integers(0, 3), st.integers(0, 2)),
    targets,
    st.booleans(),
)
catalogs = st.lists(versions, max_size=8, unique_by=lambda v: v.name)


def _parents(definitions: int) -> list[Insert]:
    stamps = {"created_at": 1.0, "changed_at": 1.0}
    steps = [
        Insert("tenant", {"id": "t", "name": "T", "domain": "t.example"}),
        Insert("subscription", {"id": "s", "name": "S", "tenant_id": "t"}),
        Insert("resource_group", {"subscription_id": "s", "name": "rg", "location": "westus"}, key=NewKey("rg")),
        Insert("gallery", {"rg_id": NewKey("rg"), "name": "g", "location": "westus", **stamps}, key=NewKey("g")),
    ]
    names = {"publisher": "P", "offer": "O", "os_type": "Linux", "os_state": "Generalized"}
    for d in range(definitions):
        values = {"gallery_id": NewKey("g"), "name": f"d{d}", "location": "westus", "sku": f"s{d}", **names}
        steps.append(Insert("image_definition", {**values, "hyper_v_generation": "V1", **stamps}, key=NewKey(f"d{d}")))
    return steps


def _store(tmp_path, catalog: list[list[ImageVersion]]) -> tuple[SqliteFile, dict[str, int]]:
    file = SqliteFile(tmp_path / "latest.db")
    file.ensure_schema()
    steps = _parents(len(catalog))
    for d, definition_versions in enumerate(catalog):
        for i, v in enumerate(definition_versions):
            key = NewKey(f"v{d}.{i}")
            steps += [Insert("image_version", version_row(v, NewKey(f"d{d}")), key=key), *target_region_inserts(v, key)]
    with file.transaction() as conn:
        keys = apply(conn, plan(*steps))
    return file, keys


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(catalogs, min_size=1, max_size=3))
def test_sql_latest_agrees_with_the_domain_rule(tmp_path_factory, catalog):
    file, keys = _store(tmp_path_factory.mktemp("latest"), catalog)
    conn = file.connection()
    try:
        for region in (None, *REGIONS):
            every = reads.latest_names(conn, NOW.timestamp(), region)
            for d, definition_versions in enumerate(catalog):
                expected = resolve_latest(definition_versions, "d", region, NOW).version
                name = expected.name if expected else None
                assert reads.latest_name(conn, keys[f"d{d}"], NOW.timestamp(), region) == name
                assert every.get(keys[f"d{d}"]) == name
    finally:
        file.dispose()


def _state_words(version: ImageVersion) -> set[str]:
    """The words the filter finds a version by, as the domain states them."""
    aggregated, statuses = version_status(version, NOW)
    state = provisioning_state(aggregated, version.operation, version.deleting).lower()
    words = {state, "completed"} if state == "succeeded" else {state}
    if any(s.state is ReplicationState.REPLICATING for s in statuses):
        words.add("replicating")
    if version.exclude_from_latest or any(version.excluded_in(t) for t in version.target_regions):
        words.add("excluded")
    return words


STATE_WORDS = ("creating", "updating", "succeeded", "completed", "failed", "deleting", "replicating", "excluded")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(catalogs, min_size=1, max_size=2))
def test_the_filter_finds_versions_by_the_domain_s_state_words(tmp_path_factory, catalog):
    file, keys = _store(tmp_path_factory.mktemp("states"), catalog)
    conn = file.connection()
    try:
        for word in STATE_WORDS:
            found = {v for _, _, v in filter_paths(conn, word, NOW)[0] if v is not None}
            expected = {
                keys[f"v{d}.{i}"]
                for d, definition_versions in enumerate(catalog)
                for i, version in enumerate(definition_versions)
                if word in _state_words(version)
            }
            assert found == expected, word
    finally:
        file.dispose()
