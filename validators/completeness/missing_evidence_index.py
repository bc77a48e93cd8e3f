"""The 근거자료 must carry an index (조견표: indicator → page). The call prints "조건표 필수",
read as 조견표 (ruleset.yaml discrepancies: evidence-index-typo), hence a warning. The
index is found by the mapping (`Document.parts`, documents.yaml `evidence_index`)."""

from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Location, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import DocumentKind, Submission
from smartcert.validators.rule import CheckContext, Rule


class MissingEvidenceIndex(Rule):
    spec = RuleSpec(
        id="completeness.missing-evidence-index",
        severity=Severity.WARNING,
        template="근거자료({files})에서 지표별 증빙 쪽을 적은 {name}(지표 → 쪽 목록)을 찾지 "
                 "못했습니다 (공고의 '조건표 필수'를 조견표로 읽음)",
        clause="지침 V.제출서류 및 양식 > 정량지표 작성요령 (증빙자료는 자유형식으로 별첨으로 "
               "제출하며(조건표 필수))",
        example={"files": "4. 근거자료.pdf", "name": "조견표"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        docs = ctx.ruleset.documents
        spec = docs.evidence_index if docs else None
        evidence = sub.documents_of(DocumentKind.EVIDENCE)
        # nothing to judge without evidence (completeness.missing-document) or when one
        # evidence file could not be read (its index may be there)
        if spec is None or not evidence or any(d.parts is None for d in evidence):
            return
        if any(d.part(spec.name) is not None for d in evidence):
            return
        yield self.finding(files=", ".join(d.file for d in evidence), name=spec.name,
                           expected=spec.name,
                           locations=[Location(file=evidence[0].file, page=1)])
