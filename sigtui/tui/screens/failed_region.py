"""The failed regions of a version: retry one or remove it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

FAILED_HINT = "r retries the region · x removes it (its replicas there are deleted)"


class FailedRegionScreen(ModalScreen[tuple[str, str] | None]):
    """Pick a failed region, then `r` retries it or `x` removes it from the version."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('retry')", "Retry region", id="failed.retry"),
        Binding("x", "choose('remove')", "Remove region", id="failed.remove"),
        Binding("escape", "close", "Close", id="failed.close"),
    ]

    def __init__(self, version: str, failed: list[tuple[str, str]]) -> None:
        super().__init__()
        self.version = version
        self.failed = failed

    def compose(self) -> ComposeResult:
        with Vertical(id="failed-dialog"):
            yield Static(f"Failed regions of {self.version}", id="failed-title", markup=False)
            yield OptionList(
                *[Option(f"{region}: {detail}", id=region) for region, detail in self.failed], compact=True
            )
            yield Static(FAILED_HINT, id="failed-hint")
        yield Footer(compact=True)

    def action_choose(self, what: str) -> None:
        options = self.query_one(OptionList)
        index = options.highlighted if options.highlighted is not None else 0
        self.dismiss((what, self.failed[index][0]))

    def action_close(self) -> None:
        self.dismiss(None)
