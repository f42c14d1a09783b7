"""Helpers for driving the app in tests."""

from __future__ import annotations

from textual.pilot import Pilot

from sigtui.tui.workbench import WorkbenchScreen


def workbench(app) -> WorkbenchScreen:
    """The workbench screen: the bottom of the app's screen stack."""
    screen = app.screen_stack[0]
    assert isinstance(screen, WorkbenchScreen)
    return screen


def allowed(app, action: str, arm_id: str | None = None) -> bool:
    """What the policy says the identity may do on `arm_id` (default: the resource under the cursor)."""
    screen = workbench(app)
    if arm_id is None:
        data = screen.cursor_data()
        arm_id = data.arm_id if data is not None else ""
    return screen.policy.allowed(action, arm_id)


async def settle(pilot: Pilot, rounds: int = 6) -> None:
    """Wait until workers are done and their messages handled (handlers may start more workers)."""
    app = pilot.app
    for _ in range(rounds):
        await app.workers.wait_for_complete()
        await pilot.pause()
        busy = [w for w in app.workers if w.is_running and w.group != "services"]
        if not busy:
            break
    await pilot.pause()


async def open_path(pilot: Pilot, *names: str) -> None:
    """Expand nodes by name, each found under the one before, and leave the cursor on the last one."""
    tree = workbench(pilot.app).resource_tree
    parent = None
    for name in names:
        await settle(pilot)
        candidates = tree._by_key.values() if parent is None else parent.children
        node = next(n for n in candidates if n.data is not None and n.data.name == name)
        tree.move_to(node)
        await pilot.pause()
        if node.allow_expand and not node.is_expanded:
            node.expand()
        await settle(pilot)
        parent = node


def tree_text(app) -> str:
    """The tree as plain text lines."""
    tree = workbench(app).resource_tree
    lines = []
    for line in tree._tree_lines:
        node = line.node
        label = tree.render_label(node, tree.rich_style, tree.rich_style).plain
        lines.append("  " * (len(line.path) - 1) + label)
    return "\n".join(lines)
