"""`--help` in az's layout (knack's `CLIHelp`): Group or Command, Subgroups and Commands, Arguments with
`[Required]`, allowed values and defaults, Global Arguments, and Examples."""

from __future__ import annotations

import argparse
import textwrap
from dataclasses import dataclass

from .args import GLOBAL_OPTIONS

WIDTH = 100
SEPARATOR = " : "
REQUIRED = "[Required]"
GLOBAL = "Global Arguments"
WORKBENCH = "Workbench Arguments"
WORKBENCH_SUMMARY = ("With no command, sigtui opens the workbench (the terminal UI) on the database: --db, else "
                     "$SIGTUI_DB, else $XDG_DATA_HOME/sigtui/sigtui.db.")
_GROUP_ORDER = {None: 0, WORKBENCH: 500, GLOBAL: 1000}


@dataclass
class Item:
    """One line of a listing: an argument's spellings or a command's name, with its summary."""

    name: str
    summary: str = ""
    required: bool = False
    group: str | None = None


def _indent(text: str, level: int = 0, hanging: int = -1) -> list[str]:
    """knack's `_print_indent`: four spaces a level, wrapped at 100 columns, paragraphs kept."""
    wrapper = textwrap.TextWrapper(initial_indent="    " * level,
                                   subsequent_indent="    " * level if hanging == -1 else " " * hanging,
                                   replace_whitespace=False, width=WIDTH)
    return [wrapper.fill(paragraph) for paragraph in text.split("\n")]


def _listing(items: list[Item]) -> list[str]:
    """Names padded to one column, then ` : summary`; `[Required]` right before the colon."""
    def line_length(item: Item) -> int:
        return len(item.name) + (len(REQUIRED) + 2 if item.required else 1)

    width = max((line_length(item) for item in items), default=0)
    lines: list[str] = []
    group: str | None = None
    for item in items:
        if item.group != group:
            lines += ["", item.group] if item.group else []
            group = item.group
        tags = REQUIRED if item.required else ""
        padding = " " * (width - line_length(item) + (1 if tags else 0))
        text = f"{item.name}{padding}{tags}{SEPARATOR if item.summary else ''}{item.summary}"
        lines += _indent(text, 1, width + 4 + len(SEPARATOR) - 1)
    return [*lines, ""]


def _values(choices, default) -> str:
    allowed = f"  Allowed values: {', '.join(sorted(str(c) for c in choices))}." if choices else ""
    shown = f"  Default: {default}." if default and default != argparse.SUPPRESS and not callable(default) else ""
    return allowed + shown


def _argument(action: argparse.Action, group: str | None) -> Item:
    choices = action.choices or getattr(action.type, "choices", None)
    summary = ((action.help or "") + _values(choices, action.default)).strip()
    return Item(" ".join(sorted(action.option_strings)) or (action.metavar or action.dest), summary,
                bool(action.required), group)


def _titled_groups(parser: argparse.ArgumentParser) -> dict[int, str]:
    """Which arguments sit in a titled group (such as "Generic Update Arguments"), by action id."""
    plain = {"positional arguments", "options", "optional arguments"}
    return {id(action): group.title for group in parser._action_groups if group.title not in plain
            for action in group._group_actions}


def global_items(workbench: bool = False) -> list[Item]:
    """az's Global Arguments (and, for `sigtui` alone, the workbench's), with `--help -h`."""
    items = [Item("--help -h", "Show this help message and exit.", group=GLOBAL)]
    for option in GLOBAL_OPTIONS:
        if option.workbench and not workbench:
            continue
        summary = (option.help + _values(option.choices, option.default)).strip()
        items.append(Item(" ".join(sorted(option.names)), summary, group=WORKBENCH if option.workbench else GLOBAL))
    return items


def _sorted_arguments(items: list[Item]) -> list[Item]:
    """knack's order: ungrouped first, Global Arguments last; required first; then by name."""
    return sorted(items, key=lambda i: (_GROUP_ORDER.get(i.group, 1), i.group or "", not i.required, i.name))


def _examples(examples) -> list[str]:
    lines = _indent("Examples")
    for title, text in examples:
        lines += [*_indent(title, 1), *_indent(text, 2), ""]
    return lines


def _header(kind: str, prog: str, summary: str | None, long_summary: str = "") -> list[str]:
    line = f"{prog}{SEPARATOR}{summary}" if summary else prog
    return ["", kind, *_indent(line, 1), *_indent(long_summary, 2)]


def command_help(parser: argparse.ArgumentParser, summary: str | None, examples=()) -> str:
    groups = _titled_groups(parser)
    arguments = [_argument(a, groups.get(id(a))) for a in parser._actions
                 if a.help != argparse.SUPPRESS and a.dest != "help"]
    lines = [*_header("Command", parser.prog, summary), *_indent("Arguments")]
    lines += _listing(_sorted_arguments(arguments + global_items()))
    if examples:
        lines += _examples(examples)
    return "\n".join(lines) + "\n"


def group_help(prog: str, summary: str | None, subgroups: dict[str, str], commands: dict[str, str],
               examples=(), workbench: bool = False) -> str:
    """A group's help: its subgroups and commands; `sigtui` alone also says that it opens the workbench and
    lists the global arguments."""
    lines = _header("Group", prog, summary, WORKBENCH_SUMMARY if workbench else "")
    if workbench:
        lines.append("")
    for title, found in (("Subgroups:", subgroups), ("Commands:", commands)):
        if found:
            lines += [*_indent(title), *_listing([Item(name, about or "") for name, about in sorted(found.items())])]
    if workbench:
        listing = _listing(_sorted_arguments(global_items(workbench=True)))
        lines += listing[1:] if lines[-1] == "" else listing
    if examples:
        lines += _examples(examples)
    return "\n".join(lines) + "\n"
