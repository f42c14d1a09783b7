"""`sigtui clock [pause|resume|speed N|advance 90m]`: the simulation clock every interface shares."""

from __future__ import annotations

import time

from ..domain.dates import parse_duration
from ..store import reads
from .output import UsageError
from .parser import subcommands


def show(ctx, ns) -> dict:
    state = reads.clock(ctx.conn) or ctx.services.clock_state()
    return state.describe(time.time())


def change(ctx, ns) -> dict:
    svc = ctx.services
    if ns.verb == "pause":
        state = svc.pause_clock()
    elif ns.verb == "resume":
        state = svc.resume_clock()
    elif ns.verb == "speed":
        state = svc.set_clock_speed(ns.factor)
    else:
        try:
            delta = parse_duration(ns.duration)
        except ValueError as error:
            raise UsageError(f"sigtui clock advance: error: {error}") from None
        state = svc.advance_clock(delta)
    return state.describe(time.time())


def build(parser, group) -> None:
    verbs = subcommands(parser, required=False)
    parser.set_defaults(handler=show)
    verbs.add_parser("show", help="Show simulated time, speed and whether it is paused.").set_defaults(handler=show)
    verbs.add_parser("pause", help="Stop simulated time.").set_defaults(handler=change)
    verbs.add_parser("resume", help="Let simulated time run again.").set_defaults(handler=change)
    p = verbs.add_parser("speed", help="Run simulated time N times faster than real time.")
    p.add_argument("factor", type=float)
    p.set_defaults(handler=change)
    p = verbs.add_parser("advance", help="Move simulated time forward, e.g. 90m, 2h, 1d.")
    p.add_argument("duration")
    p.set_defaults(handler=change)
