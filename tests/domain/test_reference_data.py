"""Tests for the static reference data and its loader."""

import pytest

from sigtui.domain import reference_data

# Source-region table from the Azure docs (2019): display name -> programmatic name.
SEED_REGIONS = {
    "Australia Central": "australiacentral",
    "Australia Central 2": "australiacentral2",
    "Australia East": "australiaeast",
    "Australia Southeast": "australiasoutheast",
    "Brazil South": "brazilsouth",
    "Canada Central": "canadacentral",
    "Canada East": "canadaeast",
    "Central India": "centralindia",
    "Central US": "centralus",
    "Central US EUAP": "centraluseuap",
    "China East": "chinaeast",
    "China East 2": "chinaeast2",
    "China North": "chinanorth",
    "China North 2": "chinanorth2",
    "East Asia": "eastasia",
    "East US": "eastus",
    "East US 2": "eastus2",
    "East US 2 EUAP": "eastus2euap",
    "France Central": "francecentral",
    "France South": "francesouth",
    "Japan East": "japaneast",
    "Japan West": "japanwest",
    "Korea Central": "koreacentral",
    "Korea South": "koreasouth",
    "North Central US": "northcentralus",
    "North Europe": "northeurope",
    "South Central US": "southcentralus",
    "South India": "southindia",
    "Southeast Asia": "southeastasia",
    "UK South": "uksouth",
    "UK West": "ukwest",
    "US DoD Central": "usdodcentral",
    "US DoD East": "usdodeast",
    "US Gov Arizona": "usgovarizona",
    "US Gov Texas": "usgovtexas",
    "US Gov Virginia": "usgovvirginia",
    "West Central US": "westcentralus",
    "West Europe": "westeurope",
    "West India": "westindia",
    "West US": "westus",
    "West US 2": "westus2",
}


@pytest.mark.parametrize(("display", "name"), sorted(SEED_REGIONS.items()))
def test_seed_region_resolves_by_display_and_programmatic_name(display, name):
    by_display = reference_data.find_region(display)
    by_name = reference_data.find_region(name)
    assert by_display is not None and by_name is not None
    assert by_display == by_name
    assert by_name.name == name and by_name.display_name == display


@pytest.mark.parametrize("text", ["WEST US 2", "westus2", "West US 2", "WestUS2", "west us 2", " West US 2 "])
def test_find_region_normalizes(text):
    assert reference_data.find_region(text).name == "westus2"


@pytest.mark.parametrize("text", ["", "atlantis", "westus9"])
def test_find_region_unknown(text):
    assert reference_data.find_region(text) is None


def test_region_names_unique_and_programmatic():
    names = [r.name for r in reference_data.regions()]
    assert len(names) == len(set(names))
    assert all(n == n.lower() and " " not in n for n in names)
    displays = [r.display_name.lower() for r in reference_data.regions()]
    assert len(displays) == len(set(displays))


@pytest.mark.parametrize(
    "name",
    [
        "westus3",
        "swedencentral",
        "germanywestcentral",
        "jioindiawest",
        "chinanorth3",
        "chinaeast3",
        "norwayeast",
        "uaenorth",
        "italynorth",
    ],
)
def test_modern_regions_present(name):
    assert reference_data.find_region(name) is not None


def test_only_australia_central_regions_require_access():
    required = {r.name for r in reference_data.regions() if r.access_required}
    assert required == {"australiacentral", "australiacentral2"}


@pytest.mark.parametrize(
    ("name", "cloud"),
    [("chinaeast", "china"), ("usgovvirginia", "usgov"), ("usdodeast", "usgov"), ("eastus", "public")],
)
def test_region_cloud(name, cloud):
    assert reference_data.find_region(name).cloud == cloud


def test_cloud_matches_name_prefix():
    for r in reference_data.regions():
        expected = (
            "china" if r.name.startswith("china") else "usgov" if r.name.startswith(("usgov", "usdod")) else "public"
        )
        assert r.cloud == expected, r.name


@pytest.mark.parametrize(
    ("name", "zones"),
    [
        ("eastus", True),
        ("westus", False),
        ("westus2", True),
        ("australiacentral", False),
        ("chinanorth3", True),
    ],
)
def test_availability_zones(name, zones):
    assert reference_data.find_region(name).availability_zones is zones


def test_vm_size_generations_are_valid():
    assert len(reference_data.vm_sizes()) >= 30
    for s in reference_data.vm_sizes():
        assert s.hyper_v_generations and set(s.hyper_v_generations) <= {"V1", "V2"}, s.name
        assert s.architecture in {"x64", "Arm64"}


def test_arm64_sizes_are_v2_only():
    arm = [s for s in reference_data.vm_sizes() if s.architecture == "Arm64"]
    assert arm
    assert all(s.hyper_v_generations == ("V2",) for s in arm)


@pytest.mark.parametrize(
    ("name", "gens"),
    [
        ("Standard_A1_v2", ("V1",)),
        ("Standard_M208ms_v2", ("V2",)),
        ("standard_d2ps_v5", ("V2",)),
        ("STANDARD_DS1_V2", ("V1", "V2")),
        ("Standard_D2s_v3", ("V1", "V2")),
    ],
)
def test_find_vm_size(name, gens):
    size = reference_data.find_vm_size(name)
    assert size is not None and size.hyper_v_generations == gens


def test_find_vm_size_unknown():
    assert reference_data.find_vm_size("Standard_Nope") is None


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("galleriesPerSubscriptionPerRegion", 100),
        ("imageDefinitionsPerSubscriptionPerRegion", 1000),
        ("imageVersionsPerSubscriptionPerRegion", 10000),
        ("regionalReplicaCountMin", 1),
        ("regionalReplicaCountMax", 10),
        ("maxDiskSizeGB", 1024),
        ("scaleSetMaxInstancesGalleryImage", 1000),
        ("scaleSetMaxInstancesManagedImage", 600),
        ("vmsPerReplica", 20),
        ("scaleSetInstancesPerReplica", 600),
        ("galleryNameMaxLength", 80),
        ("definitionNameMaxLength", 80),
        ("publisherMaxLength", 128),
        ("offerMaxLength", 64),
        ("skuMaxLength", 64),
    ],
)
def test_limits(key, value):
    assert reference_data.limits()[key] == value


def test_prices_are_illustrative():
    p = reference_data.prices()
    assert p["illustrative"] is True and p["currency"] == "USD"
    assert p["snapshotPerGBMonth"]["Standard_ZRS"] == 0.0625
    assert p["egressPerGB"]["interContinent"] > p["egressPerGB"]["sameContinent"]


def test_every_geography_has_a_continent():
    mapping = reference_data.prices()["geographyContinent"]
    for r in reference_data.regions():
        assert r.geography in mapping, r.name
        assert r.continent == mapping[r.geography]
    assert reference_data.find_region("westeurope").continent == "Europe"


def test_distance_westus_to_eastus():
    d = reference_data.distance_km(reference_data.find_region("westus"), reference_data.find_region("eastus"))
    assert 3000 < d < 4500
    assert reference_data.distance_km(reference_data.find_region("eastus"), reference_data.find_region("eastus")) == 0


def test_data_dir_contains_catalog_files():
    for f in ("regions.json", "vm_sizes.json", "prices.json", "limits.json"):
        assert (reference_data.DATA_DIR / f).is_file()
