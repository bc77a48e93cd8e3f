"""Progress events of a run, for the operator's display: one JSON line per event appended to
a file the display polls (`smartcert.cli.progress`).

The work runs in the command's threads, in Dask worker processes and in the isolation
workers (`extractors/isolate.py`); a file that every one of them may append to is the one
channel they all share (the batch and output folders are on a shared path already). A line
is one `write` on a file opened with O_APPEND, so lines of concurrent writers never
interleave. Events:

    {"k": "files", "sub": "누리시", "n": 7}   a submission's documents are known
    {"k": "doc", "sub": "누리시"}              one of them is read (or came from the cache)
    {"k": "ocr"}                               Tesseract finished a page (or gave up on it)

Nothing is written unless a caller names the file (`events_to`): a run without a display
pays nothing, and one with it a write per document and per OCR page (each ~2.5 s of work).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path

_current: ContextVar[Path | None] = ContextVar("smartcert_progress_events", default=None)
# Tesseract's pages read in threads the caller's context does not reach (the PDF reader's
# OCR pool): the file of the run in progress in this process, if any
_lock = threading.Lock()
_active: dict[Path, int] = {}
_listening = False


def emit_to(path: Path | None, kind: str, **fields: object) -> None:
    """Append one event to `path` (no-op for None). A display that cannot be fed is no
    reason to stop a run: a failed write (the folder removed, a full disk the run itself
    will then report) is dropped."""
    if path is None:
        return
    line = json.dumps({"k": kind, **fields}, ensure_ascii=False) + "\n"
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line.encode("utf-8"))
        finally:
            os.close(fd)


def emit(kind: str, **fields: object) -> None:
    """Append one event to the file of the run this code works for (`events_to`)."""
    path = _current.get()
    if path is None:
        with _lock:
            path = next(iter(_active), None)
    emit_to(path, kind, **fields)


def ocr_page_done() -> None:
    emit("ocr")


@contextlib.contextmanager
def events_to(path: Path | None) -> Iterator[None]:
    """Within the block, this thread's events (and Tesseract's pages read in this process)
    go to `path`; None: nowhere, the block runs as it would without."""
    if path is None:
        yield
        return
    _listen()
    token = _current.set(path)
    with _lock:
        _active[path] = _active.get(path, 0) + 1
    try:
        yield
    finally:
        _current.reset(token)
        with _lock:
            _active[path] -= 1
            if not _active[path]:
                del _active[path]


def _listen() -> None:
    """Count Tesseract's pages read in this process (`isolate=False`, or no worker could
    start); pages read in an isolation worker are counted by its caller as it hears of them."""
    global _listening
    with _lock:
        if _listening:
            return
        _listening = True
    from smartcert.extractors import ocr

    ocr.on_tesseract_run(lambda _seconds: ocr_page_done())
