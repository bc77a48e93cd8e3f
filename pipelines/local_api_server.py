"""The local Prefect API's process: uvicorn, plus a thread that ends it once the command that
started it is gone. The server runs in a session of its own (`local_api`), so nothing else
stops it when the command is killed (SIGKILL, OOM killer): without this it served an
abandoned database forever.

    python -m smartcert.pipelines.local_api_server <uvicorn arguments>

PARENT_ENV names the command's pid; without it, the parent at startup is watched. Imports
nothing heavy before uvicorn itself: the server's startup is on the command's critical path.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

PARENT_ENV = "SMARTCERT_API_PARENT_PID"
POLL_SECONDS = 0.5
GRACE_SECONDS = 5.0  # uvicorn's shutdown (lifespan, open connections) before a hard exit


def _watch_parent(parent: int) -> None:
    """End when the command is gone: reparented, getppid() changes (also if it was gone
    before this thread started, as PARENT_ENV was set by the command itself)."""
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS)
    # uvicorn's own SIGTERM handling closes the app's lifespan and the database; before
    # its handlers are installed (still importing) SIGTERM simply ends the process
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(GRACE_SECONDS)
    os._exit(0)


def main(args: list[str]) -> None:
    parent = int(os.environ.get(PARENT_ENV) or os.getppid())
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True,
                     name="watch-parent").start()
    from uvicorn.main import main as uvicorn_main

    uvicorn_main(args, prog_name="uvicorn")  # click: exits with uvicorn's status


if __name__ == "__main__":
    main(sys.argv[1:])
