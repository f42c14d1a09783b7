"""The retention planner and who-uses: which versions a rule names, what blocks them, `latest` after a change."""

from dataclasses import replace
from datetime import timedelta

import pytest

from sigtui.domain.errors import AzureError
from sigtui.domain.retention import DefinitionFacts, RetentionRule, plan_retention
from sigtui.domain.usage import Deployment, after_change, latest_by_region, uses_of

from .builders import DEFINITION_ID, T1, done, failed, running, version

V = [
    version("1.0.0", done("westus")),
    version("1.1.0", done("westus"), eol=T1 - timedelta(days=1)),
    version("1.2.0", done("westus"), done("eastus")),
    version("1.3.0", done("westus")),
    version("1.4.0", failed("westus")),
    version("1.5.0", running("westus", 0.5)),
]


def vm(name: str, target, pinned: bool) -> Deployment:
    reference = target.id if pinned else DEFINITION_ID
    return Deployment(f"/vm/{name}", name, "virtualMachines", "westus", reference, target.name, target.id)


def plan(rule, versions=V, deployments=()):
    facts = DefinitionFacts(DEFINITION_ID, tuple(versions), tuple(deployments))
    (found,) = plan_retention([facts], rule, T1)
    return {c.version.name: (c.reasons, c.blockers) for c in found.candidates}, found


def test_keep_names_the_succeeded_versions_beyond_the_newest_n_only():
    named, found = plan(RetentionRule(keep=2))
    assert named == {
        "1.0.0": (("older than the newest 2 succeeded",), ()),
        "1.1.0": (("older than the newest 2 succeeded",), ()),
    }
    assert [v.name for v in found.deleted] == ["1.0.0", "1.1.0"]


def test_past_end_of_life_and_keep_add_up_with_every_reason():
    named, _ = plan(RetentionRule(keep=2, past_end_of_life=True))
    assert named["1.1.0"][0] == ("older than the newest 2 succeeded", "past end of life (2026-01-01)")
    named, _ = plan(RetentionRule(past_end_of_life=True))
    assert named == {"1.1.0": (("past end of life (2026-01-01)",), ())}


def test_a_pinned_version_is_blocked_and_one_used_through_latest_is_not():
    named, found = plan(RetentionRule(keep=2), deployments=[vm("web-1", V[0], True), vm("web-2", V[1], False)])
    assert named["1.0.0"][1] == ("VM web-1 is pinned to it",)
    assert named["1.1.0"][1] == ()
    assert [v.name for v in found.deleted] == ["1.1.0"]


def test_a_version_that_is_latest_somewhere_stays_and_says_where_latest_would_go():
    named, found = plan(RetentionRule(keep=1))
    assert named["1.2.0"][1] == ("latest in eastus would change to nothing",)
    assert {r.region: (r.now, r.after) for r in found.latest} == {"eastus": ("1.2.0", "1.2.0"),
                                                                  "westus": ("1.3.0", "1.3.0")}


def test_a_rule_must_say_what_to_prune():
    with pytest.raises(AzureError, match="--keep N and/or --past-end-of-life"):
        plan_retention([], RetentionRule(), T1)
    with pytest.raises(AzureError, match="at least 1"):
        plan_retention([], RetentionRule(keep=0), T1)


def test_a_version_protected_until_its_end_of_life_stays():
    protected = replace(V[0], block_deletion_before_end_of_life=True, end_of_life_date=T1 + timedelta(days=1))
    named, _ = plan(RetentionRule(keep=2), versions=[protected, *V[1:]])
    assert named["1.0.0"][1] == ("blockDeletionBeforeEndOfLife is on and its end of life has not come",)
    past = replace(protected, end_of_life_date=T1 - timedelta(days=1))
    named, _ = plan(RetentionRule(keep=2), versions=[past, *V[1:]])
    assert named["1.0.0"][1] == ()


def test_uses_and_latest_after_excluding_or_deleting():
    web1, web2 = vm("web-1", V[3], True), vm("web-2", V[3], False)
    assert [(d.name, d.via) for d in uses_of(V[3], [web2, web1, vm("x", V[0], True)])] == [
        ("web-1", "pinned"), ("web-2", "latest")]
    for change in ("delete", "exclude"):
        after = after_change(V, ["1.3.0"], change)
        rows = {r.region: (r.now, r.after, r.changes) for r in latest_by_region(V, after, DEFINITION_ID, T1)}
        assert rows == {"eastus": ("1.2.0", "1.2.0", False), "westus": ("1.3.0", "1.2.0", True)}
