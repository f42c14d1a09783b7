"""Create a VM or scale set from a gallery image: Basics, then Review + create, like the portal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, ContentSwitcher, Footer, Static

from ....domain.errors import AzureError
from ....domain.models import ImageVersion
from ....domain.vm import VmRequest
from ....domain.vm_choices import replicas_patch, watch_deadline
from ....domain.vm_plan import VmPlan
from ....domain.wording import counted
from ...messages import (
    EncryptionSetsLoaded,
    ImageLoaded,
    RegionChosen,
    ReplicasRaised,
    VmCreated,
    VmPlanned,
    VmRefused,
)
from ...threads import run_in_thread
from ...widgets.form_kit import field_values
from ..confirm import ConfirmScreen
from .basics import BasicsForm
from .review import ReviewPage
from .target import CreatedVm, VmTarget

TWO_COLUMNS = 100
"""Terminals at least this wide show the Basics page in two columns; narrower ones in one scrolling column."""
REFRESH_SECONDS = 1.0
"""While something the dialog depends on replicates, re-resolve the image this often (real seconds)."""


class CreateVmDialog(ModalScreen[CreatedVm | None]):
    """Reads run on the dialog's own thread workers through `services`, posting events here; only `create`
    writes (and the replica advisor, which tells `replicas_changed`). `clock` is the workbench's live clock."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="vm-dialog.cancel"),
        Binding("ctrl+r", "review", "Review + create", id="vm-dialog.review"),
        Binding("b,alt+left", "back", "Back to basics", id="vm-dialog.back"),
        Binding("ctrl+s", "create", "Create", id="vm-dialog.create"),
    ]
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (TWO_COLUMNS, "-wide")]

    def __init__(
        self, target: VmTarget, services: Callable[[], Any], clock: Any, replicas_changed: Callable[[int, str], None]
    ) -> None:
        super().__init__()
        self.target = target
        self.services = services
        self.clock = clock
        self.replicas_changed = replicas_changed
        self.form: BasicsForm | None = None
        self.plan: VmPlan | None = None
        self.page = "loading"
        self.busy = False
        self._reading = False
        self._basics_focus: Widget | None = None
        self._pristine: tuple = ()
        self._poll: Timer | None = None
        self._wake: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="vm-dialog"):
            yield Static(f"Create a virtual machine · {self.target.title}", id="vm-title")
            with ContentSwitcher(initial="vm-loading", id="vm-pages"):
                yield Static("Loading the image…", id="vm-loading")
                yield ReviewPage(id="vm-review")
            with Horizontal(id="vm-buttons"):
                yield Button("Review + create", variant="primary", id="vm-review-button", compact=True)
                yield Button("Create", variant="success", id="vm-create-button", compact=True)
                yield Button("Back", id="vm-back-button", compact=True)
                yield Button("Cancel", id="vm-cancel-button", compact=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._show_page("loading")
        self.refresh_image()

    def on_unmount(self) -> None:
        self._stop_watching()

    # Pages

    def _show_page(self, page: str) -> None:
        self.page = page
        self.query_one(ContentSwitcher).current = f"vm-{page}"
        shown = {"basics": {"review"}, "review": {"create", "back"}, "loading": set()}[page]
        for name in ("review", "create", "back"):
            self.query_one(f"#vm-{name}-button").display = name in shown
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "review":
            return self.page == "basics"
        if action == "back":
            return self.page == "review"
        if action == "create":
            return self.page == "review" and self.plan is not None
        return True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        actions = {
            "vm-review-button": self.action_review,
            "vm-create-button": self.action_create,
            "vm-back-button": self.action_back,
            "vm-cancel-button": self.action_cancel,
            "vm-raise": self.action_raise_replicas,
        }
        actions[event.button.id]()

    def action_cancel(self) -> None:
        """On the review page, back to the form (nothing typed is lost); on the form, close the dialog, after
        asking when something was typed or chosen."""
        if self.page == "review":
            self.action_back()
            return
        if self.form is None or field_values(self.form) == self._pristine:
            self.dismiss(None)
            return
        question = ConfirmScreen("Discard changes?", ["What you typed or chose in this dialog is lost."], "Discard")
        self.app.push_screen(question, lambda yes: yes and self.dismiss(None))

    def action_review(self) -> None:
        if self.form is None or self.page != "basics":
            return
        self._planned(None)
        self._basics_focus = self.focused
        self.query_one(ReviewPage).show_pending()
        self._show_page("review")
        self.query_one("#vm-back-button").focus()
        self.review(self.form.request())

    def action_back(self) -> None:
        """Back to Basics, where the cursor was."""
        if self.page == "review":
            self._show_page("basics")
            (self._basics_focus or self.query_one("#vm-name")).focus()

    def action_create(self) -> None:
        if self.page != "review" or self.form is None or self.busy:
            return
        if self.plan is None:
            return
        self.busy = True
        self.create(self.plan.request, self.form.new_resource_group)

    def action_raise_replicas(self) -> None:
        form = self.form
        advice = form.advice() if form else None
        if form is None or advice is None or advice.enough or form.resolved is None:
            return
        self.raise_replicas(form.resolved, form.location, advice.needed)

    # Workers: they read (and, for create and the advisor, write) through the services, and post events

    def load_image(self) -> None:
        run_in_thread(self, "vm-image", lambda: image_loaded(self.services(), self.target))

    def load_encryption_sets(self, location: str) -> None:
        sets = self.services
        run_in_thread(
            self, "vm-sets", lambda: EncryptionSetsLoaded(location, sets().list_disk_encryption_sets(location))
        )

    def review(self, request: VmRequest) -> None:
        run_in_thread(self, "vm-plan", lambda: planned(self.services(), self.target, request))

    def create(self, request: VmRequest, new_resource_group: bool) -> None:
        run_in_thread(self, "write", lambda: created(self.services(), self.target, request, new_resource_group))

    def raise_replicas(self, version: ImageVersion, region: str, count: int) -> None:
        run_in_thread(self, "write", lambda: replicas_raised(self.services(), version, region, count))

    # Events

    async def on_image_loaded(self, event: ImageLoaded) -> None:
        self._reading = False
        if self.form is None:
            self.form = BasicsForm(self.target, event.definition, event.resource_groups, self.clock.now, id="vm-basics")
            await self.query_one(ContentSwitcher).mount(self.form)
            self.call_after_refresh(self._first_show, event)
        else:
            self.form.show_image(event.versions, event.regions)
            if self.page == "review" and not self.busy:
                self.review(self.form.request())
        self._watch(event)

    def _first_show(self, event: ImageLoaded) -> None:
        self.form.show_image(event.versions, event.regions)
        self._pristine = field_values(self.form)
        self._show_page("basics")
        self.query_one("#vm-name").focus()

    def on_region_chosen(self, event: RegionChosen) -> None:
        self.load_encryption_sets(event.region)

    def on_encryption_sets_loaded(self, event: EncryptionSetsLoaded) -> None:
        if self.form is not None:
            self.form.show_encryption_sets(event.location, event.sets)

    def _planned(self, plan: VmPlan | None) -> None:
        """Create is possible only after a review passed."""
        self.plan = plan
        self.query_one("#vm-create-button").disabled = plan is None
        self.refresh_bindings()

    def on_vm_planned(self, event: VmPlanned) -> None:
        self._planned(event.plan)
        self.query_one(ReviewPage).show_plan(event.plan)
        if self.page == "review":
            self.query_one("#vm-create-button").focus()

    def on_vm_refused(self, event: VmRefused) -> None:
        self.busy = False
        self._planned(None)
        self.query_one(ReviewPage).show_error(event.error, event.creating)
        self._show_page("review")

    def on_vm_created(self, event: VmCreated) -> None:
        self.dismiss(event.created)

    def on_replicas_raised(self, event: ReplicasRaised) -> None:
        held = counted(event.count, "replica")
        self.notify(f"{event.version}: {event.region} now holds {held}; replicating the new ones.")
        self.replicas_changed(self.target.definition_pk, event.version)
        self.refresh_image()

    # Live re-resolution

    def _watch(self, event: ImageLoaded) -> None:
        """Re-resolve while a job of this image runs, and once at its next change; sleep when all is settled."""
        clock = self.clock.state
        now = self.clock.now()
        jobs = [t.job for v in event.versions for t in v.target_regions]
        replicating, deadline = watch_deadline(jobs, now)
        self._stop_watching()
        if clock is None or clock.paused:
            return
        if replicating:
            self._poll = self.set_timer(REFRESH_SECONDS, self.refresh_image)
        elif deadline is not None:
            self._wake = self.set_timer(max(0.05, (deadline - now).total_seconds() / clock.speed), self.refresh_image)

    def _stop_watching(self) -> None:
        for timer in (self._poll, self._wake):
            if timer is not None:
                timer.stop()
        self._poll = self._wake = None

    @property
    def watching(self) -> bool:
        """Whether a timer will re-resolve the image (something it depends on is replicating or about to)."""
        return self._poll is not None or self._wake is not None

    def refresh_image(self) -> None:
        """Read the image's regions again (`latest` may resolve differently now); one read at a time."""
        self._poll = self._wake = None
        if not self._reading:
            self._reading = True
            self.load_image()


# What the workers do, through the services


def image_loaded(services, t: VmTarget) -> ImageLoaded:
    definition = services.get_definition(t.subscription, t.resource_group, t.gallery, t.definition)
    versions = services.list_versions(t.subscription, t.resource_group, t.gallery, t.definition)
    regions = services.image_regions(t.image_id)
    groups = [g.name for g in services.list_resource_groups(t.subscription)]
    return ImageLoaded(definition, versions, regions, groups)


def planned(services, t: VmTarget, request: VmRequest) -> VmPlanned | VmRefused:
    try:
        return VmPlanned(services.plan_vm(t.image_id, request, t.subscription))
    except AzureError as error:
        return VmRefused(error)


def created(services, t: VmTarget, request: VmRequest, new_resource_group: bool) -> VmCreated | VmRefused:
    try:
        body, plan = services.create_vm(t.image_id, request, t.subscription, new_resource_group)
    except AzureError as error:
        return VmRefused(error, creating=True)
    return VmCreated(CreatedVm(body, plan))


def replicas_raised(services, version: ImageVersion, region: str, count: int) -> ReplicasRaised:
    patch = replicas_patch(version, region, count, services.now())
    services.update_version(
        version.subscription, version.resource_group, version.gallery, version.definition, version.name, patch
    )
    return ReplicasRaised(region, count, version.name)
