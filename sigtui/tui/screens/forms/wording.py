"""Which field a refusal without a `target` is about, found by the words of Azure's message. Once every
refusal names its target, this module goes: forms place errors by `FormScreen.TARGET_FIELDS` alone."""

from __future__ import annotations

WORDING: dict[str, dict[str, str]] = {
    "gallery": {
        "galleryName": "f-name",
        "Gallery name": "f-name",
        "resource name": "f-name",
        "gallery name": "f-name",
        "The resource '": "f-name",
        "location": "f-location",
        "resourceGroup": "f-rg",
    },
    "definition": {
        "galleryImageName": "f-name",
        "already exists": "f-name",
        "identified by (publisher": "f-publisher",
        "galleryImage.properties.identifier.publisher": "f-publisher",
        "galleryImage.properties.identifier.offer": "f-offer",
        "galleryImage.properties.identifier.sku": "f-sku",
        "properties.osType": "f-os-type",
        "properties.osState": "f-os-state",
        "properties.hyperVGeneration": "f-generation",
        "properties.architecture": "f-architecture",
        "properties.recommended.vCPUs": "f-vcpus-max",
        "properties.recommended.memory": "f-memory-max",
        "properties.endOfLifeDate": "f-eol",
        "location": "f-location",
    },
    "version": {
        "The provided location": "f-location",
        "galleryImageVersionName": "f-version",
        "EndOfLifeDate": "f-eol",
        "publishingProfile.replicaCount": "f-replicas",
        "targetRegions": "f-targets",
        "publishing profile regions": "f-targets",
        "ZRS": "f-targets",
        "clouds": "f-targets",
        "Duplicated": "f-source",
        "encryption": "f-encryption",
        "lun": "f-encryption",
        "OSDiskImage": "f-source",
        "source": "f-source",
        "Source": "f-source",
        "OS State": "f-source",
        "generation": "f-source",
        "OS type": "f-source",
        "storageAccountType": "f-storage",
        "already exists": "f-version",
    },
}
"""Per kind of form: words of a message → the id of the field it is about (the first match wins)."""


def field_by_wording(kind: str, message: str) -> str | None:
    """The field a refusal's message is about, or None when it names none."""
    return next((field for words, field in WORDING[kind].items() if words in message), None)
