"""`sigtui vm|vmss create|show|list`: `latest` as Azure resolves it, the portal's checks with Azure's messages, and
az's defaults and warnings."""

from __future__ import annotations

import re
import sqlite3

import pytest

from sigtui.store.services import Services

G = "-g MyResourceGroup -r MyGallery"
READY = "clock advance 2h"
CREDENTIALS = "--admin-username azureuser --admin-password Secr3t!Passw0rd"
KEY = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 azureuser@example"


def definition(name: str, *options: str) -> str:
    return f"sig image-definition create {G} -i {name} -p Contoso -f {name} -s 1 --os-type Linux {' '.join(options)}"


def version(name: str, *options: str, definition: str = "lin", source: str = "linImage") -> str:
    return f"sig image-version create {G} -i {definition} -e {name} --managed-image {source} {' '.join(options)}"


def both(name: str, *options: str) -> str:
    """A version of `lin` in West US and East US."""
    return version(name, "--target-regions westus eastus", *options)


def outage(db) -> None:
    """East US fails its next replication."""
    Services(db).set_faults(outages=("eastus",))


@pytest.fixture
def gallery(ok, world) -> str:
    """The world, plus a Linux definition `lin` with a generalized Linux managed image in West US."""
    ok(definition("lin"))
    ok("image create -g MyResourceGroup -n linImage --os-type Linux --os-disk-size-gb 30 --os-disk-used-gb 4")
    return world


def image_id(sub: str, name: str = "lin", pinned: str | None = None) -> str:
    found = f"/subscriptions/{sub}/resourceGroups/MyResourceGroup/providers/Microsoft.Compute/galleries/MyGallery/" \
            f"images/{name}"
    return f"{found}/versions/{pinned}" if pinned else found


def vm(image: str, *options: str, name: str = "vm1", rg: str = "MyResourceGroup", group: str = "vm") -> str:
    return f"{group} create -g {rg} -n {name} --image {image} {' '.join(options)}"


def exact(made: dict) -> str:
    properties = made["properties"]
    profile = properties.get("virtualMachineProfile", properties)
    return profile["storageProfile"]["imageReference"]["exactVersion"]


OVERRIDE = f"sig image-version update {G} -i lin -e 2.0.0 --set 'publishingProfile.targetRegions[name=East US]." \
           "excludeFromLatest=false'"
EXCLUDED = [both("1.0.0"), both("2.0.0", "--exclude-from-latest"), READY]
FAILED = [both("1.0.0"), READY, outage, both("2.0.0"), READY]
SKIPPED_END_OF_LIFE = re.compile(r"WARNING: latest skipped 2\.0\.0 reached its end of life on \d{4}-\d\d-\d\d\.\n")
PAST_END_OF_LIFE = "WARNING: 2.0.0 is past its end-of-life date; VMs can still be created from it.\n"
LATEST = [
    ("1.10.0 is newer than 1.9.0", [both("1.9.0"), both("1.10.0"), READY], "westus", "1.10.0", ""),
    ("excluded from latest", EXCLUDED, "westus", "1.0.0", ""),
    ("a region's own flag wins where it is set", [*EXCLUDED, OVERRIDE], "eastus", "2.0.0", ""),
    ("a region's own flag wins only where it is set", [*EXCLUDED, OVERRIDE], "westus", "1.0.0", ""),
    ("still replicating", [both("1.0.0"), READY, both("2.0.0")], "eastus", "1.0.0", ""),
    ("failed in the region", FAILED, "eastus", "1.0.0", ""),
    ("failed elsewhere only", FAILED, "westus", "2.0.0", ""),
    ("not replicated to the region", [both("1.0.0"), version("2.0.0"), READY], "eastus", "1.0.0", ""),
    ("past its end of life", [both("1.0.0"), both("2.0.0", "--end-of-life-date '+1 day'"), "clock advance 2d"],
     "westus", "1.0.0", SKIPPED_END_OF_LIFE),
    ("end of life is informational under eol-policy=warn",
     [both("1.0.0"), both("2.0.0", "--end-of-life-date '+1 day'"), "clock advance 2d", "config set eol-policy=warn"],
     "westus", "2.0.0", PAST_END_OF_LIFE),
]


@pytest.mark.parametrize("steps, region, expected, warning", [c[1:] for c in LATEST], ids=[c[0] for c in LATEST])
def test_latest(ok, az, db, gallery, steps, region, expected, warning):
    """Through `vm create --image <definition id>`: the version it resolved to, and the warning on stderr."""
    for step in steps:
        ok(step) if isinstance(step, str) else step(db)
    result = az(vm(image_id(gallery), CREDENTIALS, f"-l {region}"))
    assert result.status == 0, result.err
    assert exact(result.json) == expected
    assert result.json["properties"]["storageProfile"]["imageReference"]["id"] == image_id(gallery)
    assert warning.fullmatch(result.err) if isinstance(warning, re.Pattern) else result.err == warning


def test_a_pinned_version_past_its_end_of_life_is_refused(ok, refused, gallery):
    ok(both("1.0.0", "--end-of-life-date '+1 day'"))
    ok("clock advance 2d")
    pinned = image_id(gallery, pinned="1.0.0")
    eol = ok(f"sig image-version show {G} -i lin -e 1.0.0")["properties"]["publishingProfile"]["endOfLifeDate"]
    assert refused(vm(pinned, CREDENTIALS)) == (
        f"(InvalidParameter) The gallery image version {pinned} reached its end-of-life date {eol[:19]}Z. Virtual "
        "machines can no longer be created from it."
    )


def test_latest_says_it_skipped_a_version_past_its_end_of_life(ok, refused, gallery):
    ok(both("1.0.0", "--end-of-life-date '+1 day'"))
    ok("clock advance 2d")
    eol = ok(f"sig image-version show {G} -i lin -e 1.0.0")["properties"]["publishingProfile"]["endOfLifeDate"]
    assert refused(vm(image_id(gallery), CREDENTIALS)) == (
        f'(InvalidParameter) There is no latest image version exists for "{image_id(gallery)}": 1.0.0 reached its '
        f"end of life on {eol[:10]}"
    )


def test_end_of_life_warns_on_stderr_under_eol_policy_warn(ok, az, gallery):
    ok(both("1.0.0", "--end-of-life-date '+1 day'"))
    ok("clock advance 2d")
    ok("config set eol-policy=warn")
    assert ok("config get eol-policy")["value"] == "warn"
    result = az(vm(image_id(gallery, pinned="1.0.0"), CREDENTIALS))
    assert result.status == 0
    assert result.err == "WARNING: 1.0.0 is past its end-of-life date; VMs can still be created from it.\n"
    ok("config set eol-policy=block")
    assert az(vm(image_id(gallery, pinned="1.0.0"), CREDENTIALS, name="vm2")).status == 1


def test_an_unknown_policy_or_setting_is_refused(refused, gallery):
    assert refused("config set eol-policy=sometimes") == (
        "(InvalidParameter) The value 'sometimes' of setting 'eol-policy' is invalid. Allowed values: block, warn."
    )
    assert "unknown setting 'colour'" in refused("config set colour=blue", status=2)
    assert "is not KEY=VALUE" in refused("config set eol-policy", status=2)


def test_latest_by_versions_latest_and_a_pinned_version(ok, gallery):
    for name in ("1.0.0", "1.1.0"):
        ok(both(name))
    ok(READY)
    made = ok(vm(image_id(gallery, pinned="latest"), CREDENTIALS))
    assert exact(made) == "1.1.0" and made["properties"]["storageProfile"]["imageReference"]["id"].endswith("/latest")
    assert exact(ok(vm(image_id(gallery, pinned="1.0.0"), CREDENTIALS, name="vm2"))) == "1.0.0"


def test_no_latest_anywhere_and_not_in_the_region(ok, refused, gallery):
    definition_id = image_id(gallery)
    assert refused(vm(definition_id, CREDENTIALS)) == (
        f'(InvalidParameter) There is no latest image version exists for "{definition_id}"')
    ok(version("1.0.0", "--exclude-from-latest"))
    ok(READY)
    assert refused(vm(definition_id, CREDENTIALS)) == (
        f'(InvalidParameter) There is no latest image version exists for "{definition_id}"')
    ok(version("1.1.0"))
    ok(READY)
    assert refused(vm(definition_id, CREDENTIALS, "-l eastus")) == (
        f"(GalleryImageNotFound) The gallery image {definition_id} is not available in eastus region. Please contact "
        "image owner to replicate to this region, or change your requested region.")
    pinned = image_id(gallery, pinned="1.1.0")
    assert refused(vm(pinned, CREDENTIALS, "-l eastus")).startswith(
        f"(GalleryImageNotFound) The gallery image {pinned} is not available in eastus region.")


@pytest.fixture
def specialized(ok, gallery) -> str:
    """`spec`: a specialized Linux definition with a version in West US; `lin` has a generalized one."""
    ok(definition("spec", "--os-state Specialized"))
    ok("image create -g MyResourceGroup -n specImage --os-type Linux --os-state Specialized")
    ok(version("1.0.0", definition="spec", source="specImage"))
    ok(version("1.0.0"))
    ok(READY)
    return gallery


MISSING = "(InvalidParameter) Required parameter 'osProfile' is missing (null)."
NOT_ALLOWED = "(InvalidParameter) Parameter 'osProfile' is not allowed."
OS_PROFILE = [
    ("generalized with credentials", "lin", CREDENTIALS, None),
    ("generalized with an SSH key", "lin", f"--admin-username azureuser --ssh-key-values '{KEY}'", None),
    ("generalized without credentials", "lin", "", MISSING),
    ("generalized with --specialized drops the credentials", "lin", f"{CREDENTIALS} --specialized", MISSING),
    ("specialized with --specialized", "spec", "--specialized", None),
    ("specialized with --specialized ignores credentials", "spec", f"{CREDENTIALS} --specialized", None),
    ("specialized with credentials", "spec", CREDENTIALS, NOT_ALLOWED),
    ("specialized with a username", "spec", "--admin-username azureuser", NOT_ALLOWED),
]


@pytest.mark.parametrize("name, options, error", [c[1:] for c in OS_PROFILE], ids=[c[0] for c in OS_PROFILE])
def test_specialized_and_generalized(ok, refused, specialized, name, options, error):
    command = vm(image_id(specialized, name), options)
    if error:
        assert refused(command) == error
        return
    made = ok(command)
    profile = made["properties"].get("osProfile")
    assert (profile is None) == (name == "spec")
    if profile and "ssh-key" in options:
        assert profile["linuxConfiguration"]["ssh"]["publicKeys"] == [
            {"path": "/home/azureuser/.ssh/authorized_keys"}]


def test_ssh_key_from_a_file(ok, refused, gallery, tmp_path):
    ok(version("1.0.0"))
    ok(READY)
    key = tmp_path / "id_rsa.pub"
    key.write_text(KEY + "\n")
    for i, value in enumerate((str(key), f"@{key}")):
        made = ok(vm(image_id(gallery), f"--admin-username azureuser --ssh-key-values {value}", name=f"vm{i}"))
        assert "linuxConfiguration" in made["properties"]["osProfile"]
    assert refused(vm(image_id(gallery), "--admin-username azureuser --ssh-key-values not-a-key")) == (
        "(InvalidParameter) The value of parameter linuxConfiguration.ssh.publicKeys.keyData is invalid.")
    assert "cannot read the SSH public key file" in refused(
        vm(image_id(gallery), f"--admin-username azureuser --ssh-key-values @{tmp_path}/missing.pub"), status=2)


def test_hyper_v_generation_against_the_size(ok, refused, gallery):
    ok(definition("gen2", "--hyper-v-generation V2"))
    ok("image create -g MyResourceGroup -n gen2Image --os-type Linux --hyper-v-generation V2")
    ok(version("1.0.0", definition="gen2", source="gen2Image"))
    ok(READY)
    assert refused(vm(image_id(gallery, "gen2"), CREDENTIALS, "--size Standard_A1_v2")) == (
        "(BadRequest) The selected VM size 'Standard_A1_v2' cannot boot Hypervisor Generation '2'. If this was a "
        "Create operation please check that the Hypervisor Generation of the Image matches the Hypervisor Generation "
        "of the selected VM Size. If this was an Update operation please select a Hypervisor Generation '2' VM Size.")
    assert ok(vm(image_id(gallery, "gen2"), CREDENTIALS, "--size Standard_D2s_v5"))["properties"][
        "hardwareProfile"] == {"vmSize": "Standard_D2s_v5"}


def test_disallowed_disk_types(ok, refused, gallery):
    ok(definition("nohdd", "--disallowed-disk-types Standard_LRS StandardSSD_LRS"))
    ok(version("1.0.0", definition="nohdd"))
    ok(READY)
    definition_id = image_id(gallery, "nohdd")
    assert refused(vm(definition_id, CREDENTIALS, "--storage-sku standard_lrs")) == (
        f"(InvalidParameter) The disk type 'Standard_LRS' is disallowed by the image definition '{definition_id}'.")
    made = ok(vm(definition_id, CREDENTIALS))
    assert made["properties"]["storageProfile"]["osDisk"]["managedDisk"]["storageAccountType"] == "Premium_LRS"


def test_outside_the_recommended_ranges_warns(ok, az, gallery):
    ok(definition("big", "--minimum-cpu-core 2 --maximum-cpu-core 8 --minimum-memory 4 --maximum-memory 32"))
    ok(version("1.0.0", definition="big"))
    ok(READY)
    result = az(vm(image_id(gallery, "big"), CREDENTIALS))
    assert result.status == 0
    assert result.err.splitlines() == [
        "WARNING: Standard_DS1_v2 has 1 vCPUs; the image recommends 2–8.",
        "WARNING: Standard_DS1_v2 has 3.5 GiB of memory; the image recommends 4–32 GiB."]
    quiet = az(vm(image_id(gallery, "big"), CREDENTIALS, "--size Standard_D2s_v5", name="vm2"))
    assert (quiet.status, quiet.err) == (0, "")


def test_scale_set_replica_advice(ok, az, gallery):
    ok(both("1.0.0", "--replica-count 1"))
    ok(READY)
    result = az(vm(image_id(gallery), CREDENTIALS, "--instance-count 1000", group="vmss", name="web"))
    assert result.status == 0, result.err
    assert result.json["type"] == "Microsoft.Compute/virtualMachineScaleSets"
    assert result.json["sku"] == {"name": "Standard_DS1_v2", "capacity": 1000}
    assert exact(result.json) == "1.0.0"
    assert result.err == ("WARNING: 1 scale set(s) of 1000 instances need 2 replica(s) (one per scale set of up to "
                          "600): 1 replica(s) in the region — raise the replica count to 2.\n")
    ok(f"sig image-version update {G} -i lin -e 1.0.0 --target-regions westus=2 eastus")
    ok(READY)
    quiet = az(vm(image_id(gallery), CREDENTIALS, "--instance-count 1000", group="vmss", name="web2"))
    assert (quiet.status, quiet.err) == (0, "")
    assert az(vm(image_id(gallery), CREDENTIALS, "--instance-count 1001", group="vmss", name="web3")).err == (
        "(InvalidParameter) The value 1001 of parameter sku.capacity is out of range. The value must be between 1 "
        "and 1000, inclusive\n")


def test_defaults_from_the_resource_group_and_the_image(ok, db, world):
    """Location from the resource group, az's size and disk type, and the port rule for the image's OS."""
    ok("group create -n apps -l eastus")
    ok(f"sig image-version create {G} -i MyImage -e 1.0.0 --managed-image myImage --target-regions westus eastus")
    ok(READY)
    made = ok(vm(image_id(world, "MyImage"), CREDENTIALS, rg="apps", name="win1"))
    assert made["location"] == "eastus"
    assert made["properties"]["hardwareProfile"] == {"vmSize": "Standard_DS1_v2"}
    assert made["properties"]["storageProfile"]["osDisk"] == {
        "osType": "Windows", "createOption": "FromImage", "managedDisk": {"storageAccountType": "Premium_LRS"},
        "diskSizeGB": 30}
    assert made["properties"]["storageProfile"]["dataDisks"] == [{
        "lun": 0, "createOption": "FromImage", "caching": "None", "diskSizeGB": 64,
        "managedDisk": {"storageAccountType": "Premium_LRS"}}]
    ok(definition("lin"))
    ok("image create -g MyResourceGroup -n linImage --os-type Linux")
    ok(version("1.0.0"))
    ok(READY)
    ok(vm(image_id(world), CREDENTIALS, name="lin1"))
    ok(vm(image_id(world), CREDENTIALS, "--nsg-rule none", name="lin2"))
    conn = sqlite3.connect(str(db))
    ports = dict(conn.execute("SELECT name, inbound_port FROM virtual_machine").fetchall())
    conn.close()
    assert ports == {"win1": "RDP", "lin1": "SSH", "lin2": "NONE"}


def test_customer_managed_keys_and_zones(ok, refused, gallery):
    ok("disk-encryption-set create -g MyResourceGroup -n DoubleSet -l westus --encryption-type "
       "EncryptionAtRestWithPlatformAndCustomerKeys")
    ok(version("1.0.0"))
    ok(READY)
    made = ok(vm(image_id(gallery), CREDENTIALS, "--os-disk-encryption-set WestUSDiskEncryptionSet1"))
    assert made["properties"]["storageProfile"]["osDisk"]["managedDisk"]["diskEncryptionSet"]["id"].endswith(
        "/diskEncryptionSets/WestUSDiskEncryptionSet1")
    ok(vm(image_id(gallery), CREDENTIALS, "--os-disk-encryption-set DoubleSet", name="vm2"))
    assert refused(vm(image_id(gallery), CREDENTIALS, "--os-disk-encryption-set DoubleSet --encryption-type cmk",
                      name="vm3")).startswith("(InvalidParameter) The disk encryption set 'DoubleSet' is of type "
                                              "EncryptionAtRestWithPlatformAndCustomerKeys")
    assert refused(vm(image_id(gallery), CREDENTIALS, "--zone 1", name="vm3")) == (
        "(InvalidParameter) The region 'westus' has no availability zones.")


def test_a_vm_becomes_the_source_of_a_version(ok, gallery):
    ok(version("1.0.0"))
    ok(READY)
    made = ok(vm(image_id(gallery), CREDENTIALS, name="golden"))
    ok(definition("fromvm", "--os-state Specialized"))
    captured = ok(f"sig image-version create {G} -i fromvm -e 1.0.0 --virtual-machine {made['id']}")
    assert captured["properties"]["storageProfile"]["source"]["id"] == made["id"]
    assert captured["properties"]["storageProfile"]["osDiskImage"]["sizeInGB"] == 30
    by_name = ok(f"sig image-version create {G} -i fromvm -e 1.0.1 --virtual-machine golden")
    assert by_name["properties"]["storageProfile"]["source"]["id"].lower() == made["id"].lower()


def test_show_and_list(ok, az, gallery):
    ok(version("1.0.0"))
    ok(READY)
    made = ok(vm(image_id(gallery), CREDENTIALS, name="b-vm"))
    ok("vm create -g MyResourceGroup -n a-source --os-type Linux")
    scale_set = ok(vm(image_id(gallery), CREDENTIALS, group="vmss", name="web"))
    assert ok("vm show -g MyResourceGroup -n b-vm") == made
    assert ok("vm show -g MyResourceGroup -n a-source")["type"] == "Microsoft.Compute/virtualMachines"
    assert [v["name"] for v in ok("vm list")] == ["a-source", "b-vm"]
    assert [v["name"] for v in ok("vm list -g MyResourceGroup")] == ["a-source", "b-vm"]
    assert ok("vmss show -g MyResourceGroup -n web") == scale_set
    assert [v["name"] for v in ok("vmss list")] == ["web"]
    ok("group create -n other -l westus")
    assert ok("vm list -g other") == [] and ok("vmss list -g other") == []
    assert az("vmss show -g MyResourceGroup -n b-vm").err.startswith(
        "(ResourceNotFound) The Resource 'Microsoft.Compute/virtualMachineScaleSets/b-vm' under resource group "
        "'MyResourceGroup' was not found.")
    assert az("vm show -g MyResourceGroup -n web").err.startswith(
        "(ResourceNotFound) The Resource 'Microsoft.Compute/virtualMachines/web'")
    assert az("vm list -g nowhere").err == "(ResourceGroupNotFound) Resource group 'nowhere' could not be found.\n"


def test_usage(az, ok, refused, gallery):
    assert az("vmss create -g MyResourceGroup -n web").status == 2
    assert "invalid choice: 'HTTP'" in az(vm(image_id(gallery), "--nsg-rule HTTP")).err
    assert "leave them out with --image" in refused(vm(image_id(gallery), "--os-type Linux"), status=2)
    assert refused(vm(image_id(gallery), CREDENTIALS, rg="nowhere")) == (
        "(ResourceGroupNotFound) Resource group 'nowhere' could not be found.")
    assert refused(vm("/subscriptions/x/resourceGroups/y/providers/Microsoft.Compute/images/z", CREDENTIALS)) == (
        "(InvalidParameter) The value of parameter imageReference is invalid: "
        "'/subscriptions/x/resourceGroups/y/providers/Microsoft.Compute/images/z' is not a gallery image.")


def test_a_vm_inherits_the_disks_and_encryption_sets_of_its_region(ok, world):
    """The version's West US sets encrypt the VM's OS disk and its LUN 0 data disk; sizes come from the image."""
    ok(f"sig image-version create {G} -i MyImage -e 1.0.0 --managed-image myImage --target-regions westus "
       "--target-region-encryption WestUSDiskEncryptionSet1,0,WestUSDiskEncryptionSet2")
    ok(READY)
    made = ok(vm(image_id(world, "MyImage", pinned="1.0.0"), CREDENTIALS, name="win1"))
    sets = "/subscriptions/{}/resourceGroups/MyResourceGroup/providers/Microsoft.Compute/diskEncryptionSets/{}"
    storage = made["properties"]["storageProfile"]
    assert storage["osDisk"]["diskSizeGB"] == 30
    assert storage["osDisk"]["managedDisk"]["diskEncryptionSet"]["id"] == sets.format(world, "WestUSDiskEncryptionSet1")
    assert [(d["lun"], d["diskSizeGB"], d["managedDisk"]["diskEncryptionSet"]["id"]) for d in storage["dataDisks"]] == [
        (0, 64, sets.format(world, "WestUSDiskEncryptionSet2"))]
    assert ok("vm show -g MyResourceGroup -n win1")["properties"]["storageProfile"] == storage


def test_a_vm_is_deleted_and_deleting_it_again_is_not_an_error(ok, az, world):
    ok(f"sig image-version create {G} -i MyImage -e 1.0.0 --managed-image myImage --target-regions westus")
    ok(READY)
    ok(vm(image_id(world, "MyImage"), CREDENTIALS, name="win1"))
    ok("vm delete -g MyResourceGroup -n win1 --yes")
    assert "was not found" in az("vm show -g MyResourceGroup -n win1").err
    ok("vm delete -g MyResourceGroup -n win1 --yes")
    assert ok("activity list")[0]["operationName"]["value"] == "Microsoft.Compute/virtualMachines/delete"
