"""Every documented refusal: Azure's code and message on stderr, exit status 1, and the database unchanged."""

from __future__ import annotations

import pytest

G = "-g MyResourceGroup -r MyGallery"
D = f"{G} -i MyImage"
V = f"sig image-version create {D} --managed-image myImage"
DEF = f"sig image-definition create {G} --os-type Windows"
GALLERY_NAME = ("Gallery name is invalid. Allowed characters are English alphanumeric characters, with underscores, "
                "and periods allowed in the middle, up to 80 characters total. All other special characters, "
                "including dashes, are disallowed.")
VERSION_NAME = ("The image version name is invalid. The image version name should follow "
                "Major(int).Minor(int).Patch(int) format, for e.g: 1.0.0, 2018.12.1 etc.")

CASES = [
    ("gallery name with a dash", "sig create -g MyResourceGroup -r my-gallery", "InvalidParameter", GALLERY_NAME),
    ("gallery name ending with a period", "sig create -g MyResourceGroup -r gallery.", "InvalidResourceName",
     "The provided resource name gallery. has these invalid trailing characters: .. The name can not end with "
     "characters: ."),
    ("gallery name too long", f"sig create -g MyResourceGroup -r {'g' * 81}", "InvalidParameter", GALLERY_NAME),
    ("definition name", f"{DEF} -i _image -p P -f O -s S", "InvalidParameter",
     r"The entity name _image is invalid according to its validation rule: ^[^_\W][\w-._]{0,79}(?<![-.])$."),
    ("definition name too long", f"{DEF} -i {'d' * 81} -p P -f O -s S", "InvalidParameter", "The entity name ddd"),
    ("publisher too long", f"{DEF} -i other -p {'p' * 129} -f O -s S", "InvalidParameter",
     "Asset name galleryImage.properties.identifier.publisher is not valid. It cannot be empty."),
    ("offer ending with a period", f"{DEF} -i other -p P -f Offer. -s S", "InvalidParameter",
     "Asset name galleryImage.properties.identifier.offer is not valid."),
    ("identifier triple already used", f"{DEF} -i other -p Contoso -f Windows -s 2022", "Conflict",
     "Gallery image: other identified by (publisher:Contoso, offer:Windows, sku:2022) already exists. Choose a "
     "different publisher, offer, sku combination."),
    ("minimum above maximum", f"{DEF} -i other -p P -f O -s S --minimum-cpu-core 8 --maximum-cpu-core 2",
     "InvalidParameter", "The minimum value of vCPUs must not be greater than the maximum value of vCPUs."),
    ("memory minimum above maximum", f"{DEF} -i other -p P -f O -s S --minimum-memory 64 --maximum-memory 8",
     "InvalidParameter", "The minimum value of memory must not be greater than the maximum value of memory."),
    ("definition end of life in the past", f"{DEF} -i other -p P -f O -s S --end-of-life-date 2001-01-01",
     "InvalidParameter", "EndOfLifeDate must be set to a future date."),
    ("version end of life in the past", f"{V} -e 1.0.0 --end-of-life-date 2001-01-01", "InvalidParameter",
     "EndOfLifeDate must be set to a future date."),
    *[(f"version name {name}", f"{V} -e {name}", "InvalidParameter", VERSION_NAME)
      for name in ("1.0", "1.0.0.0", "v1.0.0", "1.-1.0", "1.0.2147483648")],
    ("source region missing from the targets", f"{V} -e 1.0.0 --target-regions eastus", "InvalidParameter",
     "Gallery image version publishing profile regions 'East US' must contain the location of image version "
     "'West US'."),
    ("duplicate regions", f"{V} -e 1.0.0 --target-regions westus eastus 'East US'", "InvalidParameter",
     "Duplicate regions are not allowed in target publishing regions"),
    ("ZRS where there are no zones", f"{V} -e 1.0.0 --target-regions westus=1=standard_zrs", "InvalidParameter",
     "ZRS storage account type is not supported in this region."),
    ("ZRS by default where there are no zones", f"{V} -e 1.0.0 --storage-account-type standard_zrs",
     "InvalidParameter", "ZRS storage account type is not supported in this region."),
    ("regional replica count 11", f"{V} -e 1.0.0 --target-regions westus=11", "InvalidParameter",
     "The value 11 of parameter galleryImageVersion.properties.publishingProfile.targetRegions.regionalReplicaCount "
     "is out of range. The value must be between 1 and 10, inclusive"),
    ("replica count 11", f"{V} -e 1.0.0 --replica-count 11", "InvalidParameter",
     "The value 11 of parameter galleryImageVersion.properties.publishingProfile.replicaCount is out of range."),
    ("Australia Central as a target", f"{V} -e 1.0.0 --target-regions westus australiacentral",
     "LocationNotAvailableForResourceType", "The provided location 'australiacentral' is not available for "
     "resource type 'Microsoft.Compute/galleries/images/versions'."),
    ("Australia Central as a gallery location", "sig create -g MyResourceGroup -r Aussie -l 'Australia Central'",
     "LocationNotAvailableForResourceType", "The provided location 'Australia Central' is not available for "
     "resource type 'Microsoft.Compute/galleries'."),
    ("missing resource group", "sig create -g NoSuchGroup -r MyGallery2 -l westus", "ResourceGroupNotFound",
     "Resource group 'NoSuchGroup' could not be found."),
    ("missing resource group on show", "sig show -g NoSuchGroup -r MyGallery", "ResourceGroupNotFound",
     "Resource group 'NoSuchGroup' could not be found."),
    ("missing parent gallery", "sig image-definition create -g MyResourceGroup -r NoGallery -i x -p P -f O -s S "
     "--os-type Linux", "ParentResourceNotFound",
     "Can not perform requested operation on nested resource. Parent resource 'NoGallery' not found."),
    ("missing parent definition", f"sig image-version create {G} -i NoImage -e 1.0.0 --managed-image myImage",
     "ParentResourceNotFound",
     "Can not perform requested operation on nested resource. Parent resource 'MyGallery/NoImage' not found."),
    ("missing gallery on show", "sig show -g MyResourceGroup -r NoGallery", "ResourceNotFound",
     "The Resource 'Microsoft.Compute/galleries/NoGallery' under resource group 'MyResourceGroup' was not found."),
    ("delete a gallery with definitions", f"sig delete {G}", "CannotDeleteResource",
     "Can not delete resource before nested resources are deleted."),
    ("delete a definition with versions", f"sig image-definition delete {D}", "CannotDeleteResource",
     "Can not delete resource before nested resources are deleted."),
    ("change the OS type", f"sig image-definition update {D} --set osType=Linux", "PropertyChangeNotAllowed",
     "Changing property 'galleryImage.properties.osType' is not allowed."),
    ("change the publisher", f"sig image-definition update {D} --set identifier.publisher=Other",
     "PropertyChangeNotAllowed", "Changing property 'galleryImage.properties.identifier.publisher' is not allowed."),
    ("change the storage type of a version", f"sig image-version update {D} -e 0.9.0 "
     "--set publishingProfile.storageAccountType=Premium_LRS", "PropertyChangeNotAllowed",
     "Changing property 'galleryImageVersion.properties.publishingProfile.storageAccountType' is not allowed."),
    ("update to an end of life in the past", f"sig image-definition update {D} --set endOfLifeDate=2001-01-01",
     "InvalidParameter", "EndOfLifeDate must be set to a future date."),
    ("source of the wrong OS type", f"sig image-version create {D} -e 1.0.0 --managed-image linuxImage",
     "InvalidParameter", "The resource with id"),
    ("source that does not exist", f"sig image-version create {D} -e 1.0.0 --managed-image nothing",
     "InvalidParameter", "Source /subscriptions/"),
    ("encryption set in the wrong region", f"{V} -e 1.0.0 --target-regions westus eastus "
     "--target-region-encryption WestUSDiskEncryptionSet1 WestUSDiskEncryptionSet1", "InvalidParameter",
     "The disk encryption set"),
    ("encryption of a LUN the image lacks", f"{V} -e 1.0.0 --target-regions westus "
     "--target-region-encryption WestUSDiskEncryptionSet1,3,WestUSDiskEncryptionSet2", "InvalidParameter",
     "An invalid lun [3] was specified in encryption.dataDiskImages."),
    ("encryption in one region only", f"{V} -e 1.0.0 --target-regions westus eastus "
     "--target-region-encryption WestUSDiskEncryptionSet1 null", "InvalidParameter",
     "A disk encryption set is required for disk"),
]


@pytest.fixture
def prepared(ok, world):
    ok("image create -g MyResourceGroup -n linuxImage --os-type Linux")
    ok(f"sig image-version create {D} -e 0.9.0 --managed-image myImage")
    return world


@pytest.mark.parametrize("command, code, message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_refused_with_azures_code_and_message(refused, prepared, command, code, message):
    error = refused(command)
    assert error.startswith(f"({code}) {message}"), error


def test_non_integer_for_an_integer_option_is_a_usage_error(refused, prepared):
    error = refused(f"{DEF} -i other -p P -f O -s S --minimum-cpu-core x", 2)
    assert error.endswith("error: argument --minimum-cpu-core: invalid int value: 'x'")


def test_missing_required_argument_is_a_usage_error(refused, prepared):
    assert "the following arguments are required: -p/--publisher" in refused(f"{DEF} -i other -f O -s S", 2)


def test_an_unknown_update_path_gets_azs_wording(refused, prepared):
    assert refused(f"sig update {G} --set foo.bar=1") == (
        "Couldn't find 'foo' in ''. Available options: ['description', 'id', 'identifier', 'location', 'name', "
        "'provisioningState', 'tags', 'type']")
    assert refused(f"sig image-definition update {D} --set recommended.cores=4").startswith(
        "Couldn't find 'cores' in 'recommended'. Available options: ['memory', 'vCPUs']")
    assert refused(f"sig image-version update {D} -e 0.9.0 --set publishingProfile.targetRegions.x=1").startswith(
        "Couldn't find 'x' in 'publishingProfile.targetRegions'. index into the collection")
    assert refused(f"sig image-version update {D} -e 0.9.0 --remove publishingProfile.targetRegions 5") == (
        "index 5 doesn't exist on targetRegions")


def test_an_unknown_command_is_a_usage_error(refused, prepared):
    assert "'frobnicate' is not a sigtui command" in refused("frobnicate", 2)
    assert "invalid choice: 'explode'" in refused("sig explode", 2)


def test_a_non_integer_encryption_lun_is_refused(refused, prepared):
    error = refused(f"{V} -e 1.0.0 --target-regions westus --target-region-encryption "
                    "WestUSDiskEncryptionSet1,x,WestUSDiskEncryptionSet2")
    assert error.startswith("(InvalidRequestContent)") and "'System.Int32'" in error and ".lun'" in error


def test_a_malformed_rest_body_is_refused(refused, prepared):
    url = (f"/subscriptions/{prepared}/resourceGroups/MyResourceGroup/providers/Microsoft.Compute/galleries/"
           "MyGallery/images/MyImage/versions/2.0.0?api-version=2022-03-03")
    error = refused(["rest", "--method", "put", "--url", url, "--body",
                     '{"location": "westus", "properties": {"publishingProfile": [1]}}'])
    assert "(InvalidParameter)" in error or "(InvalidRequestContent)" in error
