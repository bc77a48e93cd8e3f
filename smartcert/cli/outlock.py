"""One command at a time per output folder: two runs writing into the same `--out` would
interleave their files and their store. The command holds an exclusive `flock` on
`<out>/.work/smartcert.lock` from the preflight to its end; a second command is refused
with one Korean line naming the holder. The kernel drops the lock when the process ends
however it ends (Ctrl-C, a crash, kill -9), so a stale lock file never blocks anyone.

Standard library only: taken before anything heavy is imported."""

from __future__ import annotations

import errno
import fcntl
import json
import os
import time
from datetime import datetime
from pathlib import Path
from types import TracebackType

from smartcert.cli.preflight import UsageProblem

LOCK_NAME = "smartcert.lock"
_HOLDER_WAIT_S = 1.0  # the holder writes its pid right after locking: wait that long for it
# file systems that cannot lock (some network mounts): run unlocked rather than not at all
_NO_LOCKING = frozenset({errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL})


def lock_path(out: Path) -> Path:
    return Path(out) / ".work" / LOCK_NAME


class OutLock:
    """The output folder's lock, held from `take` until `release` (or the block's end)."""

    def __init__(self, fd: int | None) -> None:
        self._fd = fd

    @classmethod
    def take(cls, out: Path | str | None) -> OutLock:
        """Lock `out` (None: nothing to lock) or raise UsageProblem naming who holds it."""
        if out is None:
            return cls(None)
        path = lock_path(Path(out))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)  # never truncate the holder's
        except OSError as e:
            raise UsageProblem(f"결과 폴더(--out)에 잠금 파일을 만들 수 없습니다: {path} "
                               f"({e.strerror or type(e).__name__})") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            raise UsageProblem(f"다른 smartcert 실행({holder})이 이 결과 폴더({out})를 쓰고 "
                               "있습니다 — 끝난 뒤 다시 실행하거나 다른 --out을 지정하세요"
                               ) from None
        except OSError as e:
            if e.errno not in _NO_LOCKING:
                os.close(fd)
                raise UsageProblem(f"결과 폴더(--out)를 잠글 수 없습니다: {path} "
                                   f"({e.strerror or type(e).__name__})") from None
            return cls(fd)
        _write_holder(fd)
        return cls(fd)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the only descriptor drops the flock
            self._fd = None

    def __enter__(self) -> OutLock:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()


def _write_holder(fd: int) -> None:
    started = datetime.now().astimezone().isoformat(timespec="seconds")
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps({"pid": os.getpid(), "started": started}).encode(), 0)


def _holder(fd: int) -> str:
    """'pid N, <start> 시작' from the lock file (read while the holder may still be writing)."""
    deadline = time.monotonic() + _HOLDER_WAIT_S
    while True:
        try:
            raw = json.loads(os.pread(fd, 4096, 0) or b"null")
        except ValueError:
            raw = None
        if isinstance(raw, dict) or time.monotonic() >= deadline:
            break
        time.sleep(0.05)
    if not isinstance(raw, dict):
        return "pid 알 수 없음"
    started = str(raw.get("started", ""))
    try:
        started = datetime.fromisoformat(started).strftime("%Y-%m-%d %H:%M:%S 시작")
    except ValueError:
        started = "시작 시각 알 수 없음"
    return f"pid {raw.get('pid', '?')}, {started}"
