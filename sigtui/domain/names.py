"""Name rules for galleries, image definitions, identifiers and versions, with Azure's messages."""

from __future__ import annotations

import re

from .errors import AzureError, invalid

_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_GALLERY_CHARS = re.compile(r"[A-Za-z0-9_.]+")
_DEFINITION_CHARS = re.compile(r"[A-Za-z0-9_.\-]+")
_IDENTIFIER_CHARS = re.compile(r"[A-Za-z0-9_.\-]+")
_VERSION = re.compile(r"([0-9]+)\.([0-9]+)\.([0-9]+)")
_INT32_MAX = 2_147_483_647
DEFINITION_RULE = r"^[^_\W][\w-._]{0,79}(?<![-.])$"

GALLERY_NAME_MESSAGE = (
    "Gallery name is invalid. Allowed characters are English alphanumeric characters, with underscores, and "
    "periods allowed in the middle, up to 80 characters total. All other special characters, including dashes, "
    "are disallowed."
)
VERSION_NAME_MESSAGE = (
    "The image version name is invalid. The image version name should follow Major(int).Minor(int).Patch(int) "
    "format, for e.g: 1.0.0, 2018.12.1 etc."
)


def _trailing(name: str, shown: str, bad: str, target: str) -> AzureError | None:
    tail = ""
    for ch in reversed(name):
        if ch in bad:
            tail = ch + tail
        else:
            break
    if not tail:
        return None
    return AzureError(
        "InvalidResourceName",
        f"The provided resource name {shown} has these invalid trailing characters: {tail}. "
        f"The name can not end with characters: {tail}",
        target=target,
    )


def check_gallery_name(name: str) -> None:
    """Letters, digits, `_` and `.`; start and end alphanumeric; at most 80; no dashes."""
    if name and _GALLERY_CHARS.fullmatch(name) and len(name) <= 80:
        error = _trailing(name, name, "._", "galleryName")
        if error:
            raise error
        if _ASCII_ALNUM.match(name[0]):
            return
    raise invalid(GALLERY_NAME_MESSAGE, "galleryName")


def check_definition_name(name: str, gallery: str = "") -> None:
    """Letters, digits, `_`, `-` and `.`; start and end alphanumeric; at most 80."""
    if name and _DEFINITION_CHARS.fullmatch(name) and len(name) <= 80:
        error = _trailing(name, f"{gallery}/{name}" if gallery else name, "._-", "galleryImageName")
        if error:
            raise error
        if _ASCII_ALNUM.match(name[0]):
            return
    raise invalid(
        f"The entity name {name} is invalid according to its validation rule: {DEFINITION_RULE}.",
        "galleryImageName",
    )


def check_identifier(prop: str, value: str | None, max_length: int) -> None:
    """Publisher (128), offer and SKU (64): letters, digits, `-`, `_`, `.`; not empty; not ending in `.`."""
    ok = bool(value) and _IDENTIFIER_CHARS.fullmatch(value) and len(value) <= max_length
    if not ok or value.endswith("."):
        raise invalid(
            f"Asset name galleryImage.properties.identifier.{prop} is not valid. It cannot be empty. Allowed "
            "characters are uppercase or lowercase letters, digits, hyphen(-), period (.), underscore (_). Names "
            f"are not allowed to end with period(.). The length of the name cannot exceed {max_length} characters.",
            f"galleryImage.properties.identifier.{prop}",
        )


def parse_version(name: str) -> tuple[int, int, int]:
    """`Major.Minor.Patch` as three integers, each within a 32-bit signed int."""
    match = _VERSION.fullmatch(name or "")
    if not match:
        raise invalid(VERSION_NAME_MESSAGE, "galleryImageVersionName")
    parts = tuple(int(p) for p in match.groups())
    if any(p > _INT32_MAX for p in parts):
        raise invalid(VERSION_NAME_MESSAGE, "galleryImageVersionName")
    return parts  # type: ignore[return-value]


def version_key(name: str) -> tuple[int, int, int]:
    """Sort key of a version name that is already known to be valid."""
    a, b, c = name.split(".")
    return int(a), int(b), int(c)


_RESOURCE_GROUP = re.compile(r"[\w\-.()]{1,90}")


def check_resource_group_name(name: str) -> None:
    """1–90 letters, digits, `_`, `-`, `.`, `(` and `)`; not ending in a period."""
    if not name or not _RESOURCE_GROUP.fullmatch(name) or name.endswith("."):
        raise invalid(
            f"Resource group name '{name}' is invalid. It must be 1 to 90 characters of letters, digits, underscores, "
            "hyphens, periods and parentheses, and cannot end in a period.",
            "resourceGroupName",
        )
