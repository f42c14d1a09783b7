"""Azure's 2024-03-03 create examples sent through `sigtui rest`: each is created and answered with every field
of Azure's answer (server-set fields aside), or refused by design, naming the property sigtui does not model."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..oracle import assert_subset, load
from .example_fixes import DATA_URI, distinct_data_vhd, encrypt_alike, make_vhds
from .test_rest import azure, rest, url_of  # noqa: F401  (fixtures)

EXAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "azure-rest-api-2024-03-03" / "examples"
SERVER_SET = frozenset({
    "id",  # the examples' ids are abbreviated or point elsewhere
    "properties.identifier.uniqueName",
    "properties.safetyProfile.reportedForPolicyViolation",  # Azure's scan; sigtui reports none
    "properties.safetyProfile.policyViolations",
})
REFUSED = {
    "Gallery_Create_WithManagedIdentity.json": "identity",
    "GalleryImageVersion_Create_WithAdditionalReplicaSets.json": "properties.publishingProfile.targetRegions[0]"
                                                                 ".additionalReplicaSets",
    "GalleryImageVersion_Create_WithCommunityImageVersionAsSource.json":
        "properties.storageProfile.source.communityGalleryImageId",
    "GalleryImageVersion_Create_WithVHD_UefiSettings.json": "properties.securityProfile",
}
"""What sigtui refuses by design (a 400 naming the property): managed identities, community galleries,
additional replica sets, and UEFI settings (a version's `securityProfile`)."""
BODIES = ("gallery", "galleryImage", "galleryImageVersion")
EXAMPLE_NAMES = sorted(p.name for p in EXAMPLES.glob("*_Create*.json"))


def _prerequisites(rest, ok, sub: str, name: str, folder) -> None:  # noqa: F811
    """The gallery and the definition an example's URL goes under, the replicated version 0.9.0 that one
    example is made from, and the storage account and VHDs of the VHD examples."""
    if "VHD" in name:
        make_vhds(ok, folder)
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
def test_a_create_example_is_answered_or_refused_by_design(rest, ok, azure, name, tmp_path):  # noqa: F811
    _prerequisites(rest, ok, azure, name, tmp_path)
    example = load(name, azure, EXAMPLES)
    p = example["parameters"]
    body = encrypt_alike(distinct_data_vhd(next(p[k] for k in BODIES if k in p)))
    status, answer, error = rest("put", url_of(p), body)
    if name in REFUSED:
        assert status == 400, answer
        assert f"'{REFUSED[name]}'" in error
        assert rest("get", url_of(p))[0] == 404
        return
    assert status == 201, error
    assert_subset(example["responses"]["201"]["body"], answer, ignore=SERVER_SET | DATA_URI)
    assert_subset(example["responses"]["201"]["body"], rest("get", url_of(p))[1], ignore=SERVER_SET | DATA_URI)
