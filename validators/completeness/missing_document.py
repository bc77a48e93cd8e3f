from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Location, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import DocumentKind, Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.unread import Doubt, pages_doubt

_REQUIRED = {
    DocumentKind.APPLICATION: "공모 신청서",
    DocumentKind.QUANTITATIVE_PROPOSAL: "정량지표 평가제안서",
    DocumentKind.QUALITATIVE_SELF_ASSESSMENT: "정성지표 자체평가표",
    DocumentKind.EVIDENCE: "근거자료",
}


class MissingDocument(Rule):
    """A document kind of the call not among those classified. A warning when a document
    of no kind could not be opened or has pages OCR'd or not read: it may be the one."""

    spec = RuleSpec(
        id="completeness.missing-document",
        severity=Severity.ERROR,
        template="제출서류 '{name}'을(를) 제출물에서 찾지 못했습니다",
        clause="공고 3. 신청방법 < 제 출 서 류 > ①~④",
        example={"name": "정성지표 자체평가표"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        kinds = {d.kind for d in sub.documents}
        doubt = _doubt(sub)
        for kind, name in _REQUIRED.items():
            if kind not in kinds:
                yield self.finding(name=name, expected=name, locations=doubt.locations,
                                   uncertain=doubt.text)


def _doubt(sub: Submission) -> Doubt:
    """A document of no kind may be the missing one when it could not be opened, or when
    pages of it were not read from a text layer (its title and forms may be on them)."""
    other = sub.documents_of(DocumentKind.OTHER)
    shut = [d for d in other if d.not_read]
    pages = pages_doubt(((d, d.unsure_pages) for d in other if not d.not_read),
                        "그 쪽의 서류 제목과 양식을", named=True)
    texts = [f"'{d.file}'은(는) 열지 못해 읽지 못함" for d in shut]
    texts += [pages.text] if pages.text else []
    return Doubt("; ".join(texts) or None,
                 [*(Location(file=d.file) for d in shut), *pages.locations])
