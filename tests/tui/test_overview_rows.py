"""The details pane's overview rows for the properties a resource may or may not carry."""

import dataclasses
from datetime import UTC, datetime

from sigtui.domain.models import DiskImage, Gallery, ImageDefinition, ImageVersion
from sigtui.tui.overview import definition_sections, gallery_sections, version_sections

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


def _rows(gallery: Gallery) -> dict[str, str]:
    return dict(gallery_sections(gallery, NOW, 0)[0][1])


def test_a_gallery_shows_its_soft_delete_policy_once_set():
    gallery = Gallery("s", "rg", "g", "westus")
    assert "Soft delete" not in _rows(gallery)
    assert _rows(Gallery("s", "rg", "g", "westus", soft_delete=True))["Soft delete"].startswith("On")
    assert _rows(Gallery("s", "rg", "g", "westus", soft_delete=False))["Soft delete"] == "Off"


def test_a_definition_shows_its_features_and_a_version_its_mode_and_safety_flags():
    definition = ImageDefinition("s", "rg", "g", "d", "westus", "P", "O", "S", "Linux", hyper_v_generation="V2",
                                 features=(("SecurityType", "TrustedLaunch"),))
    rows = dict(definition_sections(definition, NOW, None)[0][1])
    assert rows["Features"] == "SecurityType=TrustedLaunch"
    plain = ImageVersion("s", "rg", "g", "d", "1.0.0", "westus", DiskImage(30, 5))
    assert {"Replication mode", "Safety profile"}.isdisjoint(dict(version_sections(plain, NOW, None)[1][1]))
    shallow = dataclasses.replace(plain, replication_mode="Shallow", block_deletion_before_end_of_life=True)
    rows = dict(version_sections(shallow, NOW, None)[1][1])
    assert rows["Replication mode"] == "Shallow" and rows["Safety profile"] == "no deletion before end of life"
