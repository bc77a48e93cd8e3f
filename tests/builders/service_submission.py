"""Hand-built service-certification submissions (seed 003) for the service rules and
scoring tests: the way the mapping fills `ServiceSubmission` from a bundle — every printed
row of the 자체평가표 with its score and place, the printed 계, and the facts the proposal
cites with their pages. Values follow the sample profiles (samples/service/profiles):
㈜누리모빌리티's L1 parking service (교통), 가람시's L2 energy service (환경·에너지), and
an L3 data hub service of 한빛시.

    sub = clean("L2")                       # passes: every self-score supported by its facts
    sub = clean("L2", scores={"1.1.1.1": 1})  # one row changed (catalogue row numbers)
"""

from __future__ import annotations

from decimal import Decimal

from smartcert.core.findings import Location
from smartcert.core.values.periods import PartialDate
from smartcert.schemas.catalogue import load_service_ruleset
from smartcert.schemas.claims import Basis
from smartcert.schemas.service_claims import (
    CitedFact,
    PrintedChoice,
    SelfScore,
    ServiceDocument,
    ServiceDocumentKind,
    ServiceSubmission,
    Subtotal,
)

RS = load_service_ruleset("service-2023")
APP, PROP, SA, EV = "1. 서비스인증 신청서.pdf", "2. 평가제안서.pdf", "3. 자체평가표.pdf", "4. 근거자료.pdf"
JOINT, CONSENT = "5. 공동참여기관 확인서.pdf", "6. 개인정보 수집 및 이용 동의서.pdf"
DOCS = {ServiceDocumentKind.APPLICATION: APP, ServiceDocumentKind.PROPOSAL: PROP,
        ServiceDocumentKind.SELF_ASSESSMENT: SA, ServiceDocumentKind.EVIDENCE: EV,
        ServiceDocumentKind.CONSENT: CONSENT}

# clean self-scores by catalogue row (block 1 and 3 shared; block 2 per level)
COMMON = {
    "1.1.1.1": 3, "1.1.2.1": 3, "1.2.1.1": 4, "1.2.2.1": 1, "1.2.2.2": 1, "1.2.3.1": 2,
    "1.2.3.2": 2, "1.3.1.1": 3, "1.3.2.1": 3, "1.3.2.2": 3, "1.3.3.1": 2,          # 27
    "3.1.1.1": 2, "3.1.1.2": 3, "3.1.2.1": 3, "3.2.1.1": 2, "3.2.2.1": 2,
    "3.2.3.1": 2, "3.3.1.1": 2, "3.3.2.1": 2,                                      # 18
}
BLOCKS = {
    "L1": {"2.1.1.1": 3, "2.1.1.2": 3, "2.1.1.3": 2, "2.1.1.4": 3, "2.1.2.1": 3,
           "2.1.2.2": 2, "2.1.2.3": 4, "2.1.2.4": 4, "2.1.2.5": 3, "2.1.2.6": 5,
           "2.1.3.1": 4, "2.1.3.2": 3, "2.1.3.3": 3, "2.1.3.4": 4},                # 46
    "L2": {"2.2.1.1": 22, "2.2.2.1": 3, "2.2.2.2": 3, "2.2.3.1": 3, "2.2.3.2": 3,
           "2.2.3.3": 3, "2.2.3.4": 3, "2.2.4.1": 3, "2.2.4.2": 4},                # 47
    "L3": {"2.3.1.1": 22, "2.3.2.1": 3, "2.3.2.2": 3, "2.3.2.3": 2, "2.3.2.4": 2,
           "2.3.3.1": 3, "2.3.4.1": 3, "2.3.5.1": 2, "2.3.5.2": 2, "2.3.5.3": 2,
           "2.3.5.4": 3},                                                         # 47
}
LEVEL_TEXT = {"L1": "단위 서비스", "L2": "네트워크 연계 서비스", "L3": "데이터허브 기반 서비스"}
PROFILES = {  # applicant, kind, field, service
    "L1": ("㈜누리모빌리티", "중소기업", "교통", "다온 스마트 공영주차 안내 서비스"),
    "L2": ("가람시", "지자체", "환경·에너지·수자원", "가람 공공건물 에너지 통합관리 서비스"),
    "L3": ("한빛시", "지자체", "교통", "한빛 모빌리티 데이터허브 서비스"),
}


def at(file: str, page: int) -> Location:
    return Location(file=file, page=page)


def day(text: str) -> PartialDate:
    y, m, d = (int(x) for x in text.split("-"))
    return PartialDate(year=y, month=m, day=d)


def fact(item: str, kind: str, text: str, *, number: float | None = None,
         date: str | None = None, label: str | None = None, page: int = 12,
         file: str = EV, **attributes: str) -> CitedFact:
    return CitedFact(item=item, kind=kind, text=text,
                     number=Decimal(str(number)) if number is not None else None,
                     date=day(date) if date else None, label=label, location=at(file, page),
                     attributes=attributes)


def clean_facts() -> list[CitedFact]:
    """What a clean proposal cites, each supporting its self-score above, shaped as the
    mapping reads the proposal's tables (schemas/mapping/service/facts.py): label | value
    rows and lists (one fact per article, its 개선효과 as the number)."""
    return [
        # S-111: a 가군 article within 3 years (3)
        fact("S-111", "press", "매일경제신문", date="2023-02-08", label="언론사", page=3,
             매체분류="가군", 제목="가람시, 공공건물 14곳 에너지 통합관리…"),
        fact("S-111", "press", "연합뉴스", date="2022-12-01", label="언론사", page=3,
             매체분류="나군"),
        # S-112: 420 of 96,400 users surveyed in May 2023, mean 4.12 (3)
        fact("S-112", "survey", "2023. 05. 15. ~ 2023. 05. 26.", date="2023-05-26",
             label="조사기간", page=6),
        fact("S-112", "survey", "공공건물 14개소 이용 시민 및 건물 관리자 (96,400명)",
             number=96400, label="모집단", page=6),
        fact("S-112", "survey", "420명", number=420, label="표본 수", page=6),
        fact("S-112", "survey", "4.12점", number=4.12, label="만족도 평균", page=7),
        # S-121: the article states an 18.4 % cut in peak demand (1 + 3)
        fact("S-121", "press", "매일경제신문", number=18.4, date="2023-02-08", label="언론사",
             page=8, 개선효과="18.4%"),
        # S-122: a patent filed and a software registration (1), 2 dedicated researchers (1)
        fact("S-122", "patent", "10-2023-0051234", date="2023-04-19", label="특허출원", page=9),
        fact("S-122", "patent", "C-2022-031185", date="2022-09-27", label="S/W등록", page=9),
        fact("S-122", "rnd_staff", "2명 (임원 제외)", number=2, label="상시 연구인력", page=10),
        # S-123: one full-time local hire within 2 years (2)
        fact("S-123", "jobs", "전일제 1명", number=1, label="전일제", page=11),
        # S-311: 3 external datasets (3); S-312: WA certificate valid at the deadline (3)
        fact("S-311", "external_data", "기상청 단기예보 외 3종", number=3,
             label="외부 연계 데이터", page=20),
        fact("S-312", "certificate", "2023. 03. 02. ~ 2024. 03. 01.", date="2024-03-01",
             label="유효기간", page=22),
        # S-331: all 47 weaknesses checked (2)
        fact("S-331", "security_check", "47개 (100%)", number=47, label="점검 항목 수", page=25),
    ]


def self_scores(level: str, values: dict[str, float | None]) -> list[SelfScore]:
    """Every row the form prints in blocks 1, the level's and 3, in form order; the form's
    own unscored 2.2.2.2 is left blank."""
    group = RS.level(level).group or ""
    out = []
    for i, r in enumerate(RS.documents.self_assessment.rows):
        block = r.printed.split(".")[0] if r.printed[0] != "2" else r.printed[:3]
        if block not in ("1", group, "3"):
            continue
        value = values.get(r.row) if r.row else None
        score = Decimal(str(value)) if value is not None else None
        item = RS.criteria_of_row(r.row)[0][0].code if r.row else None
        out.append(SelfScore(row=r.printed, item=item, criterion=r.row, text=r.text,
                             points_printed=Decimal(str(r.points)), score=score,
                             score_text="" if score is None else format(score.normalize(), "f"),
                             location=at(SA, 2 + i // 12)))
    return out


def subtotals(scores: list[SelfScore], level: str) -> list[Subtotal]:
    group = RS.level(level).group or ""
    sums: dict[str, Decimal] = {}
    for s in scores:
        block = s.row.split(".")[0] if s.row[0] != "2" else s.row[:3]
        sums[block] = sums.get(block, Decimal(0)) + (s.score or Decimal(0))
    out = [Subtotal(group=g, value=sums.get(g, Decimal(0)), text=str(sums.get(g, 0)),
                    location=at(SA, 6)) for g in ("1", group, "3")]
    total = sum((t.value or Decimal(0) for t in out), Decimal(0))
    return [*out, Subtotal(group="total", value=total, text=str(total), location=at(SA, 7))]


def clean(level: str = "L2", /, *, scores: dict[str, float | None] | None = None,
          facts: list[CitedFact] | None = None, printed_totals: bool = True,
          **fields: object) -> ServiceSubmission:
    """A clean submission at `level`; `scores` overrides rows (catalogue numbers) and the
    printed 계 follow them unless `printed_totals` is False (then they stay the clean ones)."""
    applicant, kind, field, service = PROFILES[level]
    values: dict[str, float | None] = {**COMMON, **BLOCKS[level]}
    rows = self_scores(level, {**values, **(scores or {})})
    totals = subtotals(rows if printed_totals else self_scores(level, values), level)
    docs = [ServiceDocument(file=f, sha256="0" * 64, kind=k) for k, f in DOCS.items()]
    base: dict[str, object] = dict(
        id=f"service-{level.lower()}", applicant=applicant, applicant_kind=kind,
        service_name=service,
        field=PrintedChoice(text=field, id=None, location=at(APP, 1), basis=Basis.LABEL),
        level=PrintedChoice(text=LEVEL_TEXT[level], id=level, location=at(APP, 1),
                            basis=Basis.LABEL),
        application_date=day("2023-10-26"), documents=docs, self_scores=rows,
        subtotals=totals, verdict=[t.model_copy(update={"location": at(SA, 8)}) for t in totals],
        facts=clean_facts() if facts is None else facts,
        source=at(APP, 1))
    base.update(fields)
    return ServiceSubmission.model_validate(base)
