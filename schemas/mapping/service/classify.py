"""Which document of a service application a file is, decided from its content.

    classify_service(extract, rs) → ServiceClassification(kind=self_assessment, score=0.91, …)

Signals, on one scale (3–4 = alone identifies the kind, 1–2 = supporting, < 1 = a hint):
- the rule set's title and form-number markers (documents.yaml `markers`) printed on the
  first pages as a line of their own ('스마트 서비스 인증 자체평가표', '[별지 제3호서식]');
- a document's name or alias as a heading ('근 거 자 료' in large type on a cover);
- the tables only that document has: the 자체평가표's 배점 / 평가점수 columns over the
  printed rows 1.1.1.1 …, the 신청서's 신청 분야 / 신청 서비스 수준 boxes, the
  확인서's 공동 신청인 blocks, the proposal's S-code section headings and 작성책임자;
- the file name, as a hint worth less than any content signal.
Below MIN_POINTS the document is `other`.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from smartcert.core.normalize import match_key
from smartcert.extractors.models import DocumentExtract, DocumentStatus
from smartcert.schemas.catalogue.service import ServiceRuleSet
from smartcert.schemas.mapping.decide import decide
from smartcert.schemas.mapping.keyvalue import Item, cell_item, label_rank, span_item
from smartcert.schemas.service_claims import ServiceDocumentKind

K = ServiceDocumentKind
FIRST_PAGES = 3
TITLE, FORM_NUMBER, HEADING, TABLE, SUPPORT, HINT = 4.0, 3.0, 3.0, 3.0, 2.0, 0.75
_UNREAD = {DocumentStatus.CORRUPT, DocumentStatus.ENCRYPTED, DocumentStatus.UNSUPPORTED,
           DocumentStatus.EMPTY, DocumentStatus.FAILED}
_ROW = re.compile(r"^\s*\d\s*\.\s*\d\s*\.\s*\d\s*\.\s*\d(?!\d)")
_S_HEADING = re.compile(r"^\s*\[?S-?\d{3}\]?\s+\d\.\d\.\d")
_MARK = re.compile(r"[^0-9A-Za-z가-힣]")
# file-name words (hints only): a misnamed file still classifies by its content
_NAME_HINTS = {
    K.APPLICATION: ("신청서",), K.PROPOSAL: ("제안서",), K.SELF_ASSESSMENT: ("자체평가",),
    K.EVIDENCE: ("근거", "증빙"), K.CONSENT: ("동의서",), K.JOINT_CONFIRMATION: ("확인서",),
}


class ServiceClassification(BaseModel):
    """The kind decided for one document, how sure, and why (English, for logs)."""

    model_config = ConfigDict(frozen=True)

    kind: ServiceDocumentKind
    score: float = Field(ge=0.0, le=1.0)
    reasons: list[str] = Field(default_factory=list)
    points: dict[ServiceDocumentKind, float] = Field(default_factory=dict)


def _key(text: str) -> str:
    """Letters and digits only: '[별지 제3호서식]' and '별지제3호서식' agree."""
    return _MARK.sub("", match_key(text))


def _kind(name: str) -> ServiceDocumentKind | None:
    try:
        return ServiceDocumentKind(name)
    except ValueError:
        return None


def _items(doc: DocumentExtract, pages: int) -> list[Item]:
    cells = [cell_item(t, c) for t in doc.tables for c in t.cells]
    return [it for it in cells + [span_item(s) for s in doc.spans] if it.page <= pages]


def _large(doc: DocumentExtract) -> float | None:
    """The type size a heading has at least (1.3 × the body's), when sizes are known."""
    sizes = [s.size for s in doc.spans if s.size]
    return 1.3 * statistics.median(sizes) if sizes else None


def _marker_signals(doc: DocumentExtract, rs: ServiceRuleSet) -> Iterable[tuple[K, float, str]]:
    spans = [span_item(s) for s in doc.spans if s.page <= FIRST_PAGES]
    lines = [_key(s.text) for s in spans]
    texts = lines + [_key(it.text) for it in _items(doc, FIRST_PAGES) if it.table]
    for m in rs.documents.markers:
        kind, key = _kind(m.document), _key(m.text)
        if kind is None or not key:
            continue
        if m.kind == "title" and any(key in s and len(s) <= len(key) + 4 for s in lines):
            yield kind, TITLE, f"title '{m.text}' printed"
        elif m.kind == "form_number" and any(key in s for s in texts):
            yield kind, FORM_NUMBER, f"form number '{m.text}' printed"


def _heading_signals(doc: DocumentExtract, rs: ServiceRuleSet) -> Iterable[tuple[K, float, str]]:
    large = _large(doc)
    heads = {_key(s.text) for s in doc.spans if s.page <= FIRST_PAGES
             and (large is None or s.size is None or s.size >= large)}
    for spec in rs.documents.documents:
        kind = _kind(spec.kind)
        names = [n for n in (spec.title, spec.name, *spec.aliases) if n]
        if kind is not None and kind is not K.OTHER and any(_key(n) in heads for n in names):
            yield kind, HEADING, f"'{spec.name}' printed as a heading"


def _table_signals(doc: DocumentExtract) -> Iterable[tuple[K, float, str]]:
    for t in doc.tables:
        keys = {match_key(c.text) for c in t.cells}
        rows = sum(1 for c in t.cells if _ROW.match(c.text))
        if rows >= 5 and "배점" in keys and keys & {"평가점수", "자체평가점수", "점수"}:
            yield K.SELF_ASSESSMENT, TABLE, f"table {t.id}: 배점 / 평가점수 over {rows} rows"
            break
    labels = [c.text for t in doc.tables for c in t.cells]
    if any(label_rank(x, ["신청서비스수준"]) is not None for x in labels) and any(
            label_rank(x, ["신청분야"]) is not None for x in labels):
        yield K.APPLICATION, SUPPORT, "신청 분야 and 신청 서비스 수준 rows"
    if sum(1 for x in labels if label_rank(x, ["공동신청인"]) is not None) >= 2:
        yield K.JOINT_CONFIRMATION, SUPPORT, "공동 신청인 blocks"
    if any(label_rank(x, ["작성책임자"]) is not None for x in labels):
        yield K.PROPOSAL, SUPPORT, "작성책임자 on the cover"


def _text_signals(doc: DocumentExtract) -> Iterable[tuple[K, float, str]]:
    heads = {m.group(0) for s in doc.spans if (m := _S_HEADING.match(s.text))}
    proposal = {h for h in heads if not h.lstrip().startswith("[")}
    evidence = heads - proposal
    if len(proposal) >= 3:
        yield K.PROPOSAL, SUPPORT, f"{len(proposal)} S-code section headings"
    if len(evidence) >= 3:
        yield K.EVIDENCE, SUPPORT, f"{len(evidence)} '[S-…]' evidence headings"


def _name_signals(doc: DocumentExtract) -> Iterable[tuple[K, float, str]]:
    name = match_key(doc.file.rsplit("/", 1)[-1])
    for kind, words in _NAME_HINTS.items():
        if any(w in name for w in words):
            yield kind, HINT, f"file name has '{'/'.join(words)}'"


def classify_service(doc: DocumentExtract, rs: ServiceRuleSet) -> ServiceClassification:
    """The kind of one extracted document of a service application."""
    if doc.status in _UNREAD:
        return ServiceClassification(kind=K.OTHER, score=0.0,
                                     reasons=[f"document not readable (status {doc.status.value})"])
    points: dict[K, float] = defaultdict(float)
    reasons: list[str] = []
    seen: set[tuple[K, str]] = set()
    for kind, pts, why in (*_marker_signals(doc, rs), *_heading_signals(doc, rs),
                           *_table_signals(doc), *_text_signals(doc), *_name_signals(doc)):
        if (kind, why) in seen:
            continue
        seen.add((kind, why))
        points[kind] += pts
        reasons.append(f"{kind.value} +{pts:g}: {why}")
    kind, score = decide(points, K.OTHER, reasons)
    return ServiceClassification(kind=kind, score=score, reasons=reasons, points=dict(points))


def classify_service_bundle(docs: list[DocumentExtract],
                            rs: ServiceRuleSet) -> dict[str, ServiceClassification]:
    return {d.file: classify_service(d, rs) for d in docs}
