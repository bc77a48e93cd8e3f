"""A migrated, empty Prefect database to start each new data directory from. Prefect's server
creates its SQLite database by running every migration, ~8-9 s of a first run into a new
output folder on this machine (13.9 s to a healthy server against 4.1-4.9 s from a copy).
The first server of each Prefect install saves its database once it answers, before any
run is written to it; later new data directories start from a copy. The server still runs
its own start-up checks on the copy (migrations up to date, block types registered).

Only for Prefect's default database (`$PREFECT_HOME/prefect.db`): a configured database URL
is left to Prefect. A template that cannot be read or written costs only the time: the
server then migrates as it always did.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from smartcert.core.files.atomic import atomic_path
from smartcert.core.files.usercache import user_cache_dir

_log = logging.getLogger(__name__)
_DB_NAME = "prefect.db"  # Prefect's default: sqlite+aiosqlite:///$PREFECT_HOME/prefect.db
_DB_URL_SETTINGS = ("PREFECT_API_DATABASE_CONNECTION_URL",
                    "PREFECT_SERVER_DATABASE_CONNECTION_URL")


def default_database() -> Path | None:
    """The server's SQLite database when it is Prefect's default one in PREFECT_HOME."""
    home = os.environ.get("PREFECT_HOME")
    if not home or any(os.environ.get(k) for k in _DB_URL_SETTINGS):
        return None
    return Path(home) / _DB_NAME


def template_path(prefect_install: str) -> Path:
    """Where the template of this Prefect install (its path and install time) is kept."""
    key = hashlib.sha256(prefect_install.encode("utf-8")).hexdigest()[:16]
    return user_cache_dir("prefect-db", f"{key}.db")


def start_from_template(db: Path, template: Path) -> bool:
    """Copy the template to `db` (absent); False when there is none or it cannot be
    copied, and the server creates the database itself."""
    if not template.is_file():
        return False
    try:
        with atomic_path(db) as tmp:
            shutil.copyfile(template, tmp)
    except OSError as e:
        _log.warning("Prefect database template not copied (%s): migrating", e)
        return False
    return True


def save_template(db: Path, template: Path) -> None:
    """Save a consistent copy of the freshly migrated `db` (the server has it open) as the
    template, unless one is there already."""
    if template.exists():
        return
    try:
        with atomic_path(template) as tmp, closing(sqlite3.connect(db)) as src, \
                closing(sqlite3.connect(tmp)) as dst:
            src.backup(dst)  # SQLite's own online copy: the WAL's pages included
    except (OSError, sqlite3.Error) as e:
        _log.warning("Prefect database template not saved (%s)", e)
