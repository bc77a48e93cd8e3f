"""The embedded default's Prefect API: the same app Prefect's ephemeral mode serves, started
by us in a session of its own, so the operator's Ctrl-C reaches the command and not the
server. Prefect's own ephemeral server shares the terminal's process group: Ctrl-C killed it
first, and the interrupted flow then spent minutes printing connection errors while it tried
to report the interrupt to a server that was gone.

One server per data directory, shared by the commands using it and kept for a while after
the last (`api_lease`): its start (~3-5 s of imports and migrations) was most of the time of
an unchanged batch run again. It ends itself once no command has used it for the linger
time, also when the commands were killed.

    with local_api(data_dir):      # sets PREFECT_API_URL for this process
        batch_intake(...)
"""

from __future__ import annotations

import hashlib
import http.client
import importlib.util
import logging
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from smartcert.pipelines import api_lease, api_template
from smartcert.pipelines.local_api_server import FOLDER_ENV

API_ENV = "PREFECT_API_URL"
STARTUP_SECONDS = 180.0  # a loaded 2-core machine: the app takes ~10 s idle
_EVENTS_WORKER_LOGGER = "EventsWorker"  # Prefect's QueueService logs under its class name
# settings that change what a command shows, not what the server is
_NOT_SERVER_SETTINGS = ("PREFECT_API_URL", "PREFECT_LOGGING_")


class LocalApiError(RuntimeError):
    """The local Prefect API did not come up: an operational failure."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def local_api(data_dir: Path, warm: Callable[[], object] | None = None) -> Iterator[str | None]:
    """A local Prefect API for the length of the block, unless one is configured already
    (a real server's PREFECT_API_URL is kept). Yields the API URL it uses, or None.

    The data directory's running server is used when it was started with this interpreter,
    this Prefect and these settings and answers; otherwise one is started. `warm` runs
    while a server starts: the caller's own imports (Prefect's, the flows') overlap them
    instead of following them. The API's URL is set first: Prefect reads it at import."""
    if os.environ.get(API_ENV):
        yield None
        return
    folder = data_dir / api_lease.FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    key = _server_key()
    # one command at a time finds or starts the server; the server's own check waits too
    with api_lease.locked(folder):
        record = api_lease.read_record(folder)
        if record is not None and record.key == key and _answers(record.url):
            url, lease = record.url, api_lease.take_lease(folder, record.pid)
        else:
            record = None
            url, lease = _start(folder, data_dir, key, warm)
    try:
        if record is not None:  # leased: the server stays while this command imports
            _use(url, warm)
        with _no_heartbeats():
            yield url
    finally:
        os.environ.pop(API_ENV, None)
        lease.unlink(missing_ok=True)


def _use(url: str, warm: Callable[[], object] | None) -> None:
    # both before `warm` imports Prefect, which reads its settings at import. Nobody
    # reads run logs in the embedded server's database: they stay on the console and in
    # smartcert.log, and none is left queued for a server about to stop
    os.environ[API_ENV] = url
    os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false")
    if warm is not None:
        warm()


def _start(folder: Path, data_dir: Path, key: str,
           warm: Callable[[], object] | None) -> tuple[str, Path]:
    """A new server, recorded once it answers, with this command's lease on it. Called
    under the lock; on any failure (Ctrl-C included) the server is stopped again."""
    db = api_template.default_database()
    template = api_template.template_path(_prefect_install())
    migrate = db is not None and not db.exists() and not api_template.start_from_template(
        db, template)
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
           "PREFECT__SERVER_FINAL": "1", FOLDER_ENV: str(folder)}
    # uvicorn behind a wrapper that ends it once no command uses it: its own session
    # keeps it from every signal the command gets, SIGKILL included
    with (data_dir / "prefect-api.log").open("ab") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "smartcert.pipelines.local_api_server",
             "--app-dir", _site_packages(), "--factory", "prefect.server.api.server:create_app",
             "--host", "127.0.0.1", "--port", str(port), "--log-level", "error",
             "--lifespan", "on"],
            env=env, stdout=log, stderr=log, start_new_session=True)
    lease = api_lease.take_lease(folder, proc.pid)
    try:
        _use(url, warm)
        _wait_healthy(proc, url)
        if migrate and db is not None:  # migrated, and nothing run on it yet
            api_template.save_template(db, template)
        api_lease.write_record(folder, proc.pid, url, key)
    except BaseException:
        lease.unlink(missing_ok=True)
        os.environ.pop(API_ENV, None)
        _stop(proc)
        raise
    return url, lease


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _server_key() -> str:
    """What a server is started with: this interpreter, this Prefect install, and the
    Prefect settings in the environment (its home, its database among them)."""
    settings = sorted((k, v) for k, v in os.environ.items()
                      if k.startswith("PREFECT_") and not k.startswith(_NOT_SERVER_SETTINGS))
    text = repr((sys.executable, _prefect_install(), settings))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _prefect_install() -> str:
    """Which Prefect: where it is installed, and when (a reinstall changes it)."""
    where = _site_packages()
    try:
        installed = os.stat(Path(where) / "prefect" / "__init__.py").st_mtime_ns
    except OSError:
        installed = 0
    return f"{where}:{installed}"


def _answers(url: str) -> bool:
    """Whether the recorded server (ours: plain HTTP on 127.0.0.1) says it is healthy. Asked
    with the standard library: an httpx request first loads the system's CA bundle, ~30 ms
    of a reused server's command for a question that never uses TLS."""
    where = urlsplit(f"{url}/health")
    conn = http.client.HTTPConnection(where.hostname or "127.0.0.1", where.port, timeout=2.0)
    try:
        conn.request("GET", where.path)
        return conn.getresponse().status == 200
    except (OSError, http.client.HTTPException):
        return False
    finally:
        conn.close()


@contextmanager
def _no_heartbeats() -> Iterator[None]:
    """No flow-run heartbeats on the embedded server: nothing there watches for missing ones
    (no automations), and Prefect's heartbeat thread sleeps in whole seconds, so its join
    cost up to 1 s at the end of every flow. Prefect is imported by now (`warm`)."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    # without that join the command reaches Prefect's exit drain with the run's last events
    # still queued, and its events worker says so at WARNING on every run ("Still processing
    # items"); the drain still sends them
    logging.getLogger(_EVENTS_WORKER_LOGGER).setLevel(logging.ERROR)
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield


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
