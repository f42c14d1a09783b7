"""Creating VMs and scale sets from a gallery image: the portal's checks with Azure's messages."""

from __future__ import annotations

import base64
import math
import re
from dataclasses import dataclass, field

from . import features
from .errors import AzureError, invalid
from .models import ImageDefinition
from .reference_data import VmSize, find_region, find_vm_size, limits

RESERVED_USERNAMES = frozenset(
    {
        "administrator",
        "admin",
        "user",
        "user1",
        "test",
        "user2",
        "test1",
        "user3",
        "admin1",
        "1",
        "123",
        "a",
        "actuser",
        "adm",
        "admin2",
        "aspnet",
        "backup",
        "console",
        "david",
        "guest",
        "john",
        "owner",
        "root",
        "server",
        "sql",
        "support",
        "support_388945a0",
        "sys",
        "test2",
        "test3",
        "user4",
        "user5",
    }
)
DISALLOWED_PASSWORDS = frozenset(
    {
        "abc@123",
        "iloveyou!",
        "p@$$w0rd",
        "p@ssw0rd",
        "p@ssword123",
        "pa$$word",
        "pass@word1",
        "password!",
        "password1",
        "password22",
    }
)
WINDOWS_NAME_CHARS = "`~!@#$%^&*()=+_[]{}\\|;:.'\",<>/?"
LINUX_NAME_CHARS = "`~!@#$%^&*()=+_[]{}\\|;:'\",<>/?"
_RESOURCE_NAME = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.\-]{0,78}[A-Za-z0-9_])?")
OS_DISK_TYPES = ("Standard_LRS", "StandardSSD_LRS", "StandardSSD_ZRS", "Premium_LRS", "Premium_ZRS")
INBOUND_PORTS = {"NONE": (), "SSH": (22,), "RDP": (3389,)}
AVAILABILITY = ("None", "AvailabilityZone")
PASSWORD_RULES = (
    "must satisfy at least 3 of password complexity requirements from the following: 1) Contains an uppercase "
    "character 2) Contains a lowercase character 3) Contains a numeric digit 4) Contains a special character "
    "5) Control characters are not allowed"
)


@dataclass(frozen=True, slots=True)
class VmRequest:
    """What the user asked for, before it is checked against the image."""

    name: str
    resource_group: str
    location: str
    size: str
    os_disk_type: str = "Premium_LRS"
    admin_username: str | None = None
    admin_password: str | None = None
    ssh_key: str | None = None
    encryption: str = "platform"
    disk_encryption_set: str | None = None
    inbound_port: str = "NONE"
    availability: str = "None"
    zone: str | None = None
    instance_count: int | None = None
    concurrent: int = 1
    """VMs created at once, or scale sets created at once when `instance_count` is set (for the replica advice)."""
    tags: dict = field(default_factory=dict)
    os_profile_given: bool = False
    """The request carried an `osProfile` (a REST body), even one without credentials."""


def check_vm_name(name: str, os_type: str) -> None:
    """The computer name the VM's name becomes (Windows names ≤ 15 characters, not all digits; Linux host names
    ≤ 64; no special characters), then the resource name (word characters, `.` and `-`, at most 80). An empty
    name is missing, not too long."""
    if not name.strip():
        raise invalid("The virtual machine name is required.", "name")
    if os_type == "Windows":
        if not name or len(name) > 15 or name.isdigit() or any(c in WINDOWS_NAME_CHARS for c in name):
            raise invalid(
                "Windows computer name cannot be more than 15 characters long, be entirely numeric, or contain the "
                "following characters: ` ~ ! @ # $ % ^ & * ( ) = + _ [ ] { } \\ | ; : . ' \" , < > / ?.",
                "osProfile.computerName",
            )
    elif not name or len(name) > 64 or any(c in LINUX_NAME_CHARS for c in name) or name.startswith(("-", ".")):
        raise invalid(
            "Linux host name cannot exceed 64 characters in length or contain the following characters: "
            "` ~ ! @ # $ % ^ & * ( ) = + _ [ ] { } \\ | ; : ' \" , < > / ?.",
            "osProfile.computerName",
        )
    if not _RESOURCE_NAME.fullmatch(name or ""):
        raise AzureError(
            "InvalidResourceName",
            f"Resource name {name} is invalid. The name can be up to 80 characters long. It must begin with a word "
            "character, and it must end with a word character or with '_'. The name may contain word characters or "
            "'.', '-', '_'.",
        )


def check_username(username: str, os_type: str) -> None:
    limit = 20 if os_type == "Windows" else 64
    if (
        not username
        or len(username) > limit
        or username.endswith(".")
        or not re.fullmatch(r"[A-Za-z0-9._\-]+", username)
    ):
        raise invalid(
            f"The admin username must be 1 to {limit} characters of letters, digits, '.', '_' or '-', and must not "
            "end with '.'.",
            "osProfile.adminUsername",
        )
    if username.lower() in RESERVED_USERNAMES:
        raise invalid("The Admin Username specified is not allowed.", "osProfile.adminUsername")


def check_password(password: str, os_type: str) -> None:
    """Portal rules: 12 characters at least, 3 of 4 character classes, not a well-known password."""
    longest = 123 if os_type == "Windows" else 72
    classes = sum(bool(re.search(p, password)) for p in (r"[A-Z]", r"[a-z]", r"\d", r"[^A-Za-z0-9]"))
    control = any(ord(c) < 32 for c in password)
    if not 12 <= len(password) <= longest or classes < 3 or control:
        raise invalid(
            f"The supplied password must be between 12-{longest} characters long and {PASSWORD_RULES}",
            "osProfile.adminPassword",
        )
    if password.lower() in DISALLOWED_PASSWORDS:
        raise invalid("The specified password is not allowed.", "osProfile.adminPassword")


def check_ssh_key(key: str) -> None:
    parts = key.strip().split()
    ok = (len(parts) >= 2 and parts[0] in ("ssh-rsa", "ssh-ed25519")) or (parts and parts[0].startswith("ecdsa-sha2-"))
    if ok:
        try:
            base64.b64decode(parts[1], validate=True)
        except (ValueError, IndexError):
            ok = False
    if not ok:
        raise invalid(
            "The value of parameter linuxConfiguration.ssh.publicKeys.keyData is invalid.",
            "linuxConfiguration.ssh.publicKeys.keyData",
        )


def check_os_profile(request: VmRequest, definition: ImageDefinition) -> None:
    """Specialized images carry their own account; generalized ones need a username plus a password or key."""
    given = request.os_profile_given or request.admin_username or request.admin_password or request.ssh_key
    if definition.os_state == "Specialized":
        if given:
            raise invalid("Parameter 'osProfile' is not allowed.", "osProfile")
        return
    if not request.admin_username or not (request.admin_password or request.ssh_key):
        raise invalid("Required parameter 'osProfile' is missing (null).", "osProfile")
    check_username(request.admin_username, definition.os_type)
    if definition.os_type == "Windows" and request.ssh_key:
        raise invalid("SSH public keys are not supported for Windows images; use a password.", "osProfile")
    if request.ssh_key:
        check_ssh_key(request.ssh_key)
    if request.admin_password:
        check_password(request.admin_password, definition.os_type)


def check_size(size_name: str, definition: ImageDefinition) -> tuple[VmSize, list[str]]:
    """The size must boot the image's Hyper-V generation and architecture; outside the recommendations warns."""
    size = find_vm_size(size_name)
    if size is None:
        raise invalid(
            f"The value '{size_name}' of parameter 'vmSize' is not a known VM size.", "hardwareProfile.vmSize"
        )
    generation = definition.hyper_v_generation or "V1"
    if generation not in size.hyper_v_generations:
        number = generation[1:]
        raise AzureError(
            "BadRequest",
            f"The selected VM size '{size.name}' cannot boot Hypervisor Generation '{number}'. If this was a Create "
            "operation please check that the Hypervisor Generation of the Image matches the Hypervisor Generation of "
            f"the selected VM Size. If this was an Update operation please select a Hypervisor Generation '{number}' "
            "VM Size.",
        )
    architecture = definition.architecture or "x64"
    if size.architecture != architecture:
        raise AzureError(
            "BadRequest",
            f"The selected VM size '{size.name}' is an {size.architecture} size and cannot run an "
            f"{architecture} image.",
        )
    features.check_vm_size(size, definition)
    return size, recommendation_warnings(size, definition)


def recommendation_warnings(size: VmSize, definition: ImageDefinition) -> list[str]:
    warnings = []
    if (definition.vcpus_min is not None and size.vcpus < definition.vcpus_min) or (
        definition.vcpus_max is not None and size.vcpus > definition.vcpus_max
    ):
        warnings.append(
            f"{size.name} has {size.vcpus} vCPUs; the image recommends "
            f"{definition.vcpus_min or 0}–{definition.vcpus_max or '∞'}."
        )
    if (definition.memory_min is not None and size.memory_gib < definition.memory_min) or (
        definition.memory_max is not None and size.memory_gib > definition.memory_max
    ):
        warnings.append(
            f"{size.name} has {size.memory_gib:g} GiB of memory; the image recommends "
            f"{definition.memory_min or 0}–{definition.memory_max or '∞'} GiB."
        )
    return warnings


def size_fits(size: VmSize, definition: ImageDefinition) -> bool:
    """Whether a size can boot the image (generation and architecture)."""
    return (definition.hyper_v_generation or "V1") in size.hyper_v_generations and size.architecture == (
        definition.architecture or "x64"
    )


def check_os_disk(disk_type: str, size: VmSize, definition: ImageDefinition) -> str:
    match = next((t for t in OS_DISK_TYPES if t.lower() == (disk_type or "").lower()), None)
    if match is None:
        raise invalid(
            f"The value '{disk_type}' of parameter 'storageAccountType' is invalid. Allowed values: "
            f"{', '.join(OS_DISK_TYPES)}.",
            "storageProfile.osDisk.managedDisk.storageAccountType",
        )
    if match in definition.disallowed_disk_types:
        raise invalid(
            f"The disk type '{match}' is disallowed by the image definition '{definition.id}'.",
            "storageProfile.osDisk.managedDisk.storageAccountType",
        )
    if match.startswith("Premium") and not size.premium_storage:
        raise AzureError(
            "OperationNotAllowed",
            f"Requested operation cannot be performed because the VM size {size.name} does not support the storage "
            f"account type {match} of disk 'osdisk'. Consider updating the VM to a size that supports Premium storage.",
            409,
        )
    return match


def check_placement(request: VmRequest) -> tuple[str, str | None]:
    availability = next((a for a in AVAILABILITY if a.lower() == request.availability.lower()), None)
    if availability is None:
        raise invalid(f"Unknown availability option '{request.availability}'.")
    if availability == "AvailabilityZone":
        region = find_region(request.location)
        if region is None or not region.availability_zones:
            raise invalid(f"The region '{request.location}' has no availability zones.", "zones")
        if request.zone not in ("1", "2", "3"):
            raise invalid("Choose availability zone 1, 2 or 3.", "zones")
        return availability, request.zone
    return availability, None


def check_port(port: str, os_type: str) -> str:
    key = (port or "NONE").upper()
    if key not in INBOUND_PORTS:
        raise invalid(f"Unknown inbound port rule '{port}': use NONE, SSH or RDP.", "nsgRule")
    return key


def check_instance_count(count: int | None) -> None:
    if count is None:
        return
    maximum = limits()["scaleSetMaxInstancesGalleryImage"]
    if not 1 <= count <= maximum:
        raise invalid(
            f"The value {count} of parameter sku.capacity is out of range. The value must be between 1 "
            f"and {maximum}, inclusive",
            "sku.capacity",
        )


@dataclass(frozen=True, slots=True)
class ScalingAdvice:
    """How many replicas a region should hold for a deployment, against what it has."""

    needed: int
    current: int
    reason: str

    @property
    def enough(self) -> bool:
        return self.current >= self.needed

    def text(self) -> str:
        verdict = "enough" if self.enough else f"raise the replica count to {self.needed}"
        return f"{self.reason}: {self.current} replica(s) in the region — {verdict}."


def scaling_advice(
    current_replicas: int, vms_at_once: int = 1, scale_set_instances: int | None = None, scale_sets_at_once: int = 1
) -> ScalingAdvice:
    """Azure's guidance: one replica per 20 VMs created at once; one per scale set of up to 600 instances."""
    lim = limits()
    if scale_set_instances is not None:
        per_set = math.ceil(scale_set_instances / lim["scaleSetInstancesPerReplica"])
        needed = max(1, per_set * scale_sets_at_once)
        reason = (
            f"{scale_sets_at_once} scale set(s) of {scale_set_instances} instances need {needed} replica(s) "
            f"(one per scale set of up to {lim['scaleSetInstancesPerReplica']})"
        )
    else:
        needed = max(1, math.ceil(vms_at_once / lim["vmsPerReplica"]))
        reason = f"{vms_at_once} VM(s) created at once need {needed} replica(s) (one per {lim['vmsPerReplica']} VMs)"
    return ScalingAdvice(needed, current_replicas, reason)
