"""az's client-side parsing for SIG commands: `--target-regions`, `--target-region-encryption`, source names,
end-of-life dates."""

from __future__ import annotations

from datetime import datetime

from ..domain import ids
from ..domain.dates import parse_date
from .output import UsageError

STORAGE_TYPES = ["standard_lrs", "standard_zrs", "premium_lrs"]


def _invalid_target(text: str, reason: str) -> UsageError:
    return UsageError(f"usage error: {text} is an invalid target region argument. {reason}")


def target_region(text: str) -> dict:
    """`region[=count[=storage]]`, with az's quirks: the region is sent as typed, and in the three-part
    form the storage type must be written in lower case."""
    listed = ", ".join(STORAGE_TYPES)
    parts = text.split("=", 2)
    target: dict = {"name": parts[0]}
    if len(parts) == 2:
        try:
            target["regionalReplicaCount"] = int(parts[1])
        except ValueError:
            if parts[1].lower() not in STORAGE_TYPES:
                raise _invalid_target(text, "The second part is neither an integer replica count or a valid storage "
                                            f"account type. Storage account types must be one of {listed}.") from None
            target["storageAccountType"] = parts[1]
    elif len(parts) == 3:
        try:
            target["regionalReplicaCount"] = int(parts[1])
        except ValueError:
            raise _invalid_target(text, "The second part must be a valid integer replica count.") from None
        if parts[2] not in STORAGE_TYPES:
            raise _invalid_target(text, "The third part is not a valid storage account type. Storage account types "
                                        f"must be one of {listed}.")
        target["storageAccountType"] = parts[2]
    return target


def is_resource_id(text: str) -> bool:
    return text.lower().startswith("/subscriptions/")


def resource_id(text: str, sub: str, rg: str, rtype: str) -> str:
    """A name becomes an id in the command's resource group, as az's `resource_id(...)` does."""
    return text if is_resource_id(text) else ids.resource_id(sub, rg, rtype, text)


def region_encryption(text: str, sub: str, rg: str) -> dict | None:
    """`osdes,lun,des,lun,des`; `null` for no OS-disk set."""
    terms = text.split(",")
    encryption: dict = {}
    if terms[0] != "null":
        encryption["osDiskImage"] = {"diskEncryptionSetId": resource_id(terms[0], sub, rg, "diskEncryptionSets")}
    pairs = terms[1:]
    if len(pairs) % 2:
        raise UsageError("usage error: LUN and disk encryption set for data disk should appear in pair in "
                         "--target-region-encryption. Example: osdes,0,datades0,1,datades1")
    if pairs:
        encryption["dataDiskImages"] = [
            {"lun": _lun(lun), "diskEncryptionSetId": resource_id(des, sub, rg, "diskEncryptionSets")}
            for lun, des in zip(pairs[::2], pairs[1::2], strict=True)]
    return encryption or None


def _lun(text: str) -> int | str:
    """az keeps the LUN as typed; the service converts it."""
    return int(text) if text.strip().lstrip("-").isdigit() else text


def target_regions(regions: list[str], encryptions: list[str] | None, sub: str, rg: str) -> list[dict]:
    """Parse `--target-regions` with their `--target-region-encryption` (one per region, in order)."""
    if encryptions and len(regions) != len(encryptions):
        raise UsageError("usage error: Length of --target-region-encryption should be as same as length of target "
                         "regions")
    targets = []
    for i, text in enumerate(regions):
        target = target_region(text)
        encryption = region_encryption(encryptions[i], sub, rg) if encryptions else None
        if encryption:
            target["encryption"] = encryption
        targets.append(target)
    return targets


def end_of_life(text: str | None, now: datetime) -> datetime | None:
    """az's `fix_gallery_image_date_info`: a bare date means `T12:59:59Z` that day."""
    return None if text is None else parse_date(text, now, "endOfLifeDate", bare_date_time="T12:59:59Z")
