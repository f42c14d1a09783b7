"""Dispatch: no command opens the workbench; otherwise find the command group and run one az-style command."""

from __future__ import annotations

import importlib
import time

from ..domain.errors import AzureError
from .args import GlobalOptions, split_globals
from .logs import configure, get_logger, level_of
from .output import USAGE, CliError, UsageError, fail, render
from .parser import Parser

MODULES = {
    "sig": {("sig",): "Manage galleries (az sig)."},
    "sig_definition": {("sig", "image-definition"): "Manage image definitions (az sig image-definition)."},
    "sig_version": {("sig", "image-version"): "Manage image versions (az sig image-version)."},
    "sig_share": {("sig", "share"): "Share a gallery directly with subscriptions and tenants (az sig share)."},
    "rest_command": {("rest",): "Send a REST request to the simulated Azure Resource Manager (az rest)."},
    "accounts": {
        ("account",): "Create, list, show and choose subscriptions (az account).",
        ("group",): "Manage resource groups (az group).",
    },
    "resources": {
        ("image",): "Manage managed images, a source of image versions.",
        ("snapshot",): "Manage snapshots, a source of image versions.",
        ("disk",): "Manage managed disks, a source of image versions.",
        ("disk-encryption-set",): "Manage disk encryption sets (customer-managed keys).",
    },
    "storage": {
        ("storage", "account"): "Manage storage accounts, where VHD sources live (az storage account).",
        ("storage", "blob"): "Upload VHDs as page blobs (az storage blob).",
    },
    "vm": {
        ("vm",): "Create VMs from gallery images (az vm); without --image, a source VM for image versions.",
        ("vmss",): "Create virtual machine scale sets from gallery images (az vmss).",
    },
    "tenancy": {
        ("account", "tenant"): "Create and list tenants.",
        ("account", "region"): "The regions a subscription may use; allow-list those that need access.",
    },
    "role": {("role", "assignment"): "Share galleries, definitions and versions (az role assignment)."},
    "ad": {
        ("ad", "user"): "Manage users (az ad user).",
        ("ad", "group"): "Manage groups (az ad group).",
        ("ad", "group", "member"): "Manage group membership (az ad group member).",
        ("ad", "sp"): "Manage service principals (az ad sp).",
    },
    "cost": {("cost",): "Estimate what image versions cost to keep (illustrative prices)."},
    "export": {("export",): "Print resources in the Azure REST shape."},
    "clock": {("clock",): "Show or control the simulation clock."},
    "config": {("config",): "Manage the database's settings, such as the end-of-life policy (az config)."},
    "activity": {("activity",): "Show the activity log (az monitor activity-log)."},
    "demo": {("demo",): "Fill a database with the demo catalog."},
    "apply": {("apply",): "Build the world a scenario file describes (YAML or JSON), all of it or nothing."},
    "init": {("init",): "Create a new, empty database (one tenant, one subscription)."},
    "serve": {("serve",): "Serve a local Azure Resource Manager endpoint over HTTPS (sigtui serve)."},
}
"""Each command module and the command groups it builds, with their one-line help."""
GROUPS = {group: (module, about) for module, groups in MODULES.items() for group, about in groups.items()}
CREATES_DATABASE = {("demo",), ("init",), ("serve",), ("apply",)}
"""The only commands that create a database file (and its folder) when it is missing."""

GROUP_ONLY = {("ad",): "Manage users, groups and service principals (az ad).",
              ("role",): "Manage role assignments (az role).",
              ("storage",): "Manage storage accounts and blobs (az storage)."}
"""Groups that hold only other groups."""
COMMANDS = {("rest",), ("cost",), ("export",), ("demo",), ("init",), ("serve",), ("apply",)}
"""Entries of `GROUPS` that are single commands, not groups of commands."""
SUMMARY = "Offline workbench and Azure Resource Manager emulator for Azure Compute Gallery."
LOG = get_logger(__name__)


def _children(prefix: tuple[str, ...]) -> tuple[dict[str, str], dict[str, str]]:
    """The subgroups and the commands directly under `prefix`."""
    found = {g: about for g, (_, about) in GROUPS.items()} | GROUP_ONLY
    below = {g[-1]: about for g, about in found.items() if len(g) == len(prefix) + 1 and g[:len(prefix)] == prefix}
    commands = {name: about for name, about in below.items() if (*prefix, name) in COMMANDS}
    return {name: about for name, about in below.items() if name not in commands}, commands


def _help(prefix: tuple[str, ...] = ()) -> str:
    """`sigtui --help` (with the workbench's and the global arguments), or a group that holds only groups."""
    from .helptext import group_help

    subgroups, commands = _children(prefix)
    prog = " ".join(("sigtui", *prefix))
    return group_help(prog, GROUP_ONLY.get(prefix, SUMMARY), subgroups, commands, workbench=not prefix)


def _group(tokens: list[str]) -> tuple[str, ...]:
    matches = [g for g in GROUPS if tuple(tokens[:len(g)]) == g]
    if not matches:
        if (tokens[0],) in GROUP_ONLY and tokens[1:2] in (["-h"], ["--help"]):
            raise HelpShown(_help((tokens[0],)))
        nested = [" ".join(g) for g in GROUPS if g[0] == tokens[0]]
        if nested:
            raise UsageError(f"sigtui {tokens[0]}: error: name a command group: {', '.join(nested)}")
        raise UsageError(f"sigtui: '{tokens[0]}' is not a sigtui command. See 'sigtui --help'.")
    return max(matches, key=len)


class HelpShown(Exception):
    """Help was asked for: print it and exit 0."""


def command_parser(group: tuple[str, ...], parser: Parser | None = None) -> Parser:
    """The parser of one command group (or single command), with its subgroups named for `--help`; built into
    `parser` when given (the completion tree)."""
    module = importlib.import_module(f".{GROUPS[group][0]}", __package__)
    parser = parser or Parser(prog="sigtui " + " ".join(group), description=GROUPS[group][1])
    module.build(parser, group)
    parser.subgroups = _children(group)[0]
    return parser


def open_workbench(options: GlobalOptions) -> int:
    """The TUI, imported only here so headless commands never load Textual."""
    try:
        speed = float(options.speed) if options.speed is not None else None
    except ValueError:
        raise UsageError(f"sigtui: error: argument --speed: invalid float value: '{options.speed}'") from None
    if options.serve and options.readonly:
        raise UsageError("sigtui: error: --serve writes through the endpoint, so it cannot be used with --readonly")
    from ..tui.app import run_app

    return run_app(db_path=options.db, caller=options.caller, speed=speed, readonly=options.readonly,
                   serve=options.serve) or 0


def _run_command(options: GlobalOptions, tokens: list[str]) -> int:
    group = _group(tokens)
    if options.speed is not None or options.readonly or options.serve:
        raise UsageError("sigtui: error: --speed, --readonly and --serve apply to the workbench, not to commands")
    namespace = command_parser(group).parse_args(tokens[len(group):])
    from .context import Context, MissingDatabase

    try:
        ctx = Context(options, creates=group in CREATES_DATABASE, bootstrap=getattr(namespace, "bootstrap", True),
                      face=getattr(namespace, "face", "cli"))
    except MissingDatabase as error:
        raise CliError(str(error)) from None
    except (ValueError, RuntimeError) as error:
        raise CliError(f"sigtui: error: {error}") from None
    LOG.debug("Database: %s", ctx.path)
    try:
        result = namespace.handler(ctx, namespace)
    finally:
        ctx.close()
    text = render(result, options.output, options.compiled_query, arm_transform=group != ("rest",),
                  table_transformer=getattr(namespace, "table_transformer", None))
    if text:
        print(text, end="" if text.endswith("\n") else "\n")
    return 0


def _invoke(argv: list[str]) -> int:
    options, tokens = split_globals(list(argv))
    configure(level_of(options.only_show_errors, options.verbose, options.debug))
    LOG.debug("Command arguments: %s", argv)
    if not tokens:
        return open_workbench(options)
    if tokens[0] in ("-h", "--help"):
        raise HelpShown(_help())
    started = time.perf_counter()
    status = _run_command(options, tokens)
    LOG.info("Command ran in %.3f seconds", time.perf_counter() - started)
    return status


def run(argv: list[str]) -> int:
    """Run one command line; returns the exit status (0, 1 for a refused operation, 2 for bad usage)."""
    try:
        return _invoke(argv)
    except HelpShown as shown:
        print(shown, end="")
        return 0
    except UsageError as error:
        return fail(str(error), USAGE)
    except (AzureError, CliError) as error:
        return fail(str(error))
    except SystemExit as done:
        return done.code or 0
