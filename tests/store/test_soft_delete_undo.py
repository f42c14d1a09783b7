"""Undoing the delete of a version its gallery kept as soft-deleted: the version is back, no longer listed as
soft-deleted, and can be deleted (and kept) again."""

from datetime import timedelta

import pytest

from .world import build_world


@pytest.fixture
def world(svc):
    return build_world(svc)


def test_undo_of_a_soft_delete_and_a_second_delete(world):
    svc = world.svc
    svc.update_gallery(None, "rg", "gallery1", {"properties": {"softDeletePolicy": {"isSoftDeleteEnabled": True}}})
    world.create("1.0.0")
    svc.advance_clock(timedelta(days=1))
    version = svc.get_version(None, "rg", "gallery1", "linux", "1.0.0")
    svc.delete_version(None, "rg", "gallery1", "linux", "1.0.0")
    assert [v.name for v in svc.list_soft_deleted_versions(None, "rg", "gallery1", "linux")] == ["1.0.0"]
    svc.restore_versions([version])
    assert svc.list_soft_deleted_versions(None, "rg", "gallery1", "linux") == []
    svc.delete_version(None, "rg", "gallery1", "linux", "1.0.0")
    assert [v.name for v in svc.list_soft_deleted_versions(None, "rg", "gallery1", "linux")] == ["1.0.0"]
    assert svc.list_versions(None, "rg", "gallery1", "linux") == []
