"""`ctrl+u`: choose the identity the workbench acts as, from the directory's users and service principals."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...domain.access import Principal
from ..messages import PrincipalsListed
from ..threads import run_in_thread

SIGN_IN_KINDS = ("User", "ServicePrincipal")
"""Groups cannot act; their members can."""
NAME_WIDTH = 24
LOGIN_WIDTH = 40


def login(principal: Principal) -> str:
    """What `--as` takes for this principal: the user principal name, else the object id."""
    return principal.user_principal_name or principal.id


def principal_prompt(principal: Principal, current: bool) -> Text:
    """`● Dana Reader   dana@contoso.com   User`, the dot marking who the workbench acts as now."""
    return Text.assemble(
        ("● " if current else "  ", "bold green"),
        (principal.display_name.ljust(NAME_WIDTH), "bold"),
        " ",
        ((principal.user_principal_name or principal.id).ljust(LOGIN_WIDTH), "dim"),
        " ",
        (principal.kind, "italic"),
    )


class IdentityScreen(ModalScreen[Principal | None]):
    """Dismisses with the chosen principal, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="identity.cancel"),
    ]

    def __init__(self, load: Callable[[], list[Principal]], current: str) -> None:
        super().__init__()
        self.load = load
        self.principals: list[Principal] = []
        self.current = current.lower()

    def _is_current(self, principal: Principal) -> bool:
        return self.current in {principal.id.lower(), (principal.user_principal_name or "").lower()}

    def compose(self) -> ComposeResult:
        with Vertical(id="identity-dialog"):
            yield Static("Act as", id="identity-title")
            yield OptionList(id="identity-list")
            yield Static(
                "What you can see, change and share follows this identity's role assignments.  enter picks · esc",
                id="identity-hint",
            )

    def on_mount(self) -> None:
        run_in_thread(self, "principals", lambda: PrincipalsListed(self.load()), exclusive=True)

    def on_principals_listed(self, message: PrincipalsListed) -> None:
        chosen = [p for p in message.principals if p.kind in SIGN_IN_KINDS]
        self.principals = sorted(chosen, key=lambda p: (SIGN_IN_KINDS.index(p.kind), p.display_name.lower()))
        options = self.query_one(OptionList)
        options.add_options(Option(principal_prompt(p, self._is_current(p)), id=p.id) for p in self.principals)
        current = next((i for i, p in enumerate(self.principals) if self._is_current(p)), 0)
        options.highlighted = current
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(next(p for p in self.principals if p.id == event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
