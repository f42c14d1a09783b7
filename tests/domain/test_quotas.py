"""Quotas at a glance: usage rows, their state, and the warning before a create crosses a limit."""

from __future__ import annotations

from sigtui.domain.quotas import Usage, create_warning, region_usage


def test_region_usage_puts_each_count_against_its_limit():
    found = region_usage(("sub", "Production"), "westus", {"gallery": 3, "image_version": 9999}, (12, 4))
    assert [(q.name, q.current, q.limit) for q in found.quotas] == [
        ("galleries", 3, 100),
        ("imageDefinitions", 0, 1000),
        ("imageVersions", 9999, 10000),
        ("replicasPerImageVersion", 4, 10),
    ]
    assert found.replicas == 12
    assert [q.state for q in found.quotas] == ["ok", "ok", "near", "ok"]
    assert Usage("galleries", "Galleries", 100, 100).state == "full"


def test_the_warning_appears_only_when_the_next_create_would_cross_the_limit():
    assert create_warning("gallery", "westus", 99) is None
    assert create_warning("version", "eastus", 10000) == (
        "Quota in eastus: Operation could not be completed as it results in exceeding approved image versions quota. "
        "Limit: 10000, Current usage: 10000, Additional required: 1."
    )
