"""The proposal is written as 표지, 목차, 요약표, 지표별 양식, in that order
(documents.yaml `proposal_order`). The mapping finds the parts (`Document.parts`); a
missing summary or missing forms are other rules' findings (completeness.missing-summary,
completeness.no-data-forms), so only a missing 표지 or 목차 is reported here."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from smartcert.core.findings import Finding, Location, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import Document, DocumentKind, DocumentPart, Submission
from smartcert.schemas.mapping.document_parts import FORMS, SUMMARY
from smartcert.validators.rule import CheckContext, Rule

_ELSEWHERE = {SUMMARY, FORMS}  # their absence is reported by other rules


def _where(part: DocumentPart) -> str:
    loc = part.location
    if loc is not None and loc.sheet is not None:
        return f"시트 '{loc.sheet}'"
    if loc is not None and loc.page is not None:
        return f"{loc.page}쪽"
    return "위치 미상"


def _problems(doc: Document, order: list[str]) -> tuple[list[str], list[Location | None]]:
    parts = {p.name: p for p in doc.parts or ()}
    problems: list[str] = []
    where: list[Location | None] = []
    for name in order:
        if name not in parts and name not in _ELSEWHERE:
            problems.append(f"{name}이(가) 없습니다")
            later = next((parts[n] for n in order[order.index(name) + 1:] if n in parts), None)
            where.append(later.location if later else Location(file=doc.file))
    placed = [parts[n] for n in order if n in parts and parts[n].position is not None]
    for a, b in pairwise(placed):
        if a.position is not None and b.position is not None and a.position > b.position:
            problems.append(f"{a.name}({_where(a)})이(가) {b.name}({_where(b)})보다 뒤에 있습니다")
            where.append(a.location)
    return problems, where


class ProposalOrder(Rule):
    spec = RuleSpec(
        id="completeness.proposal-order",
        severity=Severity.WARNING,
        template="정량지표 평가제안서는 {order} 순으로 작성해야 하나 {problems}",
        clause="지침 V.제출서류 및 양식 > 정량지표 작성요령 (제안서는 표지, 목차, 요약표, "
               "지표별 양식 순으로 작성하여 제출)",
        example={"order": "표지, 목차, 요약표, 지표별 양식", "problems": "목차이(가) 없습니다"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        docs = ctx.ruleset.documents
        order = list(docs.proposal_order) if docs else []
        if not order:
            return
        for doc in sub.documents_of(DocumentKind.QUANTITATIVE_PROPOSAL):
            if doc.parts is None:
                continue  # no text to read (an image not OCR'd)
            problems, where = _problems(doc, order)
            if problems:
                yield self.finding(order=", ".join(order), problems="; ".join(problems),
                                   claimed=" → ".join(p.name for p in doc.parts),
                                   expected=" → ".join(order), locations=where)
