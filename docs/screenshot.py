"""Make `docs/sigtui.svg`: the workbench on the demo catalog, as the app itself renders it."""

import asyncio
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["TZ"] = "UTC"
time.tzset()

from sigtui.store.demo import build_demo  # noqa: E402
from sigtui.store.services import Services  # noqa: E402
from sigtui.tui.app import SigtuiApp  # noqa: E402

START = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


async def main() -> None:
    db = Path(tempfile.mkdtemp()) / "demo.db"
    svc = Services(db, real_time=START.timestamp)
    svc.bootstrap()
    build_demo(svc, start=START)
    app = SigtuiApp(db, real_time=START.timestamp)
    async with app.run_test(size=(130, 36)) as pilot:
        for name in ("ContosoImages", "ubuntu-web", "1.3.0"):
            await app.workers.wait_for_complete()
            await pilot.pause()
            tree = app.screen_stack[0].resource_tree
            node = next(n for n in tree._by_key.values() if n.data is not None and n.data.name == name)
            tree.move_to(node)
            node.expand()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("2")
        await app.workers.wait_for_complete()
        await pilot.pause(0.5)
        app.save_screenshot(str(ROOT / "docs" / "sigtui.svg"))


if __name__ == "__main__":
    asyncio.run(main())
