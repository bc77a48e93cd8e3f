"""Extract one file: sniff its bytes, pick the backend registered for that type, run it."""

from __future__ import annotations

import contextvars
import errno
import logging
import queue
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from smartcert.core.files.hashing import sha256_file
from smartcert.core.files.media import MediaType
from smartcert.core.files.rules import empty_file
from smartcert.core.files.sniff import sniff
from smartcert.core.rulespec import RuleSpec
from smartcert.extractors import findings as R
from smartcert.extractors import isolate
from smartcert.extractors.base import Backend, ExtractSettings, new_document
from smartcert.extractors.findings import fail_document
from smartcert.extractors.limits import HOW_TO_RAISE, Limits
from smartcert.extractors.models import DocumentExtract, DocumentStatus, ExtractorInfo
from smartcert.extractors.pdf.parts import PdfPart, assemble, part_count
from smartcert.extractors.registry import backend_for, has_backend

if TYPE_CHECKING:
    from smartcert.extractors.pdf.backend import PdfBackend

_log = logging.getLogger(__name__)
# a smaller PDF is a form of a few pages: one worker reads it sooner than two can start
SPLIT_MIN_BYTES = 150_000

_UNSUPPORTED = {
    MediaType.HWP: R.HWP_BINARY,
    MediaType.HWPX: R.HWPX,
    MediaType.OLE: R.LEGACY_OFFICE,
    MediaType.ZIP: R.ARCHIVE_INSIDE,
    MediaType.UNKNOWN: R.UNREADABLE_FORMAT,
}


def _record_only(path: Path, media_type: MediaType, display_name: str) -> DocumentExtract:
    """Files we recognise but do not read still get an identity and a clear status."""
    doc = DocumentExtract(
        extractor=ExtractorInfo(name="none", version="1.0.0"), file=display_name,
        sha256=sha256_file(path), size=path.stat().st_size, media_type=media_type,
    )
    if media_type is MediaType.EMPTY:  # the same rule as intake's: core/files/rules.py
        doc.status = DocumentStatus.EMPTY
        doc.findings.append(empty_file(display_name))
        doc.status_detail = doc.findings[-1].message
        return doc
    status, rule = DocumentStatus.UNSUPPORTED, _UNSUPPORTED[media_type]
    # imported here: its XML libraries are ~12 ms of every worker's and command's start
    from smartcert.extractors.ooxml import is_encrypted_package

    if media_type is MediaType.OLE and is_encrypted_package(path):
        # a password-protected .xlsx/.docx is an OLE container holding the encrypted package
        status, rule = DocumentStatus.ENCRYPTED, R.ENCRYPTED
    return fail_document(doc, status, rule)


def extract_file(
    path: Path, settings: ExtractSettings | None = None, display_name: str | None = None
) -> DocumentExtract:
    """The extraction result for one file, whichever entry point asks (CLI, flows,
    benchmarks). Bad data is in its status; an extractor that breaks on a document (any
    library's exception: a page tree that contains itself, a /Count that lies …) makes it an
    `intake.extractor-failed` document, one that overruns the time or memory limit an
    `intake.time-limit` / `intake.memory-limit` one. Only the operator's failures raise: a
    full disk, no permission (`is_operational`).

    This one function is where every entry point reads a document, so the safety net and
    the limits are here rather than in a pipeline step: `smartcert extract`, `validate`,
    the batch flow's tasks and the benchmarks all get them. Documents a backend reads are
    read in a worker process under the limits (`extractors/isolate.py`) unless
    `limits.isolate` is off; files no backend reads are recorded here."""
    path = Path(path)
    settings = settings or ExtractSettings()
    name = display_name or path.name
    media_type = sniff(path)
    if not has_backend(media_type):
        return _record_only(path, media_type, name)
    if settings.limits.isolate and isolate.available():
        if media_type is MediaType.PDF:
            doc = _read_in_parts(path, settings, name)
            if doc is not None:
                return doc
        out = isolate.extract_isolated(path, settings, name)
        if not out.unstarted:
            return _isolated(path, name, settings.limits, out)
        # isolation is a guard, not a requirement: without a worker the document is still read
        _log.error("no extraction worker could be started (%s): %s read without limits",
                   out.trace, name)
    try:
        return read_document(path, settings, name)
    except Exception as e:
        if is_operational(e):
            raise
        _log.exception("extractor failed on %s", name)
        return extractor_failed(path, name, e)


def read_document(path: Path, settings: ExtractSettings, name: str) -> DocumentExtract:
    """Sniff, pick the backend registered for the type, run it: no net, no limits."""
    media_type = sniff(path)
    backend_cls: type[Backend] | None = backend_for(media_type)
    if backend_cls is None:
        return _record_only(path, media_type, name)
    backend = backend_cls(settings)
    return backend.extract(path, backend.new_document(path, media_type, name))


def read_part(path: Path, settings: ExtractSettings, name: str, index: int, count: int
              ) -> PdfPart | None:
    """A worker's part of a PDF's pages (`pdf.parts`); None: read the document whole."""
    if sniff(path) is not MediaType.PDF:
        return None
    backend = _pdf_backend(settings)
    return backend.extract_part(path, backend.new_document(path, MediaType.PDF, name),
                                index, count)


def reads_in_parts(path: Path, media_type: MediaType | None = None) -> bool:
    """Whether `extract_file` may spread this file over every free core (a PDF of many
    pages); any other file is read in one worker, or not read at all. `media_type`: the
    file's, when already sniffed."""
    try:
        return path.stat().st_size >= SPLIT_MIN_BYTES and (
            media_type or sniff(path)) is MediaType.PDF
    except OSError:  # extract_file says what is wrong with it
        return False


def _read_in_parts(path: Path, settings: ExtractSettings, name: str) -> DocumentExtract | None:
    """A PDF of many pages read on the cores no other document is being read on, a run of
    pages per worker (`pdf.parts`): the same document a whole reading gives. None: read it
    whole — a small file, no free core, a page that needs OCR, or a part that failed (the
    whole reading then records the failure as usual)."""
    if not reads_in_parts(path, MediaType.PDF):  # extract_file sniffed it a PDF
        return None
    with isolate.cores_for_parts(settings.page_workers or isolate.cores()) as workers:
        if workers < 2:
            return None
        outs = _read_parts(path, settings, name, workers, part_count(workers))
    for out in outs:
        if out.operational is not None:
            raise out.operational
    timed_out = next((o for o in outs if o.timed_out), None)
    if timed_out is not None:  # a part alone ran out of time: the whole would too
        return _isolated(path, name, settings.limits, timed_out)
    parts = [o.part for o in outs if o.part is not None]
    if len(parts) < len(outs) or parts[0].extractor is None:
        return None
    # joined without loading the reader: the command's own process never loads PyMuPDF
    # (it would leave both workers idle ~0.15 s at the first PDF read in parts)
    return assemble(new_document(parts[0].extractor, path, MediaType.PDF, name), parts)


def _pdf_backend(settings: ExtractSettings) -> PdfBackend:
    # imported when first used, by a worker: the process that joins the parts never needs it
    from smartcert.extractors.pdf.backend import PdfBackend

    return PdfBackend(settings)


def _read_parts(path: Path, settings: ExtractSettings, name: str, workers: int, count: int
                ) -> list[isolate.Outcome]:
    """The outcomes of parts 0..count-1, `workers` threads each with its own worker taking
    the next part as it ends one; the first part given up (or failed, or out of time) stops
    them taking more, and the outcomes then lack the parts not read."""
    todo: queue.SimpleQueue[int] = queue.SimpleQueue()
    for i in range(count):
        todo.put(i)
    outs: dict[int, isolate.Outcome] = {}
    stop = threading.Event()

    def take() -> None:
        while not stop.is_set():
            try:
                i = todo.get_nowait()
            except queue.Empty:
                return
            outs[i] = out = isolate.extract_isolated(path, settings, name, (i, count))
            if out.part is None:
                stop.set()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for f in [pool.submit(contextvars.copy_context().run, take) for _ in range(workers)]:
            f.result()
    return [outs[i] for i in sorted(outs)]


def _isolated(path: Path, name: str, limits: Limits, out: isolate.Outcome) -> DocumentExtract:
    """The worker's document, or the record of why there is none."""
    if out.doc is not None:
        return out.doc
    if out.operational is not None:
        raise out.operational
    # the worker's traceback goes where a traceback goes (the log file), not in the message
    trace = (isolate.WorkerTraceback, isolate.WorkerTraceback(out.trace), None)
    if out.timed_out:
        _log.error("time limit (%ss) hit reading %s", limits.doc_timeout_s, name)
        return limit_hit(path, name, R.TIME_LIMIT, limit=f"{limits.doc_timeout_s:g}",
                         how=HOW_TO_RAISE["doc_timeout_s"])
    if out.memory is not None:
        _log.error("memory limit (%s MiB) hit reading %s: %s", limits.doc_memory_mb, name,
                   out.memory, exc_info=trace if out.trace else None)
        return limit_hit(path, name, R.MEMORY_LIMIT, limit=f"{limits.doc_memory_mb:,}",
                         reason=out.memory, how=HOW_TO_RAISE["doc_memory_mb"])
    _log.error("extractor failed on %s: %s", name, out.failed, exc_info=trace)
    return limit_hit(path, name, R.EXTRACTOR_FAILED, reason=out.failed or "?")


# operating-system failures that no document causes: they stop the run loudly
_OPERATIONAL = (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EMFILE)


def is_operational(e: BaseException) -> bool:
    """The machine's failure, not the document's: memory, a full disk, permissions."""
    return isinstance(e, MemoryError) or (isinstance(e, OSError) and e.errno in _OPERATIONAL)


def extractor_failed(path: Path, display_name: str, error: Exception) -> DocumentExtract:
    """The record of a file whose extractor raised: the batch goes on without it, the
    failure is a finding (the traceback goes to the operator's log, not to evaluators)."""
    return limit_hit(path, display_name, R.EXTRACTOR_FAILED, reason=type(error).__name__)


def limit_hit(path: Path, display_name: str, rule: RuleSpec, **fields: object) -> DocumentExtract:
    """The record of a file that was not read: its identity, FAILED, and the finding why
    (an extractor's failure, or a time or memory limit)."""
    path = Path(path)
    doc = DocumentExtract(
        extractor=ExtractorInfo(name="none", version="1.0.0"), file=display_name,
        sha256=sha256_file(path), size=path.stat().st_size, media_type=sniff(path),
    )
    return fail_document(doc, DocumentStatus.FAILED, rule, **fields)
