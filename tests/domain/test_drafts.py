"""Checks the forms run as you type, with Azure's messages."""

from datetime import UTC, datetime

import pytest

from sigtui.domain import drafts
from sigtui.domain.errors import AzureError
from sigtui.domain.models import DiskImage, ImageDefinition, Source, SourceKind, TargetRegion

from .builders import T1, done, failed, version

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
DEFINITION = ImageDefinition("s", "rg", "g", "d", "westus", "P", "O", "S", "Linux", "Generalized", "V2")


def source(kind, name, location="westus", os_type="Linux", state="Generalized", generation="V2"):
    return Source(
        f"/subscriptions/s/{name}", kind, "s", "rg", name, location, os_type, state, generation, DiskImage(30, 5)
    )


@pytest.mark.parametrize(("text", "value"), [("", None), (" 4 ", 4)])
def test_optional_int(text, value):
    assert drafts.optional_int("recommended.vCPUs.min", text) == value


def test_optional_int_refuses_text_in_az_wording():
    with pytest.raises(AzureError, match=r"argument --recommended.vCPUs.max: invalid int value: 'many'"):
        drafts.optional_int("recommended.vCPUs.max", "many")


def test_replica_count_in_range():
    assert drafts.replica_count("replicaCount", "10") == 10
    with pytest.raises(AzureError, match="must be between 1 and 10, inclusive"):
        drafts.replica_count("replicaCount", "11")


def test_required():
    with pytest.raises(AzureError, match=r"Required parameter 'osType' is missing \(null\)."):
        drafts.required("osType", None)


@pytest.mark.parametrize(("text", "expected"), [("+6 months", "2026-09-01"), ("in 90 days", "2026-05-30"), ("", None)])
def test_end_of_life_accepts_relative_text(text, expected):
    value = drafts.end_of_life(text, NOW)
    assert (value.date().isoformat() if value else None) == expected


def test_end_of_life_must_be_in_the_future():
    with pytest.raises(AzureError, match=r"EndOfLifeDate must be set to a future date\."):
        drafts.end_of_life("2020-01-01", NOW)


def test_os_sources_match_region_os_state_and_generation():
    sources = [
        source(SourceKind.MANAGED_IMAGE, "ok"),
        source(SourceKind.MANAGED_IMAGE, "elsewhere", location="eastus"),
        source(SourceKind.MANAGED_IMAGE, "windows", os_type="Windows"),
        source(SourceKind.VIRTUAL_MACHINE, "specialized", state="Specialized"),
        source(SourceKind.MANAGED_IMAGE, "gen1", generation="V1"),
        source(SourceKind.SNAPSHOT, "os-snap"),
        source(SourceKind.SNAPSHOT, "data-snap", os_type=None, state=None, generation=None),
    ]
    assert [s.name for s in drafts.os_sources(sources, DEFINITION, "westus")] == ["ok", "os-snap"]
    assert [s.name for s in drafts.data_sources(sources, "westus", sources[5].id)] == ["data-snap"]


def test_a_gallery_version_is_a_source_where_it_completed():
    candidate = version("1.0.0", done("westus"), failed("eastus"))
    found = drafts.gallery_version_sources(candidate, DEFINITION, T1)
    assert [(s.kind, s.location) for s in found] == [(SourceKind.IMAGE_VERSION, "westus")]


def test_targets_in_az_syntax():
    targets = [TargetRegion("westus"), TargetRegion("eastus", 2), TargetRegion("westeurope", 1, "Standard_ZRS")]
    assert drafts.az_targets(targets) == "westus eastus=2 westeurope=1=standard_zrs"
