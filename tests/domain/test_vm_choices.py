"""The VM dialog's defaults and notes, and the replica patch of the scaling advisor."""

from datetime import timedelta

import pytest

from sigtui.domain.models import ImageDefinition, TargetRegion
from sigtui.domain.reference_data import find_vm_size
from sigtui.domain.vm_choices import (
    default_disk_type,
    default_size,
    first_reason,
    replicas_patch,
    size_note,
    watch_deadline,
)

from .builders import T0, done, running, version


def definition(**kwargs) -> ImageDefinition:
    return ImageDefinition("s", "rg", "g", "d", "westus", "p", "o", "k", "Linux", **kwargs)


@pytest.mark.parametrize(
    ("size", "kwargs", "note"),
    [
        ("Standard_D2s_v5", {}, ""),
        ("Standard_A1_v2", {"hyper_v_generation": "V2"}, "cannot boot V2 x64"),
        ("Standard_D2ps_v5", {"hyper_v_generation": "V2"}, "cannot boot V2 x64"),
        ("Standard_B1s", {"vcpus_min": 2}, "outside the recommended range"),
        ("Standard_E8s_v5", {"memory_max": 32}, "outside the recommended range"),
    ],
)
def test_size_note(size, kwargs, note):
    assert size_note(find_vm_size(size), definition(**kwargs)) == note


def test_default_size_prefers_d2s_v5_and_follows_the_image():
    assert default_size(definition()) == "Standard_D2s_v5"
    assert default_size(definition(vcpus_min=4)) == "Standard_B4ms"
    assert default_size(definition(hyper_v_generation="V2", architecture="Arm64")) == "Standard_D2ps_v5"


def test_default_disk_type_avoids_disallowed_and_unsupported_types():
    assert default_disk_type(definition(), find_vm_size("Standard_D2s_v5")) == "Premium_LRS"
    assert default_disk_type(definition(), find_vm_size("Standard_D2_v3")) == "Standard_LRS"
    no_premium = definition(disallowed_disk_types=("Premium_LRS", "Standard_LRS"))
    assert default_disk_type(no_premium, None) == "StandardSSD_LRS"


def test_first_reason():
    assert first_reason("1.3.0 is still replicating to eastus (10%); resolved to 1.2.0") == (
        "1.3.0 is still replicating to eastus (10%)"
    )


def test_replicas_patch_changes_one_region_and_keeps_the_others():
    v = version("1.0.0", done("eastus"), TargetRegion("westus", 2, "Standard_ZRS"))
    targets = replicas_patch(v, "eastus", 5, T0)["properties"]["publishingProfile"]["targetRegions"]
    assert [(t["name"], t["regionalReplicaCount"], t["storageAccountType"]) for t in targets] == [
        ("East US", 5, "Standard_LRS"),
        ("West US", 2, "Standard_ZRS"),
    ]


def test_watch_deadline():
    t1 = T0 + timedelta(days=1)
    busy = running("eastus", 0.5)
    replicating, deadline = watch_deadline([busy.job, done("westus").job, None], t1)
    assert replicating and deadline == busy.job.started_at + timedelta(seconds=busy.job.duration_s)
    assert watch_deadline([done("westus").job], t1) == (False, None)
