"""VMs and scale sets from the gallery: `latest` per region, OS profile rules, sizes, disks, scaling advice."""

import base64
import dataclasses
from datetime import timedelta

import pytest

from sigtui.domain.errors import AzureError
from sigtui.domain.models import ImageDefinition, TargetRegion
from sigtui.domain.vm import VmRequest

from .world import build_world, dump

SSH_KEY = "ssh-ed25519 " + base64.b64encode(b"\x00\x00\x00\x0bssh-ed25519" + bytes(36)).decode() + " me@host"


@pytest.fixture
def world(svc):
    w = build_world(svc)
    w.create("1.9.0", targets=("westus", "eastus"))
    w.create("1.10.0", targets=("westus", TargetRegion("eastus", exclude_from_latest=True)))
    svc.advance_clock(timedelta(days=1))
    w.create("1.11.0", targets=("westus", "eastus"))
    return w


def definition_id(world, name="linux"):
    return world.svc.get_definition(None, "rg", "gallery1", name).id


def request(**kw):
    base = dict(
        name="vm1",
        resource_group="rg",
        location="westus",
        size="Standard_D2s_v5",
        admin_username="azureuser",
        ssh_key=SSH_KEY,
    )
    return VmRequest(**{**base, **kw})


@pytest.mark.parametrize(
    ("region", "resolved", "why"),
    [
        ("westus", "1.10.0", "1.11.0 is still replicating to westus"),
        ("eastus", "1.9.0", "1.11.0 is waiting to replicate to eastus; 1.10.0 is excluded from latest in eastus"),
    ],
)
def test_latest_is_resolved_in_the_chosen_region(world, region, resolved, why):
    plan = world.svc.plan_vm(definition_id(world), request(location=region))
    assert plan.version.name == resolved
    assert plan.resolution.explain().startswith(why)


def test_created_vm_keeps_the_requested_image_and_the_resolved_version(world):
    image = definition_id(world)
    body, _ = world.svc.create_vm(image, request())
    reference = body["properties"]["storageProfile"]["imageReference"]
    assert reference == {"id": image, "exactVersion": "1.10.0"}
    assert [v["name"] for v in world.svc.list_vms(reference["id"] + "/versions/1.10.0")] == ["vm1"]


def test_pinned_version_not_in_region(world):
    pinned = definition_id(world) + "/versions/1.10.0"
    with pytest.raises(AzureError) as error:
        world.svc.plan_vm(pinned, request(location="japaneast"))
    assert error.value.code == "GalleryImageNotFound"
    assert error.value.message == (
        f"The gallery image {pinned} is not available in japaneast region. Please contact "
        "image owner to replicate to this region, or change your requested region."
    )


def test_no_latest_at_all(world):
    svc = world.svc
    svc.create_definition(ImageDefinition(world.sub, "rg", "gallery1", "empty", "westus", "C", "E", "1", "Linux"))
    with pytest.raises(AzureError) as error:
        svc.plan_vm(definition_id(world, "empty"), request())
    assert error.value.message == f'There is no latest image version exists for "{definition_id(world, "empty")}"'


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (dict(admin_username=None, ssh_key=None), "Required parameter 'osProfile' is missing (null)."),
        (dict(ssh_key=None), "Required parameter 'osProfile' is missing (null)."),
        (dict(admin_username="admin"), "The Admin Username specified is not allowed."),
        (dict(ssh_key=None, admin_password="short1A!"), "The supplied password must be between 12-72 characters"),
        (dict(ssh_key=None, admin_password="alllowercaseletters"), "The supplied password must be between 12-72"),
        (dict(ssh_key="not a key"), "The value of parameter linuxConfiguration.ssh.publicKeys.keyData is invalid."),
        (dict(name="bad_name!"), "Linux host name cannot exceed 64 characters"),
        (dict(size="Standard_A1_v2x"), "The value 'Standard_A1_v2x' of parameter 'vmSize' is not a known VM size."),
        (dict(size="Standard_D2ps_v5"), "The selected VM size 'Standard_D2ps_v5' cannot boot Hypervisor Generation"),
        (
            dict(os_disk_type="Premium_LRS", size="Standard_A2_v2"),
            "Requested operation cannot be performed because the VM size Standard_A2_v2 does not support the storage "
            "account type Premium_LRS",
        ),
        (dict(availability="AvailabilityZone", zone="1"), "The region 'westus' has no availability zones."),
        (dict(inbound_port="HTTP"), "Unknown inbound port rule 'HTTP'"),
        (dict(encryption="cmk"), "Customer-managed-key encryption needs a disk encryption set"),
        (dict(instance_count=1001), "The value 1001 of parameter sku.capacity is out of range."),
    ],
)
def test_generalized_linux_vm_checks(world, changes, message):
    before = dump(world.svc.db.path)
    with pytest.raises(AzureError) as error:
        world.svc.create_vm(definition_id(world), request(**changes))
    assert error.value.message.startswith(message), error.value.message
    assert dump(world.svc.db.path) == before


def test_specialized_images_refuse_an_os_profile(world):
    svc = world.svc
    svc.create_version(_special(world))
    svc.advance_clock(timedelta(days=1))
    image = definition_id(world, "special")
    with pytest.raises(AzureError) as error:
        svc.plan_vm(image, request())
    assert error.value.message == "Parameter 'osProfile' is not allowed."
    plan = svc.plan_vm(image, request(admin_username=None, ssh_key=None))
    assert ("Administrator account", "from the specialized image") in plan.summary()


def _special(world):
    return dataclasses.replace(
        world.version("1.0.0", source_id=None, os_source=world.snapshot_os), definition="special"
    )


def test_size_that_cannot_boot_generation_2(world):
    svc = world.svc
    svc.create_definition(
        ImageDefinition(world.sub, "rg", "gallery1", "gen2", "westus", "C", "G", "2", "Linux", hyper_v_generation="V2")
    )
    svc.create_version(dataclasses.replace(world.version("1.0.0", source_id=world.image_v2), definition="gen2"))
    svc.advance_clock(timedelta(days=1))
    with pytest.raises(AzureError) as error:
        svc.plan_vm(definition_id(world, "gen2"), request(size="Standard_A2_v2", os_disk_type="Standard_LRS"))
    assert error.value.code == "BadRequest"
    assert error.value.message.startswith(
        "The selected VM size 'Standard_A2_v2' cannot boot Hypervisor Generation '2'."
    )


def test_disallowed_disk_type_and_recommended_ranges(world):
    svc = world.svc
    svc.update_definition(
        None,
        "rg",
        "gallery1",
        "linux",
        {"properties": {"recommended": {"vCPUs": {"min": 4, "max": 8}, "memory": {"min": 16, "max": 32}}}},
    )
    with svc.write() as tx:
        tx.conn.execute("UPDATE image_definition SET disallowed_disk_types = '[\"Standard_LRS\"]' WHERE name='linux'")
    with pytest.raises(AzureError) as error:
        svc.plan_vm(definition_id(world), request(os_disk_type="Standard_LRS"))
    assert "is disallowed by the image definition" in error.value.message
    plan = svc.plan_vm(definition_id(world), request(size="Standard_D2s_v5"))
    assert any("recommends 4–8" in w for w in plan.warnings)
    assert any("recommends 16–32 GiB" in w for w in plan.warnings)


def test_scale_set_advice_and_end_of_life_warning(world):
    svc = world.svc
    svc.update_version(
        None,
        "rg",
        "gallery1",
        "linux",
        "1.10.0",
        {"properties": {"publishingProfile": {"endOfLifeDate": (svc.now() + timedelta(hours=1)).isoformat()}}},
    )
    svc.advance_clock(timedelta(hours=2))
    plan = svc.plan_vm(definition_id(world), request(instance_count=1000, name="ss1"))
    assert plan.kind == "virtualMachineScaleSets"
    assert plan.advice.needed == 2 and not plan.advice.enough
    with pytest.raises(AzureError, match="reached its end-of-life date"):
        svc.plan_vm(definition_id(world) + "/versions/1.10.0", request())
    svc.set_end_of_life_policy("warn")
    pinned = svc.plan_vm(definition_id(world) + "/versions/1.10.0", request())
    assert any("past its end-of-life date" in w for w in pinned.warnings)
    body, _ = svc.create_vm(definition_id(world), request(instance_count=1000, name="ss1"))
    assert body["sku"] == {"name": "Standard_D2s_v5", "capacity": 1000}


def test_created_vm_is_a_source_for_a_new_version(world):
    svc = world.svc
    made = request(name="capture1", admin_password="Str0ng!Passw0rd", ssh_key=None)
    body, _ = svc.create_vm(definition_id(world), made)
    source = svc.get_source(body["id"])
    assert (source.kind, source.os_state, source.location) == ("virtualMachines", "Specialized", "westus")

    version = svc.create_version(
        dataclasses.replace(world.version("5.0.0", source_id=body["id"]), definition="special")
    )
    assert version.source_id == body["id"]


def test_scale_sets_created_at_once_need_one_replica_each(world):
    plan = world.svc.plan_vm(definition_id(world), request(instance_count=600, concurrent=3, name="ss3"))
    assert (plan.advice.needed, plan.advice.current) == (3, 1)
    with pytest.raises(AzureError) as error:
        world.svc.create_vm(definition_id(world), request(resource_group="bad/name"), create_resource_group=True)
    assert error.value.message.startswith("Resource group name 'bad/name' is invalid.")
