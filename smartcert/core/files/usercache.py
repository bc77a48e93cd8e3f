"""The user's cache folder for what smartcert keeps between runs on a machine (a migrated
Prefect database, checked rule sets): `$XDG_CACHE_HOME/smartcert`, `~/.cache/smartcert` by
default. Everything kept there can be deleted: it is made again, at the cost of time."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def user_cache_dir(*parts: str) -> Path:
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        base = Path(xdg)
    else:
        try:
            base = Path.home() / ".cache"
        except RuntimeError:  # no HOME and no password entry (a bare service account)
            base = Path(tempfile.gettempdir()) / f"smartcert-cache-{os.getuid()}"
    return base.joinpath("smartcert", *parts)
