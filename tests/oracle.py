"""Azure's own REST examples as fixtures: load them with placeholders filled, and compare responses."""

from __future__ import annotations

import json
from pathlib import Path

from sigtui.domain.reference_data import find_region

EXAMPLES = Path(__file__).resolve().parent / "fixtures" / "azure-rest-examples"
SERVER_SET = {"publishedDate", "provisioningState"}
NAMES = {
    "{resourceGroup}": "myResourceGroup",
    "{imageName}": "myImage",
    "{vmName}": "myVM",
    "{osSnapshotName}": "myOsSnapshot",
    "{dataDiskName}": "myDataDisk",
    "{galleryName}": "myGalleryName",
    "{imageDefinitionName}": "myGalleryImageName",
    "{versionName}": "0.9.0",
    "{storageAccount}": "gallerysourcencus",
}


def load(name: str, subscription: str, folder: Path = EXAMPLES) -> dict:
    """An example with its placeholders filled in: subscription, resource group and source names."""
    text = (folder / name).read_text()
    for placeholder in ("{subscription-id}", "{subscriptionId}"):
        text = text.replace(placeholder, subscription)
    for placeholder, value in NAMES.items():
        text = text.replace(placeholder, value)
    return json.loads(text)


def _same_region(a, b) -> bool:
    ra, rb = find_region(str(a)), find_region(str(b))
    return ra is not None and ra == rb


def assert_subset(expected, actual, path: str = "", ignore: frozenset = frozenset()) -> None:
    """Every field and value of `expected` is in `actual`; disks match by LUN; regions in any spelling."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{path}: expected an object, got {actual!r}"
        for key, value in expected.items():
            if key in SERVER_SET or f"{path}.{key}".lstrip(".") in ignore:
                continue
            assert key in actual, f"{path}.{key} is missing"
            assert_subset(value, actual[key], f"{path}.{key}", ignore)
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{path}: expected a list, got {actual!r}"
        if expected and isinstance(expected[0], dict) and "lun" in expected[0]:
            by_lun = {item.get("lun"): item for item in actual}
            for item in expected:
                assert item["lun"] in by_lun, f"{path}: lun {item['lun']} missing"
                assert_subset(item, by_lun[item["lun"]], f"{path}[lun={item['lun']}]", ignore)
        else:
            assert len(expected) == len(actual), f"{path}: {len(expected)} items expected, got {len(actual)}"
            for i, (e, a) in enumerate(zip(expected, actual, strict=True)):
                assert_subset(e, a, f"{path}[{i}]", ignore)
    elif path.endswith(".location") or (path.endswith(".name") and isinstance(expected, str) and " " in expected):
        assert expected == actual or _same_region(expected, actual), f"{path}: {expected!r} != {actual!r}"
    else:
        assert expected == actual, f"{path}: {expected!r} != {actual!r}"
