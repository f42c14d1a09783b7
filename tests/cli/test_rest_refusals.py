"""`sigtui rest` refuses a property it does not model, or a required one left out, naming it, and writes
nothing."""

from __future__ import annotations

from ..oracle import load
from .test_rest import azure, rest, send, url_of  # noqa: F401  (fixtures)


def test_an_unmodelled_property_is_refused_and_nothing_is_written(rest, azure):  # noqa: F811
    send(rest, azure, "CreateOrUpdateASimpleGallery.json")
    p = load("CreateOrUpdateASimpleGalleryImage.json", azure)["parameters"]
    body = p["galleryImage"]
    body["properties"]["features"] = [{"name": "SecurityType", "value": "TrustedLaunchSupported",
                                       "startsAtVersion": "1.0.0"}]
    status, _, error = rest("put", url_of(p), body)
    assert status == 400
    assert "(InvalidParameter) The property 'properties.features[0].startsAtVersion' is not supported." in error
    assert rest("get", url_of(p))[0] == 404


def test_an_unmodelled_patch_is_refused_and_changes_nothing(rest, azure):  # noqa: F811
    (status, created, _), example = send(rest, azure, "CreateOrUpdateASimpleGallery.json")
    url = url_of(example["parameters"])
    status, _, error = rest("patch", url, {"properties": {"description": "new", "sharingProfile":
                                                          {"communityGalleryInfo": {"publisherUri": "x"}}}})
    assert status == 400 and "'properties.sharingProfile.communityGalleryInfo'" in error
    assert rest("get", url)[1]["properties"]["description"] == created["properties"]["description"]


def test_a_definition_without_os_state_is_refused(rest, azure):  # noqa: F811
    send(rest, azure, "CreateOrUpdateASimpleGallery.json")
    p = load("CreateOrUpdateASimpleGalleryImage.json", azure)["parameters"]
    del p["galleryImage"]["properties"]["osState"]
    status, _, error = rest("put", url_of(p), p["galleryImage"])
    assert (status, error) == (400, "(InvalidParameter) Required parameter 'osState' is missing (null).")
    assert rest("get", url_of(p))[0] == 404
