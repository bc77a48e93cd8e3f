"""Active content of a PDF — JavaScript, launch actions, attached files — found, never run.

smartcert reads glyphs and drawings only: MuPDF runs no script here and nothing opens an
attachment. The reviewer is told all the same, because the file opened in a desktop viewer
may run them, and an attachment is content nobody checked. Found in the document's
structure (the catalogue, its name trees, each page's actions and annotations) by object
number, without loading or drawing a page.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import fitz

from smartcert.extractors.findings import ranges_text
from smartcert.extractors.pdf.errors import MUPDF_ERRORS

_REF = re.compile(r"(\d+) 0 R")
_JS = re.compile(r"/S\s*/JavaScript|/JS[\s(<\d]|/URI\s*\(\s*javascript:", re.IGNORECASE)
_LAUNCH = re.compile(r"/S\s*/Launch")
_ATTACHMENT = re.compile(r"/Subtype\s*/FileAttachment")
_NEXT = re.compile(r"/Next\s*(\[[^\]]*\]|\d+ 0 R)")
# objects followed from one action (/Next chains, /AA entries): enough for any real file,
# bounded for a hostile one
_MAX_OBJECTS = 64
_MAX_NAMES = 5  # attachment names quoted in the message
_NAME_CHARS = 60


@dataclass
class ActiveContent:
    """What a document holds that a viewer could run or open; `pages`: where, if on pages."""

    scripts: list[str] = field(default_factory=list)  # document-level JavaScript, in Korean
    script_pages: list[int] = field(default_factory=list)  # pages with scripted actions
    launch_pages: list[int] = field(default_factory=list)
    launch_document: bool = False
    # file names as the PDF gives them, with the page of an attachment annotation
    attachments: list[tuple[str, int | None]] = field(default_factory=list)
    pages: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.scripts or self.script_pages or self.launch_pages
                    or self.launch_document or self.attachments)

    def describe(self) -> str:
        """'JavaScript(문서를 열 때 실행(/OpenAction)); 첨부 파일 1개('명단.xlsx')' …"""
        parts: list[str] = []
        scripts = self.scripts + ([f"{ranges_text(self.script_pages)}쪽 링크·양식·쪽 동작"]
                                  if self.script_pages else [])
        if scripts:
            parts.append(f"JavaScript({', '.join(scripts)})")
        if self.launch_document or self.launch_pages:
            where = ["문서 동작"] if self.launch_document else []
            if self.launch_pages:
                where.append(f"{ranges_text(self.launch_pages)}쪽")
            parts.append(f"외부 프로그램·파일을 여는 실행(Launch) 동작({', '.join(where)})")
        if self.attachments:
            names = ", ".join(f"'{n[:_NAME_CHARS]}'" + (f"({p}쪽)" if p else "")
                              for n, p in self.attachments[:_MAX_NAMES])
            more = f" 외 {len(self.attachments) - _MAX_NAMES}개" if \
                len(self.attachments) > _MAX_NAMES else ""
            parts.append(f"첨부 파일 {len(self.attachments)}개({names}{more})")
        return "; ".join(parts)


def _utf8(name: str) -> str:
    """PyMuPDF gives the UTF-16 file name of an embedded file as its UTF-8 bytes read as
    Latin-1 (three accented letters per Hangul syllable): undone when that is what it is."""
    try:
        return name.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return name


def _text(pdf: fitz.Document, kind: str, value: str) -> str:
    if kind == "xref":
        m = _REF.match(value)
        return pdf.xref_object(int(m.group(1)), compressed=True) if m else ""
    return value if kind in ("dict", "array") else ""


def _action_text(pdf: fitz.Document, xref: int, key: str) -> str:
    """The text of the action at `key` of object `xref` (for /AA, of each of its actions),
    with the actions chained to it by /Next, followed a bounded number of steps. Only
    actions are followed: a destination's page is not an action of this object."""
    first = _text(pdf, *pdf.xref_get_key(xref, key))
    texts = [first]
    queue = _REF.findall(first) if key == "AA" else _next(first)
    seen: set[int] = set()
    while queue and len(seen) < _MAX_OBJECTS:
        ref = int(queue.pop(0))
        if ref in seen or not 0 < ref < pdf.xref_length() or pdf.xref_is_stream(ref):
            continue
        seen.add(ref)
        body = pdf.xref_object(ref, compressed=True)
        texts.append(body)
        queue += _next(body)
    return "\n".join(texts)


def _next(action: str) -> list[str]:
    """The object numbers an action chains to (/Next: one action or an array of them)."""
    return [r for m in _NEXT.finditer(action) for r in _REF.findall(m.group(1))]


def _catalogue(pdf: fitz.Document, found: ActiveContent) -> None:
    cat = pdf.pdf_catalog()
    if cat <= 0:  # no catalogue: a file MuPDF rebuilt (reported as repaired or corrupt)
        return
    for key, where in (("OpenAction", "문서를 열 때 실행(/OpenAction)"),
                       ("AA", "문서 동작(/AA)")):
        text = _action_text(pdf, cat, key)
        if _JS.search(text):
            found.scripts.append(where)
        if _LAUNCH.search(text):
            found.launch_document = True
    if pdf.xref_get_key(cat, "Names/JavaScript")[0] != "null":
        found.scripts.append("문서 수준 스크립트(/Names /JavaScript)")
    if pdf.xref_get_key(cat, "AcroForm/XFA")[0] != "null":
        found.scripts.append("XFA 양식(스크립트를 담을 수 있음)")


def _attachment_name(pdf: fitz.Document, annot: int) -> str:
    for key in ("FS/UF", "FS/F", "Contents"):
        kind, value = pdf.xref_get_key(annot, key)
        if kind == "string" and value.strip():
            return value.strip()
    return "(이름 없음)"


def _page(pdf: fitz.Document, index: int, found: ActiveContent) -> None:
    try:
        xref = pdf.page_xref(index)
    except IndexError:  # the page tree promises the page but lacks it: reading says so
        return
    number = index + 1
    scripted = launched = False
    page_actions = _action_text(pdf, xref, "AA")
    scripted |= bool(_JS.search(page_actions))
    launched |= bool(_LAUNCH.search(page_actions))
    annots = _text(pdf, *pdf.xref_get_key(xref, "Annots"))
    for ref in _REF.findall(annots)[:_MAX_OBJECTS * 16]:
        annot = int(ref)
        if not 0 < annot < pdf.xref_length():
            continue
        body = pdf.xref_object(annot, compressed=True)
        if _ATTACHMENT.search(body):
            found.attachments.append((_attachment_name(pdf, annot), number))
            found.pages.add(number)
        if "/A" not in body:  # neither /A nor /AA: no action to follow
            continue
        actions = _action_text(pdf, annot, "A") + "\n" + _action_text(pdf, annot, "AA")
        scripted |= bool(_JS.search(actions))
        launched |= bool(_LAUNCH.search(actions))
    if scripted:
        found.script_pages.append(number)
        found.pages.add(number)
    if launched:
        found.launch_pages.append(number)
        found.pages.add(number)


def scan(pdf: fitz.Document, page_limit: int) -> ActiveContent:
    """What `pdf` holds that could run or be opened: document actions and scripts, embedded
    files, and the actions and attachments of its first `page_limit` pages."""
    found = ActiveContent()
    _safely(_catalogue, pdf, found)
    _safely(_embedded, pdf, found)
    for i in range(min(page_limit, pdf.page_count)):
        _safely(_page, pdf, i, found)
    return found


def _embedded(pdf: fitz.Document, found: ActiveContent) -> None:
    for i in range(pdf.embfile_count()):
        info = pdf.embfile_info(i)
        found.attachments.append((_utf8(str(info.get("ufilename") or info.get("filename")
                                            or info.get("name") or "(이름 없음)")), None))


def _safely(step: Callable[..., None], *args: Any) -> None:
    """One part of the scan; a broken object skips that part only (reading the pages
    reports what is broken)."""
    with contextlib.suppress(*MUPDF_ERRORS, ValueError):
        step(*args)
