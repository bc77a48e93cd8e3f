"""Each document read in a worker process, under a time and a memory limit.

A pathological file — a page MuPDF loops on, a sheet that inflates to gigabytes, a panic
that aborts the HWP library — must not stall or kill the batch. `extract_isolated` sends
the document to a worker process (`python -m smartcert.extractors.isolate`), which reads
it with the ordinary backends under an address-space limit (`RLIMIT_AS`, set in the worker
itself); the caller waits at most the time limit. A worker that overruns is killed with
its Tesseract children (its own process group) and the document becomes an
`intake.time-limit` / `intake.memory-limit` finding; the next document gets a new worker.

Workers are kept and reused (their start, ~1.5 s of imports, is paid once per process and
memory limit), one per concurrent caller thread. They are subprocesses, not
`multiprocessing` children: a Dask worker is a daemon process, which may not have those.
The time limit does not count Tesseract's runs, which the worker reports as they end: OCR
is bounded by its own budget (`Limits.max_ocr_pages`) and per-page timeout.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import pickle
import resource
import select
import signal
import struct
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from smartcert.extractors import progress

if TYPE_CHECKING:  # the command starts its workers before it loads the models (`prestart`)
    from smartcert.extractors.base import ExtractSettings
    from smartcert.extractors.limits import Limits
    from smartcert.extractors.models import DocumentExtract
    from smartcert.extractors.pdf.parts import PdfPart

_HEADER = struct.Struct(">Q")
# a worker whose address space grew past this share of its limit is not reused: the next
# document would start with less than it is allowed
_RECYCLE_SHARE = 0.5
_MAX_JOBS = 500  # and none is reused forever (heap fragmentation)
_START_TIMEOUT_S = 120.0  # imports on a loaded machine
_MAX_FRAME = 1 << 36  # a length beyond any extract: the stream is not ours
_GC_YOUNG = 50_000  # allocations between young collections in a worker (default 700)


class WorkerTraceback(Exception):
    """A worker's traceback, as text, for the caller's log."""


class WorkerLost(Exception):
    """The worker died, or was killed, before it answered."""

    def __init__(self, reason: str, memory: bool, started: bool = True) -> None:
        super().__init__(reason)
        self.reason = reason
        self.memory = memory
        self.started = started  # False: the worker never came up (the machine's problem)


@dataclass(frozen=True)
class Outcome:
    """A worker's answer: the document, or why there is none."""

    doc: DocumentExtract | None = None
    timed_out: bool = False
    memory: str | None = None  # why the memory limit is the cause
    failed: str | None = None  # exception type name of an extractor failure
    trace: str = ""
    operational: OSError | None = None  # the machine's failure: re-raised by the caller
    unstarted: bool = False  # no worker could be started: the caller reads it itself
    # a part of a PDF's pages (`extract_isolated(part=…)`); None also when the worker gave
    # it up: the document is then read whole
    part: PdfPart | None = None


class _GcPause:
    """The collector off while any thread unpickles an extract (`_recv`), one young
    collection after.

    An extract is tens of thousands of new objects, none of them garbage: with the collector
    on, unpickling one triggers a collection every 700 of them, and the old generations'
    scans walk everything the caller already holds (a batch's documents): two thirds of
    the unpickling time, measured. Threads unpickle side by side (a PDF's parts), so the
    collector is back on only when the last of them is done, and only if it was on before.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._inside = 0  # threads unpickling now
        self._was_on = False  # whether the collector was on when the first of them began

    @contextlib.contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if self._inside == 0:
                self._was_on = gc.isenabled()
                gc.disable()
            self._inside += 1
        try:
            yield
        finally:
            with self._lock:
                self._inside -= 1
                if self._inside == 0 and self._was_on:
                    gc.enable()
                    gc.collect(0)


_gc_paused = _GcPause()


# -- protocol: length-prefixed pickles over the worker's stdin/stdout --------------------
def _send(stream: IO[bytes], obj: object) -> None:
    payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    for part in (_HEADER.pack(len(payload)), payload):
        data = memoryview(part)
        while data:  # an unbuffered pipe may take part of it
            data = data[stream.write(data) or 0:]
    stream.flush()


def _read_exactly(stream: IO[bytes], n: int) -> bytes:
    chunks, got = [], 0
    while got < n:
        chunk = stream.read(n - got)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _recv(stream: IO[bytes]) -> Any:
    (size,) = _HEADER.unpack(_read_exactly(stream, _HEADER.size))
    if size > _MAX_FRAME:
        raise pickle.UnpicklingError(f"frame of {size} bytes")
    payload = _read_exactly(stream, size)
    with _gc_paused():
        return pickle.loads(payload)


# -- the parent side ------------------------------------------------------------------
class _Worker:
    def __init__(self, memory_mb: int) -> None:
        env = dict(os.environ)
        # glibc reserves 64 MiB of address space per thread arena: keep them few under
        # RLIMIT_AS (the OCR threads would otherwise reserve a GiB they never use)
        env.setdefault("MALLOC_ARENA_MAX", "2")
        self.memory_mb = memory_mb
        self.jobs = 0
        self.ready = False
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "smartcert.extractors.isolate", str(memory_mb)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            # unbuffered: `select` on the pipe must see every byte not yet read
            bufsize=0, env=env, start_new_session=True)  # Ctrl-C reaches us, not the worker

    @property
    def alive(self) -> bool:
        return self.proc.poll() is None

    def _wait_ready(self) -> None:
        """The worker's imports are not the document's time: wait for its first word."""
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], _START_TIMEOUT_S)
        try:
            if not ready or _recv(self.proc.stdout) != ("ready",):
                raise EOFError
        except (EOFError, pickle.UnpicklingError, struct.error) as exc:
            self.kill()
            raise WorkerLost("작업 프로세스가 시작되지 않음", memory=False, started=False) from exc
        self.ready = True

    def run(self, job: tuple[object, ...], timeout_s: float) -> Outcome:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        if not self.ready:
            self._wait_ready()
        self.jobs += 1
        try:
            _send(self.proc.stdin, job)
        except (BrokenPipeError, OSError) as exc:
            raise WorkerLost(f"작업 프로세스에 보낼 수 없음: {exc}", memory=False) from exc
        deadline = time.monotonic() + timeout_s
        out = self.proc.stdout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                self.kill()
                return Outcome(timed_out=True)
            ready, _, _ = select.select([out], [], [], min(left, 1.0))
            if not ready:
                continue
            try:
                kind, *rest = _recv(out)
            except (EOFError, pickle.UnpicklingError, struct.error) as exc:
                raise self._lost() from exc
            if kind == "ocr":  # a Tesseract run ended: its time is not the document's
                deadline += float(rest[0])
                progress.ocr_page_done()  # a page for the run's display, if it has one
                continue
            return _outcome(kind, rest)

    def _lost(self) -> WorkerLost:
        code = self.proc.wait()
        # SIGKILL: the kernel's OOM killer; SIGABRT: a library aborting on a failed malloc
        memory = code in (-signal.SIGKILL, -signal.SIGABRT)
        try:
            name = signal.Signals(-code).name if code < 0 else f"종료 코드 {code}"
        except ValueError:
            name = f"신호 {-code}"
        return WorkerLost(f"작업 프로세스가 비정상 종료됨 ({name})", memory)

    def vm_bytes(self) -> int:
        try:
            status = Path(f"/proc/{self.proc.pid}/status").read_text()
        except OSError:
            return 0
        for line in status.splitlines():
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
        return 0

    def reusable(self) -> bool:
        return (self.alive and self.jobs < _MAX_JOBS
                and self.vm_bytes() < _RECYCLE_SHARE * (self.memory_mb << 20))

    def end_input(self) -> None:
        if self.proc.stdin is not None:
            with contextlib.suppress(OSError):
                self.proc.stdin.close()  # the worker ends at end of input

    def close(self) -> None:
        self.end_input()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        """The worker and its Tesseract children: the process group it leads."""
        if self.alive:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()


def _outcome(kind: str, rest: list[Any]) -> Outcome:
    if kind == "done":
        return Outcome(doc=rest[0])
    if kind == "part":
        return Outcome(part=rest[0])
    if kind == "memory":
        return Outcome(memory=rest[0], trace=rest[1])
    if kind == "operational":
        return Outcome(operational=rest[0])
    return Outcome(failed=rest[0], trace=rest[1])


class _Pool:
    """Idle workers by memory limit; a caller takes one (or starts one) per document. Under a
    cap (`worker_cap`) a caller that finds every worker busy waits for one instead."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._freed = threading.Condition(self._lock)  # a worker went back idle, or ended
        self._idle: dict[int, list[_Worker]] = {}
        self._busy: set[_Worker] = set()
        self._starting = 0  # workers being started by callers, not yet busy
        self.reserved = 0  # cores held for the parts of a PDF (`cores_for_parts`)
        self.cap: int | None = None  # at most this many workers alive (`worker_cap`)
        atexit.register(self.shutdown)

    def run(self, job: tuple[object, ...], memory_mb: int, timeout_s: float) -> Outcome:
        worker, was_idle = self._take(memory_mb)
        try:
            return self._run_on(worker, job, timeout_s)
        except WorkerLost:  # an idle worker can die unseen (killed from outside): once more
            if not was_idle:
                raise
            return self._run_on(self._take(memory_mb, fresh=True)[0], job, timeout_s)

    def _alive(self) -> int:
        return len(self._busy) + self._starting + sum(map(len, self._idle.values()))

    def _take(self, memory_mb: int, fresh: bool = False) -> tuple[_Worker, bool]:
        """An idle worker for `memory_mb` (unless `fresh`), else a new one, marked busy, and
        whether it was idle. At the cap, an idle worker of another memory limit is ended to
        make room, or the caller waits for a worker to come back."""
        retired: _Worker | None = None
        with self._lock:
            while True:
                idle = self._idle.setdefault(memory_mb, [])
                if idle and not fresh:
                    worker = idle.pop()
                    self._busy.add(worker)
                    return worker, True
                if self.cap is None or self._alive() < self.cap:
                    break
                retired = next((ws.pop() for ws in self._idle.values() if ws), None)
                if retired is not None:
                    break
                self._freed.wait()
            self._starting += 1
        if retired is not None:
            retired.kill()
        started: _Worker | None = None
        try:
            started = _Worker(memory_mb)
        finally:
            with self._lock:
                self._starting -= 1
                if started is not None:
                    self._busy.add(started)
                else:
                    self._freed.notify_all()
        return started, False

    def prestart(self, memory_mb: int, count: int) -> int:
        """Start workers until `count` exist for `memory_mb`; how many were started."""
        with self._lock:
            have = len(self._idle.get(memory_mb, [])) + sum(
                1 for w in self._busy if w.memory_mb == memory_mb)
        started = 0
        for _ in range(count - have):
            worker = _Worker(memory_mb)
            with self._lock:
                self._idle.setdefault(memory_mb, []).append(worker)
            started += 1
        return started

    def _run_on(self, worker: _Worker, job: tuple[object, ...], timeout_s: float) -> Outcome:
        """Run `job` on `worker` (taken busy by `_take`); it goes back idle after, unless it
        ran out of memory, is spent or was lost."""
        keep = False
        try:
            out = worker.run(job, timeout_s)
            # a worker that ran out of memory ends itself: never handed the next document
            keep = out.memory is None and worker.reusable()
            return out
        finally:  # Ctrl-C or a lost worker included: an unfinished worker never returns
            if not keep:
                worker.kill()
            with self._lock:
                self._busy.discard(worker)
                if keep:
                    self._idle.setdefault(worker.memory_mb, []).append(worker)
                self._freed.notify_all()

    def shutdown(self) -> None:
        with self._lock:
            idle = [w for ws in self._idle.values() for w in ws]
            busy = list(self._busy)
            self._idle.clear()
        for w in busy:
            w.kill()
        for w in idle:  # all told first, then waited for: they end side by side
            w.end_input()
        for w in idle:
            w.close()


_POOL = _Pool()


def prestart(limits: Limits, count: int) -> int:
    """Start `count` workers for the documents' memory limit now, without waiting for them:
    their imports (~0.4 s) overlap the caller's own instead of following them when the
    first document is read. A command that will read documents calls it first thing, before
    it loads the models itself (this module needs none of them); a worker that cannot start
    is found out, as usual, by the first document it is given."""
    if not (limits.isolate and available()):
        return 0
    try:
        return _POOL.prestart(limits.doc_memory_mb, count)
    except OSError:
        return 0


@contextlib.contextmanager
def worker_cap(count: int) -> Iterator[None]:
    """At most `count` workers alive inside the block: a document that finds them all busy
    waits for one rather than start another (a process and its ~0.3 s of imports on cores
    already taken). The extract command reads a file per core and lets a long PDF's parts
    take the cores then free (`cores_for_parts`); uncapped, the next file started a third
    worker beside two reading parts."""
    if count < 1:
        raise ValueError(f"worker cap {count}")
    with _POOL._lock:
        before, _POOL.cap = _POOL.cap, count
    try:
        yield
    finally:
        with _POOL._lock:
            _POOL.cap = before
            _POOL._freed.notify_all()


def available() -> bool:
    """Worker processes with limits need POSIX (resource limits, process groups, select)."""
    return os.name == "posix"


def cores() -> int:
    return os.cpu_count() or 1


@contextlib.contextmanager
def cores_for_parts(want: int) -> Iterator[int]:
    """Up to `want` cores no worker of this process reads on, held while one PDF is read in
    parts (`api._read_in_parts`), so that documents other threads are reading are not
    crowded and two threads do not both split onto the same cores. Under 2: read it whole."""
    with _POOL._lock:
        free = cores() - len(_POOL._busy) - _POOL._starting - _POOL.reserved
        n = max(0, min(want, free))
        _POOL.reserved += n
    try:
        yield n
    finally:
        with _POOL._lock:
            _POOL.reserved -= n


def extract_isolated(path: Path, settings: ExtractSettings, name: str,
                     part: tuple[int, int] | None = None) -> Outcome:
    """Read `path` in a worker under `settings.limits`' time and memory limits; with
    `part` (index, count), only that part of a PDF's pages (`Outcome.part`)."""
    limits = settings.limits
    job = (str(path), settings, name, dict(os.environ), part)
    try:
        return _POOL.run(job, limits.doc_memory_mb, limits.doc_timeout_s)
    except WorkerLost as lost:
        if not lost.started:
            return Outcome(unstarted=True, trace=lost.reason)
        if lost.memory:
            return Outcome(memory=lost.reason)
        return Outcome(failed="WorkerLost", trace=lost.reason)


# -- the worker side ------------------------------------------------------------------
_MEMORY_WORDS = ("malloc", "out of memory", "cannot allocate", "memory allocation")


def _is_memory(exc: BaseException) -> bool:
    if isinstance(exc, MemoryError):
        return True
    text = str(exc).lower()
    return any(w in text for w in _MEMORY_WORDS)


def _watch_parent() -> None:
    """End when the caller is gone (it was killed without closing our input)."""
    parent = os.getppid()
    while os.getppid() == parent:
        time.sleep(2.0)
    os._exit(0)


def _serve(read: Callable[[Path, ExtractSettings, str], DocumentExtract],
           is_operational: Callable[[BaseException], bool],
           read_part: Callable[[Path, ExtractSettings, str, int, int], PdfPart | None]) -> None:
    inp = sys.stdin.buffer
    # the protocol gets its own copy of the pipe; fd 1 itself goes where stderr goes, so
    # that what a C library prints on stdout cannot corrupt the protocol
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    lock = threading.Lock()

    def send(obj: object) -> None:
        with lock:
            _send(out, obj)

    from smartcert.extractors import ocr

    ocr.on_tesseract_run(lambda seconds: send(("ocr", seconds)))
    threading.Thread(target=_watch_parent, daemon=True).start()
    send(("ready",))
    while True:
        try:
            path, settings, name, env, part = _recv(inp)
        except EOFError:
            return
        os.environ.clear()
        os.environ.update(env)
        try:
            if part is None:
                send(("done", read(Path(path), settings, name)))
            else:
                send(("part", read_part(Path(path), settings, name, *part)))
        except BaseException as exc:
            trace = traceback.format_exc()
            if _is_memory(exc):
                send(("memory", type(exc).__name__, trace))
                return  # a process that ran out of memory is not trusted with the next one
            if isinstance(exc, OSError) and is_operational(exc):
                send(("operational", OSError(exc.errno, exc.strerror, exc.filename)))
            elif isinstance(exc, Exception):
                send(("failed", type(exc).__name__, trace))
            else:
                raise


def main() -> None:
    memory_mb = int(sys.argv[1])
    limit = memory_mb << 20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the caller decides when we stop
    from smartcert.core.files.media import MediaType
    from smartcert.extractors.api import is_operational, read_document, read_part
    from smartcert.extractors.registry import backend_for

    # the PDF reader, what a worker reads nearly always, is loaded before the heap is
    # frozen below: loaded with the first document, PyMuPDF's objects would be walked by
    # every full collection of the reading. Other formats load when they come.
    backend_for(MediaType.PDF)

    # a reading allocates a few hundred thousand small records (glyphs, spans, cells) and
    # frees them together: the collector's default pace scans the young heap every 700 of
    # them and the old heap often, ~10 % of the reading. The imports stay out of every scan
    gc.collect()
    gc.freeze()
    gc.set_threshold(_GC_YOUNG, 20, 20)
    _serve(read_document, is_operational, read_part)
    # every answer was flushed: the interpreter's teardown (~25 ms) would only keep the
    # caller's exit waiting
    os._exit(0)


if __name__ == "__main__":
    main()
