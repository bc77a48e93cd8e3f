"""Who holds the embedded Prefect API of a data directory: the record of the running server
and one lease file per command using it, all under one lock. Shared by the command side
(`local_api`) and the server's own process (`local_api_server`); standard library only, as
the server imports it before uvicorn.

    <data dir>/prefect-api/lock           flock: finding, starting and retiring a server
    <data dir>/prefect-api/server.json    the running server: pid, URL, what it was started with
    <data dir>/prefect-api/leases/<pid>-<random>   a command using it: its start time, the server

A server lives while a lease names it, then `LINGER_ENV` seconds more (an operator running the
same batch again reuses it instead of paying the server's start), then retires: it removes
its record under the lock, so no command picks it up while it stops. A lease whose process
is gone (SIGKILL, the OOM killer) is swept by the server; a pid reused by another process is
told apart by its start time.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

FOLDER = "prefect-api"
LINGER_ENV = "SMARTCERT_API_LINGER_SECONDS"
DEFAULT_LINGER = 300.0  # five minutes: a re-run after reading a report finds the server up
_RECORD = "server.json"
_LEASES = "leases"
_LOCK = "lock"


def linger_seconds() -> float:
    """How long an unused server stays: `LINGER_ENV`, else the default (0: it ends with the
    last command using it)."""
    raw = os.environ.get(LINGER_ENV, "").strip()
    try:
        value = float(raw) if raw else DEFAULT_LINGER
    except ValueError:
        return DEFAULT_LINGER
    return max(value, 0.0)


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """The folder's lock for the block (released by the kernel if the holder dies)."""
    fd = os.open(folder / _LOCK, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def started_at(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (/proc), or None when it is gone or
    a zombie; "" where /proc is not there and only the pid can be checked."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        if Path("/proc/self/stat").exists():
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            pass
        return ""
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return None if fields[0] in ("Z", "X") else fields[19]


@dataclass(frozen=True)
class Record:
    pid: int
    url: str
    key: str  # what the server was started with (interpreter, Prefect, settings)
    started: str  # its process's start time, against a reused pid


def read_record(folder: Path) -> Record | None:
    """The recorded server if its process still runs; None otherwise."""
    try:
        data = json.loads((folder / _RECORD).read_text(encoding="utf-8"))
        record = Record(int(data["pid"]), str(data["url"]), str(data["key"]),
                        str(data["started"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return record if started_at(record.pid) == record.started else None


def write_record(folder: Path, pid: int, url: str, key: str) -> None:
    tmp = folder / f"{_RECORD}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps({"pid": pid, "url": url, "key": key,
                               "started": started_at(pid) or ""}), encoding="utf-8")
    tmp.replace(folder / _RECORD)


def retire_record(folder: Path, pid: int) -> None:
    """Remove the record if it names `pid` (a newer server's record is left alone)."""
    try:
        data = json.loads((folder / _RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(data, dict) and data.get("pid") == pid:
        (folder / _RECORD).unlink(missing_ok=True)


def take_lease(folder: Path, server: int) -> Path:
    """This process's lease on `server` (a pid), taken under the lock; unique per call, so
    two blocks in one process hold two leases."""
    leases = folder / _LEASES
    leases.mkdir(parents=True, exist_ok=True)
    me = os.getpid()
    lease = leases / f"{me}-{secrets.token_hex(4)}"
    lease.write_text(f"{started_at(me) or ''} {server}", encoding="utf-8")
    return lease


def holders(folder: Path, server: int) -> int:
    """How many live commands hold a lease on `server`; the leases of processes that are
    gone are removed. Call under the lock."""
    count = 0
    for lease in (folder / _LEASES).iterdir():
        try:
            started, on = lease.read_text(encoding="utf-8").split(" ")
            pid, on_pid = int(lease.name.split("-", 1)[0]), int(on)
        except (OSError, ValueError):
            continue  # not a lease (its writer held the lock, so none is half-written)
        if started_at(pid) != started:
            lease.unlink(missing_ok=True)
        elif on_pid == server:
            count += 1
    return count
