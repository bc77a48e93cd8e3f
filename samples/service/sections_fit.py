"""1. 스마트도시 부합성 (S-111 … S-133): the proposal body, the self-score reasons and the
evidence pages of each item, printing every figure its ladder uses."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from samples.generator.doc import C, L, Para, Spacer
from samples.generator.fmt import num
from samples.generator.kit import photos
from samples.service.blocks import (
    dots,
    ev_head,
    grid,
    half_up,
    head,
    kv,
    note,
    pct,
    report_head,
    screen,
    span,
    text,
)
from samples.service.draw import certificate
from samples.service.ladders import (
    WINDOW_2Y,
    fnpv,
    improvement,
    local_hires,
    margin_of,
    survey_mean,
    tier,
)
from samples.service.model import Content, Ctx, EvPage


# -- shared: surveys and press --------------------------------------------------------------
def survey_rows(x: Ctx, s: dict[str, Any], tag: str) -> list[tuple[str, str, str | None]]:
    n, pop = s["n"], s.get("population")
    margin = s.get("margin_printed") or f"±{half_up(margin_of(n, pop))}%p"
    return [
        ("조사명", s["title"], None),
        ("조사기관", s["agency"], x.fact(f"{tag}.agency", s["agency"], s["agency"])),
        (
            "조사기간",
            span(s["start"], s["end"]),
            x.fact(
                f"{tag}.period", {"start": s["start"], "end": s["end"]}, span(s["start"], s["end"])
            ),
        ),
        (
            "모집단",
            f"{s['population_desc']} ({num(pop)}명)",
            x.fact(f"{tag}.population", pop, f"{num(pop)}명"),
        ),
        ("표본 크기", f"{num(n)}명", x.fact(f"{tag}.n", n, f"{num(n)}명")),
        ("신뢰수준", "95%", x.fact(f"{tag}.confidence", 95, "95%")),
        (
            "표본오차",
            f"{margin} (95% 신뢰수준)",
            x.fact(f"{tag}.margin", float(margin.strip("±%p")), margin),
        ),
        ("조사방법", s["method"], None),
        ("표본추출", s["sampling"], None),
    ]


def survey_report_page(x: Ctx, s: dict[str, Any], tag: str, result: list[Any]) -> EvPage:
    blocks: list[Any] = [
        *ev_head(x.item, "설문조사 결과보고서 (발췌)"),
        *report_head(f"{s['title']} 결과보고서", s["agency"], s["end"]),
        Para("1. 조사 개요", size=10, bold=True),
        kv([(a, b, k) for a, b, k in survey_rows(x, s, tag)]),
        Spacer(6),
        Para("2. 조사 결과", size=10, bold=True),
        *result,
        Spacer(8),
        note(
            f"※ 본 조사는 신뢰수준 95%에서 추정오차 ±5% 이내가 되도록 표본을 설계하여 수행하였으며, "
            f"조사 결과가 사실과 다름없음을 확인합니다.  {s['agency']} 대표이사 (인)"
        ),
    ]
    return EvPage("설문조사 결과보고서", blocks)


def press_rows(x: Ctx, press: list[dict[str, Any]], tag: str, improvement: bool) -> list[list[Any]]:
    rows = []
    for i, a in enumerate(press, 1):
        t = tier(a["outlet"])
        row = [
            C(dots(a["date"]), key=x.fact(f"{tag}.{i}.date", a["date"], dots(a["date"]))),
            C(a["outlet"], key=x.fact(f"{tag}.{i}.outlet", a["outlet"], a["outlet"])),
            L(a["title"]),
            C(f"{t}군"),
        ]
        if improvement:
            imp = a.get("improvement")
            row.append(C("-" if imp is None else f"{imp:g}% 개선"))
        rows.append(row)
    return rows


def press_page(x: Ctx, press: list[dict[str, Any]], tag: str, improvement: bool) -> EvPage:
    blocks: list[Any] = [*ev_head(x.item, "뉴스기사 발췌본")]
    hdr = ["보도일", "언론사", "제목", "매체 분류"] + (["개선효과"] if improvement else [])
    widths = [62, 70, 230, 50] + ([60] if improvement else [])
    blocks.append(grid(hdr, press_rows(x, press, tag, improvement), widths))
    for a in press:
        blocks += [
            Spacer(8),
            kv(
                [
                    ("언론사", a["outlet"]),
                    ("보도일", dots(a["date"])),
                    ("제목", a["title"]),
                    ("발췌", press_excerpt(x, a)),
                ],
                widths=(70, 390),
            ),
        ]
    return EvPage("뉴스기사 발췌본", blocks)


def press_excerpt(x: Ctx, a: dict[str, Any]) -> str:
    who, svc = x.p["applicant"]["name"], x.p["service"]["name"]
    imp = a.get("improvement")
    tail = f" 도입 전보다 {imp:g}% 개선된 것으로 나타났다." if imp is not None else ""
    return (
        f"{who}이(가) 운영하는 '{svc}'에 대한 시민 반응이 좋다. 이용 시민들은 "
        f'"이전보다 훨씬 편해졌다"고 입을 모았다.{tail}'
    )


# -- S-111 시민체감도 향상 ----------------------------------------------------------------------
def s111(x: Ctx) -> Content:
    body: list[Any] = []
    ev: list[EvPage] = []
    reasons: list[str] = []
    s = x.f.get("survey")
    if s:
        share = pct(s["aware"], s["n"])
        aware = x.fact("survey.aware", s["aware"], f"{num(s['aware'])}명 ({share}%)")
        res = grid(
            ["문항", "응답자", "알고 있다", "모른다"],
            [
                [
                    L(s["question"]),
                    C(f"{num(s['n'])}명"),
                    C(f"{num(s['aware'])}명 ({share}%)", key=aware),
                    C(f"{num(s['n'] - s['aware'])}명 ({pct(s['n'] - s['aware'], s['n'])}%)"),
                ]
            ],
            [230, 60, 90, 80],
        )
        body += [head("□ 시민 인지도 설문조사"), kv(survey_rows(x, s, "survey")), Spacer(4), res]
        ev.append(survey_report_page(x, s, "survey", [res]))
        reasons.append(
            f"설문 응답자 {num(s['n'])}명 중 {share}%가 인지(1/2 이상 3점, 1/3 이상 2점)"
        )
    press = x.f.get("press") or []
    if press:
        body += [
            head("□ 언론보도"),
            grid(
                ["보도일", "언론사", "제목", "매체 분류"],
                press_rows(x, press, "press", False),
                [62, 70, 270, 50],
            ),
        ]
        ev.append(press_page(x, press, "press", False))
        a = press[0]
        reasons.append(f"{a['outlet']}({tier(a['outlet'])}군, {dots(a['date'])}) 보도")
    body.append(note("※ 두 유형 이상 제출 시 가장 높은 점수의 유형을 적용 (S-111 평가방법)"))
    return Content(body, {"1.1.1.1": "; ".join(reasons)}, ev)


# -- S-112 이용만족도 제고 ----------------------------------------------------------------------
def s112(x: Ctx) -> Content:
    body: list[Any] = []
    ev: list[EvPage] = []
    reasons: list[str] = []
    s = x.f.get("survey")
    if s:
        d = s["distribution"]
        mean = half_up(survey_mean(d))
        labels = {"5": "매우 만족", "4": "만족", "3": "보통", "2": "불만족", "1": "매우 불만족"}
        rows = [
            [C(f"{labels[k]}({k}점)"), C(f"{num(d[k])}명"), C(f"{pct(d[k], s['n'])}%")]
            for k in ("5", "4", "3", "2", "1")
        ]
        res = grid(
            ["응답", "응답자 수", "비율"],
            rows,
            [150, 120, 120],
            total=[
                C("종합만족도(5점 척도 평균)", bold=True),
                C(f"{num(s['n'])}명"),
                C(f"{mean}점", bold=True, key=x.fact("survey.mean", float(mean), f"{mean}점")),
            ],
        )
        body += [head("□ 이용 만족도 설문조사"), kv(survey_rows(x, s, "survey")), Spacer(4), res]
        ev.append(survey_report_page(x, s, "survey", [Para(s["question"], size=9), res]))
        reasons.append(f"종합만족도 {mean}점 (4점 이상 3점, 3.5점 이상 2점, 3점 이상 1점)")
    r = x.f.get("app_rating")
    if r:
        rows = []
        for store, rating, reviews in r["stores"]:
            k = x.fact(f"app.{store}", rating, f"{rating:.1f}")
            rows.append(
                [
                    C(store),
                    C(f"{rating:.1f}", key=k),
                    C(f"{num(reviews)}건"),
                    C(dots(r["captured"])),
                ]
            )
        cap = x.fact("app.captured", r["captured"], dots(r["captured"]))
        tbl = grid(["앱스토어", "평점(5점 만점)", "평가 수", "확인일"], rows, [120, 110, 110, 110])
        body += [head(f"□ 앱스토어 평점 ('{r['app']}' 앱)"), tbl]
        blocks: list[Any] = [*ev_head(x.item, "앱스토어 별점 내역 (캡처)")]
        for store, rating, reviews in r["stores"]:
            blocks += [
                Spacer(4),
                _store_capture(store, r["app"]),
                kv(
                    [
                        ("앱 이름", r["app"]),
                        ("평점", f"★ {rating:.1f} / 5.0"),
                        ("평가 수", f"{num(reviews)}건"),
                        ("캡처 일시", f"{dots(r['captured'])} 10:12", cap),
                    ]
                ),
            ]
        ev.append(EvPage("앱스토어 별점 내역 캡처", blocks))
        best = max(r["stores"], key=lambda t: t[1])
        reasons.append(f"{best[0]} 평점 {best[1]:.1f} ({dots(r['captured'])} 확인)")
    return Content(body, {"1.1.2.1": "; ".join(reasons)}, ev)


def _store_capture(store: str, app: str) -> Any:
    url = (
        "https://play.google.com/store/apps/details?id=kr.hanbit.tago"
        if store == "Google Play"
        else "https://apps.apple.com/kr/app/id6443018215"
    )
    return screen(url, f"{store} — {app}")


# -- S-121 도시문제 해결 ------------------------------------------------------------------------
def s121(x: Ctx) -> Content:
    body: list[Any] = []
    ev: list[EvPage] = []
    reasons: list[str] = []
    rep = x.f.get("report")
    if rep:
        imp = half_up(improvement(rep), 1)
        before, after = (f"{rep[k]:g}{rep['unit']}" for k in ("before", "after"))
        rows = [
            [
                L(rep["indicator"]),
                C(before, key=x.fact("report.before", rep["before"], before)),
                C(after, key=x.fact("report.after", rep["after"], after)),
                C(f"{imp}% 감소", key=x.fact("report.improvement", float(imp), f"{imp}%")),
            ],
            *[[L(a), C(b), C(c), C("-")] for a, b, c in rep.get("extra", [])],
        ]
        tbl = grid(["성과지표", "도입 전", "도입 후", "개선효과"], rows, [200, 90, 90, 80])
        body += [
            head("□ 도시문제 해결 효과 (정량 평가보고서)"),
            text(f"○ 해결 대상 도시문제: {x.p['service']['purpose']}"),
            kv(
                [
                    ("보고서", rep["title"]),
                    ("작성", rep["author"]),
                    (
                        "발행일",
                        dots(rep["date"]),
                        x.fact("report.date", rep["date"], dots(rep["date"])),
                    ),
                    ("도입 전 측정", rep["before_period"]),
                    ("도입 후 측정", rep["after_period"]),
                ]
            ),
            Spacer(4),
            tbl,
        ]
        ev.append(
            EvPage(
                "서비스 개선효과 정량 평가보고서 (발췌)",
                [
                    *ev_head(x.item, "서비스 개선효과 정량 평가보고서 (발췌)"),
                    *report_head(rep["title"], rep["author"], rep["date"]),
                    Para("1. 측정 방법", size=10, bold=True),
                    kv(
                        [
                            ("도입 전", rep["before_period"]),
                            ("도입 후", rep["after_period"]),
                            ("산식", "개선효과(%) = (도입 전 − 도입 후) ÷ 도입 전 × 100"),
                        ]
                    ),
                    Spacer(4),
                    Para("2. 측정 결과", size=10, bold=True),
                    tbl,
                ],
            )
        )
        reasons.append(
            f"{rep['indicator']} {rep['before']:g}→{rep['after']:g}{rep['unit']} ({imp}% 개선) 정량 평가보고서"
        )
    press = x.f.get("press") or []
    if press:
        body += [
            head("□ 언론보도"),
            grid(
                ["보도일", "언론사", "제목", "매체 분류", "개선효과"],
                press_rows(x, press, "press", True),
                [62, 66, 222, 48, 62],
            ),
        ]
        ev.append(press_page(x, press, "press", True))
        imp_a = [a for a in press if a.get("improvement") is not None]
        if imp_a:
            reasons.append(
                f"{imp_a[0]['outlet']} 보도 개선효과 {imp_a[0]['improvement']:g}% (10% 이상 3점)"
            )
    return Content(body, {"1.2.1.1": "; ".join(reasons)}, ev)


# -- S-122 서비스 혁신성 ------------------------------------------------------------------------
def s122(x: Ctx) -> Content:
    ip, staff, lab = x.f.get("ip") or [], x.f.get("staff") or [], x.f["lab"]
    ip_rows = [
        [
            C(a["kind"]),
            C(a["no"], key=x.fact(f"ip.{i}.no", a["no"], a["no"])),
            L(a["title"]),
            C(dots(a["date"])),
            C(a["holder"]),
        ]
        for i, a in enumerate(ip, 1)
    ]
    n_staff = sum(1 for s in staff if not s["executive"])
    staff_rows = [
        [
            C(s["name"]),
            C(s["position"]),
            L(s["role"]),
            C(dots(s["since"])),
            C("임원(제외)" if s["executive"] else "상시 연구인력"),
        ]
        for s in staff
    ]
    body: list[Any] = [
        head("□ 지적재산권"),
        grid(["구분", "번호", "명칭", "등록(출원)일", "권리자"], ip_rows, [56, 92, 190, 66, 70]),
        head("□ 연구개발 수행"),
        kv(
            [
                ("연구조직", f"{lab['name']} ({lab['kind']}, {dots(lab['recognised'])} 인정)"),
                (
                    "상시 연구인력",
                    f"{n_staff}명 (임원 제외)",
                    x.fact("rnd.staff", n_staff, f"{n_staff}명"),
                ),
            ]
        ),
        Spacer(4),
        grid(["성명", "직위", "담당업무", "입사일", "구분"], staff_rows, [56, 92, 170, 70, 86]),
    ]
    ev: list[EvPage] = []
    for a in ip:
        title = {
            "특허등록": "특 허 증",
            "특허출원": "출원번호통지서",
            "S/W등록": "프로그램 등록증",
        }.get(a["kind"], a["kind"])
        ev.append(
            EvPage(
                f"{a['kind']} 증빙 ({a['no']})",
                [
                    *ev_head(x.item, f"지적재산권 증빙 — {a['kind']}"),
                    certificate(
                        title,
                        f"{'등록' if '등록' in a['kind'] else '출원'}번호 {a['no']}",
                        [
                            ("권 리 자", a["holder"]),
                            ("명 칭", a["title"]),
                            ("일 자", dots(a["date"])),
                        ],
                        _ip_body(a),
                        a["date"],
                        "특허청장" if "특허" in a["kind"] else "한국저작권위원회 위원장",
                        height=430,
                    ),
                ],
            )
        )
    ev.append(
        EvPage(
            "연구조직도 및 연구인력 재직증명",
            [
                *ev_head(x.item, "연구개발 조직도, 연구인력 재직증명서 및 담당업무 기술서"),
                kv(
                    [
                        ("연구조직", lab["name"]),
                        ("구분", lab["kind"]),
                        ("인정일", dots(lab["recognised"])),
                    ]
                ),
                Spacer(6),
                grid(
                    ["성명", "직위", "담당업무", "입사일", "재직 여부"],
                    [
                        [
                            C(s["name"]),
                            C(s["position"]),
                            L(s["role"]),
                            C(dots(s["since"])),
                            C(f"재직 ({dots(x.p['submitted'])} 현재)"),
                        ]
                        for s in staff
                    ],
                    [56, 92, 160, 70, 96],
                ),
                note(
                    "※ 재직증명서 원본은 인사 담당 부서 발급본을 첨부함. 임원은 상시 연구인력에서 제외."
                ),
            ],
        )
    )
    best_ip = max(ip, key=lambda a: 2 if "등록" in a["kind"] and a["kind"] != "S/W등록" else 1)
    return Content(
        body,
        {
            "1.2.2.1": f"{best_ip['kind']} {best_ip['no']} (등록 2점, 출원·S/W등록 1점)",
            "1.2.2.2": f"상시 연구인력 {n_staff}명 (3인 이상 2점, 1인 이상 1점)",
        },
        ev,
    )


def _ip_body(a: dict[str, Any]) -> str:
    if a["kind"] == "특허등록":
        return "위의 발명은 「특허법」에 따라 특허권 설정의 등록이 되었음을 증명합니다."
    if a["kind"] == "특허출원":
        return "위와 같이 특허출원이 접수되었음을 알려드립니다."
    return "위 프로그램은 「저작권법」 제53조에 따라 등록되었음을 증명합니다."


# -- S-123 산업 활성화 --------------------------------------------------------------------------
def s123(x: Ctx) -> Content:
    jobs, city = x.f.get("jobs") or [], x.p["service"]["city"]
    hires = local_hires(x.f, city)
    full = sum(1 for j in hires if j["type"] == "전일제")
    part = len(hires) - full
    rows = [
        [C(j["name"]), C(j["job"]), C(j["type"]), C(dots(j["hired"])), C(j["resident"])]
        for j in jobs
    ]
    rip = x.f["ripple"]
    visits = [[C(o), C(dots(d)), C(n)] for o, d, n in rip["visits"]]
    body: list[Any] = [
        head("□ 지역경제 활성화 기여 (지역 주민 채용)"),
        text(f"○ 지역사회 범위: {city} (서비스 운영 지자체), 산정기간: {dots(WINDOW_2Y)} 이후 2년"),
        grid(["성명", "직무", "고용형태", "채용일", "거주지"], rows, [56, 140, 60, 80, 120]),
        kv(
            [
                (
                    "지역 신규 채용",
                    f"전일제 {full}명, 시간제 {part}명",
                    x.fact(
                        "jobs.local",
                        {"full_time": full, "part_time": part},
                        f"전일제 {full}명, 시간제 {part}명",
                    ),
                )
            ]
        ),
        head("□ 관련 산업 파급효과"),
        text(f"○ {rip['text']}"),
        grid(["방문 기관", "방문일", "인원"], visits, [200, 120, 80]),
    ]
    ev = [
        EvPage(
            "지역 채용 인력 채용증명서·재직증명서",
            [
                *ev_head(x.item, "지역사회 채용 인력 채용증명서 및 재직증명서 (요약)"),
                grid(
                    ["성명", "직무", "고용형태", "채용일", "거주지", "재직"],
                    [[*r, C("재직")] for r in rows],
                    [50, 120, 56, 70, 110, 50],
                ),
                note(
                    "※ 개인정보 보호를 위해 성명 일부를 가림. 4대보험 가입 내역 및 주민등록초본(거주지) 사본 첨부."
                ),
            ],
        ),
        EvPage(
            "예상 산업 파급효과 기술서 및 벤치마킹 방문 보고",
            [
                *ev_head(x.item, "예상 산업 파급효과 기술서, 타기관 벤치마킹 방문 보고서"),
                Para(rip["text"], size=10, after=8),
                grid(["방문 기관", "방문일", "인원"], visits, [200, 120, 80]),
                Spacer(6),
                photos([f"{o} 방문 ({dots(d)})" for o, d, _ in rip["visits"]], height=140),
            ],
        ),
    ]
    return Content(
        body,
        {
            "1.2.3.1": f"최근 2년 지역 주민 채용 전일제 {full}명·시간제 {part}명 (전일제 1명 또는 시간제 4명 이상 2점)",
            "1.2.3.2": "관련 산업 파급효과 기술 및 타기관 벤치마킹 방문 (평가위원회 과반 동의 시 2점)",
        },
        ev,
    )


# -- S-131 주민참여 -----------------------------------------------------------------------------
def s131(x: Ctx) -> Content:
    intro = x.p["service"]["introduced"]

    def ev_rows(events: list[dict[str, Any]], tag: str) -> list[list[Any]]:
        return [
            [
                C(e["kind"]),
                C(dots(e["date"]), key=x.fact(f"{tag}.{i}.date", e["date"], dots(e["date"]))),
                C(e["place"]),
                C(f"{e['attendees']}명"),
            ]
            for i, e in enumerate(events, 1)
        ]

    before, after = x.f.get("before") or [], x.f.get("after") or []
    refl = [[L(a), L(b)] for a, b in x.f.get("reflected") or []]
    body: list[Any] = [
        text(f"○ 서비스 도입일: {dots(intro)}"),
        head("□ 서비스 개발·도입 이전 의견수렴"),
        grid(["구분", "일자", "장소", "참석"], ev_rows(before, "before"), [150, 80, 170, 50]),
        head("□ 주민 의견 반영 내역"),
        grid(["주민 의견", "반영 내용"], refl, [190, 260]),
        head("□ 서비스 도입 이후 지속적인 의견수렴"),
        grid(["구분", "일자", "장소", "참석"], ev_rows(after, "after"), [150, 80, 170, 50]),
    ]
    ev = [
        EvPage(
            "의견수렴 회의 결과보고(도입 전)",
            [
                *ev_head(x.item, "의견수렴 과정 증빙 — 서비스 도입 이전"),
                *[b for e in before for b in _meeting(e)],
            ],
        ),
        EvPage(
            "요구사항 반영내역",
            [
                *ev_head(x.item, "요구사항 반영내역"),
                grid(["주민 의견", "반영 내용"], refl, [190, 260]),
            ],
        ),
        EvPage(
            "의견수렴 회의 결과보고(도입 후)",
            [
                *ev_head(x.item, "의견수렴 과정 증빙 — 서비스 도입 이후"),
                *[b for e in after for b in _meeting(e)],
            ],
        ),
    ]
    return Content(
        body,
        {
            "1.3.1.1": (
                f"도입 전 의견수렴 {len(before)}회, 의견 반영 {len(refl)}건, "
                f"도입 후 의견수렴 {len(after)}회 (각 1점)"
            )
        },
        ev,
    )


def _meeting(e: dict[str, Any]) -> list[Any]:
    return [
        kv(
            [
                ("회의명", e["kind"]),
                ("일시", dots(e["date"])),
                ("장소", e["place"]),
                ("참석", f"{e['attendees']}명 (참석자 명부 별첨)"),
            ]
        ),
        Spacer(4),
        photos([f"{e['kind']} 진행", "참석자 의견 청취"], height=120),
        Spacer(6),
    ]


# -- S-132 사회적 영향 --------------------------------------------------------------------------
def s132(x: Ctx) -> Content:
    v, n = x.f["vulnerable"], x.f["negative"]
    vlabel = {"implemented": "실제 도입", "scenario": "이용 시나리오", "indirect": "간접 편의"}[
        v["level"]
    ]
    rows = [[C(a), L(b)] for a, b in v["features"]]
    body: list[Any] = [
        head(f"□ 사회적 약자 배려 ({vlabel})"),
        grid(["구분", "내용"], rows, [140, 320]),
        head("□ 부정적 사회적 영향 고려"),
    ]
    ev = [
        EvPage(
            "사회적 약자 배려 적용 사항",
            [
                *ev_head(
                    x.item,
                    "사회적 약자의 이용편의를 고려한 "
                    + ("서비스 적용 사항" if v["level"] == "implemented" else "서비스 시나리오"),
                ),
                grid(["구분", "내용"], rows, [140, 320]),
            ],
        )
    ]
    if n["level"] == "public_applicant":
        who = x.p["applicant"]["name"]
        body.append(
            text(f"○ 대표 신청인 {who}이(가) {_kind_word(x)}으로서 서비스를 직접 추진 (증빙 면제)")
        )
        why = f"대표 신청인이 {_kind_word(x)} (증빙 면제, 3점)"
    else:
        docs = [[C(a), C(dots(b)), L(c)] for a, b, c in n["docs"]]
        body.append(grid(["문서번호", "일자", "내용"], docs, [120, 80, 260]))
        ev.append(
            EvPage(
                "지자체 협의 공문",
                [
                    *ev_head(x.item, "서비스 내용에 대한 지방자치단체 협의 공문"),
                    *[
                        b
                        for a, d, c in n["docs"]
                        for b in report_head(c, x.p["service"]["city"], d, a)
                    ],
                ],
            )
        )
        why = f"{n['docs'][0][0]} 협의 공문 ({dots(n['docs'][0][1])})"
    return Content(
        body,
        {
            "1.3.2.1": f"사회적 약자 배려 기능 {vlabel} ({'3' if v['level'] == 'implemented' else '2'}점 기준)",
            "1.3.2.2": why,
        },
        ev,
    )


def _kind_word(x: Ctx) -> str:
    return {"local_government": "지방자치단체", "public_institution": "공공기관"}.get(
        x.p["applicant"]["kind"], "기업"
    )


def signed(x: float) -> str:
    """'1,234.5' or '△3,260.0' (negative), half-up to one decimal as the tables print."""
    v = Decimal(half_up(abs(x), 1))
    return f"{'△' if x < 0 else ''}{v:,.1f}"


# -- S-133 시장 적합성 --------------------------------------------------------------------------
def s133(x: Ctx) -> Content:
    f = x.f
    r = f["discount_rate"] / 100
    rows = []
    for y, b, c in f["flows"]:
        t = y - f["base_year"]
        factor = 1 / (1 + r) ** t
        rows.append(
            [
                C(str(y)),
                C(num(b)),
                C(num(c)),
                C(num(b - c) if b >= c else f"△{num(c - b)}"),
                C(f"{factor:.4f}"),
                C(signed((b - c) * factor)),
            ]
        )
    v = half_up(fnpv(f), 1)
    fn = x.fact("fnpv", float(v), v)  # the 총계 cell; the unit stands above the table
    tbl = grid(
        ["연도", "수입", "지출", "순현금흐름", "현가계수", "현재가치"],
        rows,
        [60, 70, 70, 80, 80, 90],
        size=8.5,
        total=[C("FNPV", bold=True, colspan=5), C(f"{v}", bold=True, key=fn)],
    )
    fund = f.get("public_funding")
    rate = f"{f['discount_rate']:g}%"
    assumptions = [
        ("기준년도", f"{f['base_year']}년"),
        ("평가기간", f"{len(f['flows'])}년 ({f['flows'][0][0]}~{f['flows'][-1][0]})"),
        ("재무적 할인율", rate, x.fact("discount_rate", f["discount_rate"], rate)),
        ("잔존가치", "미반영(보수적 산정)"),
        (
            "재정지원",
            f"{fund['source']} {num(fund['amount'])}백만원 ({fund['share']})"
            if fund
            else "없음 (자체 투자)",
        ),
    ]
    body: list[Any] = [
        head("□ 재무적 타당성 분석 (FNPV)"),
        kv(assumptions),
        Spacer(4),
        Para("(단위: 백만원)", size=8, align="right", after=1),
        tbl,
        text(
            f"○ 재무적 순현재가치(FNPV) {v}백만원 > 0 → 재무적 타당성 있음"
            + (" (구축비에 재정지원 포함)" if fund else "")
        ),
    ]
    ev = [
        EvPage(
            "재무성 분석 결과(FNPV)",
            [
                *ev_head(x.item, "재무적 순현재가치(FNPV) 분석 결과"),
                kv(assumptions[:4]),
                Spacer(4),
                Para("(단위: 백만원)", size=8, align="right", after=1),
                tbl,
            ],
        )
    ]
    if fund:
        ev.append(
            EvPage(
                "재정지원 포함 증빙",
                [
                    *ev_head(x.item, "정부 및 지자체 재정지원 포함 증빙"),
                    *report_head(
                        f"{fund['source']} 교부 결정 통지",
                        x.p["applicant"]["name"],
                        f"{f['base_year'] - 1}-12-15",
                    ),
                    kv(
                        [
                            ("지원 사업", fund["source"]),
                            ("지원 금액", f"{num(fund['amount'])}백만원"),
                            ("비율", fund["share"]),
                        ]
                    ),
                ],
            )
        )
    return Content(
        body,
        {"1.3.3.1": f"FNPV {v}백만원 > 0" + (" (재정지원 포함, 2점)" if fund else " (3점)")},
        ev,
    )


BUILDERS = {
    "S-111": s111,
    "S-112": s112,
    "S-121": s121,
    "S-122": s122,
    "S-123": s123,
    "S-131": s131,
    "S-132": s132,
    "S-133": s133,
}
