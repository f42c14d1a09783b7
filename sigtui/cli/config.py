"""`sigtui config set|get`: the database's settings, as `az config` keeps the CLI's (`key=value`)."""

from __future__ import annotations

from .output import UsageError
from .parser import subcommands

SETTINGS = {"eol-policy": "What a version past its end-of-life date allows: block (no VM can be created from it; "
                          "`latest` skips it) or warn (allowed with a warning, as Azure does today)."}
"""Every setting `config` knows, with what it means."""


def _known(key: str) -> str:
    if key not in SETTINGS:
        raise UsageError(f"sigtui config: error: unknown setting '{key}'. Known settings: {', '.join(SETTINGS)}")
    return key


def _read(ctx, key: str) -> dict:
    return {"name": key, "value": ctx.services.end_of_life_policy(), "description": SETTINGS[key]}


def config_set(ctx, ns) -> None:
    """Every `key=value` is read before any is written; the last value of a key wins."""
    pairs = []
    for item in ns.key_value:
        key, sep, value = item.partition("=")
        if not sep:
            raise UsageError(f"sigtui config set: error: '{item}' is not KEY=VALUE")
        pairs.append((_known(key.strip()), value.strip()))
    for _, value in dict(pairs).items():
        ctx.services.set_end_of_life_policy(value.lower())


def config_get(ctx, ns) -> dict | list:
    if ns.key:
        return _read(ctx, _known(ns.key))
    return [_read(ctx, key) for key in SETTINGS]


def build(parser, group) -> None:
    verbs = subcommands(parser)
    p = verbs.add_parser("set", help="Set settings of the database.",
                         examples=(("Let VMs be created from versions past their end of life, with a warning.",
                                    "sigtui config set eol-policy=warn"),
                                   ("Refuse VMs from versions past their end of life (the default).",
                                    "sigtui config set eol-policy=block")))
    p.add_argument("key_value", nargs="+", metavar="KEY=VALUE",
                   help=f"Space-separated settings in KEY=VALUE format. Known keys: {', '.join(SETTINGS)}.")
    p.set_defaults(handler=config_set)
    p = verbs.add_parser("get", help="Get settings of the database.",
                         examples=(("Show the end-of-life policy.", "sigtui config get eol-policy"),))
    p.add_argument("key", nargs="?", help="The setting to show; every setting when left out.")
    p.set_defaults(handler=config_get)
