"""The README's "Use your own tools" recipes, run as written: `sigtui serve` in the background, a service
principal, then the Python and curl recipes (and the Azure CLI one when SIGTUI_TEST_AZ names an `az`). Only the
paths move into a temporary folder and the port becomes 0 (any free port)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()
AZ = os.environ.get("SIGTUI_TEST_AZ")


def recipes(folder: Path) -> str:
    """The section's blocks as one bash script: bash verbatim, Python through a file, az only when given."""
    section = README[README.index("## Use your own tools"):README.index("## How it is built")]
    script = [f"export PATH={Path(sys.executable).parent}:$PATH", "trap 'kill $(jobs -p) 2>/dev/null' EXIT"]
    for language, code in re.findall(r"```(\w+)\n(.*?)```", section, re.S):
        if language == "python":
            (folder / "recipe.py").write_text(code)
            script.append(f"{sys.executable} {folder / 'recipe.py'}")
        elif language == "bash" and ("az " not in code or AZ):
            code = re.sub(r".*pip install azure-cli\n", "", code).replace("~/azcli/bin/az", AZ or "az")
            script.append(code.replace("--port 8443", "--port 0").replace("/tmp/", f"{folder}/"))
    return "\n".join(script)


@pytest.mark.skipif(shutil.which("curl") is None, reason="the curl recipe needs curl")
def test_the_recipes_run_as_written(tmp_path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", recipes(tmp_path)], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stdout.splitlines()
    assert lines[lines.index("Succeeded") + 1] == "Completed"
    assert '"name":"CurlGallery"' in done.stdout
    assert "GET /subscriptions/" in done.stderr and "POST /" in done.stderr
