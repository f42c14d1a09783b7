"""`sigtui sig image-version prune` and `usage`: the plan as a dry run, the deletes in one step, what blocks
them (pinned VMs, `latest` moving), and who uses a version."""

from __future__ import annotations

import pytest

from .test_vm import CREDENTIALS, READY, G, both, gallery, image_id, vm  # noqa: F401 (gallery is a fixture)

PRUNE = f"sig image-version prune {G}"


@pytest.fixture
def versions(ok, gallery):  # noqa: F811
    """`lin` 1.0.0–1.3.0 in West US and East US, replicated; web-1 pinned to 1.0.0, web-2 on latest (1.3.0)."""
    for name in ("1.0.0", "1.1.0", "1.2.0", "1.3.0"):
        ok(both(name))
    ok(READY)
    ok(vm(image_id(gallery, pinned="1.0.0"), CREDENTIALS, name="web-1"))
    ok(vm(image_id(gallery), CREDENTIALS, name="web-2", group="vmss"))
    return gallery


def actions(result: list) -> dict:
    return {v["name"]: (v["action"], v["blockers"]) for plan in result for v in plan["versions"]}


def names(ok) -> list[str]:
    return [v["name"] for v in ok(f"sig image-version list {G} -i lin")]


def test_dry_run_lists_what_would_go_and_what_blocks_it_and_changes_nothing(ok, versions):
    plan = ok(f"{PRUNE} --keep 1 --dry-run")
    assert actions(plan) == {
        "1.0.0": ("keep", ["VM web-1 is pinned to it"]),
        "1.1.0": ("delete", []),
        "1.2.0": ("delete", []),
    }
    assert plan[0]["definition"] == "lin"
    assert {r["region"]: (r["now"], r["after"]) for r in plan[0]["latestAfter"]} == {
        "eastus": ("1.3.0", "1.3.0"), "westus": ("1.3.0", "1.3.0")}
    assert names(ok) == ["1.0.0", "1.1.0", "1.2.0", "1.3.0"]


def test_prune_deletes_what_the_plan_lets_go_and_logs_each_delete(ok, versions):
    assert actions(ok(f"{PRUNE} -i lin --keep 1")) == {
        "1.0.0": ("keep", ["VM web-1 is pinned to it"]),
        "1.1.0": ("deleted", []),
        "1.2.0": ("deleted", []),
    }
    assert names(ok) == ["1.0.0", "1.3.0"]
    logged = ok(f"activity list --id {image_id(versions)} --max-events 2")
    deletes = [e["resourceId"].rsplit("/", 1)[-1] for e in logged]
    assert sorted(deletes) == ["1.1.0", "1.2.0"]
    assert ok(f"{PRUNE} --keep 1") == [
        {"definition": "lin", "definitionId": image_id(versions),
         "versions": [{"name": "1.0.0", "id": image_id(versions, pinned="1.0.0"), "action": "keep",
                       "reasons": ["older than the newest 1 succeeded"], "blockers": ["VM web-1 is pinned to it"],
                       "resourceGroup": "MyResourceGroup"}],
         "latestAfter": [{"region": "eastus", "now": "1.3.0", "after": "1.3.0", "changes": False},
                         {"region": "westus", "now": "1.3.0", "after": "1.3.0", "changes": False}]}]


def test_the_version_latest_resolves_to_is_never_pruned(ok, versions):
    """Under `eol-policy=warn` a version past its end of life can still be `latest`, so it stays."""
    ok(f"sig image-version update {G} -i lin -e 1.3.0 --set publishingProfile.endOfLifeDate=+1d")
    ok("clock advance 2d")
    ok("config set eol-policy=warn")
    plan = ok(f"{PRUNE} --past-end-of-life")
    assert actions(plan) == {"1.3.0": ("keep", ["latest in eastus would change to 1.2.0",
                                                "latest in westus would change to 1.2.0"])}
    assert names(ok) == ["1.0.0", "1.1.0", "1.2.0", "1.3.0"]


def test_a_version_past_its_end_of_life_is_not_latest_by_default_and_is_pruned(ok, versions):
    ok(f"sig image-version update {G} -i lin -e 1.3.0 --set publishingProfile.endOfLifeDate=+1d")
    ok("clock advance 2d")
    assert actions(ok(f"{PRUNE} --past-end-of-life")) == {"1.3.0": ("deleted", [])}
    assert names(ok) == ["1.0.0", "1.1.0", "1.2.0"]


def test_table_output(az, versions):
    result = az(f"{PRUNE} --keep 2 --dry-run -o table")
    assert result.status == 0
    lines = result.out.splitlines()
    assert lines[0].split() == ["Definition", "Version", "Action", "Why", "BlockedBy"]
    assert lines[2].split()[:3] == ["lin", "1.0.0", "keep"]
    assert lines[3].split()[:3] == ["lin", "1.1.0", "delete"]


@pytest.mark.parametrize(("options", "message"), [
    ("", "usage error: say what to prune: --keep N and/or --past-end-of-life"),
    ("--keep 0", "argument --keep: expected a whole number of at least 1, got '0'"),
])
def test_a_rule_is_required(refused, versions, options, message):
    assert message in refused(f"{PRUNE} {options}", status=2)


def test_prune_of_an_unknown_definition_says_so(refused, versions):
    assert "(ResourceNotFound)" in refused(f"{PRUNE} -i nope --keep 1")


def test_usage_lists_pinned_and_latest_users_and_latest_after_a_change(ok, versions):
    result = ok(f"sig image-version usage {G} -i lin -e 1.3.0")
    assert [(u["name"], u["via"], u["type"]) for u in result["usedBy"]] == [
        ("web-2", "latest", "Microsoft.Compute/virtualMachineScaleSets")]
    assert {r["region"]: r["after"] for r in result["latest"]} == {"eastus": "1.2.0", "westus": "1.2.0"}
    pinned = ok(f"sig image-version usage {G} -i lin -e 1.0.0 --change exclude")
    assert [(u["name"], u["via"]) for u in pinned["usedBy"]] == [("web-1", "pinned")]
    assert all(not r["changes"] for r in pinned["latest"])


def test_usage_of_a_missing_version(refused, versions):
    assert "(ResourceNotFound)" in refused(f"sig image-version usage {G} -i lin -e 9.9.9")
