"""The rules the service mapping raises: what reading a service application's forms
reveals (no level ticked, two boxes ticked, a self-score that is not a number …). Clauses
cite the 2023 service call (seed 003) by form and line. Rules judging the mapped
submission against the call live in `validators/` (a blank self-score is
completeness.service-missing-self-score there, another level's block scored
consistency.level-blocks); both are listed on docs/rules.md."""

from __future__ import annotations

from smartcert.core.findings import Severity
from smartcert.core.rulespec import RuleSpec

_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO
_APP = "서비스 인증 지침 Ⅴ 1-1 [별지 제3호서식] 스마트도시서비스 인증 신청서"
_SA = "서비스 인증 지침 Ⅴ 1-3 스마트 서비스 인증 자체평가표"
_COVER = "서비스 인증 지침 Ⅴ 1-2 평가제안서 표지"

# 신청서: the ticked boxes
NO_LEVEL_TICKED = RuleSpec(
    "completeness.no-level-ticked", _W,
    "신청서의 '신청 서비스 수준'에서 표시([V]·■ 등)된 칸을 읽지 못했습니다. {used}",
    f"{_APP} > 신청 서비스 수준 ([  ] 단위 서비스 [  ] 네트워크 연계 서비스 [  ] 데이터허브 기반 "
    "서비스) (seed 003 lines 685–691)",
    {"used": "자체평가표에 점수가 적힌 구성 및 기능 블록(2.2 네트워크 연계 서비스)으로 추정했습니다"})
SEVERAL_LEVELS_TICKED = RuleSpec(
    "eligibility.several-levels-ticked", _E,
    "신청서의 '신청 서비스 수준'에 {count}개 칸이 표시되어 있습니다: {levels}. 구성 및 기능은 "
    "평가항목 중 한 수준만 택하여 평가합니다",
    f"{_APP} > 신청 서비스 수준 (seed 003 lines 685–691); 자체평가표 2. 구성 및 기능 "
    "(평가항목 중 택1, 50점) (line 3350)",
    {"count": "2", "levels": "단위 서비스, 네트워크 연계 서비스"})
NO_FIELD_TICKED = RuleSpec(
    "completeness.no-field-ticked", _W,
    "신청서의 '신청 분야'에서 표시([V]·■ 등)된 칸을 읽지 못했습니다. {used}",
    f"{_APP} > 신청 분야 ([  ] 행정 [  ] 교통 … [  ] 주거) (seed 003 lines 675–683)",
    {"used": "평가제안서 표지의 인증분야 '교통'을 사용했습니다"})
SEVERAL_FIELDS_TICKED = RuleSpec(
    "eligibility.several-fields-ticked", _W,
    "신청서의 '신청 분야'에 {count}개 칸이 표시되어 있습니다: {fields}. 특화지표(2.1.1.4·2.1.2.6)는 "
    "분야별로 평가하므로 한 분야를 확인해야 합니다",
    f"{_APP} > 신청 분야 (seed 003 lines 675–683); 공고 2. 인증대상 교통, 환경‧에너지 분야 "
    "(lines 26–28); 참고1 특화지표 (lines 451–472)",
    {"count": "2", "fields": "교통, 환경·에너지·수자원"})
# 자체평가표
NO_SELF_SCORES = RuleSpec(
    "completeness.unreadable-self-assessment", _W,
    "자체평가표({file})에서 세부 평가항목별 배점·평가점수 표를 읽지 못했습니다",
    f"{_SA} (구분·배점·평가점수) (seed 003 lines 3269–3290)",
    {"file": "3. 자체평가표.pdf"})
UNREADABLE_SELF_SCORE = RuleSpec(
    "completeness.unreadable-self-score", _W,
    "자체평가표 {row} 행의 평가점수 '{text}'을(를) 점수로 읽을 수 없습니다",
    f"{_SA} > 평가점수 (seed 003 lines 3278–3590); 평가결과 판정 자체평가점수 "
    "(lines 3593–3614)", {"row": "1.2.1.1", "text": "4점(예정)"})
UNKNOWN_SELF_ROW = RuleSpec(
    "completeness.unknown-self-row", _W,
    "자체평가표의 '{row} {text}' 행은 지침의 세부 평가항목 어디에도 해당하지 않습니다",
    f"{_SA} (seed 003 lines 3269–3590); 참고1 평가 세부지표 (lines 415–645)",
    {"row": "1.4.1.1", "text": "해당 서비스는 탄소중립에 기여한다."})
UNSCORED_SELF_ROW = RuleSpec(
    "completeness.unscored-self-row", _I,
    "자체평가표 {row} '{text}' 행은 평가기준(참고1·S-page)에 없는 항목이라 점수에 넣지 "
    "않았습니다 (평가점수 '{score}')",
    f"{_SA} 2.2.2.2 (seed 003 line 3438); 참고1 2.2.2 (lines 511–520); S-222 (lines 2044–2061)",
    {"row": "2.2.2.2", "text": "이용자 소유의 인프라를 제3자에게 공유할 수 있다.", "score": "3"})
DUPLICATE_SELF_ROW = RuleSpec(
    "completeness.duplicate-self-row", _W,
    "자체평가표에 {row} 행이 두 번 있습니다 (평가점수 '{first}' / '{other}'); 앞의 것을 읽었습니다",
    f"{_SA} (seed 003 lines 3269–3590)", {"row": "2.1.2.4", "first": "4", "other": "3"})
# across documents
SERVICE_FACTS_DIFFER = RuleSpec(
    "consistency.service-facts-differ", _W,
    "{fact}이(가) 문서마다 다릅니다: '{first}' ({first_file}) / '{other}' ({other_file})",
    f"{_APP} 기관명·서비스 명칭·신청 분야 (seed 003 lines 660–683); {_COVER} 기관명·인증분야·"
    f"서비스명 (lines 823–840); {_SA} 서비스명·신청기관 (lines 3273–3275)",
    {"fact": "신청 분야", "first": "교통", "first_file": "1. 인증 신청서.pdf",
     "other": "환경·에너지·수자원", "other_file": "2. 평가제안서.pdf"})
