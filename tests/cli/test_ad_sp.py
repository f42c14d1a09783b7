"""`sigtui ad sp create-for-rbac`: az's answer, the secret never stored in clear, roles at subscription and
resource-group scope that decide what the service principal may do."""

from __future__ import annotations


def test_create_for_rbac_prints_azs_shape(ok, db, sub):
    created = ok("ad sp create-for-rbac --name ci")
    assert set(created) == {"appId", "displayName", "password", "tenant"}
    assert created["displayName"] == "ci" and len(created["password"]) >= 32
    assert created["password"].encode() not in db.read_bytes()
    assert [p["displayName"] for p in ok("ad sp list")] == ["ci"]
    assert ok("role assignment list --all --assignee ci") == []


def test_roles_at_subscription_and_group_scope_apply(ok, az, sub):
    ok("group create -n rg-ci -l westus")
    ok("group create -n rg-other -l westus")
    ok(f"ad sp create-for-rbac -n builder --role Contributor --scopes /subscriptions/{sub}/resourceGroups/rg-ci")
    ok(f"ad sp create-for-rbac -n auditor --role Reader --scopes /subscriptions/{sub}")
    scopes = {(a["principalName"], a["scope"]) for a in ok("role assignment list --all")}
    assert {("builder", f"/subscriptions/{sub}/resourceGroups/rg-ci"), ("auditor", f"/subscriptions/{sub}")} <= scopes
    assert ok("sig create -g rg-ci -r Built --as builder")["name"] == "Built"
    refused = az("sig create -g rg-other -r Elsewhere --as builder")
    assert refused.status == 1 and refused.err.startswith("(AuthorizationFailed)")
    assert [g["name"] for g in ok("sig list --as auditor")] == ["Built"]
    assert az("sig create -g rg-ci -r Mine --as auditor").err.startswith("(AuthorizationFailed)")


def test_a_role_needs_scopes_and_a_missing_scope_creates_nothing(refused, sub):
    assert "specify both --role and --scopes" in refused("ad sp create-for-rbac -n half --role Reader")
    error = refused(f"ad sp create-for-rbac -n lost --role Reader --scopes /subscriptions/{sub}/resourceGroups/none")
    assert error.startswith("(InvalidScope)")
