"""The local Prefect API's process: uvicorn, plus a thread that ends it once no command has
used it for the linger time (`api_lease`). The server runs in a session of its own
(`local_api`), so no signal a command gets reaches it: without this thread it served an
abandoned database forever.

    python -m smartcert.pipelines.local_api_server <uvicorn arguments>

FOLDER_ENV names the data directory's `prefect-api` folder. Imports nothing heavy before
uvicorn itself: the server's startup is on the command's critical path.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

from smartcert.pipelines import api_lease

FOLDER_ENV = "SMARTCERT_API_FOLDER"
POLL_SECONDS = 0.5
GRACE_SECONDS = 5.0  # uvicorn's shutdown (lifespan, open connections) before a hard exit


def _idle_enough(folder: Path, linger: float) -> None:
    """Return once no live command has leased this server for `linger` seconds, its record
    removed under the lock (so nobody picks it up while it stops); at once if the folder is
    gone (the data directory was deleted)."""
    me = os.getpid()
    idle_since: float | None = None
    while True:
        time.sleep(POLL_SECONDS)
        try:
            with api_lease.locked(folder):
                if api_lease.holders(folder, me):
                    idle_since = None
                    continue
                now = time.monotonic()
                idle_since = now if idle_since is None else idle_since
                if now - idle_since < linger:
                    continue
                api_lease.retire_record(folder, me)
                return
        except OSError:
            return


def _watch(folder: Path, linger: float) -> None:
    _idle_enough(folder, linger)
    # uvicorn's own SIGTERM handling closes the app's lifespan and the database; before
    # its handlers are installed (still importing) SIGTERM simply ends the process
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(GRACE_SECONDS)
    os._exit(0)


def main(args: list[str]) -> None:
    folder = Path(os.environ[FOLDER_ENV])
    threading.Thread(target=_watch, args=(folder, api_lease.linger_seconds()), daemon=True,
                     name="watch-leases").start()
    from uvicorn.main import main as uvicorn_main

    uvicorn_main(args, prog_name="uvicorn")  # click: exits with uvicorn's status


if __name__ == "__main__":
    main(sys.argv[1:])
