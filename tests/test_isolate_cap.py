"""The worker pool under a cap (`isolate.worker_cap`): a reading that finds every worker busy
waits for one instead of starting another process; without a cap the pool starts what it
is asked for, as before. The workers here are stand-ins: the pool's bookkeeping is what is
tested, not the processes (tests/test_cli_extract.py runs the real ones)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import ClassVar

import pytest

from smartcert.extractors import isolate


class _FakeWorker:
    started: ClassVar[list[_FakeWorker]] = []
    running = 0
    most = 0
    lock = threading.Lock()

    def __init__(self, memory_mb: int) -> None:
        self.memory_mb = memory_mb
        self.jobs = 0
        self.ready = True
        self.killed = False
        _FakeWorker.started.append(self)

    def run(self, job: tuple[object, ...], timeout_s: float) -> isolate.Outcome:
        self.jobs += 1
        with _FakeWorker.lock:
            _FakeWorker.running += 1
            _FakeWorker.most = max(_FakeWorker.most, _FakeWorker.running)
        time.sleep(0.02)  # long enough for the other threads to ask meanwhile
        with _FakeWorker.lock:
            _FakeWorker.running -= 1
        return isolate.Outcome(part=None)

    def reusable(self) -> bool:
        return True

    def kill(self) -> None:
        self.killed = True


@pytest.fixture
def pool(monkeypatch: pytest.MonkeyPatch) -> Iterator[isolate._Pool]:
    monkeypatch.setattr(isolate, "_Worker", _FakeWorker)
    _FakeWorker.started, _FakeWorker.running, _FakeWorker.most = [], 0, 0
    p = isolate._Pool()
    monkeypatch.setattr(isolate, "_POOL", p)
    yield p
    p._idle.clear()


def _read_side_by_side(pool: isolate._Pool, n: int, memory_mb: int = 100) -> None:
    threads = [threading.Thread(target=pool.run, args=((str(k),), memory_mb, 5.0))
               for k in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    assert not any(t.is_alive() for t in threads)


def test_under_a_cap_a_reading_waits_for_a_worker(pool: isolate._Pool) -> None:
    with isolate.worker_cap(2):
        _read_side_by_side(pool, 6)
    assert len(_FakeWorker.started) == 2 and _FakeWorker.most == 2
    assert sum(w.jobs for w in _FakeWorker.started) == 6
    assert pool.cap is None  # the command's cap ends with it
    assert pool._alive() == 2 and not pool._busy  # both back idle, for the next document


def test_without_a_cap_every_reading_gets_a_worker(pool: isolate._Pool) -> None:
    _read_side_by_side(pool, 4)
    assert len(_FakeWorker.started) == 4 and _FakeWorker.most == 4


def test_at_the_cap_an_idle_worker_of_another_limit_makes_room(pool: isolate._Pool) -> None:
    with isolate.worker_cap(1):
        _read_side_by_side(pool, 1, memory_mb=100)
        _read_side_by_side(pool, 1, memory_mb=200)  # would wait forever for a 200 MB worker
    first, second = _FakeWorker.started
    assert first.killed and (first.memory_mb, second.memory_mb) == (100, 200)
    assert pool._idle == {100: [], 200: [second]}


def test_a_cap_must_allow_a_worker() -> None:
    with pytest.raises(ValueError), isolate.worker_cap(0):
        pass
