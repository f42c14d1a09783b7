"""sigtui's own sentences count things in the right number."""

from sigtui.domain.wording import counted


def test_counted_uses_the_singular_only_for_one():
    assert counted(1, "version") == "1 version"
    assert [counted(n, "version") for n in (0, 2)] == ["0 versions", "2 versions"]
    assert counted(3, "replica", "replicas") == "3 replicas"
