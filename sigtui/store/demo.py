"""The demo catalog: the story in sigtui/data/demo.yaml, built through the services so every object obeys
Azure's rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import yaml

from ..domain.models import DiskImage, Encryption, Gallery, ImageDefinition, ImageVersion, TargetRegion
from ..domain.plan import plan
from ..domain.reference_data import DATA_DIR
from ..domain.simulation_writes import setting_insert
from ..domain.visits import WHILE_CLOSED
from .services import Services

HISTORY_DAYS = 400
DEMO_SPEED = 30.0
STORY = DATA_DIR / "demo.yaml"


def build_demo(svc: Services, start: datetime | None = None, speed: float = DEMO_SPEED) -> None:
    """Fill an empty database with galleries, definitions and versions that show every state, in one
    transaction: a demo that fails or is interrupted leaves the database as it was."""
    story = yaml.safe_load(STORY.read_text(encoding="utf-8"))
    with svc.db.batch():
        with svc.read() as conn:
            svc.authorize_simulation(conn)
        _Teller(svc, story, start or datetime.now(UTC)).tell(speed)


class _Teller:
    """Tells the story through the services, remembering the ids its later chapters refer to."""

    def __init__(self, svc: Services, story: dict, end: datetime):
        self.svc, self.story, self.end = svc, story, end
        self.subscriptions: dict[str, str] = {}
        self.galleries: dict[str, Gallery] = {}
        self.definitions: dict[str, Gallery] = {}
        self.resources: dict[str, str] = {}

    def tell(self, speed: float) -> None:
        """Every chapter in order, then the clock set running at `speed` from the end."""
        self.svc.reset_clock(self.end - timedelta(days=HISTORY_DAYS), speed=1.0, paused=True)
        self._subscriptions()
        self._catalog()
        self._resources()
        for version in self.story["versions"]:
            self._version(version)
        self._people()
        self.svc.reset_clock(self.end, speed=speed, paused=False)
        with self.svc.write() as tx:
            tx.apply(plan(setting_insert(WHILE_CLOSED, "stops")))

    def _subscriptions(self) -> None:
        svc, production = self.svc, self.story["production"]
        prod = svc.list_subscriptions()[0].id
        svc.set_default_subscription(prod)
        svc.add_subscription(prod, production["name"], allowed_regions=tuple(production["allowed_regions"]))
        svc.set_default_subscription(prod)
        self.subscriptions["production"] = prod
        for alias, sub in self.story["subscriptions"].items():
            self.subscriptions[alias] = svc.add_subscription(sub["id"], sub["name"]).id
        for group in self.story["resource_groups"]:
            sub = self.subscriptions[group["subscription"]]
            svc.create_resource_group(group["name"], group["location"], sub, group["tags"])

    def _catalog(self) -> None:
        for entry in self.story["galleries"]:
            gallery = Gallery(**{**entry, "subscription": self.subscriptions[entry["subscription"]]})
            self.svc.create_gallery(gallery)
            self.galleries[gallery.name] = gallery
        for entry in self.story["definitions"]:
            gallery = self.galleries[entry["gallery"]]
            fields = {**entry, "disallowed_disk_types": tuple(entry.get("disallowed_disk_types", ()))}
            self.svc.create_definition(
                ImageDefinition(gallery.subscription, gallery.resource_group, location=gallery.location, **fields)
            )
            self.definitions[entry["name"]] = gallery

    def _resources(self) -> None:
        for entry in self.story["sources"]:
            fields = {**entry, "subscription": self.subscriptions[entry["subscription"]]}
            self.resources[entry["name"]] = self.svc.create_source(**fields).id
        for entry in self.story["disk_encryption_sets"]:
            fields = {**entry, "subscription": self.subscriptions[entry["subscription"]]}
            self.resources[entry["name"]] = self.svc.create_disk_encryption_set(**fields).id

    def _version(self, entry: dict) -> None:
        """Publish one version at its moment, with its regions' outages in force while it is created."""
        if "day" in entry:
            moment = self.end - timedelta(days=HISTORY_DAYS) + timedelta(days=entry["day"])
        else:
            moment = self.end - timedelta(**entry["before_end"])
        self.svc.reset_clock(moment, paused=True)
        if "outages" in entry:
            self.svc.set_faults(outages=tuple(entry["outages"]))
        self.svc.create_version(self._image_version(entry))
        if "outages" in entry:
            self.svc.set_faults()

    def _image_version(self, entry: dict) -> ImageVersion:
        gallery = self.definitions[entry["definition"]]
        data_sources = entry.get("data_sources", {}).items()
        data = tuple(DiskImage(0, 0, lun, None, self.resources[name]) for lun, name in data_sources)
        options = {key: entry[key] for key in ("storage_account_type", "exclude_from_latest") if key in entry}
        if "end_of_life_days" in entry:
            options["end_of_life_date"] = self.end + timedelta(days=entry["end_of_life_days"])
        return ImageVersion(
            gallery.subscription,
            gallery.resource_group,
            gallery.name,
            entry["definition"],
            entry["name"],
            gallery.location,
            DiskImage(0, 0, None, None, self._resource(entry.get("os_source"))),
            data,
            self._resource(entry.get("source")),
            tuple(self._region(region) for region in entry["regions"]),
            **options,
        )

    def _resource(self, name: str | None) -> str | None:
        return self.resources[name] if name else None

    def _region(self, entry: dict) -> TargetRegion:
        fields = dict(entry)
        if "encryption" in entry:
            keys = entry["encryption"]
            data = tuple((lun, self.resources[name]) for lun, name in keys.get("data", {}).items())
            fields["encryption"] = Encryption(self._resource(keys.get("os")), data)
        return TargetRegion(**fields)

    def _people(self) -> None:
        svc = self.svc
        for tenant in self.story["tenants"]:
            svc.add_tenant(tenant["id"], tenant["name"], tenant["domain"])
        for entry in self.story["principals"]:
            fields = {key: value for key, value in entry.items() if key != "member_of"}
            principal = svc.create_principal(**fields)
            if "member_of" in entry:
                svc.add_group_member(entry["member_of"], principal.id)
        for entry in self.story["role_assignments"]:
            gallery = self.galleries[entry["gallery"]]
            scope = (
                f"/subscriptions/{gallery.subscription}/resourceGroups/{gallery.resource_group}"
                f"/providers/Microsoft.Compute/galleries/{gallery.name}{entry.get('path', '')}"
            )
            svc.create_role_assignment(entry["principal"], entry["role"], scope)
