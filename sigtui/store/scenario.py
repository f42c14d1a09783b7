"""Scenario files: a declarative world (tenants, subscriptions, resource groups, galleries, definitions, sources,
versions, people, role assignments and the clock) told through the services in one transaction. The demo catalog
(sigtui/data/demo.yaml) is one such file."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml

from ..domain import rules
from ..domain.dates import parse_date
from ..domain.errors import AzureError
from ..domain.models import DiskImage, Encryption, Gallery, ImageDefinition, ImageVersion, TargetRegion
from ..domain.plan import plan
from ..domain.simulation_writes import setting_insert
from ..domain.visits import WHILE_CLOSED, WHILE_CLOSED_VALUES
from .services import Services

HISTORY_DAYS = 400
"""A version's `day` counts days into this much history before the clock's `now`."""
SECTIONS = ("clock", "subscriptions", "resource_groups", "galleries", "definitions", "sources",
            "disk_encryption_sets", "versions", "tenants", "principals", "role_assignments")
"""Every section a scenario may have, in the order they are told."""
BAD_FILE = "InvalidRequestContent"


class Scenario:
    """A parsed scenario file and where each of its entries is (for errors that name the bad entry's line)."""

    def __init__(self, data: dict, name: str = "scenario", lines: dict[tuple, int] | None = None) -> None:
        self.data, self.name, self.lines = data, name, lines or {}

    @classmethod
    def load(cls, path: Path) -> Scenario:
        """Read a YAML or JSON file; refuse one that is not a mapping of known sections."""
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise AzureError(BAD_FILE, f"Cannot read the scenario file '{path}': "
                                       f"{getattr(error, 'strerror', None) or error}.") from None
        return cls.parse(text, path.name)

    @classmethod
    def parse(cls, text: str, name: str = "scenario") -> Scenario:
        try:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
            data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            try:
                return cls(json.loads(text), name)
            except ValueError:
                raise AzureError(BAD_FILE, f"{name}: not valid YAML or JSON: {error}".replace("\n", " ")) from None
        lines: dict[tuple, int] = {}
        _index(node, (), lines)
        return cls(data if data is not None else {}, name, lines)

    def where(self, path: tuple) -> str:
        """`demo.yaml line 42, versions[3]`: the nearest line known for `path`."""
        shown = "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else p) for i, p in enumerate(path))
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return f"{self.name} line {self.lines[path[:end]]}, {shown}" if shown else self.name
        return f"{self.name}, {shown}"


def _index(node, path: tuple, lines: dict[tuple, int], line: int | None = None) -> None:
    """Record the line of every mapping key and sequence item under `node`."""
    if node is None:
        return
    lines[path] = line or node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _index(value, (*path, key.value), lines, key.start_mark.line + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, (*path, i), lines)


def _reason(error: Exception) -> str:
    """What is wrong with an entry, from the error its fields raised."""
    text = str(error.args[0]) if error.args else str(error)
    if isinstance(error, KeyError):
        return f"needs `{text}`"
    missing = re.search(r"missing \d+ required (?:positional|keyword-only) arguments?: (.*)", text)
    if missing:
        return "needs " + missing.group(1).replace("'", "`")
    unknown = re.search(r"unexpected keyword argument '(\w+)'", text)
    return f"has a field sigtui does not know: `{unknown.group(1)}`" if unknown else text


def apply_scenario(svc: Services, scenario: Scenario, now: datetime | None = None) -> dict[str, int]:
    """Build the scenario's world in one transaction: all of it, or (refused with the bad entry's place) none."""
    if not isinstance(scenario.data, dict):
        raise AzureError(BAD_FILE, f"{scenario.name}: a scenario is a mapping of sections ({', '.join(SECTIONS)}).")
    unknown = [key for key in scenario.data if key not in SECTIONS]
    if unknown:
        raise AzureError(BAD_FILE, f"{scenario.where((unknown[0],))}: unknown section; the sections are "
                                   f"{', '.join(SECTIONS)}.")
    with svc.db.batch():
        with svc.read() as conn:
            svc.authorize_simulation(conn)
        teller = _Teller(svc, scenario)
        teller.tell(now or svc.now())
    return {section: len(scenario.data.get(section) or ()) for section in SECTIONS[1:]}


class _Teller:
    """Tells a scenario through the services, remembering the ids its later entries refer to."""

    def __init__(self, svc: Services, scenario: Scenario):
        self.svc, self.scenario, self.story = svc, scenario, scenario.data
        self.subscriptions: dict[str, str] = {}
        self.galleries: dict[str, Gallery] = {}
        self.definitions: dict[str, Gallery] = {}
        self.resources: dict[str, str] = {}
        self.end = datetime.now(UTC)

    @contextmanager
    def entry(self, *path) -> Iterator[None]:
        """Refusals while one entry is told name the entry's place in the file."""
        try:
            yield
        except AzureError as error:
            raise AzureError(error.code, f"{self.scenario.where(path)}: {error.message}", error.status,
                             target=error.target) from None
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise AzureError(BAD_FILE, f"{self.scenario.where(path)}: this entry {_reason(error)}.") from None

    def items(self, section: str) -> Iterator[tuple[int | str, object]]:
        found = self.story.get(section) or ()
        yield from (found.items() if isinstance(found, dict) else enumerate(found))

    def tell(self, now: datetime) -> None:
        """Every section in order, then the clock set as the scenario says (running from `now` by default)."""
        clock = self.story.get("clock") or {}
        with self.entry("clock"):
            self.end = parse_date(str(clock["now"]), now, "clock.now") if "now" in clock else now
            speed, paused = float(clock.get("speed", 1.0)), bool(clock.get("paused", False))
            while_closed = clock.get("while_closed", "runs")
            while_closed = rules.enum_value("clock.while_closed", while_closed, WHILE_CLOSED_VALUES)
        self.svc.reset_clock(self.end - timedelta(days=HISTORY_DAYS), speed=1.0, paused=True)
        self._subscriptions()
        self._catalog()
        self._resources()
        for i, version in self.items("versions"):
            with self.entry("versions", i):
                self._version(version)
        self._people()
        self.svc.reset_clock(self.end, speed=speed, paused=paused)
        if while_closed == "stops":
            with self.svc.write() as tx:
                tx.apply(plan(setting_insert(WHILE_CLOSED, while_closed)))

    def _subscriptions(self) -> None:
        """An entry without an `id` is the database's default subscription (renamed); the default stays."""
        svc = self.svc
        default = next(s for s in svc.list_subscriptions() if s.is_default)
        for alias, sub in self.items("subscriptions"):
            with self.entry("subscriptions", alias):
                regions = tuple(sub.get("allowed_regions", ()))
                self.subscriptions[alias] = svc.add_subscription(sub.get("id", default.id), sub["name"],
                                                                 allowed_regions=regions).id
        svc.set_default_subscription(default.id)
        for i, group in self.items("resource_groups"):
            with self.entry("resource_groups", i):
                sub = self._subscription(group["subscription"])
                svc.create_resource_group(group["name"], group["location"], sub, group.get("tags", {}))

    def _subscription(self, alias: str) -> str:
        if alias not in self.subscriptions:
            raise ValueError(f"names subscription `{alias}`, which the subscriptions section does not have")
        return self.subscriptions[alias]

    def _catalog(self) -> None:
        for i, entry in self.items("galleries"):
            with self.entry("galleries", i):
                gallery = Gallery(**{**entry, "subscription": self._subscription(entry["subscription"])})
                self.svc.create_gallery(gallery)
                self.galleries[gallery.name] = gallery
        for i, entry in self.items("definitions"):
            with self.entry("definitions", i):
                gallery = self._named(self.galleries, entry["gallery"], "gallery")
                fields = {**entry, "disallowed_disk_types": tuple(entry.get("disallowed_disk_types", ()))}
                self.svc.create_definition(
                    ImageDefinition(gallery.subscription, gallery.resource_group, location=gallery.location, **fields)
                )
                self.definitions[entry["name"]] = gallery

    @staticmethod
    def _named(found: dict, name: str, what: str):
        if name not in found:
            raise ValueError(f"names {what} `{name}`, which the scenario does not create before it")
        return found[name]

    def _resources(self) -> None:
        for section, create in (("sources", self.svc.create_source),
                                ("disk_encryption_sets", self.svc.create_disk_encryption_set)):
            for i, entry in self.items(section):
                with self.entry(section, i):
                    fields = {**entry, "subscription": self._subscription(entry["subscription"])}
                    self.resources[entry["name"]] = create(**fields).id

    def _version(self, entry: dict) -> None:
        """Publish one version at its moment, with its regions' outages in force while it is created."""
        if "day" in entry:
            moment = self.end - timedelta(days=HISTORY_DAYS) + timedelta(days=entry["day"])
        else:
            moment = self.end - timedelta(**entry.get("before_end", {}))
        self.svc.reset_clock(moment, paused=True)
        if "outages" in entry:
            self.svc.set_faults(outages=tuple(entry["outages"]))
        self.svc.create_version(self._image_version(entry))
        if "outages" in entry:
            self.svc.set_faults()

    def _image_version(self, entry: dict) -> ImageVersion:
        gallery = self._named(self.definitions, entry["definition"], "definition")
        data_sources = entry.get("data_sources", {}).items()
        data = tuple(DiskImage(0, 0, lun, None, self._resource(name)) for lun, name in data_sources)
        options = {key: entry[key] for key in ("storage_account_type", "exclude_from_latest", "replica_count", "tags")
                   if key in entry}
        if "end_of_life_days" in entry:
            options["end_of_life_date"] = self.end + timedelta(days=entry["end_of_life_days"])
        return ImageVersion(
            gallery.subscription,
            gallery.resource_group,
            gallery.name,
            entry["definition"],
            str(entry["name"]),
            gallery.location,
            DiskImage(0, 0, None, None, self._resource(entry.get("os_source"))),
            data,
            self._resource(entry.get("source")),
            tuple(self._region(region) for region in entry.get("regions", ({"name": gallery.location},))),
            **options,
        )

    def _resource(self, name: str | None) -> str | None:
        return self._named(self.resources, name, "source or disk encryption set") if name else None

    def _region(self, entry: dict) -> TargetRegion:
        fields = dict(entry)
        if "encryption" in entry:
            keys = entry["encryption"]
            data = tuple((lun, self._resource(name)) for lun, name in keys.get("data", {}).items())
            fields["encryption"] = Encryption(self._resource(keys.get("os")), data)
        return TargetRegion(**fields)

    def _people(self) -> None:
        svc = self.svc
        for i, tenant in self.items("tenants"):
            with self.entry("tenants", i):
                svc.add_tenant(tenant["id"], tenant["name"], tenant["domain"])
        for i, entry in self.items("principals"):
            with self.entry("principals", i):
                fields = {key: value for key, value in entry.items() if key != "member_of"}
                principal = svc.create_principal(**fields)
                if "member_of" in entry:
                    svc.add_group_member(entry["member_of"], principal.id)
        for i, entry in self.items("role_assignments"):
            with self.entry("role_assignments", i):
                svc.create_role_assignment(entry["principal"], entry["role"], self._scope(entry))

    def _scope(self, entry: dict) -> str:
        """A role's scope: `scope` (an ARM id), or a gallery by name with an optional `path` below it."""
        if "scope" in entry:
            return entry["scope"]
        gallery = self._named(self.galleries, entry["gallery"], "gallery")
        return f"{gallery.id}{entry.get('path', '')}"
