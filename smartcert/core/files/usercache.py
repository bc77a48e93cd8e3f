"""The user's cache folder for what smartcert keeps between runs on a machine (a migrated
Prefect database, checked rule sets): `$XDG_CACHE_HOME/smartcert`, `~/.cache/smartcert` by
default. Everything kept there can be deleted: it is made again, at the cost of time."""

from __future__ import annotations

import os
from pathlib import Path


def user_cache_dir(*parts: str) -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base.joinpath("smartcert", *parts)
