from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import ClassVar

from smartcert.core.findings import Finding, Location, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.catalogue.indicators import IndicatorRule
from smartcert.schemas.claims import ListedItem, Submission
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
from smartcert.validators.support.item_names import name_key

_ADMIN = re.compile(r"(특별자치시|특별자치도|특별시|광역시|시|군|구|도)$")
_PARTS = re.compile(r"\s*(?:[,/、;]|\s및\s|\s와\s|\s과\s)\s*")
_BRACKETS = "()[]「」『』<>"
# particles that may join a body's name to its participation: '○○공사 명의로 참가'
_JOINERS = ("명의로", "명의", "으로", "로", "와", "과", "공동", "및")


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def is_body(part: str, suffixes: list[str]) -> bool:
    """A body that is not a municipality: a name ending in a body suffix (공사, 재단 …), or a
    company's mark anywhere ('(주)', '주식회사')."""
    text, key = _nfkc(part), name_key(part)
    for s in suffixes:
        s = _nfkc(s)
        if s.startswith("(") or s == "주식회사":
            if s in text:
                return True
        elif key.endswith(name_key(s)):
            return True
    return False


def is_own(part: str, applicant: str, suffixes: list[str]) -> bool:
    """The applicant itself or one of its departments ('한빛광역시', '한빛시', '한빛광역시
    스마트도시과'), not a body of its own ('한빛도시공사')."""
    key, full = name_key(part), name_key(applicant)
    stem = _ADMIN.sub("", full) or full
    return bool(key) and not is_body(part, suffixes) and (key.startswith(full)
                                                         or key.startswith(stem))


def _text_body(name: str, entry: IndicatorRule) -> str | None:
    """'한빛도시공사 명의로 참가', '(주)한빛소프트 참여', '(참여: 한빛정보산업진흥원)': the body
    the name says took part, or None. A body followed by anything else ('한국토지주택공사
    스마트시티 포럼 참가') is the event's host or name, not the participant."""
    suffixes, verbs = words(entry, "body_suffixes"), words(entry, "participation_words")
    tokens = [t.strip(_BRACKETS) for t in _nfkc(name).split()]
    for i, tok in enumerate(tokens):
        bare = tok
        for j in _JOINERS:
            if bare.endswith(j) and is_body(bare[: -len(j)], suffixes):
                bare = bare[: -len(j)]
                break
        if is_body(bare, suffixes):
            rest = [t for t in tokens[i + 1:i + 4] if t]
            while rest and rest[0] in _JOINERS:
                rest.pop(0)
            if rest and any(rest[0].startswith(v) for v in verbs):
                return bare
        if tok.endswith((":", ":")) and any(tok.startswith(v) for v in verbs) \
                and i + 1 < len(tokens) and is_body(tokens[i + 1], suffixes):
            return tokens[i + 1]
    return None


class NotInOwnName(Rule):
    """B-3-1 counts events the municipality held or joined in its own name. The form prints
    only 주최기관, no column for who took part: a row is flagged when a participant column
    (added by the submission) names another body, when it says 개최 while 주최기관 is not
    the applicant, or when its 명칭 plainly says another body took part ('○○공사 명의로
    참가'). A judgement on names: a warning."""

    kinds: ClassVar[frozenset[str]] = frozenset({"own_name_only"})
    spec = RuleSpec(
        id="exclusion.not-in-own-name",
        severity=Severity.WARNING,
        template="지표 {code}의 '{item}'은(는) {why} — 확인 필요: {rule} ({where})",
        clause=("지침 V.제출서류 및 양식 > B.거버넌스 및 제도 부문 > 3) 참여네트워크 > "
                "① 2년간 스마트도시 관련 행사 개최 및 참여 건수 > 분석자료 "
                "(지자체명으로 참여한 경우만 해당)"),
        example={
            "code": "B-3-1", "item": "2024 한빛 스마트시티 포럼 개최",
            "why": "'개최'로 적혀 있으나 주최기관이 '한빛정보산업진흥원'으로 신청 지자체"
                   "('한빛광역시')가 아닙니다",
            "rule": "지자체명으로 참여한 경우만 해당", "where": "B-3-1 분석자료",
        },
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            for _, entry in entries(ctx.ruleset, claim.code, self.kinds):
                for item in items(claim):
                    why = self._why(item, entry, sub.applicant)
                    if why is None:
                        continue
                    text, loc = why
                    yield self.finding(indicator=claim.code, code=claim.code, item=label(item),
                                       why=text, rule=entry.text, where=where(claim.code, entry),
                                       claimed=label(item),
                                       expected=f"{entry.text} ({entry.clause})",
                                       locations=[loc or item.location or claim.form_source])

    @staticmethod
    def _why(item: ListedItem, entry: IndicatorRule,
             applicant: str | None) -> tuple[str, Location | None] | None:
        suffixes = words(entry, "body_suffixes")
        name = item.name or ""
        if applicant:
            who = cell(item, words(entry, "participant_headers"))
            if who is not None and not any(is_own(p, applicant, suffixes)
                                           for p in _PARTS.split(who.text) if p.strip()):
                return (f"참여 주체가 '{who.text.strip()}'(으)로 신청 지자체('{applicant}')가 "
                        "아닙니다", who.location)
            host = cell(item, words(entry, "host_headers"))
            hosted = find(name, words(entry, "hosting_words"))
            joined = find(name, words(entry, "participation_words"))
            if host is not None and hosted and not joined and not any(
                    is_own(p, applicant, suffixes) for p in _PARTS.split(host.text) if p.strip()):
                return (f"'{hosted[0].printed}'(으)로 적혀 있으나 주최기관이 "
                        f"'{host.text.strip()}'(으)로 신청 지자체('{applicant}')가 아닙니다",
                        host.location)
        body = _text_body(name, entry)
        if body is not None:
            return (f"명칭에 '{body}'이(가) 참여한 것으로 적혀 있습니다 (양식에 참여 주체 칸이 "
                    "없어 명칭에서 읽음)", None)
        return None
