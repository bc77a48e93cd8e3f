"""Which of the call's documents a file is, decided from its content.

    classify(extract) → Classification(kind=quantitative_proposal, score=0.86, reasons=[…])

Signals (`classify_signals`): the document's title printed as a heading on its first
pages, the table headers only that document has (the summary table's 작성 지표 요약 /
증빙 페이지, the application form's 인증 신청 기관 / 사업자(법인)등록번호, the self-assessment's
stage names, the evidence index's 증빙 내용 / 쪽), many indicator codes, evidence words on
many pages, scanned pages. The file name and metadata title are hints worth less than
any content signal, so a misnamed file still classifies by what it shows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field

from smartcert.extractors.models import DocumentExtract, DocumentStatus
from smartcert.schemas.catalogue import RuleSet, load_ruleset
from smartcert.schemas.claims import DocumentKind
from smartcert.schemas.mapping.classify_signals import Signal, all_signals
from smartcert.schemas.mapping.decide import MIN_POINTS, decide
from smartcert.schemas.mapping.decide import strength as _score

K = DocumentKind
# At most one document of each of these kinds is expected in a bundle. Not the
# application: its cover letter (신청 공문) and the [별지 제1호서식] form often come as
# two files, and both state applicant facts.
SINGLE_KINDS = (K.QUANTITATIVE_PROPOSAL, K.QUALITATIVE_SELF_ASSESSMENT)
_UNREAD = {DocumentStatus.CORRUPT, DocumentStatus.ENCRYPTED, DocumentStatus.UNSUPPORTED,
           DocumentStatus.EMPTY, DocumentStatus.FAILED}


class Classification(BaseModel):
    """The kind decided for one document, how sure, and why (English, for logs)."""

    model_config = ConfigDict(frozen=True)

    kind: DocumentKind
    score: float = Field(ge=0.0, le=1.0)
    reasons: list[str] = Field(default_factory=list)
    points: dict[DocumentKind, float] = Field(default_factory=dict)  # every kind's total


def _decide(signals: list[Signal], extra: list[str] | None = None) -> Classification:
    points: dict[DocumentKind, float] = defaultdict(float)
    for s in signals:
        points[s.kind] += s.points
    reasons = [f"{s.kind.value} +{s.points:g}: {s.reason}" for s in signals] + (extra or [])
    kind, score = decide(points, K.OTHER, reasons)
    return Classification(kind=kind, score=score, reasons=reasons, points=dict(points))


def classify(doc: DocumentExtract, ruleset: RuleSet | None = None) -> Classification:
    """The kind of one extracted document, from its content (file name as a hint only)."""
    if doc.status in _UNREAD:
        return Classification(kind=K.OTHER, score=0.0,
                              reasons=[f"document not readable (status {doc.status.value})"])
    return _decide(list(all_signals(doc, ruleset or load_ruleset())))


def classify_bundle(docs: Mapping[str, DocumentExtract] | list[DocumentExtract],
                    ruleset: RuleSet | None = None) -> dict[str, Classification]:
    """Classify every document of a bundle (keyed by file) and settle conflicts: of two
    documents that both look like the one proposal (or self-assessment), the stronger
    keeps the kind, the other falls back to its next kind, evidence or other."""
    rs = ruleset or load_ruleset()
    items = docs.items() if isinstance(docs, Mapping) else ((d.file, d) for d in docs)
    out = {name: classify(d, rs) for name, d in items}
    for kind in SINGLE_KINDS:
        holders = sorted((n for n, c in out.items() if c.kind is kind),
                         key=lambda n: (out[n].points.get(kind, 0.0), out[n].score), reverse=True)
        for loser in holders[1:]:
            out[loser] = _demote(out[loser], kind, holders[0], out)
    return out


def _demote(c: Classification, kind: DocumentKind, winner: str,
            out: Mapping[str, Classification]) -> Classification:
    taken = {x.kind for x in out.values() if x.kind in SINGLE_KINDS}
    options = sorted(((k, p) for k, p in c.points.items()
                      if k is not kind and p >= MIN_POINTS and (k not in SINGLE_KINDS
                                                                or k not in taken)),
                     key=lambda kp: kp[1], reverse=True)
    new = options[0][0] if options else (K.EVIDENCE if c.points.get(K.EVIDENCE) else K.OTHER)
    reason = (f"demoted from {kind.value}: '{winner}' looks more like the {kind.value} "
              f"({out[winner].points.get(kind, 0.0):g} vs {c.points.get(kind, 0.0):g} points)")
    runner = max((p for k, p in c.points.items() if k is not new), default=0.0)
    score = _score(c.points.get(new, 0.0), runner) if new is not K.OTHER else 0.0
    return Classification(kind=new, score=score, reasons=[*c.reasons, reason], points=c.points)
