from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from smartcert.core.findings import Finding, Location, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.catalogue.indicators import IndicatorRule
from smartcert.schemas.claims import IndicatorClaim, ListedItem, Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.exclusion_words import (
    cell,
    entries,
    find,
    items,
    label,
    where,
    words,
)


class NotOpenApi(Rule):
    """A-3-2 counts Open APIs only. An item whose 서비스 유형 cell (a column of the form,
    read with its header) names a file format and no API is an error; a file format seen
    only elsewhere in a row whose type column is missing or empty is a warning. A type
    cell naming both ('REST, CSV') is a warning too."""

    kinds: ClassVar[frozenset[str]] = frozenset({"open_api_only"})
    spec = RuleSpec(
        id="exclusion.not-open-api",
        severity=Severity.ERROR,
        template="지표 {code}의 '{item}'은(는) {column}이(가) '{value}'(으)로 Open API가 아닌 "
                 "'{word}' 형식입니다: {rule} ({where})",
        clause=("지침 V.제출서류 및 양식 > A.혁신성 부문 > 3) 정보공개 및 활용 > ② 지자체 데이터 "
                "오픈 API 제공 건수 > 분석자료 (반드시 Open API 형식만 작성하고, 파일데이터 등 "
                "다른 형식은 제외)"),
        example={
            "code": "A-3-2", "item": "한빛 관광지 목록", "column": "서비스 유형",
            "value": "CSV", "word": "CSV",
            "rule": "반드시 Open API 형식만 작성하고, 파일데이터 등 다른 형식은 제외",
            "where": "A-3-2 분석자료",
        },
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            for _, entry in entries(ctx.ruleset, claim.code, self.kinds):
                for item in items(claim):
                    found = self._finding(claim, item, entry)
                    if found is not None:
                        yield found

    def _finding(self, claim: IndicatorClaim, item: ListedItem,
                 entry: IndicatorRule) -> Finding | None:
        files, apis = words(entry, "file_words"), words(entry, "api_words")
        avoid = words(entry, "not_words")
        typed = cell(item, words(entry, "type_headers"))
        if typed is not None:
            file_hit = find(typed.text, files, avoid)
            if not file_hit:
                return None  # the type column says something else (REST, LINK …)
            api_hit = find(typed.text, apis, avoid)
            uncertain = (f"서비스 유형 칸에 API 형식('{api_hit[0].printed}')도 함께 적혀 있음"
                         if api_hit else None)
            return self._report(claim, item, entry, typed.name.strip(), typed.text.strip(),
                                file_hit[0].printed, typed.location, uncertain)
        file_hit = find(item.text, files, avoid)
        if not file_hit or find(item.text, apis, avoid):
            return None
        return self._report(claim, item, entry, "행의 내용", item.text.strip(),
                            file_hit[0].printed, item.location,
                            "서비스 유형 칸이 없거나 비어 있어 행의 글에서 읽음")

    def _report(self, claim: IndicatorClaim, item: ListedItem, entry: IndicatorRule,
                column: str, value: str, word: str, location: Location | None,
                uncertain: str | None) -> Finding:
        return self.finding(indicator=claim.code, code=claim.code, item=label(item),
                            column=column, value=value[:60], word=word, rule=entry.text,
                            where=where(claim.code, entry), claimed=value,
                            expected=f"{entry.text} ({entry.clause})", uncertain=uncertain,
                            locations=[location or item.location or claim.form_source])
