"""The frame every create and edit dialog shares: it reads what it needs and writes on its own thread worker,
checks as you type, writes only when the whole form is valid, stays open and says why when the service refuses."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Footer, Input, Select, Static

from ....domain.equivalents import for_create, for_patch
from ....domain.errors import AzureError
from ....domain.quotas import warning_for
from ....domain.reference_data import find_region
from ....domain.wording import counted
from ...keys import FORM_BINDINGS
from ...messages import FormLoaded, FormRefused, FormSaved
from ...threads import run_in_thread
from ...widgets.form_kit import REFUSALS, FormField, refusal
from ..confirm import ConfirmScreen
from ..copy_as import CopyAsScreen
from .model import FieldPatch, FormContext, Outcome

Loader = Callable[[], FormContext]
"""Runs on the form's worker thread: reads what the form needs to know."""
Writer = Callable[[object], Outcome]
"""Runs on the form's worker thread: performs the request through the services and says what happened."""


class FormScreen(ModalScreen[Outcome | None]):
    """A dialog over a `FormContext` (loaded first, then the fields are composed); `build()` turns the fields into
    a request, or raises Azure's refusal."""

    BINDINGS: ClassVar[list[BindingType]] = FORM_BINDINGS
    EDITABLE: ClassVar[str] = ""
    """What an edit form may change (shown under its title); everything else is read-only."""
    SHORT: ClassVar[bool] = False
    """A dialog that fits without scrolling is only as tall as its fields."""
    QUOTA: ClassVar[str] = ""
    """The quota a create counts against: gallery, definition or version."""

    def __init__(self, loader: Loader, writer: Writer) -> None:
        super().__init__()
        self.loader = loader
        self.context: FormContext | None = None
        self.writer = writer
        self.status = Static("", id="form-status", markup=False)
        self.quota_note = Static("", id="form-quota", markup=False)
        self.quota_note.display = False
        self.saving = False
        self._pristine: tuple = ()

    @property
    def heading(self) -> str:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        if self.context is None:
            with Vertical(id="form-dialog", classes="-short"):
                yield Static("Loading…", id="form-title")
            return
        with Vertical(id="form-dialog", classes="-short" if self.SHORT else ""):
            yield Static(self.heading, id="form-title", markup=False)
            if self.context.editing:
                yield Static(f"Only {self.EDITABLE} can change after create.", id="form-note", markup=False)
            yield self.quota_note
            yield from self.compose_body()
            yield self.status
        yield Footer(compact=True)

    def compose_body(self) -> Iterable[Widget]:
        """The fields; by default one scrolling column."""
        with VerticalScroll(classes="form-body"):
            yield from self.fields()

    def fields(self) -> Iterable[Widget]:
        raise NotImplementedError

    def build(self) -> object | None:
        """The request the fields describe (None when an edit changes nothing); raises Azure's refusal."""
        raise NotImplementedError

    def refresh_derived(self) -> None:
        """Recompute what depends on several fields (hints, estimates); called after every change."""

    def on_mount(self) -> None:
        self._load()

    def _load(self) -> None:
        run_in_thread(self, "form", lambda: FormLoaded(self.loader()), exclusive=True)

    async def on_form_loaded(self, message: FormLoaded) -> None:
        self.context = message.context
        await self.recompose()
        self.refresh_derived()
        self.warn_of_quota()
        self.focus_first(self, empty=not self.context.editing)
        self.call_after_refresh(self._remember_pristine)

    def _values(self) -> tuple:
        """What the form's controls hold now."""
        controls = self.query("Input, Select, Checkbox, SelectionList, TextArea")
        return tuple(repr(getattr(w, "value", None) or getattr(w, "selected", None) or getattr(w, "text", None))
                     for w in controls)

    def _remember_pristine(self) -> None:
        self._pristine = self._values()

    @staticmethod
    def focus_first(container: Widget, empty: bool = True) -> None:
        """Focus the first text field (the first empty one with `empty`) that can change, else any control."""
        inputs = [w for w in container.query(Input) if w.focusable]
        others = [w for w in container.query("Select, Checkbox, SelectionList") if w.focusable]
        first = next((w for w in inputs if empty and not w.value), None) or next(iter(inputs + others), None)
        if first is not None:
            first.focus()

    # Checks as you type

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        field = self.field_of(event.input)
        if field is not None and event.validation_result is not None:
            field.show_result(event.value, event.validation_result)
        self._changed()

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        self.chosen(event.select, event.value)
        field = self.field_of(event.select)
        if field is not None and field.invalid:
            field.check()
        self._changed()

    def chosen(self, select: Select, value: object) -> None:
        """A choice changed, before the checks; a form whose other fields follow a choice reacts here."""

    def _changed(self) -> None:
        if self.is_mounted and self.context is not None:
            self.refresh_derived()
            self.warn_of_quota()
            if not self.saving:
                self.show_status("")

    def quota_subscription(self) -> str:
        """The subscription a create would count against."""
        return self.context.subscription.id

    def warn_of_quota(self) -> None:
        """Before a create: say so when the region typed has no room left for one more of this kind."""
        location = self.query("#f-location")
        typed = location.first(FormField).control.value if location and not self.context.editing else ""
        region = find_region(typed) if typed else None
        usage = self.context.usage
        warning = warning_for(self.QUOTA, self.quota_subscription(), region.name, usage) if region else None
        self.quota_note.update(warning or "")
        self.quota_note.display = warning is not None

    @staticmethod
    def field_of(widget: Widget) -> FormField | None:
        return next((a for a in widget.ancestors if isinstance(a, FormField)), None)

    def show_status(self, text: str, error: bool = False) -> None:
        self.status.update(text)
        self.status.set_class(error, "-error")

    # Saving

    def action_save(self) -> None:
        if self.saving or self.context is None:
            return
        fields = [f for f in self.query(FormField) if f.display and not f.control.disabled]
        invalid = [f for f in fields if not f.check()]
        request = None
        try:
            request = self.build()
        except REFUSALS as error:
            placed = self.place_error(error)
            invalid += [placed] if placed is not None and placed not in invalid else []
            if placed is None:
                self.show_status(refusal(error), error=True)
                return
        if invalid:
            self.show_status(f"Nothing was saved: fix the {counted(len(invalid), 'field')} marked in red.", True)
            self.reveal(invalid[0])
            return
        if request is None:
            self.notify("Nothing changed.", timeout=2)
            self.dismiss(None)
            return
        self.saving = True
        self.show_status("Saving…")
        self._save(request)

    def action_copy_as(self) -> None:
        """What the form would send, as az, az rest and curl requests; a form that is not valid yet says why."""
        if self.context is None:
            return
        try:
            request = self.build()
        except REFUSALS as error:
            self.show_status(f"Nothing to copy yet: {refusal(error)}", error=True)
            return
        if request is None:
            self.notify("Nothing changed, so there is no request to copy.", timeout=3)
            return
        if isinstance(request, FieldPatch):
            equivalent = for_patch(self.context.resource, request.after, request.summary)
        else:
            equivalent = for_create(request, self.context.now)
        self.app.push_screen(CopyAsScreen(equivalent))

    def error_field(self, error: BaseException) -> str | None:
        """The id of the field a refusal's target names (the most specific one), else None."""
        target = getattr(error, "target", None) or ""
        named = [(field.specificity(target), -i, field.id) for i, field in enumerate(self.query(FormField))]
        best = max(named, default=(0, 0, None))
        return best[2] if best[0] else None

    def place_error(self, error: BaseException) -> FormField | None:
        """Show a whole-form refusal under the field it is about; None when it is about no single field."""
        field_id = self.error_field(error)
        if field_id is None:
            return None
        field = self.query_one(f"#{field_id}", FormField)
        if not field.invalid:
            field.show_error(refusal(error))
        return field

    def reveal(self, field: FormField) -> None:
        """Bring a field into view (switching step when the form has steps) and focus its control."""
        field.control.focus()
        field.scroll_visible(animate=False)

    def _save(self, request: object) -> None:
        def save() -> FormSaved | FormRefused:
            try:
                return FormSaved(self.writer(request))
            except AzureError as error:
                return FormRefused(error)

        run_in_thread(self, "write", save, exclusive=True)

    def on_form_saved(self, message: FormSaved) -> None:
        self.dismiss(message.outcome)

    def on_form_refused(self, message: FormRefused) -> None:
        self.saving = False
        error = message.error
        placed = self.place_error(error)
        text = f"Nothing was saved. {error.code}: {error.message}" if placed is None else "Nothing was saved."
        self.show_status(text, error=True)
        if placed is not None:
            self.reveal(placed)

    def action_cancel(self) -> None:
        """Close the form; when something was typed or chosen, only after the operator agrees to lose it."""
        if self.context is None or self._values() == self._pristine:
            self.dismiss(None)
            return
        dialog = ConfirmScreen("Discard your changes?", ["What you typed in this form is lost."], "Discard")
        self.app.push_screen(dialog, lambda yes: yes and self.dismiss(None))
