"""`s`: who has which role on a gallery, definition or version; add an assignment or remove a direct one. On a
gallery it also says whom the gallery is shared with directly; `w` lists what is shared with this subscription."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Footer, Select, Static

from ...domain.access import ROLES, VERSION_SCOPE_WARNING, Principal, covers
from ...domain.ids import parse_arm_id
from ...domain.wording import KIND_LABELS, counted
from ..messages import AssignmentsListed
from ..threads import run_in_thread
from .confirm import ConfirmScreen
from .shared_with_me import SharedWithMeScreen

SCOPE_NAMES = {"galleries": "gallery", "images": "definition", "versions": "version"}


@dataclass(frozen=True, slots=True)
class ShareTarget:
    kind: str
    name: str
    arm_id: str


@dataclass(frozen=True, slots=True)
class AssignmentRow:
    """One role assignment that applies to the target: given on it (direct) or on a parent (inherited)."""

    principal_id: str
    principal: str
    principal_type: str
    role: str
    scope: str
    direct: bool

    @property
    def key(self) -> str:
        return f"{self.principal_id}|{self.role}|{self.scope}"


def scope_label(scope: str) -> str:
    """`subscription 6a3c8e2f…`, `resource group rg-images`, `gallery ContosoImages`, `definition ubuntu-web`…"""
    parsed = parse_arm_id(scope)
    if parsed.path:
        rtype, name = parsed.path[-1]
        return f"{SCOPE_NAMES.get(rtype.lower(), rtype)} {name}"
    if parsed.resource_group:
        return f"resource group {parsed.resource_group}"
    return f"subscription {parsed.subscription[:8]}…"


def applying(assignments: list[dict], scope: str) -> tuple[list[AssignmentRow], int]:
    """The assignments at or above `scope`, broadest scope first; and how many sit on resources below it."""
    rows = [
        AssignmentRow(
            a["principalId"],
            a.get("principalName") or a["principalId"],
            a.get("principalType") or "Unknown",
            a["roleDefinitionName"],
            a["scope"],
            a["scope"].rstrip("/").lower() == scope.rstrip("/").lower(),
        )
        for a in assignments
        if covers(a["scope"], scope)
    ]
    below = sum(1 for a in assignments if not covers(a["scope"], scope))
    return sorted(rows, key=lambda r: (len(r.scope), ROLES.index(r.role), r.principal.lower())), below


@dataclass(frozen=True)
class ShareAccess:
    """How the dialog reads and changes role assignments; each call runs on the dialog's thread worker."""

    services: Callable[[], Any]

    def list(self, scope: str, note: str = "", warning: str | None = None) -> AssignmentsListed:
        services = self.services()
        assignments, principals = services.list_role_assignments(scope), services.list_principals()
        return AssignmentsListed(assignments, principals, note, warning, self.direct(services, scope))

    @staticmethod
    def direct(services, scope: str) -> str:
        """A gallery's direct sharing in words; "" for a definition or version."""
        parsed = parse_arm_id(scope)
        if parsed.kind != "galleries":
            return ""
        gallery = services.get_gallery(parsed.subscription, parsed.resource_group, parsed.name)
        return direct_sharing_text(gallery.sharing, gallery.shared_with)

    def shared_with_me(self) -> list[dict]:
        return self.services().shared_with_me()

    def add(self, principal_id: str, role: str, scope: str) -> AssignmentsListed:
        body, warning = self.services().create_role_assignment(principal_id, role, scope)
        note = f"{body['roleDefinitionName']} given to {body['principalName']} on {scope_label(scope)}"
        return self.list(scope, note, warning)

    def remove(self, row: AssignmentRow, scope: str) -> AssignmentsListed:
        self.services().delete_role_assignments([(row.principal_id, row.role, row.scope)])
        return self.list(scope, f"{row.role} removed from {row.principal} on {scope_label(scope)}")


def direct_sharing_text(permissions: str | None, shared_with: tuple[tuple[str, str], ...]) -> str:
    """`Direct sharing: 2 subscriptions, 1 tenant (sig share add|remove|reset)`, or why there is none."""
    if permissions != "Groups":
        return "Direct sharing: off (RBAC only)"
    subscriptions = sum(1 for kind, _ in shared_with if kind == "Subscriptions")
    tenants = len(shared_with) - subscriptions
    if not shared_with:
        return "Direct sharing: on, shared with no one yet (sig share add)"
    return (f"Direct sharing: {counted(subscriptions, 'subscription')}, {counted(tenants, 'tenant')} "
            "(sig share add|remove|reset)")


def principal_option(principal: Principal) -> tuple[str, str]:
    detail = principal.user_principal_name or principal.kind
    return f"{principal.display_name} ({detail})", principal.id


class ShareScreen(ModalScreen[bool]):
    """The assignments on one resource; it reads and writes through `access` on its own thread worker and
    dismisses with whether anything changed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add assignment", id="share.add"),
        Binding("d,delete", "remove", "Remove", id="share.remove"),
        Binding("w", "shared_with_me", "Shared with me", id="share.shared-with-me"),
        Binding("escape", "close", "Close", id="share.close"),
    ]

    def __init__(self, target: ShareTarget, access: ShareAccess) -> None:
        super().__init__()
        self.target = target
        self.access = access
        self.changed = False
        self.rows: list[AssignmentRow] = []
        self.table: DataTable = DataTable(id="share-table", cursor_type="row")
        self.note = Static("Loading role assignments…", id="share-note")
        self.principal: Select[str] = Select([], prompt="Principal…", id="share-principal")
        self.role: Select[str] = Select([(r, r) for r in ROLES], value="Reader", allow_blank=False, id="share-role")

    def compose(self) -> ComposeResult:
        target = self.target
        with Vertical(id="share-dialog"):
            yield Static(f"Access control · {KIND_LABELS[target.kind]} {target.name}", id="share-title")
            yield Static(target.arm_id, id="share-scope", markup=False)
            yield self.table
            yield self.note
            if target.kind == "gallery":
                yield Static("", id="share-direct")
            if target.kind == "version":
                yield Static(f"⚠ {VERSION_SCOPE_WARNING}", id="share-warning")
            yield Static(f"Add a role assignment on this {KIND_LABELS[target.kind]}:", id="share-add-label")
            with Horizontal(id="share-add"):
                yield self.principal
                yield self.role
                yield Button("Add", variant="primary", id="share-add-button")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.table.add_columns("Role", "Principal", "Type", "Scope", "Applies")
        self.table.focus()
        self.run(lambda: self.access.list(self.target.arm_id), "assignments")

    def run(self, job: Callable[[], AssignmentsListed], group: str = "write") -> None:
        """Read or write on a thread worker that posts what it found."""
        run_in_thread(self, group, job)

    def on_assignments_listed(self, message: AssignmentsListed) -> None:
        self.show_assignments(message.assignments, message.principals)
        if message.direct:
            self.query_one("#share-direct", Static).update(message.direct)
        if message.note:
            self.changed = True
            self.notify(message.note, timeout=3)
        if message.warning:
            self.notify(message.warning, title="Version scope", severity="warning", timeout=8)

    def show_assignments(self, assignments: list[dict], principals: list[Principal]) -> None:
        """Fresh assignments and principals."""
        self.rows, below = applying(assignments, self.target.arm_id)
        table = self.table
        table.clear()
        for row in self.rows:
            applies = Text("direct", "bold") if row.direct else Text("inherited", "dim")
            table.add_row(row.role, row.principal, row.principal_type, scope_label(row.scope), applies, key=row.key)
        count = len(self.rows)
        text = f"{count} role assignment{'s apply' if count != 1 else ' applies'} here"
        if below:
            text += f" · {below} more on resources below"
        self.note.update(Text(text + " · inherited ones are removed where they were given", "dim"))
        chosen = self.principal.value
        self.principal.set_options(principal_option(p) for p in principals)
        if chosen is not Select.NULL and any(p.id == chosen for p in principals):
            self.principal.value = chosen

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "share-add-button":
            event.stop()
            self._add()

    def action_add(self) -> None:
        if self.focused is self.table:
            self.principal.focus()
        else:
            self._add()

    def _add(self) -> None:
        principal = self.principal.value
        if principal is Select.NULL:
            self.notify("Choose a principal first.", severity="warning")
            self.principal.focus()
            return
        role, scope = str(self.role.value), self.target.arm_id
        self.run(lambda: self.access.add(str(principal), role, scope))

    def action_remove(self) -> None:
        if not self.rows:
            self.notify("No role assignment to remove.")
            return
        row = self.rows[self.table.cursor_row]
        if not row.direct:
            self.notify(f"Inherited from {scope_label(row.scope)}: remove it there.", severity="warning")
            return
        question = f"Remove {row.role} for {row.principal} on {KIND_LABELS[self.target.kind]} {self.target.name}?"
        scope = self.target.arm_id

        def answered(yes: bool | None) -> None:
            if yes:
                self.run(lambda: self.access.remove(row, scope))

        self.app.push_screen(ConfirmScreen(question), answered)

    def action_shared_with_me(self) -> None:
        self.app.push_screen(SharedWithMeScreen(self.access.shared_with_me))

    def action_close(self) -> None:
        self.dismiss(self.changed)
