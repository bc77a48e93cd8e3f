"""The command's progress display: bars (rich) for the documents read and the pages OCR'd,
fed by the events the run appends to a file (`extractors.progress`) from whichever thread,
Dask worker or isolation worker does the work; this process polls the file.

Bars only when asked (`--progress bar`) or when stderr is a terminal (`auto`); otherwise
nothing is polled and the run's own lines (one per finished submission) are all there is.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

POLL_S = 0.2  # how often the events file is read; a line is ~50 bytes


class Display:
    """Use as a context manager: `events` is the file to hand to the run (None: no bars);
    the bars reach their totals when the block ends, and the file is removed."""

    def __init__(self, mode: str, folder: Path | None, submissions: int | None = None,
                 stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = mode == "bar" or (mode == "auto" and self.stream.isatty())
        self.folder = folder  # None: a private temporary folder
        self.submissions = submissions  # how many the run takes in, when known
        self.events: Path | None = None
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._offset = 0
        self._rest = b""
        self.progress: Progress | None = None
        self._whole: TaskID | None = None  # a batch: its submissions read so far
        self._docs: TaskID | None = None
        self._subs: dict[str, TaskID] = {}  # a batch: a bar for each submission being read
        self._left: dict[str, int] = {}  # submission → documents not read yet
        self._ocr: TaskID | None = None
        self._total = 0  # documents known so far
        self._pages = 0  # pages OCR'd so far

    def __enter__(self) -> Display:
        if not self.enabled:
            return self
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        if self.folder is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="smartcert-progress-")
            folder = Path(self._tmp.name)
        else:
            folder = self.folder
            folder.mkdir(parents=True, exist_ok=True)
        self.events = folder / f"events-{os.getpid()}-{time.time_ns()}.jsonl"
        self.events.touch()
        tty = self.stream.isatty()
        console = Console(file=self.stream, force_terminal=True if not tty else None)
        self.progress = Progress(TextColumn("{task.description}"), BarColumn(),
                                 MofNCompleteColumn(), TimeElapsedColumn(), console=console,
                                 refresh_per_second=8 if tty else 1)
        if (self.submissions or 0) > 1:
            self._whole = self.progress.add_task("제출물", total=self.submissions)
        self._docs = self.progress.add_task("문서 읽기", total=None)
        self.progress.start()
        self._thread = threading.Thread(target=self._poll, name="smartcert-progress",
                                        daemon=True)
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        if not self.enabled:
            return
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self._read()  # what was appended since the last poll: the bars reach their totals
        assert self.progress is not None
        if self._ocr is not None:  # the pages are all counted now: a full bar, its time stopped
            self.progress.update(self._ocr, total=self._pages)
        self.progress.refresh()
        self.progress.stop()
        if self.events is not None:
            self.events.unlink(missing_ok=True)
        if self._tmp is not None:
            self._tmp.cleanup()

    # -- the events -------------------------------------------------------------------
    def _poll(self) -> None:
        while not self._stop.wait(POLL_S):
            self._read()

    def _read(self) -> None:
        assert self.events is not None
        with contextlib.suppress(OSError), self.events.open("rb") as f:
            f.seek(self._offset)
            data = f.read()
        if not data:
            return
        self._offset += len(data)
        *lines, self._rest = (self._rest + data).split(b"\n")
        for line in lines:
            with contextlib.suppress(ValueError):
                self._apply(json.loads(line))

    def _apply(self, event: dict[str, object]) -> None:
        kind, sub, p = event.get("k"), event.get("sub"), self.progress
        assert p is not None and self._docs is not None
        if kind == "files":
            n = int(event.get("n", 0))  # type: ignore[call-overload]
            self._total += n
            p.update(self._docs, total=self._total)
            if isinstance(sub, str) and self._whole is not None:
                k = len(self._subs) + 1
                self._subs[sub] = p.add_task(f"  [{k}/{self.submissions}] {sub}", total=n)
                self._left[sub] = n
                if n == 0:
                    self._read_all(sub)
        elif kind == "doc":
            p.advance(self._docs)
            if isinstance(sub, str) and sub in self._subs:
                p.advance(self._subs[sub])
                self._left[sub] -= 1
                if self._left[sub] == 0:
                    self._read_all(sub)
        elif kind == "ocr":
            if self._ocr is None:
                self._ocr = p.add_task("OCR 쪽", total=None)
            self._pages += 1
            p.advance(self._ocr)

    def _read_all(self, sub: str) -> None:
        """A submission's documents are read: its bar goes (the run prints its line)."""
        assert self.progress is not None
        self.progress.update(self._subs[sub], visible=False)
        if self._whole is not None:
            self.progress.advance(self._whole)
