"""How the dialog's choices read: regions with the version they resolve to, sizes and disk types with notes."""

from __future__ import annotations

from rich.text import Text

from ....domain.models import EncryptionType, ImageDefinition
from ....domain.reference_data import VmSize, vm_sizes
from ....domain.vm import OS_DISK_TYPES
from ....domain.vm_choices import first_reason, size_note
from .target import RegionChoice

SPECIALIZED = (
    "Specialized image: the source VM's administrator account and computer name are used, so these fields are "
    "off (Azure refuses them: Parameter 'osProfile' is not allowed)."
)
AUTH = {"Linux": (("SSH public key", "ssh"), ("Password", "password")), "Windows": (("Password", "password"),)}


REGION_WIDTH = 17
REGION_LINE = 52
AVAILABILITY = (
    ("No infrastructure redundancy", "none"),
    ("Availability zone 1", "1"),
    ("Availability zone 2", "2"),
    ("Availability zone 3", "3"),
)
PORTS = (("None", "NONE"), ("SSH (22)", "SSH"), ("RDP (3389)", "RDP"))
ENCRYPTION = (
    ("Platform-managed key", "platform"),
    ("Customer-managed key", "cmk"),
    ("Double encryption (platform + customer)", "double"),
)
ENCRYPTION_SET_TYPES = {"cmk": EncryptionType.CMK, "double": EncryptionType.DOUBLE}


def short_reason(region: str, why: str) -> str:
    """The first clause of the explanation, without the region it is about."""
    return first_reason(why).replace(f" to {region}", "").replace(f" in {region}", "")


def region_prompt(choice: RegionChoice) -> Text:
    """`eastus   → 1.2.0`, or greyed with the reason the image is not available there (one line)."""
    region, version, why = choice
    text = Text(region.ljust(REGION_WIDTH))
    if version is not None:
        text.append(f"→ {version}", "bold")
    else:
        text.stylize("dim")
        text.append(f"✗ {short_reason(region, why)}", "dim italic")
    text.truncate(REGION_LINE, overflow="ellipsis")
    return text


def size_prompt(size: VmSize, definition: ImageDefinition) -> Text:
    text = Text(f"{size.name:<19}{size.vcpus:>3} vCPU{size.memory_gib:>5g} GiB")
    note = size_note(size, definition)
    if note:
        text.append(f"  {note}", "dim" if note.startswith("outside") else "dim strike")
    return text


def size_options(definition: ImageDefinition) -> list[tuple[Text, str]]:
    return [(size_prompt(s, definition), s.name) for s in vm_sizes()]


def disk_options(definition: ImageDefinition) -> list[tuple[Text, str]]:
    options = []
    for disk in OS_DISK_TYPES:
        refused = disk in definition.disallowed_disk_types
        options.append((Text(disk) + Text("  disallowed by the image", "dim") if refused else Text(disk), disk))
    return options
