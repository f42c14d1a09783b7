"""Shell completion through argcomplete: command groups, commands, flags, allowed values, and the names of
resource groups, galleries, image definitions and versions read from the database named on the line (`--db`,
else `SIGTUI_DB`, else the default). Enable it with `eval "$(register-python-argcomplete sigtui)"`."""

from __future__ import annotations

import argparse
import os

from .args import GLOBAL_OPTIONS
from .commands import GROUP_ONLY, GROUPS, command_parser
from .parser import Parser, subcommands

RESOURCE_ARGUMENTS = {"resource_group": "resource_group", "gallery": "gallery", "definition": "definition",
                      "version": "version"}
"""Argument destinations whose values are names of resources, and the kind of resource each names."""


def _database(parsed_args):
    from ..store.paths import db_path

    try:
        return db_path(getattr(parsed_args, "db", None))
    except ValueError:
        return None


def resource_names(kind: str):
    """A completer of names of one kind, narrowed by the resource group, gallery and definition on the line."""
    def complete(prefix: str, parsed_args, **_kwargs) -> list[str]:
        from ..store import names

        path = _database(parsed_args)
        if path is None:
            return []
        filters = {key: getattr(parsed_args, key, None)
                   for key in ("subscription", "resource_group", "gallery", "definition") if key != kind}
        return [n for n in names.names(path, kind, **filters) if n.lower().startswith(prefix.lower())]
    return complete


def subscription_names(prefix: str, parsed_args, **_kwargs) -> list[str]:
    from ..store import names

    path = _database(parsed_args)
    return [n for n in names.subscriptions(path) if n.lower().startswith(prefix.lower())] if path else []


def _add_global_options(parser: argparse.ArgumentParser, workbench: bool) -> None:
    """The global options on every parser of the tree, so they complete anywhere on the line."""
    for option in GLOBAL_OPTIONS:
        if (option.workbench and not workbench) or any(n in parser._option_string_actions for n in option.names):
            continue
        if option.takes_value:
            action = parser.add_argument(*option.names, dest=option.dest, choices=option.choices or None)
        else:
            action = parser.add_argument(*option.names, dest=option.dest, action="store_true")
        if option.dest == "subscription":
            action.completer = subscription_names


def _attach_completers(parser: argparse.ArgumentParser) -> None:
    """Resource names for resource arguments; the allowed values of enum-typed ones (see `parser.enum`)."""
    from argcomplete.completers import ChoicesCompleter

    for action in parser._actions:
        kind = RESOURCE_ARGUMENTS.get(action.dest)
        if kind and action.option_strings:
            action.completer = resource_names(kind)
        elif getattr(action.type, "choices", None):
            action.completer = ChoicesCompleter(action.type.choices)


def tree() -> Parser:
    """Every command group and command of `sigtui` as one argparse tree (imports every command module)."""
    root = Parser(prog="sigtui")
    groups = sorted({*GROUPS, *GROUP_ONLY}, key=len)
    parents = {group[:-1] for group in groups}
    verbs = {(): subcommands(root, required=False)}
    for group in groups:
        if group in GROUPS:
            about = GROUPS[group][1]
            parser = command_parser(group, verbs[group[:-1]].add_parser(group[-1], help=about, description=about))
        else:
            parser = verbs[group[:-1]].add_parser(group[-1], help=GROUP_ONLY[group])
        if group in parents:
            verbs[group] = parser.verbs() or subcommands(parser, required=False)
    for parser in _all_parsers(root):
        _add_global_options(parser, workbench=parser is root)
        _attach_completers(parser)
    return root


def _all_parsers(parser: argparse.ArgumentParser):
    yield parser
    verbs = parser.verbs() if isinstance(parser, Parser) else None
    for child in (verbs.choices.values() if verbs else ()):
        yield from _all_parsers(child)


def complete(output_stream=None, exit_method=os._exit) -> None:
    """Answer the shell's completion request (argcomplete reads `COMP_LINE` and `COMP_POINT`)."""
    import argcomplete

    argcomplete.autocomplete(tree(), output_stream=output_stream, exit_method=exit_method)
