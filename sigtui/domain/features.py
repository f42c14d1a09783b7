"""An image definition's `features`: the values Azure knows, the rules that follow from them for the definition,
for changing them, and for the VMs made from it."""

from __future__ import annotations

from .errors import AzureError, invalid
from .models import ImageDefinition
from .reference_data import VmSize

PATH = "properties.features"
SECURITY_TYPES = ("Standard", "TrustedLaunchSupported", "TrustedLaunch", "ConfidentialVmSupported", "ConfidentialVM",
                  "TrustedLaunchAndConfidentialVmSupported")
"""`SecurityType` values: every one but `Standard` needs Hyper-V generation V2."""
BOOLEAN = ("True", "False")
KNOWN = {
    "SecurityType": SECURITY_TYPES,
    "IsAcceleratedNetworkSupported": BOOLEAN,
    "IsHibernateSupported": BOOLEAN,
    "DiskControllerTypes": ("SCSI", "NVMe", "SCSI, NVMe", "SCSI,NVMe", "NVMe, SCSI", "NVMe,SCSI"),
}
"""The features Azure documents, with their values; other names are kept as given."""
CONFIDENTIAL_SIZES = ("Standard_DC", "Standard_EC")
"""Confidential VM sizes are the DC and EC families with AMD SEV-SNP (`a` in the family, v5 and later)."""


def _canonical(name: str, value: str) -> tuple[str, str]:
    """The feature in Azure's spelling; a known feature's value must be one Azure documents."""
    known = next((k for k in KNOWN if k.lower() == name.lower()), None)
    if known is None:
        return name, value
    match = next((v for v in KNOWN[known] if v.lower() == value.lower()), None)
    if match is None:
        allowed = ", ".join(KNOWN[known])
        raise invalid(f"The value '{value}' of gallery image feature '{known}' is not valid. Allowed values: "
                      f"{allowed}.", PATH)
    return known, match


def check_features(definition: ImageDefinition) -> tuple[tuple[str, str], ...]:
    """A new definition's features, in Azure's spelling: each name once, known values, security types on V2."""
    features = tuple(_canonical(name, value) for name, value in definition.features)
    names = [name.lower() for name, _ in features]
    duplicate = next((name for name, _ in features if names.count(name.lower()) > 1), None)
    if duplicate:
        raise invalid(f"The gallery image feature '{duplicate}' is specified more than once.", PATH)
    security = dict(features).get("SecurityType")
    if security not in (None, "Standard") and (definition.hyper_v_generation or "V1") != "V2":
        raise invalid(f"The gallery image feature 'SecurityType' with value '{security}' is supported only for "
                      "Hyper-V generation V2 images.", PATH)
    return features


def check_features_update(old: ImageDefinition, new: ImageDefinition) -> tuple[tuple[str, str], ...]:
    """Features change only when the request sets `allowUpdateImage`; a request without them keeps them."""
    if not new.features:
        return old.features
    features = check_features(new)
    if {(n.lower(), v.lower()) for n, v in features} == {(n.lower(), v.lower()) for n, v in old.features}:
        return old.features
    if not new.allow_update_image:
        raise invalid("Changing property 'galleryImage.properties.features' is not allowed.",
                      "galleryImage.properties.features")
    return features


def check_vm_size(size: VmSize, definition: ImageDefinition) -> None:
    """An image for confidential VMs only (`SecurityType` `ConfidentialVM`) runs on a confidential size."""
    if definition.feature("SecurityType") != "ConfidentialVM":
        return
    family = size.name[: len("Standard_DC")]
    if family not in CONFIDENTIAL_SIZES or "a" not in size.name[len(family):].split("_")[0].lower():
        raise AzureError("BadRequest", f"The VM size '{size.name}' is not supported for creation of VMs and Virtual "
                                       "Machine Scale Sets with 'ConfidentialVM' security type.")
