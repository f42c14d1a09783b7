"""`sigtui apply FILE`: build the world a scenario file describes, all of it or nothing."""

from __future__ import annotations

from pathlib import Path

from ..domain.wording import counted

EXAMPLES = (("Build the world of a scenario file in a new database.", "sigtui apply scenario.yaml --db /tmp/team.db"),)


def run(ctx, ns) -> str:
    """A one-line summary of what was built."""
    from ..store.scenario import Scenario, apply_scenario

    made = apply_scenario(ctx.services, Scenario.load(Path(ns.file).expanduser()))
    parts = [counted(made[key], noun) for key, noun in (("galleries", "gallery"), ("definitions", "definition"),
                                                         ("versions", "version"), ("role_assignments",
                                                                                   "role assignment"))]
    return f"applied {ns.file} to {ctx.path}: {', '.join(parts)}"


def build(parser, group) -> None:
    parser.examples = EXAMPLES
    parser.add_argument("file", metavar="FILE", help="A scenario file (YAML or JSON), in the format of sigtui's "
                                                     "demo (sigtui/data/demo.yaml).")
    parser.set_defaults(handler=run)
