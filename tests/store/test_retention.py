"""Prune through the services, then restore what it deleted: every version back with its regions and disks."""

from __future__ import annotations

import pytest

from sigtui.domain.errors import AzureError
from sigtui.domain.retention import RetentionRule
from sigtui.store.demo import build_demo
from sigtui.store.services import Services

from ..tui.conftest import FIXED, FakeTime


@pytest.fixture
def services(tmp_path):
    found = Services(tmp_path / "demo.db", real_time=FakeTime())
    found.bootstrap()
    build_demo(found, start=FIXED)
    return found


def names(services) -> list[str]:
    return [v.name for v in services.list_versions(None, "rg-images", "ContosoImages", "ubuntu-web")]


def test_prune_then_restore_puts_every_version_back_as_it_was(services):
    before = services.list_versions(None, "rg-images", "ContosoImages", "ubuntu-web")
    plans = services.prune(None, "rg-images", "ContosoImages", "ubuntu-web", RetentionRule(keep=1))
    deleted = [v for p in plans for v in p.deleted]
    assert [v.name for v in deleted] == ["1.0.0"]
    assert names(services) == ["1.1.0", "1.2.0", "1.3.0"]
    services.restore_versions(deleted)
    assert services.list_versions(None, "rg-images", "ContosoImages", "ubuntu-web") == before
    with pytest.raises(AzureError, match="exists again"):
        services.restore_versions(deleted)
    assert names(services) == ["1.0.0", "1.1.0", "1.2.0", "1.3.0"]


def test_a_reader_may_plan_but_not_prune(services):
    reader = Services(services.db, caller="pat@contoso.onmicrosoft.com", real_time=services.real_time)
    plans = reader.plan_prune(None, "rg-images", "ContosoImages", "ubuntu-web", RetentionRule(keep=1))
    assert [c.version.name for p in plans for c in p.candidates if c.goes] == ["1.0.0"]
    with pytest.raises(AzureError, match="does not have authorization"):
        reader.prune(None, "rg-images", "ContosoImages", "ubuntu-web", RetentionRule(keep=1))
    assert names(services) == ["1.0.0", "1.1.0", "1.2.0", "1.3.0"]


def test_with_soft_delete_on_a_prune_is_restorable_and_its_undo_restores_from_soft_delete(services):
    services.update_gallery(None, "rg-images", "ContosoImages", {"properties": {"softDeletePolicy": {
        "isSoftDeleteEnabled": True}}})
    before = services.list_versions(None, "rg-images", "ContosoImages", "ubuntu-web")
    plans = services.prune(None, "rg-images", "ContosoImages", "ubuntu-web", RetentionRule(keep=1))
    deleted = [v for p in plans for v in p.deleted]
    kept = services.list_soft_deleted_versions(None, "rg-images", "ContosoImages", "ubuntu-web")
    assert [k.name for k in kept] == ["1.0.0"]
    services.restore_versions(deleted)
    assert services.list_soft_deleted_versions(None, "rg-images", "ContosoImages", "ubuntu-web") == []
    assert [v.name for v in services.list_versions(None, "rg-images", "ContosoImages", "ubuntu-web")] == [
        v.name for v in before]
