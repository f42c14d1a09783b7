"""ARM resource ids: build them and take them apart."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import invalid

PROVIDER = "Microsoft.Compute"


def rg_id(subscription: str, resource_group: str) -> str:
    return f"/subscriptions/{subscription}/resourceGroups/{resource_group}"


def gallery_id(subscription: str, resource_group: str, gallery: str) -> str:
    return f"{rg_id(subscription, resource_group)}/providers/{PROVIDER}/galleries/{gallery}"


def definition_id(subscription: str, resource_group: str, gallery: str, definition: str) -> str:
    return f"{gallery_id(subscription, resource_group, gallery)}/images/{definition}"


def version_id(subscription: str, resource_group: str, gallery: str, definition: str, version: str) -> str:
    return f"{definition_id(subscription, resource_group, gallery, definition)}/versions/{version}"


def resource_id(subscription: str, resource_group: str, rtype: str, name: str) -> str:
    """Id of a plain Microsoft.Compute resource such as `images`, `snapshots` or `disks`."""
    return f"{rg_id(subscription, resource_group)}/providers/{PROVIDER}/{rtype}/{name}"


@dataclass(frozen=True, slots=True)
class ArmId:
    """A parsed ARM id: subscription, resource group, and the provider path as (type, name) pairs."""

    subscription: str
    resource_group: str | None
    path: tuple[tuple[str, str], ...]

    @property
    def kind(self) -> str:
        """The resource type path, lower case, e.g. `galleries/images/versions`."""
        return "/".join(t.lower() for t, _ in self.path)

    def name_of(self, rtype: str) -> str | None:
        for t, n in self.path:
            if t.lower() == rtype.lower():
                return n
        return None

    @property
    def name(self) -> str | None:
        return self.path[-1][1] if self.path else None


def parse_arm_id(text: str, what: str = "id") -> ArmId:
    """Take an ARM id apart; the Microsoft.Compute provider is implied after `providers/`."""
    parts = [p for p in text.strip().split("/") if p]
    if len(parts) < 2 or parts[0].lower() != "subscriptions":
        raise invalid(
            f"Property id {text} at path '{what}' is invalid. Expect fully qualified resource Id that start "
            f"with '/subscriptions/{{subscriptionId}}' or '/providers/{{resourceProviderNamespace}}/'.",
            what,
        )
    subscription = parts[1]
    rest = parts[2:]
    resource_group = None
    if len(rest) >= 2 and rest[0].lower() == "resourcegroups":
        resource_group = rest[1]
        rest = rest[2:]
    if rest and rest[0].lower() == "providers":
        rest = rest[2:]
    if len(rest) % 2:
        raise invalid(f"Property id {text} at path '{what}' is invalid.", what)
    path = tuple((rest[i], rest[i + 1]) for i in range(0, len(rest), 2))
    return ArmId(subscription, resource_group, path)
