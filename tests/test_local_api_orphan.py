"""The embedded Prefect API (`pipelines.local_api`) does not outlive the command that started
it. The server runs in a session of its own so that Ctrl-C reaches the command first; a
command killed outright (SIGKILL, the OOM killer) used to leave it serving forever."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

# the command's part: the API for the length of the block, held open until stdin has a line
SCRIPT = """
import sys
from pathlib import Path
from smartcert.pipelines.local_api import local_api

with local_api(Path(sys.argv[1])) as url:
    print(url, flush=True)
    sys.stdin.readline()
print("closed", flush=True)
"""
APP = "prefect.server.api.server:create_app"  # in the server's command line, old and new


def alive(pid: int) -> bool:
    """Running: a zombie nobody reaped yet (an orphan's reaper may be slow) is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def server_of(parent: int) -> int:
    """The pid of the API server `parent` started."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == parent and APP.encode() in cmdline:
            return int(entry.name)
    raise AssertionError(f"no API server started by {parent}")


def assert_gone_within(server: int, seconds: float) -> None:
    """The server ends within `seconds` of its command's end; killed if not, leaking nothing."""
    end = time.monotonic() + seconds
    while alive(server) and time.monotonic() < end:
        time.sleep(0.1)
    if alive(server):
        os.kill(server, signal.SIGKILL)
        raise AssertionError(f"API server {server} outlived its command by {seconds:.0f} s")


@contextmanager
def _command(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], str, int]]:
    """The command holding the API open: (its process, the API URL, the server's pid). The
    server is killed afterwards if it is still there, so that a failure leaks nothing."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "SMARTCERT_"))}
    env |= {"PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, str(tmp_path)], env=env, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    server = None
    try:
        url = proc.stdout.readline().strip()  # type: ignore[union-attr]
        assert url.startswith("http://127.0.0.1:"), (url, _log(tmp_path))
        server = server_of(proc.pid)
        assert httpx.get(f"{url}/health", timeout=10).status_code == 200
        yield proc, url, server
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        if server is not None and alive(server):
            os.kill(server, signal.SIGKILL)


def _log(tmp_path: Path) -> str:
    log = tmp_path / "prefect-api.log"
    return log.read_text(errors="replace")[-2000:] if log.exists() else ""


@pytest.mark.slow
def test_server_ends_when_the_command_is_killed(tmp_path: Path) -> None:
    with _command(tmp_path) as (proc, url, server):
        os.kill(proc.pid, signal.SIGKILL)  # no `finally` runs: only the server can notice
        proc.wait()
        assert_gone_within(server, 10)
        with pytest.raises(httpx.TransportError):
            httpx.get(f"{url}/health", timeout=2)


@pytest.mark.slow
def test_server_ends_with_the_block(tmp_path: Path) -> None:
    with _command(tmp_path) as (proc, _url, server):
        out, _ = proc.communicate("\n", timeout=30)
        assert proc.returncode == 0 and out.strip() == "closed"
        assert not alive(server)  # stopped and reaped by the block's end, not orphaned
