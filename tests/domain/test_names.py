"""Name rules with Azure's messages, table-driven from the troubleshooting guide."""

import pytest

from sigtui.domain import names
from sigtui.domain.errors import AzureError

GALLERY_MESSAGE = "Gallery name is invalid. Allowed characters are English alphanumeric characters"


@pytest.mark.parametrize("name", ["myGallery", "my_gallery.1", "G", "a" * 80, "Contoso.Images_2"])
def test_valid_gallery_names(name):
    names.check_gallery_name(name)


@pytest.mark.parametrize(
    ("name", "code", "message"),
    [
        ("my-gallery", "InvalidParameter", GALLERY_MESSAGE),
        ("_gallery", "InvalidParameter", GALLERY_MESSAGE),
        ("a" * 81, "InvalidParameter", GALLERY_MESSAGE),
        ("", "InvalidParameter", GALLERY_MESSAGE),
        ("gallery é", "InvalidParameter", GALLERY_MESSAGE),
        (
            "gallery.",
            "InvalidResourceName",
            "The provided resource name gallery. has these invalid trailing characters: .. "
            "The name can not end with characters: .",
        ),
        ("gallery_", "InvalidResourceName", "The provided resource name gallery_ has these invalid trailing"),
    ],
)
def test_invalid_gallery_names(name, code, message):
    with pytest.raises(AzureError) as error:
        names.check_gallery_name(name)
    assert error.value.code == code
    assert error.value.message.startswith(message)


@pytest.mark.parametrize("name", ["myImage1", "ubuntu-22.04_web", "a" * 80])
def test_valid_definition_names(name):
    names.check_definition_name(name)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "-image",
            "The entity name -image is invalid according to its validation rule: "
            r"^[^_\W][\w-._]{0,79}(?<![-.])$.",
        ),
        ("image name", "The entity name image name is invalid"),
        ("a" * 81, "The entity name"),
        ("image-", "The provided resource name g/image- has these invalid trailing characters: -."),
    ],
)
def test_invalid_definition_names(name, message):
    with pytest.raises(AzureError) as error:
        names.check_definition_name(name, "g")
    assert error.value.message.startswith(message)


@pytest.mark.parametrize(
    ("prop", "value", "limit"),
    [
        ("publisher", "", 128),
        ("publisher", "a" * 129, 128),
        ("offer", "a" * 65, 64),
        ("sku", "bad sku", 64),
        ("sku", "ends.", 64),
        ("offer", "semi;colon", 64),
    ],
)
def test_invalid_identifiers(prop, value, limit):
    with pytest.raises(AzureError) as error:
        names.check_identifier(prop, value, limit)
    assert error.value.message == (
        f"Asset name galleryImage.properties.identifier.{prop} is not valid. It cannot be empty. Allowed characters "
        "are uppercase or lowercase letters, digits, hyphen(-), period (.), underscore (_). Names are not allowed to "
        f"end with period(.). The length of the name cannot exceed {limit} characters."
    )


@pytest.mark.parametrize("value", ["Contoso", "a" * 128, "my-pub_1.x"])
def test_valid_publisher(value):
    names.check_identifier("publisher", value, 128)


@pytest.mark.parametrize(
    ("name", "parts"), [("1.0.0", (1, 0, 0)), ("2018.12.1", (2018, 12, 1)), ("0.0.2147483647", (0, 0, 2147483647))]
)
def test_version_names(name, parts):
    assert names.parse_version(name) == parts


@pytest.mark.parametrize("name", ["1.0", "1.0.0.0", "v1.0.0", "1.-1.0", "1.0.2147483648", "", "1..0", "1.0.0 "])
def test_bad_version_names(name):
    with pytest.raises(AzureError) as error:
        names.parse_version(name)
    assert error.value.code == "InvalidParameter"
    assert error.value.message == (
        "The image version name is invalid. The image version name should follow Major(int).Minor(int).Patch(int) "
        "format, for e.g: 1.0.0, 2018.12.1 etc."
    )


def test_numeric_ordering():
    assert sorted(["1.9.0", "1.10.0", "1.2.0", "10.0.0", "2.0.0"], key=names.version_key) == [
        "1.2.0",
        "1.9.0",
        "1.10.0",
        "2.0.0",
        "10.0.0",
    ]


@pytest.mark.parametrize("name", ["rg", "rg-images_1.(prod)", "a" * 90])
def test_valid_resource_group_names(name):
    names.check_resource_group_name(name)


@pytest.mark.parametrize("name", ["", "rg.", "a" * 91, "rg/images", "rg*"])
def test_invalid_resource_group_names(name):
    with pytest.raises(AzureError) as error:
        names.check_resource_group_name(name)
    assert error.value.message.startswith(f"Resource group name '{name}' is invalid.")
