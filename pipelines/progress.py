"""How a run tells its operator what it is doing: one Korean line at a time."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str], None]


def quiet(_message: str) -> None:
    """The default `Progress`: say nothing."""
