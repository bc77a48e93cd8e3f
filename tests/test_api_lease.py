"""The embedded API's record and leases (`pipelines.api_lease`): who holds a server, told
apart from processes that are gone or whose pid was reused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from smartcert.pipelines import api_lease
from smartcert.pipelines.local_api import _server_key


def _gone_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_lease_counts_for_its_server_only(tmp_path: Path) -> None:
    with api_lease.locked(tmp_path):
        mine = api_lease.take_lease(tmp_path, 111)
        api_lease.take_lease(tmp_path, 111)  # a second block in the same process
        api_lease.take_lease(tmp_path, 222)
        assert api_lease.holders(tmp_path, 111) == 2
        assert api_lease.holders(tmp_path, 222) == 1
        mine.unlink()
        assert api_lease.holders(tmp_path, 111) == 1
        assert api_lease.holders(tmp_path, 333) == 0


def test_leases_of_gone_or_reused_processes_are_swept(tmp_path: Path) -> None:
    leases = tmp_path / "leases"
    leases.mkdir()
    dead = leases / f"{_gone_pid()}-aaaa"
    dead.write_text("12345 111", encoding="utf-8")
    # this pid is alive, but a lease with another start time was a former owner's
    reused = leases / f"{os.getpid()}-bbbb"
    reused.write_text(f"{int(api_lease.started_at(os.getpid()) or 0) - 1} 111",
                      encoding="utf-8")
    live = api_lease.take_lease(tmp_path, 111)
    (leases / "notes.txt").write_text("not a lease", encoding="utf-8")
    assert api_lease.holders(tmp_path, 111) == 1
    assert not dead.exists() and not reused.exists() and live.exists()
    assert (leases / "notes.txt").exists()


def test_a_zombie_is_gone() -> None:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    end = time.monotonic() + 30
    while Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
        assert time.monotonic() < end
        time.sleep(0.02)
    assert api_lease.started_at(proc.pid) is None  # exited, not yet reaped
    proc.wait()
    assert api_lease.started_at(proc.pid) is None
    assert api_lease.started_at(os.getpid())


def test_the_record_names_a_running_server_only(tmp_path: Path) -> None:
    api_lease.write_record(tmp_path, os.getpid(), "http://127.0.0.1:1/api", "k1")
    record = api_lease.read_record(tmp_path)
    assert record is not None and (record.pid, record.key) == (os.getpid(), "k1")
    api_lease.retire_record(tmp_path, os.getpid() + 1)  # another server's: kept
    assert api_lease.read_record(tmp_path) == record
    api_lease.retire_record(tmp_path, os.getpid())
    assert api_lease.read_record(tmp_path) is None

    api_lease.write_record(tmp_path, _gone_pid(), "http://127.0.0.1:1/api", "k1")
    assert api_lease.read_record(tmp_path) is None
    (tmp_path / "server.json").write_text("{", encoding="utf-8")  # cut short
    assert api_lease.read_record(tmp_path) is None
    (tmp_path / "server.json").write_text(json.dumps({"pid": os.getpid()}), encoding="utf-8")
    assert api_lease.read_record(tmp_path) is None


def test_the_lock_is_held_by_one_block_at_a_time(tmp_path: Path) -> None:
    order: list[str] = []
    entered = threading.Event()

    def other() -> None:
        entered.wait()
        with api_lease.locked(tmp_path):  # a second open file: flock excludes it too
            order.append("other")

    t = threading.Thread(target=other)
    t.start()
    with api_lease.locked(tmp_path):
        entered.set()
        time.sleep(0.3)
        order.append("first")
    t.join(10)
    assert order == ["first", "other"]


@pytest.mark.parametrize(("raw", "seconds"), [(None, 300.0), ("0", 0.0), ("2.5", 2.5),
                                              ("-4", 0.0), ("five", 300.0), (" ", 300.0)])
def test_linger_seconds(monkeypatch: pytest.MonkeyPatch, raw: str | None,
                        seconds: float) -> None:
    if raw is None:
        monkeypatch.delenv(api_lease.LINGER_ENV, raising=False)
    else:
        monkeypatch.setenv(api_lease.LINGER_ENV, raw)
    assert api_lease.linger_seconds() == seconds


def test_the_server_key_follows_prefect_settings_not_display_ones(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "a"))
    key = _server_key()
    monkeypatch.setenv("PREFECT_LOGGING_LEVEL", "DEBUG")  # --verbose
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:1/api")
    assert _server_key() == key
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "b"))  # another database
    assert _server_key() != key
