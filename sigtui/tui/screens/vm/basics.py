"""The Basics page: the portal's fields, each checked as you type by the domain's own rules."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, OptionList, RadioButton, RadioSet, Select, Static
from textual.widgets.option_list import Option

from ....domain import vm
from ....domain.errors import AzureError
from ....domain.models import DiskEncryptionSet, ImageDefinition, ImageVersion
from ....domain.reference_data import find_region, find_vm_size
from ....domain.vm_choices import default_disk_type, default_size, scaling_advice_for
from ...messages import RegionChosen
from ...widgets.form_kit import DomainCheck, FormField, refusal_of
from .choices import (
    AUTH,
    AVAILABILITY,
    ENCRYPTION,
    ENCRYPTION_SET_TYPES,
    PORTS,
    SPECIALIZED,
    disk_options,
    region_prompt,
    size_options,
)
from .target import RegionChoice, VmTarget

CHANGED = ("changed",)
"""Check as you type; leaving an empty field is not an error yet (Review + create says what is missing)."""


class BasicsForm(Horizontal):
    """Two columns: where and what (kind, group, name, region, image) and how (size, disk, account, ports, keys)."""

    def __init__(
        self,
        target: VmTarget,
        definition: ImageDefinition,
        resource_groups: list[str],
        now: Callable[[], datetime],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.target = target
        self.definition = definition
        self.resource_groups = resource_groups
        self.now = now
        self.versions: list[ImageVersion] = []
        self.regions: list[RegionChoice] = []
        self.location: str | None = None
        self.encryption_sets: list[DiskEncryptionSet] = []
        self._offered_sets: list[str] = []

    # Layout

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="vm-left", classes="vm-column"):
            yield from self._where_and_what()
        with VerticalScroll(id="vm-right", classes="vm-column"):
            yield from self._how()

    def _where_and_what(self) -> ComposeResult:
        """Kind, count, resource group, name, region, availability and the image."""
        os_type = self.definition.os_type
        kinds = RadioSet(
            RadioButton("VM", value=True, id="vm-kind-vm"),
            RadioButton("Scale set", id="vm-kind-vmss"),
            id="vm-kind",
            compact=True,
        )
        yield FormField("Create", kinds, id="row-kind", dense=True)
        yield FormField(
            "VMs at once", Input("1", type="integer", id="vm-count", compact=True), id="row-count", dense=True
        )
        rg = Input(
            self.target.resource_group,
            placeholder="existing or new resource group",
            suggester=SuggestFromList(self.resource_groups, case_sensitive=False),
            id="vm-rg",
            compact=True,
        )
        yield FormField("Resource group", rg, id="row-rg", dense=True)
        name_check = DomainCheck(lambda value: vm.check_vm_name(value, os_type))
        name = Input(placeholder="myVM", validators=[name_check], validate_on=CHANGED, id="vm-name", compact=True)
        yield FormField("Name", name, id="row-name", dense=True)
        yield FormField("Region", OptionList(id="vm-region", compact=True), id="row-region", stacked=True, dense=True)
        availability = Select(AVAILABILITY, value="none", allow_blank=False, id="vm-availability", compact=True)
        self.zones_offered = len(AVAILABILITY)
        yield FormField("Availability", availability, id="row-availability", dense=True)
        yield FormField("Image", Static("", id="vm-image"), id="row-image", stacked=True, dense=True)

    def _how(self) -> ComposeResult:
        """Size, disk, administrator account, ports, encryption and the replica advice."""
        d = self.definition
        os_type = d.os_type
        size = default_size(d)
        yield FormField(
            "Size",
            Select(size_options(d), value=size, allow_blank=False, id="vm-size", compact=True),
            id="row-size",
            dense=True,
        )
        disk_type = default_disk_type(d, find_vm_size(size))
        disk = Select(disk_options(d), value=disk_type, allow_blank=False, id="vm-disk", compact=True)
        yield FormField("OS disk type", disk, id="row-disk", dense=True)
        yield Static("Administrator account", id="vm-account", classes="form-heading")
        auth = AUTH.get(os_type, AUTH["Windows"])
        auth_select = Select(auth, value=auth[0][1], allow_blank=False, id="vm-auth", compact=True)
        yield FormField("Authentication", auth_select, id="row-auth", dense=True)
        username = Input(
            "" if d.os_state == "Specialized" else "azureuser",
            validators=[DomainCheck(lambda value: vm.check_username(value, os_type))],
            validate_on=CHANGED,
            id="vm-username",
            compact=True,
        )
        yield FormField("Username", username, id="row-username", dense=True)
        password = Input(
            password=True,
            validators=[DomainCheck(lambda value: vm.check_password(value, os_type))],
            validate_on=CHANGED,
            id="vm-password",
            compact=True,
        )
        yield FormField("Password", password, id="row-password", dense=True)
        ssh = Input(
            placeholder="ssh-ed25519 AAAA… or ssh-rsa AAAA…",
            validators=[DomainCheck(vm.check_ssh_key)],
            validate_on=CHANGED,
            id="vm-ssh",
            compact=True,
        )
        yield FormField("SSH public key", ssh, id="row-ssh", dense=True)
        ports = Select(PORTS, value="NONE", allow_blank=False, id="vm-ports", compact=True)
        yield FormField("Inbound ports", ports, id="row-ports", dense=True)
        encryption = Select(ENCRYPTION, value="platform", allow_blank=False, id="vm-encryption", compact=True)
        yield FormField("Encryption", encryption, id="row-encryption", dense=True)
        sets = Select([], prompt="no set needed", id="vm-des", disabled=True, compact=True)
        yield FormField("Encryption set", sets, id="row-des", dense=True)
        yield FormField("Replicas", Static("", id="vm-advice"), id="row-advice", dense=True)
        yield Button("Raise replicas", id="vm-raise", compact=True)

    def on_mount(self) -> None:
        self.query_one("#vm-raise").display = False
        self._show_account()
        self._check_size()
        self._check_rg()

    def row(self, name: str) -> FormField:
        return self.query_one(f"#row-{name}", FormField)

    def value(self, name: str) -> str:
        widget = self.query_one(f"#vm-{name}")
        value = widget.value
        return "" if value is Select.NULL or value is None else str(value)

    # The image: regions and what `latest` resolves to

    def show_image(self, versions: list[ImageVersion], regions: list[RegionChoice]) -> None:
        """New facts about the image (first load, or replication moved on): redraw regions, image and advice."""
        self.versions = versions
        self.regions = regions
        names = [r for r, _, _ in regions]
        if self.location not in names:
            available = [r for r, version, _ in regions if version is not None]
            preferred = self.definition.location if self.definition.location in available else None
            self.location = preferred or (available or names or [None])[0]
        options = self.query_one("#vm-region", OptionList)
        if [o.id for o in options.options] == names:
            for choice in regions:
                options.replace_option_prompt(choice[0], region_prompt(choice))
        else:
            options.clear_options()
            options.add_options([Option(region_prompt(choice), id=choice[0]) for choice in regions])
            if self.location is not None:
                options.highlighted = names.index(self.location)
        self._region_changed()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_id and event.option_id != self.location:
            self.location = event.option_id
            self._region_changed()

    def _region_changed(self) -> None:
        self._offer_zones()
        self._show_resolution()
        self._check_placement()
        self._check_rg()
        self._show_advice()
        if self.location is not None:
            self.post_message(RegionChosen(self.location))

    def _offer_zones(self) -> None:
        """Availability zones only where the region has them."""
        region = find_region(self.location or "")
        options = AVAILABILITY if region is not None and region.availability_zones else AVAILABILITY[:1]
        select = self.query_one("#vm-availability", Select)
        if self.zones_offered != len(options):
            self.zones_offered = len(options)
            select.set_options(options)

    @property
    def choice(self) -> RegionChoice | None:
        return next((c for c in self.regions if c[0] == self.location), None)

    @property
    def resolved(self) -> ImageVersion | None:
        choice = self.choice
        name = choice[1] if choice else None
        return next((v for v in self.versions if v.name == name), None)

    def _show_resolution(self) -> None:
        image, row, choice = self.query_one("#vm-image", Static), self.row("image"), self.choice
        pinned = self.target.pinned
        if choice is None:
            image.update(Text(pinned or "latest", "bold"))
            row.say("The image has no target regions, so no VM can be created from it.")
            return
        region, version, why = choice
        why = why.replace("; ", "\n")
        text = Text(f"{pinned} (pinned version)" if pinned else "latest", "bold")
        if version is None:
            image.update(text)
            row.say(why)
            return
        if not pinned:
            text.append(f" → {version} in {region}", "bold")
        image.update(text)
        resolved = self.resolved
        if resolved is not None and resolved.end_of_life_date is not None and resolved.end_of_life_date <= self.now():
            eol = f"{resolved.end_of_life_date:%Y-%m-%d}"
            row.say(f"{why}\n{version} is past its end-of-life date ({eol}); allowed, with this warning.", "warning")
        else:
            row.say(why if pinned is None else "", "note")

    # As-you-type checks

    def on_input_changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("vm-")
        if name == "rg":
            self._check_rg()
        elif name == "count":
            self._check_count()
            self._show_advice()
        elif event.validation_result is not None:
            failures = event.validation_result.failure_descriptions
            self.row(name).say(failures[0] if failures and event.value else "")

    def on_select_changed(self, event: Select.Changed) -> None:
        name = (event.select.id or "").removeprefix("vm-")
        if name in ("size", "disk"):
            self._check_size()
        elif name == "availability":
            self._check_placement()
        elif name == "auth":
            self._show_account()
        elif name == "encryption":
            self._show_encryption_sets()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        scale_set = self.scale_set
        self.row("count").query_one(".field-label").update("Instances" if scale_set else "VMs at once")
        self._check_count()
        self._show_advice()

    @property
    def scale_set(self) -> bool:
        return self.query_one("#vm-kind-vmss", RadioButton).value

    def _count(self) -> int | None:
        try:
            return int(self.value("count"))
        except ValueError:
            return None

    def _check_count(self) -> None:
        count = self._count()
        if count is None or count < 1:
            self.row("count").say("Enter a whole number of 1 or more.")
        elif self.scale_set:
            self.row("count").say(refusal_of(lambda: vm.check_instance_count(count)))
        else:
            self.row("count").say("")

    def _check_rg(self) -> None:
        name = self.value("rg")
        if not name:
            self.row("rg").say("Choose a resource group or type a new name.")
        elif name.lower() in {g.lower() for g in self.resource_groups}:
            self.row("rg").say("")
        else:
            self.row("rg").say(f"New: created in {self.location or 'the VM region'} with the VM.", "note")

    def _check_size(self) -> None:
        try:
            size, warnings = vm.check_size(self.value("size"), self.definition)
        except AzureError as error:
            self.row("size").say(error.message)
            self.row("disk").say("")
            return
        self.row("size").say("\n".join(warnings), "warning")
        self.row("disk").say(refusal_of(lambda: vm.check_os_disk(self.value("disk"), size, self.definition)))

    def _placement(self) -> tuple[str, str | None]:
        """The availability option and zone chosen."""
        zone = self.value("availability")
        return ("None", None) if zone == "none" else ("AvailabilityZone", zone)

    def _check_placement(self) -> None:
        availability, zone = self._placement()
        request = vm.VmRequest("", "", self.location or "", "", availability=availability, zone=zone)
        self.row("availability").say(refusal_of(lambda: vm.check_placement(request)) if self.location else "")

    def _show_account(self) -> None:
        specialized = self.definition.os_state == "Specialized"
        for name in ("auth", "username", "password", "ssh"):
            self.query_one(f"#vm-{name}").disabled = specialized
        ssh = self.value("auth") == "ssh"
        self.row("password").display = not ssh
        self.row("ssh").display = ssh
        heading = self.query_one("#vm-account", Static)
        heading.update(Text.assemble(("Administrator account", "bold"), f"\n{SPECIALIZED}" if specialized else ""))
        heading.set_class(specialized, "-specialized")

    # Encryption sets and scaling advice

    def show_encryption_sets(self, location: str, sets: list[DiskEncryptionSet]) -> None:
        if location == self.location:
            self.encryption_sets = [s for s in sets if s.subscription.lower() == self.target.subscription.lower()]
            self._show_encryption_sets()

    def _show_encryption_sets(self) -> None:
        kind = self.value("encryption")
        select = self.query_one("#vm-des", Select)
        wanted = ENCRYPTION_SET_TYPES.get(kind)
        sets = [s for s in self.encryption_sets if s.encryption_type == wanted]
        if self._offered_sets != [s.id for s in sets]:
            self._offered_sets = [s.id for s in sets]
            select.set_options([(s.name, s.id) for s in sets])
            if sets:
                select.value = sets[0].id
        select.disabled = wanted is None or not sets
        if wanted is not None and not sets:
            self.row("des").say(f"No disk encryption set of this type in {self.location}.")
        else:
            self.row("des").say("")
        select.prompt = "no set needed" if wanted is None else "none in this region"

    def advice(self) -> vm.ScalingAdvice | None:
        return scaling_advice_for(self.resolved, self.location, self._count(), self.scale_set)

    def _show_advice(self) -> None:
        advice, button = self.advice(), self.query_one("#vm-raise", Button)
        self.query_one("#vm-advice", Static).update(advice.reason if advice else "—")
        if advice is None:
            self.row("advice").say("")
        else:
            verdict = f"{advice.current} replica(s) of {self.resolved.name} in {self.location}"
            enough = "enough" if advice.enough else "too few"
            self.row("advice").say(f"{verdict}: {enough}.", "note" if advice.enough else "warning")
        button.display = advice is not None and not advice.enough
        if advice is not None and not advice.enough:
            button.label = f"Raise {self.location} replicas to {advice.needed}"

    def request(self) -> vm.VmRequest:
        """What the user asked for; the service checks all of it again."""
        generalized, ssh = self.definition.os_state != "Specialized", self.value("auth") == "ssh"
        count, (availability, zone) = self._count() or 0, self._placement()
        return vm.VmRequest(
            name=self.value("name").strip(),
            resource_group=self.value("rg").strip(),
            location=self.location or "",
            size=self.value("size"),
            os_disk_type=self.value("disk"),
            admin_username=(self.value("username") or None) if generalized else None,
            admin_password=(self.value("password") or None) if generalized and not ssh else None,
            ssh_key=(self.value("ssh") or None) if generalized and ssh else None,
            inbound_port=self.value("ports"),
            availability=availability,
            zone=zone,
            encryption=self.value("encryption"),
            disk_encryption_set=(self.value("des") or None) if self.value("encryption") != "platform" else None,
            instance_count=count if self.scale_set else None,
            concurrent=1 if self.scale_set else max(1, count),
        )

    @property
    def new_resource_group(self) -> bool:
        return self.value("rg").strip().lower() not in {g.lower() for g in self.resource_groups}
