"""The embedded default's Prefect API: the same app Prefect's ephemeral mode serves, started
by us in a session of its own, so the operator's Ctrl-C reaches the command and not the
server. Prefect's own ephemeral server shares the terminal's process group: Ctrl-C killed it
first, and the interrupted flow then spent minutes printing connection errors while it tried
to report the interrupt to a server that was gone. The server ends itself once the command
is gone (`local_api_server`), as nothing else stops it when the command is killed.

    with local_api(data_dir):      # sets PREFECT_API_URL for this process
        batch_intake(...)
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from smartcert.pipelines.local_api_server import PARENT_ENV

API_ENV = "PREFECT_API_URL"
STARTUP_SECONDS = 180.0  # a loaded 2-core machine: the app takes ~10 s idle


class LocalApiError(RuntimeError):
    """The local Prefect API did not come up: an operational failure."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def local_api(data_dir: Path, warm: Callable[[], object] | None = None) -> Iterator[str | None]:
    """A local Prefect API for the length of the block, unless one is configured already
    (a real server's PREFECT_API_URL is kept). Yields the API URL it started, or None.

    `warm` runs while the server starts (its ~5 s of imports and migrations on the same
    machine): the caller's own imports — Prefect's, the flows' — overlap them instead of
    following them. The API's URL is set first: Prefect reads it at import."""
    if os.environ.get(API_ENV):
        yield None
        return
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    log = (data_dir / "prefect-api.log").open("ab")
    env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
           "PREFECT__SERVER_FINAL": "1", PARENT_ENV: str(os.getpid())}
    # uvicorn behind a wrapper that ends it once this process is gone: its own session
    # keeps it from every signal the command gets, SIGKILL included
    proc = subprocess.Popen(
        [sys.executable, "-m", "smartcert.pipelines.local_api_server",
         "--app-dir", _site_packages(), "--factory", "prefect.server.api.server:create_app",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "error", "--lifespan", "on"],
        env=env, stdout=log, stderr=log, start_new_session=True)
    try:
        # both before `warm` imports Prefect, which reads its settings at import. Nobody
        # reads run logs in the embedded server's database: they stay on the console and in
        # smartcert.log, and none is left queued for a server about to stop
        os.environ[API_ENV] = url
        os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false")
        if warm is not None:
            warm()
        _wait_healthy(proc, url)
        yield url
    finally:
        os.environ.pop(API_ENV, None)
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _site_packages() -> str:
    """Where the prefect package lies, found without importing it: Prefect reads its
    settings once, at import, and PREFECT_API_URL is only set once the server answers."""
    spec = importlib.util.find_spec("prefect")
    if spec is None or spec.origin is None:
        raise LocalApiError("prefect 패키지를 찾을 수 없습니다 (scripts/setup.sh 실행 필요)")
    return str(Path(spec.origin).parent.parent)


def _wait_healthy(proc: subprocess.Popen[bytes], url: str) -> None:
    end = time.monotonic() + STARTUP_SECONDS
    with httpx.Client(timeout=2.0) as client:
        while time.monotonic() < end:
            if proc.poll() is not None:
                raise LocalApiError(f"로컬 Prefect API가 시작되지 못했습니다 (종료 코드 "
                                    f"{proc.returncode}, 로그: prefect-api.log)")
            try:
                if client.get(f"{url}/health").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
    raise LocalApiError(f"로컬 Prefect API가 {STARTUP_SECONDS:.0f}초 안에 응답하지 않았습니다")
