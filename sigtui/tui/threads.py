"""How every screen of sigtui runs database work: a thread worker that only posts messages. What the work
returns is posted to the screen; a failure is posted to the app, whose error dialog says what was being done."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.dom import DOMNode
from textual.message import Message
from textual.worker import Worker

from .messages import ActionFailed

Job = Callable[[], Message | Iterable[Message] | None]
"""A worker's body: it reads or writes through the store and returns the messages to post."""

TITLES = {
    "write": "The change was refused",
    "services": "Could not open the database for writing",
    "endpoint": "Could not start the endpoint",
}
"""What the error dialog says was being done, by worker group; anything else was a read."""


def run_in_thread(node: DOMNode, group: str, job: Job, exclusive: bool = False) -> Worker:
    """Run `job` on a thread worker of `node` (in `group`), posting its messages to `node`."""

    def work() -> None:
        try:
            result = job()
        except Exception as error:  # noqa: BLE001 (every failure reaches the error dialog, never a traceback)
            node.app.post_message(ActionFailed(TITLES.get(group, "Could not read the database"), error))
            return
        for message in [result] if isinstance(result, Message) else result or ():
            node.post_message(message)

    return node.run_worker(work, thread=True, group=group, exclusive=exclusive, exit_on_error=False)
