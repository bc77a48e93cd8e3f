"""The embedded Prefect API (`pipelines.local_api`): one server per data directory, shared by
the commands using it, ending itself once none has used it for the linger time. The server
runs in a session of its own so that Ctrl-C reaches the command first; a command killed
outright (SIGKILL, the OOM killer) used to leave it serving forever."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import httpx
import pytest

from smartcert.pipelines.api_lease import LINGER_ENV

# the command's part: the API for the length of the block, held open until stdin has a line
SCRIPT = """
import sys
from pathlib import Path
from smartcert.pipelines.local_api import local_api

with local_api(Path(sys.argv[1])) as url:
    from prefect.settings import get_current_settings

    print(url, flush=True)
    print(f"heartbeats={get_current_settings().flows.heartbeat_frequency}", flush=True)
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
        raise AssertionError(f"API server {server} outlived its commands by {seconds:.0f} s")


@contextmanager
def _command(tmp_path: Path, linger: float = 0, home: str = "prefect",
             cache: Path | None = None) -> Iterator[tuple[subprocess.Popen[str], str, int]]:
    """A command holding the API open: (its process, the API URL, the server's pid, started
    by it or found running). The server is killed afterwards if it is still there and the
    command failed, so that a failure leaks nothing."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "SMARTCERT_"))}
    env |= {"PREFECT_HOME": str(tmp_path / home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            LINGER_ENV: str(linger)}
    if cache is not None:  # where the database template is kept (`api_template`)
        env["XDG_CACHE_HOME"] = str(cache)
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, str(tmp_path)], env=env, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    server = None
    try:
        url = proc.stdout.readline().strip()  # type: ignore[union-attr]
        assert url.startswith("http://127.0.0.1:"), (url, _log(tmp_path))
        # nothing on the embedded server watches them; their thread's join cost up to 1 s
        assert proc.stdout.readline().strip() == "heartbeats=None"  # type: ignore[union-attr]
        server = _recorded(tmp_path)
        assert httpx.get(f"{url}/health", timeout=10).status_code == 200
        yield proc, url, server
    except BaseException:
        if server is not None and alive(server):
            os.kill(server, signal.SIGKILL)
        raise
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


def _recorded(data_dir: Path) -> int:
    """The pid of the data directory's recorded server."""
    record = json.loads((data_dir / "prefect-api" / "server.json").read_text("utf-8"))
    return int(record["pid"])


def _log(tmp_path: Path) -> str:
    log = tmp_path / "prefect-api.log"
    return log.read_text(errors="replace")[-2000:] if log.exists() else ""


def _close(proc: subprocess.Popen[str]) -> None:
    out, _ = proc.communicate("\n", timeout=30)
    assert proc.returncode == 0 and out.strip() == "closed"


@pytest.mark.slow
def test_server_ends_when_the_command_is_killed(tmp_path: Path) -> None:
    with _command(tmp_path) as (proc, url, server):
        assert server == server_of(proc.pid)  # started by this command
        os.kill(proc.pid, signal.SIGKILL)  # no `finally` runs: only the server can notice
        proc.wait()
        assert_gone_within(server, 10)
        with pytest.raises(httpx.TransportError):
            httpx.get(f"{url}/health", timeout=2)
        assert not (tmp_path / "prefect-api" / "server.json").exists()  # retired


@pytest.mark.slow
def test_server_without_linger_ends_with_the_block(tmp_path: Path) -> None:
    with _command(tmp_path) as (proc, _url, server):
        _close(proc)
        assert_gone_within(server, 10)


@pytest.mark.slow
def test_the_next_command_uses_the_lingering_server_which_then_ends(tmp_path: Path) -> None:
    linger = 8.0
    with _command(tmp_path, linger) as (first, url, server):
        _close(first)
    ended = time.monotonic()
    time.sleep(1.5)  # past the server's polls: no lease on it now
    assert alive(server)
    with _command(tmp_path, linger) as (second, again, reused):
        assert (again, reused) == (url, server)  # no second server was started
        assert time.monotonic() - ended < linger, "too slow to test the linger"
        time.sleep(linger + 1)  # longer than the linger: the second command's lease holds it
        assert alive(server)
        _close(second)
    assert_gone_within(server, linger + 10)


@pytest.mark.slow
def test_a_server_started_with_other_settings_is_not_used(tmp_path: Path) -> None:
    with _command(tmp_path, linger=60) as (first, url, server):
        _close(first)
    try:
        # another Prefect home: another database, so not the running server
        with _command(tmp_path, home="prefect-other") as (second, other, started):
            assert other != url and started != server and started == server_of(second.pid)
            _close(second)
        assert_gone_within(started, 10)
    finally:
        os.kill(server, signal.SIGTERM)  # the first one lingers for a minute
        assert_gone_within(server, 10)


@pytest.mark.slow
def test_a_new_data_directory_starts_from_the_first_ones_migrated_database(
        tmp_path: Path) -> None:
    cache, first_dir, second_dir = tmp_path / "cache", tmp_path / "a", tmp_path / "b"
    with _command(first_dir, cache=cache) as (first, _url, server):
        _close(first)
    assert_gone_within(server, 10)
    (template,) = (cache / "smartcert" / "prefect-db").glob("*.db")
    with closing(sqlite3.connect(template)) as db:
        assert db.execute("select count(*) from alembic_version").fetchone() == (1,)
        assert db.execute("select count(*) from flow_run").fetchone() == (0,)
        db.execute("create table smartcert_marker (x)")  # to tell a copy from a migration
        db.commit()
    with _command(second_dir, cache=cache) as (second, _url, server):
        with closing(sqlite3.connect(second_dir / "prefect" / "prefect.db")) as db:
            names = {r[0] for r in db.execute("select name from sqlite_master")}
        assert "smartcert_marker" in names and "flow_run" in names
        _close(second)
    assert_gone_within(server, 10)
