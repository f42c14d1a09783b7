"""Azure's 2024-03-03 create examples sent through `sigtui rest`: each is created and answered with every field
of Azure's answer (server-set fields aside), or refused by design, naming the property sigtui does not model."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..oracle import assert_subset, load
from .test_rest import azure, rest, url_of  # noqa: F401  (fixtures)

EXAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "azure-rest-api-2024-03-03" / "examples"
SERVER_SET = frozenset({
    "id",  # the examples' ids are abbreviated or point elsewhere
    "properties.identifier.uniqueName",
    "properties.safetyProfile.reportedForPolicyViolation",  # Azure's scan; sigtui reports none
    "properties.safetyProfile.policyViolations",
})
REFUSED = {
    "Gallery_Create_SoftDeletionEnabled.json": "properties.softDeletePolicy",
    "Gallery_Create_WithManagedIdentity.json": "identity",
    "GalleryImageVersion_Create_WithAdditionalReplicaSets.json": "properties.publishingProfile.targetRegions[0]"
                                                                 ".additionalReplicaSets",
    "GalleryImageVersion_Create_WithCommunityImageVersionAsSource.json":
        "properties.storageProfile.source.communityGalleryImageId",
    "GalleryImageVersion_Create_WithShallowReplicationMode.json": "properties.publishingProfile.replicationMode",
    "GalleryImageVersion_Create_WithVHD.json": "properties.storageProfile.osDiskImage.source.storageAccountId",
    "GalleryImageVersion_Create_WithVHD_UefiSettings.json": "properties.storageProfile.osDiskImage.source"
                                                            ".storageAccountId",
    "GalleryImageVersion_Create_WithVmAsSource.json": "properties.storageProfile.source.virtualMachineId",
}
"""What sigtui refuses by design (a 400 naming the property): soft delete, managed identities, community
galleries, additional replica sets, shallow replication, VHD blobs in storage accounts, and the VM source
spelled as `virtualMachineId`."""
BODIES = ("gallery", "galleryImage", "galleryImageVersion")
EXAMPLE_NAMES = sorted(p.name for p in EXAMPLES.glob("*.json"))


def _prerequisites(rest, ok, sub: str, name: str) -> None:  # noqa: F811
    """The gallery and the definition an example's URL goes under, and the replicated version 0.9.0 that one
    example is made from."""
    if name.startswith("GalleryImage"):
        gallery = load("Gallery_Create.json", sub, EXAMPLES)["parameters"]
        assert rest("put", url_of(gallery), gallery["gallery"])[0] == 201
    if name.startswith("GalleryImageVersion"):
        image = load("GalleryImage_Create.json", sub, EXAMPLES)["parameters"]
        assert rest("put", url_of(image), image["galleryImage"])[0] == 201
    if name == "GalleryImageVersion_Create_WithImageVersionAsSource.json":
        source = load("GalleryImageVersion_Create.json", sub, EXAMPLES)["parameters"]
        source["galleryImageVersionName"] = "0.9.0"
        for target in source["galleryImageVersion"]["properties"]["publishingProfile"]["targetRegions"]:
            target.pop("encryption")  # a version encrypted with customer keys cannot be a source
        assert rest("put", url_of(source), source["galleryImageVersion"])[0] == 201
        ok("clock advance 1d")


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_a_create_example_is_answered_or_refused_by_design(rest, ok, azure, name):  # noqa: F811
    _prerequisites(rest, ok, azure, name)
    example = load(name, azure, EXAMPLES)
    p = example["parameters"]
    body = next(p[k] for k in BODIES if k in p)
    status, answer, error = rest("put", url_of(p), body)
    if name in REFUSED:
        assert status == 400, answer
        assert f"'{REFUSED[name]}'" in error
        assert rest("get", url_of(p))[0] == 404
        return
    assert status == 201, error
    assert_subset(example["responses"]["201"]["body"], answer, ignore=SERVER_SET)
    assert_subset(example["responses"]["201"]["body"], rest("get", url_of(p))[1], ignore=SERVER_SET)
