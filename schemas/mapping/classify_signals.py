"""What a document's content says about its kind: headings, table signatures, marks.

Each signal is a (kind, points, reason) triple; `classify` adds them up. Points are on
one scale: 3 = a signal that alone identifies the kind (its title as a heading, its
table header), 1–2 = supporting evidence, < 1 = a hint (file name, metadata title).
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from smartcert.core.files.media import MediaType
from smartcert.core.normalize import match_key
from smartcert.core.textmatch import best_match, contains
from smartcert.extractors.models import DocumentExtract, TextLayer
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.claims import DocumentKind, Stage
from smartcert.schemas.mapping.keyvalue import Item, cell_item, label_rank, span_item

K = DocumentKind
HEADING, STRONG, SUPPORT, HINT = 3.0, 3.0, 2.0, 0.75


@dataclass(frozen=True)
class Signal:
    kind: DocumentKind
    points: float
    reason: str


@dataclass(frozen=True)
class Signature:
    """A table header or label block: `need` of its label groups on one page."""

    kind: DocumentKind
    name: str
    groups: tuple[tuple[str, ...], ...]
    need: int
    points: float


SIGNATURES = (
    Signature(K.APPLICATION, "application form labels", (
        ("인증신청기관",), ("기관명",), ("대표자",), ("사업자(법인)등록번호", "사업자등록번호"),
        ("전화번호",), ("주소",), ("인증실적",), ("접수번호",), ("처리기간",)), 4, STRONG),
    Signature(K.APPLICATION, "application overview labels", (
        ("신청기관",), ("신청유형",), ("인구",), ("선택서비스분야", "선택분야"),
        ("2년간실적기준기간", "실적기준기간")), 3, SUPPORT),
    Signature(K.QUANTITATIVE_PROPOSAL, "summary table header", (
        ("분류",), ("지표명",), ("작성지표요약", "지표요약"), ("증빙페이지", "증빙쪽")), 3, STRONG),
    Signature(K.QUANTITATIVE_PROPOSAL, "data form rows", (
        ("지표",), ("분석자료",), ("자료출처",)), 3, SUPPORT),
    Signature(K.QUALITATIVE_SELF_ASSESSMENT, "self-assessment header", (
        ("구분", "중분류", "평가항목"), ("단계", "자체평가단계", "평가단계"),
        ("자체평가내용", "평가내용", "자체평가의견", "주요실적")), 2, SUPPORT),
    Signature(K.EVIDENCE, "evidence index header", (
        ("지표", "지표코드"), ("지표명",), ("증빙내용", "증빙자료", "자료명"), ("쪽", "페이지", "쪽수")),
        3, STRONG),
)
# Words that evidence pages print (certificates, extracts, screen captures).
EVIDENCE_WORDS = ("증빙", "근거", "붙임", "사본", "표창장", "출력", "발췌", "원문", "캡처", "화면")
_CODE = re.compile(r"(?<![A-Za-z0-9])[A-C]-\d{1,2}-\d{1,2}(?!\d)")
_NUMBERING = re.compile(r"^(?:[0-9]+(?:\.[0-9]+)*\.?|[IVXⅠ-Ⅹ]+\.|[가-하]\.|\(?[0-9]+\))\s*")


def page_items(doc: DocumentExtract) -> dict[int, list[Item]]:
    pages: dict[int, list[Item]] = defaultdict(list)
    for t in doc.tables:
        for c in t.cells:
            it = cell_item(t, c)
            pages[it.page].append(it)
    for s in doc.spans:
        pages[s.page].append(span_item(s))
    return pages


def headings(doc: DocumentExtract, first_pages: int = 3) -> list[Item]:
    """Title-like text of the first pages: large print, or a workbook's / Word file's top."""
    if doc.media_type is MediaType.XLSX:
        first = min((p.number for p in doc.pages if not p.hidden), default=1)
        return [cell_item(t, c) for t in doc.tables for c in t.cells
                if t.pages and t.pages[0] == first and c.row <= 3 and c.text.strip()]
    if doc.media_type is MediaType.DOCX:
        top = [span_item(s) for s in doc.spans[:6]]
        return top + [cell_item(t, c) for t in doc.tables[:1] for c in t.cells if c.row == 0]
    spans = [s for s in doc.spans if s.page <= first_pages and s.bbox]
    sized = [s.size for s in doc.spans if s.size]
    heights = [s.bbox[3] - s.bbox[1] for s in doc.spans if s.size is None and s.bbox]
    floor = max(13.0, 1.25 * statistics.median(sized)) if sized else 13.0
    hfloor = max(14.0, 1.6 * statistics.median(heights)) if heights else 14.0
    return [span_item(s) for s in spans
            if (s.size is not None and s.size >= floor)
            or (s.size is None and s.bbox and s.bbox[3] - s.bbox[1] >= hfloor)]


def _doc_names(rs: RuleSet) -> dict[DocumentKind, list[str]]:
    out: dict[DocumentKind, list[str]] = {}
    for spec in rs.documents.documents if rs.documents else []:
        if spec.kind != K.OTHER.value:
            out[DocumentKind(spec.kind)] = [spec.name, *spec.aliases]
    return out


def heading_signals(doc: DocumentExtract, rs: RuleSet) -> list[Signal]:
    found: list[Signal] = []
    heads = headings(doc)
    for kind, names in _doc_names(rs).items():
        hit = next(((h, n) for h in heads for n in names if contains(h.text, n)), None)
        if hit is not None:
            h, n = hit
            found.append(Signal(kind, HEADING, f"heading '{h.text.strip()}' on page {h.page} "
                                               f"names the {kind.value} ('{n}')"))
    return found


def _short_texts(pages: dict[int, list[Item]]) -> dict[int, set[str]]:
    """Per page, the distinct texts short enough to be a label or a stage cell."""
    return {p: {it.text for it in items if 0 < len(it.key) <= 24} for p, items in pages.items()}


def signature_signals(pages: dict[int, list[Item]]) -> list[Signal]:
    found: list[Signal] = []
    short = _short_texts(pages)
    for sig in SIGNATURES:
        best_page, best = 0, 0
        for page, texts in short.items():
            hit = {g for g, labels in enumerate(sig.groups)
                   if any(label_rank(t, labels) is not None for t in texts)}
            if len(hit) > best:
                best_page, best = page, len(hit)
        if best >= sig.need:
            found.append(Signal(sig.kind, sig.points, f"{sig.name}: {best}/{len(sig.groups)} "
                                                      f"labels on page {best_page}"))
    return found


def stage_of(text: str, rs: RuleSet) -> Stage | None:
    """A stage named by a short cell: exactly, or fuzzily for OCR and typing slips."""
    if not 2 <= len(match_key(text)) <= 12:
        return None
    stage = Stage.parse(text)
    if stage is None:
        names = [n for s in (rs.qualitative.stages if rs.qualitative else [])
                 for n in (s.name, *s.aliases)]
        m = best_match(text, names, 88.0)
        stage = Stage.parse(m.choice) if m is not None else None
    return stage


def stage_signals(pages: dict[int, list[Item]], rs: RuleSet) -> list[Signal]:
    """Stage names (착수 … 최적화) printed as cells: the self-assessment's scale."""
    texts = {t for ts in _short_texts(pages).values() for t in ts if len(match_key(t)) <= 12}
    seen = {st for t in texts if (st := stage_of(t, rs)) is not None}
    if len(seen) < 2:
        return []
    return [Signal(K.QUALITATIVE_SELF_ASSESSMENT, SUPPORT if len(seen) >= 3 else 1.0,
                   f"{len(seen)} distinct stage names printed as cells")]


def code_signals(pages: dict[int, list[Item]]) -> list[Signal]:
    codes = {m.group(0) for items in pages.values() for it in items
             for m in _CODE.finditer(it.key)}
    if len(codes) < 10:
        return []
    return [Signal(K.QUANTITATIVE_PROPOSAL, 1.0, f"{len(codes)} distinct indicator codes")]


def evidence_signals(doc: DocumentExtract, pages: dict[int, list[Item]]) -> list[Signal]:
    n = len(doc.pages)
    found: list[Signal] = []
    if n >= 5:
        keys = {p: "".join(it.key for it in items) for p, items in pages.items()}
        marked = sum(1 for k in keys.values() if any(w in k for w in EVIDENCE_WORDS))
        if marked / n >= 0.3:
            found.append(Signal(K.EVIDENCE, SUPPORT, f"{marked} of {n} pages cite evidence "
                                                 f"(증빙/근거/사본/출력 …)"))
    scanned = sum(1 for p in doc.pages if p.ocr or p.text_layer is TextLayer.MISSING)
    if n >= 3 and scanned / n >= 0.5:
        found.append(Signal(K.EVIDENCE, SUPPORT, f"{scanned} of {n} pages are scanned images"))
    if n >= 20:
        found.append(Signal(K.EVIDENCE, 0.5, f"long document ({n} pages)"))
    return found


def hint_signals(doc: DocumentExtract, rs: RuleSet) -> list[Signal]:
    """The file name and the metadata title: a tie-breaker, never a decision."""
    found: list[Signal] = []
    stem = doc.file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    title = doc.metadata.get("title", "")
    for kind, names in _doc_names(rs).items():
        for what, text in (("file name", stem), ("metadata title", title)):
            name = _named(text, names)
            if name:
                found.append(Signal(kind, HINT, f"{what} '{text}' suggests {kind.value} ('{name}')"))
    return found


def _named(text: str, names: Iterable[str]) -> str | None:
    if not text.strip():
        return None
    return next((n for n in names if contains(text, n, 92.0)), None)


def strip_numbering(text: str) -> str:
    """'1. 공공 역량' → '공공 역량'; '2.3 리빙랩' → '리빙랩'."""
    return _NUMBERING.sub("", text.strip())


def all_signals(doc: DocumentExtract, rs: RuleSet) -> Sequence[Signal]:
    pages = page_items(doc)
    return [*heading_signals(doc, rs), *signature_signals(pages), *stage_signals(pages, rs),
            *code_signals(pages), *evidence_signals(doc, pages), *hint_signals(doc, rs)]
