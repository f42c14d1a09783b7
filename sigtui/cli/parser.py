"""argparse in az's manner: usage errors are raised (exit 2), enums match case-insensitively."""

from __future__ import annotations

import argparse

from .output import UsageError


class Parser(argparse.ArgumentParser):
    """Raises `UsageError` instead of exiting, so `main()` returns a status and tests can call it; `--help`
    prints az's layout with the command's examples."""

    def __init__(self, *args, examples: tuple[tuple[str, str], ...] = (), summary: str | None = None,
                 **kwargs):
        super().__init__(*args, **kwargs)
        self.examples = examples
        self.summary = summary or self.description
        self.subgroups: dict[str, str] = {}

    def verbs(self) -> argparse._SubParsersAction | None:
        return next((a for a in self._actions if isinstance(a, argparse._SubParsersAction)), None)

    def format_help(self) -> str:
        from .helptext import command_help, group_help

        verbs = self.verbs()
        if verbs is None and not self.subgroups:
            return command_help(self, self.summary, self.examples)
        commands = {a.dest: a.help for a in verbs._choices_actions} if verbs else {}
        return group_help(self.prog, self.summary, self.subgroups, commands, self.examples)

    def error(self, message: str):
        raise UsageError(f"{self.format_usage().rstrip()}\n{self.prog}: error: {message}")

    def exit(self, status: int = 0, message: str | None = None):
        if message:
            raise UsageError(message.rstrip())
        raise SystemExit(status)


class _Verbs(argparse._SubParsersAction):
    """Subcommands whose parsers remember their one-line summary for `--help`."""

    def add_parser(self, name: str, **kwargs):
        return super().add_parser(name, summary=kwargs.get("help"), **kwargs)


def subcommands(parser: argparse.ArgumentParser, required: bool = True):
    return parser.add_subparsers(dest="verb", metavar="<command>", required=required, parser_class=Parser,
                                 action=_Verbs)


def enum(*choices: str):
    """az's `get_enum_type`: any case in, the canonical spelling out; `--help` and completion read `choices`."""
    def convert(text: str) -> str:
        for choice in choices:
            if choice.lower() == text.lower():
                return choice
        listed = ", ".join(f"'{c}'" for c in choices)
        raise argparse.ArgumentTypeError(f"invalid choice: '{text}' (choose from {listed})")
    convert.choices = choices
    return convert


def three_state(text: str) -> bool:
    """az's `get_three_state_flag`: a bare flag means true."""
    lowered = text.lower()
    if lowered in ("true", "yes", "1"):
        return True
    if lowered in ("false", "no", "0"):
        return False
    raise argparse.ArgumentTypeError(f"invalid choice: '{text}' (choose from 'false', 'true')")


three_state.choices = ("false", "true")


def add_flag(parser: argparse.ArgumentParser, name: str, **kwargs) -> None:
    parser.add_argument(name, nargs="?", const=True, type=three_state, **kwargs)


def tags(items: list[str] | None) -> dict | None:
    """az's `--tags k=v k2=v2`; a bare `k` gives an empty value, `--tags ""` clears."""
    if items is None:
        return None
    result: dict[str, str] = {}
    for item in items:
        if item:
            key, _, value = item.partition("=")
            result[key] = value
    return result


def add_tags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tags", nargs="*",
                        help='Space-separated tags: key[=value] [key[=value] ...]. Use "" to clear existing tags.')


def add_location(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-l", "--location", help="Location. Defaults to the resource group's location.")


def add_resource_group(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument("-g", "--resource-group", dest="resource_group", required=required,
                        help="Name of resource group.")


def add_gallery(parser: argparse.ArgumentParser) -> None:
    add_resource_group(parser)
    parser.add_argument("-r", "--gallery-name", dest="gallery", required=True, help="Gallery name.")


def add_definition(parser: argparse.ArgumentParser) -> None:
    add_gallery(parser)
    parser.add_argument("-i", "--gallery-image-definition", dest="definition", required=True,
                        help="Gallery image definition.")


def add_version(parser: argparse.ArgumentParser) -> None:
    add_definition(parser)
    parser.add_argument("-e", "--gallery-image-version", dest="version", required=True,
                        help="Gallery image version in semantic version pattern: "
                             "`<MajorVersion>.<MinorVersion>.<Patch>`, each a 32-bit integer.")
