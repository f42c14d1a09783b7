"""Wording helpers for sigtui's own sentences."""

from __future__ import annotations

from datetime import timedelta

KIND_LABELS = {"gallery": "gallery", "definition": "image definition", "version": "image version"}
"""How sigtui's sentences name each kind of gallery resource."""


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`1 version`, `2 versions`, `0 versions` (`plural` for nouns that do not just take an s)."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def span(delta: timedelta) -> str:
    """`3 d 4 h`, `2 h 10 min`, `45 min`, `20 s`: the two largest units of a duration."""
    seconds = int(delta.total_seconds())
    units = (("d", 86_400), ("h", 3_600), ("min", 60), ("s", 1))
    parts = []
    for name, size in units:
        if seconds >= size or (not parts and size == 1):
            parts.append(f"{seconds // size} {name}")
            seconds %= size
        if len(parts) == 2 or (parts and seconds == 0):
            break
    return " ".join(parts)
