"""Soft delete: a gallery's `softDeletePolicy` keeps deleted versions, lists them in Azure's shape, and a PUT or PATCH
with `properties.restore` brings one back as it was (Azure's 2024-03-03 examples)."""

from __future__ import annotations

import pytest

from ..oracle import assert_subset, load
from .test_rest import azure, rest, url_of  # noqa: F401  (fixtures)
from .test_rest_replay_2024 import EXAMPLES

VERSION = ("sig image-version create -g myResourceGroup -r myGalleryName -i myGalleryImageName -e 1.0.0 "
           "--managed-image myImage --target-regions westus eastus=2")


@pytest.fixture
def soft_gallery(rest, ok, azure):  # noqa: F811
    """Azure's soft-deletion gallery example, its definition, and version 1.0.0 replicated."""
    gallery = load("Gallery_Create_SoftDeletionEnabled.json", azure, EXAMPLES)
    status, answer, error = rest("put", url_of(gallery["parameters"]), gallery["parameters"]["gallery"])
    assert status == 201, error
    assert_subset(gallery["responses"]["201"]["body"], answer, ignore=frozenset({"id"}))
    image = load("GalleryImage_Create.json", azure, EXAMPLES)["parameters"]
    assert rest("put", url_of(image), image["galleryImage"])[0] == 201
    ok(VERSION)
    ok("clock advance 1d")
    return azure


def _deleted_url(sub: str, api: str = "2024-03-03") -> str:
    return (f"/subscriptions/{sub}/resourceGroups/myResourceGroup/providers/Microsoft.Compute/galleries/"
            f"myGalleryName/softDeletedArtifactTypes/Images/artifacts/myGalleryImageName/versions?api-version={api}")


def _version_url(sub: str) -> str:
    return (f"/subscriptions/{sub}/resourceGroups/myResourceGroup/providers/Microsoft.Compute/galleries/"
            "myGalleryName/images/myGalleryImageName/versions/1.0.0?api-version=2024-03-03")


def test_a_deleted_version_is_hidden_and_listed_as_soft_deleted(rest, ok, soft_gallery):  # noqa: F811
    before = rest("get", _version_url(soft_gallery))[1]
    assert rest("delete", _version_url(soft_gallery))[0] == 202
    status, _, error = rest("get", _version_url(soft_gallery))
    assert status == 404 and "ResourceNotFound" in error
    assert ok("sig image-version list -g myResourceGroup -r myGalleryName -i myGalleryImageName") == []
    status, listed, _ = rest("get", _deleted_url(soft_gallery))
    assert status == 200
    example = load("GallerySoftDeletedResource_ListByArtifactName.json", soft_gallery, EXAMPLES)
    expected = example["responses"]["200"]["body"]["value"][0]
    assert_subset(expected, listed["value"][0], ignore=frozenset({"properties.softDeletedTime"}))
    assert listed["value"][0]["properties"]["softDeletedTime"].endswith("+00:00")
    assert listed["value"][0]["properties"]["resourceArmId"] == before["id"]


def test_restore_brings_the_version_back_as_it_was(rest, soft_gallery):  # noqa: F811
    before = rest("get", _version_url(soft_gallery))[1]
    rest("delete", _version_url(soft_gallery))
    example = load("GalleryImageVersion_Update_RestoreSoftDeleted.json", soft_gallery, EXAMPLES)
    status, answer, error = rest("put", _version_url(soft_gallery), example["parameters"]["galleryImageVersion"])
    assert status == 200, error
    assert_subset(before["properties"]["publishingProfile"], answer["properties"]["publishingProfile"])
    assert answer["properties"]["storageProfile"] == before["properties"]["storageProfile"]
    assert rest("get", _deleted_url(soft_gallery))[1] == {"value": []}
    assert rest("get", _version_url(soft_gallery))[1]["properties"]["provisioningState"] == "Succeeded"


def test_a_soft_deleted_name_is_not_taken_by_a_new_version(az, rest, soft_gallery):  # noqa: F811
    rest("delete", _version_url(soft_gallery))
    result = az(VERSION)
    assert result.status == 1
    assert "(Conflict)" in result.err and "soft-deleted" in result.err
    assert rest("get", _version_url(soft_gallery))[0] == 404


def test_restoring_what_was_never_deleted_is_refused(rest, soft_gallery):  # noqa: F811
    url = _version_url(soft_gallery).replace("1.0.0", "2.0.0")
    status, _, error = rest("patch", url, {"properties": {"restore": True}})
    assert status == 404 and "soft-deleted gallery image version" in error


def test_without_soft_delete_a_deleted_version_is_gone(rest, ok, soft_gallery):  # noqa: F811
    ok("sig update -g myResourceGroup -r myGalleryName --soft-delete false")
    rest("delete", _version_url(soft_gallery))
    assert rest("get", _deleted_url(soft_gallery))[1] == {"value": []}


def test_the_soft_deleted_list_needs_2024_03_03(rest, soft_gallery):  # noqa: F811
    status, _, error = rest("get", _deleted_url(soft_gallery, "2023-07-03"))
    assert status == 400 and "NoRegisteredProviderFound" in error


def test_cli_turns_soft_delete_on_and_shows_it(ok):
    ok("group create -n rg -l westus")
    created = ok("sig create -g rg -r Soft --soft-delete true")
    assert created["properties"]["softDeletePolicy"] == {"isSoftDeleteEnabled": True}
    updated = ok("sig update -g rg -r Soft --soft-delete false")
    assert updated["properties"]["softDeletePolicy"] == {"isSoftDeleteEnabled": False}


def test_a_prune_keeps_what_it_deletes_from_a_soft_delete_gallery(ok, rest, soft_gallery):  # noqa: F811
    ok("sig image-version create -g myResourceGroup -r myGalleryName -i myGalleryImageName -e 1.1.0 "
       "--managed-image myImage --target-regions westus eastus")
    ok("clock advance 1d")
    ok("sig image-version prune -g myResourceGroup -r myGalleryName --keep 1")
    assert [v["name"] for v in rest("get", _deleted_url(soft_gallery))[1]["value"]] == ["1.0.0"]
    example = load("GalleryImageVersion_Update_RestoreSoftDeleted.json", soft_gallery, EXAMPLES)
    assert rest("put", _version_url(soft_gallery), example["parameters"]["galleryImageVersion"])[0] == 200
