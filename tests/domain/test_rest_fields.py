"""Every property the 2024-03-03 swagger gives a gallery, definition or version is either modelled or refused
with the property's path (or the path of its unmodelled parent) as the target; and every property sigtui models
is one the swagger names."""

import json
import re
from pathlib import Path

import pytest

from sigtui.domain.errors import AzureError
from sigtui.domain.rest_fields import MODELLED, check_modelled

SPEC = Path(__file__).resolve().parents[1] / "fixtures" / "azure-rest-api-2024-03-03" / "spec"
DOCS = {name: json.loads((SPEC / name).read_text()) for name in ("gallery.json", "galleryRPCommon.json")}
ROOTS = {"gallery": "Gallery", "definition": "GalleryImage", "version": "GalleryImageVersion"}
ENVELOPE = {"id", "name", "type", "location", "tags", "etag"}


def _definition(ref: str, doc: str) -> tuple[dict, str] | None:
    file, _, pointer = ref.partition("#/definitions/")
    file = file.removeprefix("./") or doc
    return (DOCS[file]["definitions"][pointer], file) if file in DOCS else None


def swagger_paths(schema: dict, doc: str, path: str = "", seen: frozenset = frozenset()) -> set[str]:
    """Every property path under a schema ('[0]' for an array's items), following $ref and allOf."""
    if "$ref" in schema:
        if schema["$ref"] in seen:
            return set()
        found = _definition(schema["$ref"], doc)
        return swagger_paths(found[0], found[1], path, seen | {schema["$ref"]}) if found else set()
    paths = set()
    for part in schema.get("allOf", ()):
        paths |= swagger_paths(part, doc, path, seen)
    if schema.get("type") == "array" and "items" in schema:
        paths |= swagger_paths(schema["items"], doc, f"{path}[0]", seen)
    for key, sub in schema.get("properties", {}).items():
        here = f"{path}.{key}" if path else key
        paths.add(here)
        paths |= swagger_paths(sub, doc, here, seen)
    return paths


def modelled_paths(shape, path: str = "") -> set[str]:
    if isinstance(shape, list):
        return modelled_paths(shape[0], f"{path}[0]")
    if not isinstance(shape, dict):
        return set()
    paths = set()
    for key, sub in shape.items():
        here = f"{path}.{key}" if path else key
        paths |= {here} | modelled_paths(sub, here)
    return paths


def body_with(path: str, value) -> dict:
    """A body holding only `path` (with a one-item list at each '[0]')."""
    for part in reversed(re.findall(r"[^.\[\]]+|\[0\]", path)):
        value = [value] if part == "[0]" else {part: value}
    return value


@pytest.mark.parametrize("kind", ROOTS)
def test_every_swagger_property_is_modelled_or_refused_by_path(kind):
    paths = swagger_paths({"$ref": f"#/definitions/{ROOTS[kind]}"}, "gallery.json")
    kept = modelled_paths(MODELLED[kind])
    refused = set()
    for path in sorted(paths):
        try:
            check_modelled(kind, body_with(path, {}))
        except AzureError as error:
            assert error.status == 400 and error.code == "InvalidParameter"
            target = error.target
            assert target in paths and f"'{target}'" in error.message
            assert path == target or path.startswith((f"{target}.", f"{target}["))
            refused.add(target)
        else:
            assert any(path == k or path.startswith((f"{k}.", f"{k}[")) for k in kept), path
    assert "properties.sharingProfile.communityGalleryInfo" in refused or kind != "gallery"
    assert kept - ENVELOPE <= paths, f"modelled but not in the swagger: {sorted(kept - ENVELOPE - paths)}"


def test_an_unknown_property_is_refused():
    with pytest.raises(AzureError) as raised:
        check_modelled("definition", {"properties": {"osType": "Linux", "colour": "blue"}})
    assert raised.value.target == "properties.colour"
    assert "'properties.colour' is not supported" in raised.value.message


def test_edge_zones_are_refused_with_the_reason():
    with pytest.raises(AzureError) as raised:
        check_modelled("version", body_with("properties.publishingProfile.targetExtendedLocations[0].name", "x"))
    assert raised.value.target == "properties.publishingProfile.targetExtendedLocations"
    assert "no extended locations (Azure Edge Zones)" in raised.value.message
