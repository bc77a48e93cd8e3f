"""The HWP backend: HWP 5 (binary) and HWPX read natively with rhwp-python.

Order of work: the container is checked first (password and 배포용 flags, streams cut
short: `container.py`), then rhwp parses the file into its IR (`document.py` keeps the
paragraphs and tables as typed), lays it out into pages (`layout.py` reads the SVG it
draws) and every value is placed on its page with its box (`place.py`). The page
numbers are rhwp's pagination, which can differ from 한글's on long documents: every
extract says so (an info finding) and names the layout engine in its metadata.
"""

from __future__ import annotations

from pathlib import Path

from smartcert.core.files.media import MediaType
from smartcert.extractors import findings as R
from smartcert.extractors.base import Backend
from smartcert.extractors.findings import extract_finding, fail_document
from smartcert.extractors.hwp.build import Builder, pages
from smartcert.extractors.hwp.container import Container, Problem, check_hwp5, check_hwpx
from smartcert.extractors.hwp.document import Typed, read_typed
from smartcert.extractors.hwp.engine import BadHwp, layouts, open_document
from smartcert.extractors.hwp.library import HwpLibraryMissing, library_version
from smartcert.extractors.hwp.place import Placement, place
from smartcert.extractors.models import DocumentExtract, DocumentStatus

_META = ("title", "author", "creation_time", "modification_time")


def check_container(path: Path, media_type: MediaType) -> Container:
    return check_hwp5(path) if media_type is MediaType.HWP else check_hwpx(path)


class HwpBackend(Backend):
    name = "hwp"
    version = "1.0.0"
    media_types = frozenset({MediaType.HWP, MediaType.HWPX})

    def extract(self, path: Path, doc: DocumentExtract) -> DocumentExtract:
        container = check_container(path, doc.media_type)
        if container.problem is Problem.ENCRYPTED:
            return fail_document(doc, DocumentStatus.ENCRYPTED, R.HWP_ENCRYPTED)
        if container.problem is Problem.BROKEN:
            return fail_document(doc, DocumentStatus.CORRUPT, R.HWP_BROKEN,
                                 reason=container.reason)
        try:
            opened = open_document(path)
        except HwpLibraryMissing:
            rule = R.HWP_BINARY if doc.media_type is MediaType.HWP else R.HWPX
            return fail_document(doc, DocumentStatus.UNSUPPORTED, rule)
        except BadHwp as exc:
            if container.problem is Problem.DISTRIBUTION:
                return fail_document(doc, DocumentStatus.ENCRYPTED, R.HWP_DISTRIBUTION,
                                     reason=exc.reason)
            return fail_document(doc, DocumentStatus.CORRUPT, R.HWP_BROKEN, reason=exc.reason)
        if container.problem is Problem.DISTRIBUTION:
            doc.findings.append(extract_finding(R.HWP_DISTRIBUTION_READ, doc.file))
        doc.metadata.update(_metadata(opened.ir, container))
        typed = read_typed(opened.ir)
        total, limit = opened.document.page_count, self.settings.page_limit
        laid = layouts(opened, limit)
        placement = place(typed, [p for p in laid if p is not None])
        if total > limit:  # the page cap: what comes after the last page drawn is not read
            typed = _before_cut(typed, placement)
            doc.findings.append(R.page_limit(doc.file, total, limit))
        builder = Builder(typed, placement)
        doc.pages = pages(laid)
        doc.spans = builder.spans()
        doc.tables = builder.tables()
        self._notes(doc, builder.unplaced)
        return doc

    @staticmethod
    def _notes(doc: DocumentExtract, unplaced: int) -> None:
        """No content; else where the page numbers come from, and what has no place (a
        page rhwp could not draw leaves its values unplaced: they are counted here)."""
        if not doc.spans and not any(c.text for t in doc.tables for c in t.cells):
            doc.findings.append(extract_finding(R.NO_CONTENT, doc.file))
            return
        doc.findings.append(extract_finding(R.HWP_PAGINATION, doc.file))
        if unplaced:
            doc.findings.append(extract_finding(R.HWP_UNPLACED, doc.file, count=unplaced))


def _before_cut(typed: Typed, placement: Placement) -> Typed:
    """The paragraphs and tables up to the last paragraph placed on the pages drawn."""
    last = max(placement.lines, default=-1)
    return Typed(paras=[p for p in typed.paras if p.index <= last],
                 tables=[t for t in typed.tables
                         if t.para < last or any(id(c) in placement.cells for c in t.cells)])


def _metadata(ir: object, container: Container) -> dict[str, str]:
    meta = getattr(ir, "metadata", None)
    out = {key: str(value) for key in _META if (value := getattr(meta, key, None))}
    if container.version:
        out["hwp_version"] = container.version
    out["layout"] = f"rhwp {library_version()}"
    return out
