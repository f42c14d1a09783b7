"""`--serve` belongs to the workbench: a headless command refuses it, and so does a read-only workbench."""

from __future__ import annotations


def test_a_command_refuses_the_workbench_flags(az):
    result = az("sig list --serve")
    assert result.status == 2
    assert "--speed, --readonly and --serve apply to the workbench, not to commands" in result.err


def test_a_read_only_workbench_cannot_serve(az):
    result = az("--serve --readonly")
    assert result.status == 2
    assert "--serve writes through the endpoint, so it cannot be used with --readonly" in result.err
