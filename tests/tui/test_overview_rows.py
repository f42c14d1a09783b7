"""The details pane's overview rows for the properties a resource may or may not carry."""

from datetime import UTC, datetime

from sigtui.domain.models import Gallery
from sigtui.tui.overview import gallery_sections

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


def _rows(gallery: Gallery) -> dict[str, str]:
    return dict(gallery_sections(gallery, NOW, 0)[0][1])


def test_a_gallery_shows_its_soft_delete_policy_once_set():
    gallery = Gallery("s", "rg", "g", "westus")
    assert "Soft delete" not in _rows(gallery)
    assert _rows(Gallery("s", "rg", "g", "westus", soft_delete=True))["Soft delete"].startswith("On")
    assert _rows(Gallery("s", "rg", "g", "westus", soft_delete=False))["Soft delete"] == "Off"
