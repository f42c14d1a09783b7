"""Where the cursor is: subscription › resource group › gallery › definition › version."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class Breadcrumb(Widget):
    """One line, repainted without a layout pass when the cursor moves."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Text()

    def show(self, parts: list[str]) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(" sigtui ", "bold reverse")
        text.append(" ")
        for index, part in enumerate(parts):
            if index:
                text.append(" › ", "dim")
            text.append(part, "bold" if index == len(parts) - 1 else "")
        self._text = text
        self.refresh()

    def render(self) -> Text:
        return self._text
