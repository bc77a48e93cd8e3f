"""Extract one file: sniff its bytes, pick the backend registered for that type, run it."""

from __future__ import annotations

import errno
import logging
from pathlib import Path

from smartcert.core.files.hashing import sha256_file
from smartcert.core.files.media import MediaType
from smartcert.core.files.rules import empty_file
from smartcert.core.files.sniff import sniff
from smartcert.extractors import findings as R
from smartcert.extractors.base import Backend, ExtractSettings
from smartcert.extractors.findings import fail_document
from smartcert.extractors.models import DocumentExtract, DocumentStatus, ExtractorInfo
from smartcert.extractors.ooxml import is_encrypted_package
from smartcert.extractors.registry import backend_for

_log = logging.getLogger(__name__)

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
    `intake.extractor-failed` document. Only the operator's failures raise: a full disk,
    no permission, no memory (`is_operational`)."""
    path = Path(path)
    name = display_name or path.name
    media_type = sniff(path)
    backend_cls: type[Backend] | None = backend_for(media_type)
    if backend_cls is None:
        return _record_only(path, media_type, name)
    backend = backend_cls(settings)
    try:
        return backend.extract(path, backend.new_document(path, media_type, name))
    except Exception as e:
        if is_operational(e):
            raise
        _log.exception("extractor %s failed on %s", backend.name, name)
        return extractor_failed(path, name, e)


# operating-system failures that no document causes: they stop the run loudly
_OPERATIONAL = (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EMFILE)


def is_operational(e: BaseException) -> bool:
    """The machine's failure, not the document's: memory, a full disk, permissions."""
    return isinstance(e, MemoryError) or (isinstance(e, OSError) and e.errno in _OPERATIONAL)


def extractor_failed(path: Path, display_name: str, error: Exception) -> DocumentExtract:
    """The record of a file whose extractor raised: the batch goes on without it, the
    failure is a finding (the traceback goes to the operator's log, not to evaluators)."""
    path = Path(path)
    doc = DocumentExtract(
        extractor=ExtractorInfo(name="none", version="1.0.0"), file=display_name,
        sha256=sha256_file(path), size=path.stat().st_size, media_type=sniff(path),
    )
    return fail_document(doc, DocumentStatus.FAILED, R.EXTRACTOR_FAILED,
                         reason=type(error).__name__)
