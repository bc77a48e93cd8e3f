"""2. 구성 및 기능: the items of the chosen level only (L1 S-211…S-213, L2 S-221…S-224,
L3 S-231…S-235), each with its screens, statistics and descriptions as evidence.

Each level has one sample bundle, so the illustrative screen rows and charts (not facts a
ladder uses) are written for that bundle's service; every ladder figure comes from the
profile."""

from __future__ import annotations

from typing import Any

from samples.generator.doc import C, L, Para, Spacer
from samples.service.blocks import ev_head, grid, head, kv, note, pts, screen, text
from samples.service.draw import bars
from samples.service.ladders import half_of_mean
from samples.service.model import Content, Ctx, EvPage

HOURS = [
    0.4,
    0.2,
    0.1,
    0.1,
    0.1,
    0.3,
    1.2,
    3.4,
    5.1,
    6.0,
    7.8,
    9.4,
    10.2,
    9.9,
    10.6,
    11.4,
    11.1,
    9.6,
    7.2,
    5.3,
    3.8,
    2.4,
    1.3,
    0.7,
]


def site(x: Ctx) -> tuple[str, str]:
    """The console URL and title of the applicant's system, as the captures show it."""
    short = x.p["applicant"]["short"]
    host = {
        "company": "admin.nuriparking.kr",
        "local_government": "ems.garam.go.kr",
        "public_institution": "hub.hbtc.or.kr",
    }[x.p["applicant"]["kind"]]
    return f"https://{host}", f"{x.p['service']['name']} 관리 콘솔 ({short})"


def _town(x: Ctx) -> str:
    """The city's own name as its places are called ('가람시' → '가람동')."""
    return str(x.p["service"]["city"]).removesuffix("시")


def capture_page(x: Ctx, title: str, path: str, blocks: list[Any]) -> EvPage:
    url, name = site(x)
    return EvPage(title, [*ev_head(x.item, title), screen(f"{url}/{path}", name), *blocks])


# -- L1 -------------------------------------------------------------------------------------
SAMPLES = {
    "차량번호": ["12가 ****", "345나 ****", "08다 ****"],
    "차종": ["중형", "경형", "대형"],
    "거주지역": ["{city} 중앙동", "{city} 새빛동", "{city} 동문동"],
    "연령대": ["40대", "60대", "30대"],
}


def s211(x: Ctx) -> Content:
    f, city = x.f, x.p["service"]["city"]
    idc = f["id_code"]
    types = f["detail_types"]
    cols = [t.split("(")[0] for t in types]
    rows = []
    for i in range(3):
        code = idc["example"] if i == 0 else idc["example"][:-4] + f"{412 + 37 * i:04d}"
        rows.append([C(code)] + [C(SAMPLES.get(c, ["-"] * 3)[i].format(city=city)) for c in cols])
    rec = f["usage_records"]
    use_rows = [
        [
            C(idc["example"]),
            C("2023-10-07 14:12:05"),
            C("2023-10-07 15:47:31"),
            C("1시간 35분"),
            C("제공"),
        ]
    ]
    sp = f["special"]
    body: list[Any] = [
        head("□ 이용자 정의 및 식별코드"),
        kv(
            [
                ("이용자 정의", ", ".join(f["user_types"])),
                (
                    "식별코드",
                    f"{idc['label']} ({idc['format']}, 예: {idc['example']})",
                    x.fact("id_code", idc["format"], idc["format"]),
                ),
            ]
        ),
        head("□ 이용자 상세정보"),
        kv(
            [
                (
                    "관리 항목",
                    f"{', '.join(types)} ({len(types)}개 유형)",
                    x.fact("detail_types", len(types), f"{len(types)}개 유형"),
                )
            ]
        ),
        head("□ 이용실적 데이터"),
        kv(
            [
                (
                    "관리 항목",
                    f"{', '.join(rec)} ({len(rec)}개)",
                    x.fact("usage_records", len(rec), f"{len(rec)}개"),
                )
            ]
        ),
        head(f"□ 특화지표({x.field}): 문제점 파악과 해결 방안"),
        kv(
            [
                ("문제점(객관적 자료)", sp["problem"]),
                (
                    "해결 방안(" + ("정량" if sp["solution"] == "quantitative" else "정성") + ")",
                    sp["solution_text"],
                ),
            ]
        ),
    ]
    ev = [
        capture_page(
            x,
            "이용자 식별코드·상세정보 관리 화면",
            "member/list",
            [
                grid([idc["label"], *cols], rows, [100] + [360 / len(cols)] * len(cols)),
                note(
                    "※ 개인정보는 화면에서 일부 가림 처리되어 표시됨 (개인정보 보호법 제3장 준수)"
                ),
            ],
        ),
        capture_page(
            x,
            "이용자 서비스 이용실적 데이터 확인 화면",
            "member/usage",
            [
                grid(
                    [idc["label"], rec[0], rec[1], rec[2], "회원 제공"],
                    use_rows,
                    [100, 100, 100, 80, 80],
                ),
                text("○ 회원은 모바일 웹 '이용내역' 메뉴에서 같은 내역을 조회함 (이용자 제공)"),
            ],
        ),
        EvPage(
            "특화지표 문제점 객관 자료 및 해결 정량 증빙",
            [
                *ev_head(x.item, f"특화지표({x.field}) — 주요 문제점 객관 자료 및 해결 정량 증빙"),
                kv([("문제점", sp["problem"]), ("해결 방안", sp["solution_text"])]),
            ],
        ),
    ]
    return Content(
        body,
        {
            "2.1.1.1": f"{idc['label']} 식별코드 부여·관리",
            "2.1.1.2": f"상세정보 {len(types)}개 유형 (3개 이상 3점)",
            "2.1.1.3": f"이용실적 {len(rec)}개 항목 관리 (배점 3점)",
            "2.1.1.4": "문제점 객관 자료 1점 + 해결 방안 정량 증빙 2점",
        },
        ev,
    )


def s212(x: Ctx) -> Content:
    f = x.f
    sp = f["special"]
    obtained, linked = sp.get("obtained") or [], sp.get("interlocked") or []
    body: list[Any] = [
        head("□ 전체 인프라 정보"),
        kv(
            [
                (
                    "제공 정보",
                    f"{', '.join(f['overall_info'])} ({len(f['overall_info'])}개 유형)",
                    x.fact(
                        "overall_info", len(f["overall_info"]), f"{len(f['overall_info'])}개 유형"
                    ),
                )
            ]
        ),
        head("□ 세부 인프라 정보"),
        kv(
            [
                (
                    "제공 정보",
                    f"{', '.join(f['detail_info'])} ({len(f['detail_info'])}개 유형)",
                    x.fact("detail_info", len(f["detail_info"]), f"{len(f['detail_info'])}개 유형"),
                )
            ]
        ),
        head("□ 실시간 정보 / 수요예측 / 인공지능 분석"),
        kv(
            [
                ("실시간 정보", f["realtime"]),
                ("수요예측·수요대응", f["demand"]),
                ("인공지능 분석", f["ai"]),
            ]
        ),
        head(f"□ 특화지표({x.field}): 타 서비스 센서 정보 활용"),
        kv(
            [
                ("구득·활용", ", ".join(obtained) or "없음"),
                ("상호 연동", ", ".join(linked) or "없음"),
            ]
        ),
    ]
    ev = [
        capture_page(
            x,
            "전체·세부 인프라 정보 제공 화면",
            "infra/map",
            [
                grid(
                    ["구분", "제공 정보"],
                    [
                        [C("전체 인프라"), L(", ".join(f["overall_info"]))],
                        [C("세부 인프라"), L(", ".join(f["detail_info"]))],
                    ],
                    [100, 360],
                ),
            ],
        ),
        capture_page(
            x,
            "실시간 정보 제공 화면",
            "realtime",
            [
                kv([("실시간 정보", f["realtime"])]),
                Spacer(4),
                bars(
                    [f"B{k}" for k in range(2, 0, -1)] + ["1F"],
                    [38.0, 61.0, 24.0],
                    "잔여 주차면(면)",
                    110,
                ),
            ],
        ),
        EvPage(
            "수요예측·인공지능 분석 기능 증빙",
            [
                *ev_head(x.item, "수요예측/실시간 수요 대응 기능 시나리오, 인공지능 분석 화면"),
                kv([("시나리오", f["demand"]), ("분석 모델", f["ai"])]),
                Spacer(4),
                bars(
                    [f"{h}시" for h in range(9, 21)],
                    [31, 44, 58, 71, 83, 90, 94, 97, 92, 81, 66, 48],
                    "예측 점유율(%)",
                    130,
                ),
            ],
        ),
        EvPage(
            "타 서비스 센서 정보 구득 증빙",
            [
                *ev_head(
                    x.item, "타 서비스의 센서 정보를 구득하여 인프라 성능을 유지·향상하는 작동 증빙"
                ),
                grid(
                    ["연계 정보", "방식", "활용"],
                    [[L(o), C("구득(API 수신)"), L("만차 예측 보정 입력")] for o in obtained]
                    + [[L(o), C("상호 연동"), L("양방향 제어")] for o in linked],
                    [200, 90, 170],
                ),
            ],
        ),
    ]
    return Content(
        body,
        {
            "2.1.2.1": f"전체 인프라 정보 {len(f['overall_info'])}개 유형 (4개 이상 4점, 3개 3점)",
            "2.1.2.2": f"세부 인프라 정보 {len(f['detail_info'])}개 유형 (4개 이상 4점, 3개 3점)",
            "2.1.2.3": "실시간 잔여면 정보 제공",
            "2.1.2.4": "점유율 예측 및 분산 안내",
            "2.1.2.5": "인공지능(LSTM) 점유율 예측",
            "2.1.2.6": f"타 서비스 센서 구득 {len(obtained)}건(2점)"
            + (f", 상호 연동 {len(linked)}건(3점)" if linked else ", 상호 연동 없음"),
        },
        ev,
    )


def s213(x: Ctx) -> Content:
    f = x.f
    body: list[Any] = [
        head("□ 이력관리 및 통계"),
        kv(
            [
                ("시간대별 통계", f["hourly"]),
                (
                    "세부시간별 통계",
                    f"{', '.join(f['time_units'])} ({len(f['time_units'])}개 유형)",
                    x.fact("time_units", len(f["time_units"]), f"{len(f['time_units'])}개 유형"),
                ),
                (
                    "부문별 활용률 통계",
                    f"{', '.join(f['sections'])} ({len(f['sections'])}개 유형)",
                    x.fact("sections", len(f["sections"]), f"{len(f['sections'])}개 유형"),
                ),
                ("데이터 제공·활용 계획", f["data_plan"]),
            ]
        ),
    ]
    ev = [
        capture_page(
            x,
            "시간대별 활용통계 화면",
            "stats/hourly",
            [bars([str(h) for h in range(24)], HOURS, "시간대별 평균 점유 회전수(회/면)", 150)],
        ),
        capture_page(
            x,
            "세부시간별·부문별 활용통계 화면",
            "stats/detail",
            [
                grid(
                    ["구분", "제공 통계"],
                    [
                        [C("세부시간별"), L(", ".join(f["time_units"]))],
                        [C("부문별"), L(", ".join(f["sections"]))],
                    ],
                    [100, 360],
                ),
            ],
        ),
        EvPage(
            "데이터 제공 및 활용 계획",
            [
                *ev_head(x.item, "데이터 제공 및 활용을 위한 계획 설명자료"),
                Para(f["data_plan"], size=10),
            ],
        ),
    ]
    return Content(
        body,
        {
            "2.1.3.1": "개별 인프라 시간대별 통계 제공",
            "2.1.3.2": f"세부시간별 {len(f['time_units'])}개 유형",
            "2.1.3.3": f"부문별 {len(f['sections'])}개 유형",
            "2.1.3.4": "데이터 제공·활용 계획 수립",
        },
        ev,
    )


# -- L2 -------------------------------------------------------------------------------------
def s221(x: Ctx) -> Content:
    units = x.f["units"]
    value, _ = half_of_mean([u["score"] for u in units])
    mean = sum(u["score"] for u in units) / len(units)
    rows = [
        [
            C(u["id"]),
            L(u["name"]),
            *[C(str(s)) for s in u["scores"]],
            C(str(u["score"]), key=x.fact(f"unit.{u['id']}.score", u["score"], str(u["score"]))),
        ]
        for u in units
    ]
    tbl = grid(
        ["구분", "단위 서비스", "2.1.1", "2.1.2", "2.1.3", "구성 및 기능"],
        rows,
        [36, 200, 50, 50, 50, 74],
        total=[
            C("산술평균 × 0.5", bold=True, colspan=5),
            C(f"{mean:g} × 0.5 = {pts(value)}", bold=True, key=x.fact("half", value, pts(value))),
        ],
    )
    body: list[Any] = [
        text(
            "○ 신청자의 추가 입력은 불필요하며 평가위원회가 단위 서비스 평가점수의 5할을 부여함 "
            "(S-221). 참고로 각 단위 서비스의 구성 및 기능 점수를 제시함."
        ),
        tbl,
        text(f"○ 공통 기준: {x.f['common_standard']}"),
        note(f"※ 출처: {units[0]['source']}"),
    ]
    ev = [
        EvPage(
            "단위 서비스 구성 및 기능 평가 결과",
            [
                *ev_head(x.item, "단위 서비스 구성 및 기능 평가점수 (인증 결과 통보 사본)"),
                *[Para(u["source"], size=9) for u in units[:1]],
                tbl,
            ],
        )
    ]
    return Content(body, {"2.2.1.1": f"단위 서비스 {len(units)}개 평균 {mean:g}점의 5할"}, ev)


def s222(x: Ctx) -> Content:
    body: list[Any] = [
        head("□ 외부 인터넷망 조회"),
        text(f"○ {x.f['web_lookup']}"),
        head("□ 중성적 정보 가공·제공"),
        text(f"○ {x.f['neutral']}"),
    ]
    hall = f"{_town(x)} 노인복지관"
    ev = [
        capture_page(
            x,
            "이용기록 조회 화면(외부 인터넷망)",
            "portal/history",
            [
                grid(
                    ["건물", "일자", "발전(kWh)", "소비(kWh)", "자립률"],
                    [
                        [C(hall), C("2023-09-18"), C("412"), C("1,036"), C("39.8%")],
                        [C("어울림체육센터"), C("2023-09-18"), C("688"), C("1,975"), C("34.8%")],
                    ],
                    [120, 80, 80, 80, 80],
                ),
            ],
        ),
        capture_page(x, "중성적 정보 가공·제공 화면", "track", [text(f"○ {x.f['neutral']}")]),
    ]
    return Content(
        body,
        {"2.2.2.1": "외부망 이용기록 조회", "2.2.2.2": "중성적 정보 트랙 레코드 가공·제공"},
        ev,
    )


def s223(x: Ctx) -> Content:
    f = x.f
    i = f["integrated"]
    ids = f["site_ids"]
    body: list[Any] = [
        head("□ 위치기반 인프라 서비스"),
        text(
            f"○ {f['location_text']} ({'능동적' if f['location'] == 'active' else '수동적'} 위치기반)"
        ),
        head("□ 통합 관리"),
        kv(
            [
                (
                    "연계 규모",
                    f"단위 서비스 {i['units']}개, 대상지 {i['sites']}개소, 장치 {i['devices']}대",
                    x.fact("integrated", i, f"단위 서비스 {i['units']}개, 대상지 {i['sites']}개소"),
                )
            ]
        ),
        head("□ 안정적 통신 유지·음영지역 해소"),
        text(f"○ {f['comms']}"),
        head("□ 대상지 식별코드"),
        kv(
            [
                (
                    "식별코드",
                    f"{ids['format']} (예: {ids['example']}), {ids['count']}개소",
                    x.fact("site_ids", ids["count"], f"{ids['count']}개소"),
                )
            ]
        ),
    ]
    ev = [
        capture_page(x, "위치기반 서비스 제공 화면", "map", [text(f"○ {f['location_text']}")]),
        EvPage(
            "네트워크 서비스 대상지 및 연계 규모, 통신 방안",
            [
                *ev_head(x.item, "네트워크 서비스 대상지·연계 규모, 안정적 통신 유지 방안"),
                grid(
                    ["단위 서비스", "대상지"],
                    [[L(u["name"]), L(u["site"])] for u in x.p["service"]["units"]],
                    [220, 240],
                ),
                Spacer(4),
                kv([("통신 방안", f["comms"])]),
            ],
        ),
        EvPage(
            "대상지 식별코드 정의서",
            [
                *ev_head(x.item, "대상지 식별코드 정의서"),
                kv(
                    [
                        ("코드 체계", ids["format"]),
                        ("예시", ids["example"]),
                        ("부여 대상", f"{ids['count']}개소"),
                    ]
                ),
            ],
        ),
    ]
    return Content(
        body,
        {
            "2.2.3.1": "건물 위치 표시(수동적 위치기반 2점)"
            if f["location"] == "passive"
            else "현재 위치 기반 안내(3점)",
            "2.2.3.2": f"단위 서비스 {i['units']}개 통합 관리",
            "2.2.3.3": "이중 통신망·로컬 저장",
            "2.2.3.4": f"대상지 {ids['count']}개소 식별코드",
        },
        ev,
    )


def s224(x: Ctx) -> Content:
    multi = x.f["multi"]
    body: list[Any] = [
        head("□ 지역별 활용률 통계"),
        text(f"○ {x.f['regional']}"),
        head("□ 다중조건 복합통계"),
        kv(
            [
                (
                    "복합 조건",
                    f"{' × '.join(multi)} ({len(multi)}종)",
                    x.fact("multi", len(multi), f"{len(multi)}종"),
                )
            ]
        ),
    ]
    ev = [
        capture_page(
            x,
            "지역별 활용통계 화면",
            "stats/region",
            [
                bars(
                    [f"{_town(x)}동", "동문동", "남산동", "서부동", "북부동"],
                    [31.2, 27.5, 24.8, 22.1, 19.6],
                    "에너지 자립률(%)",
                    130,
                )
            ],
        ),
        capture_page(
            x,
            "복합조건 활용통계 화면",
            "stats/multi",
            [text(f"○ 조건: {', '.join(multi)} — 예) {_town(x)}동 · 14~16시 · 평일 절감량 통계")],
        ),
    ]
    return Content(
        body, {"2.2.4.1": "읍·면·동별 활용률 통계", "2.2.4.2": f"{len(multi)}종 복합조건 통계"}, ev
    )


# -- L3 -------------------------------------------------------------------------------------
def s231(x: Ctx) -> Content:
    nets = x.f["networks"]
    value, _ = half_of_mean([n["score"] for n in nets])
    mean = sum(n["score"] for n in nets) / len(nets)
    rows = [
        [
            C(n["id"]),
            L(n["name"]),
            C(str(n["score"]), key=x.fact(f"network.{n['id']}.score", n["score"], str(n["score"]))),
        ]
        for n in nets
    ]
    tbl = grid(
        ["구분", "네트워크 연계 서비스", "구성 및 기능 점수"],
        rows,
        [40, 300, 120],
        total=[
            C("산술평균 × 0.5", bold=True, colspan=2),
            C(f"{mean:g} × 0.5 = {pts(value)}", bold=True, key=x.fact("half", value, pts(value))),
        ],
    )
    body: list[Any] = [
        text(
            "○ 신청자의 추가 입력은 불필요하며 평가위원회가 네트워크 연계 서비스 평가점수의 5할을 "
            "부여함 (S-231). 참고로 각 서비스의 구성 및 기능 점수를 제시함."
        ),
        tbl,
        text(f"○ 공통 기준: {x.f['common_standard']}"),
        note(f"※ 출처: {nets[0]['source']}"),
    ]
    ev = [
        EvPage(
            "네트워크 연계 서비스 구성 및 기능 평가 결과",
            [
                *ev_head(
                    x.item, "네트워크 연계 서비스 구성 및 기능 평가점수 (인증 결과 통보 사본)"
                ),
                Para(nets[0]["source"], size=9),
                tbl,
            ],
        )
    ]
    return Content(
        body, {"2.3.1.1": f"네트워크 연계 서비스 {len(nets)}개 평균 {mean:g}점의 5할"}, ev
    )


def s232(x: Ctx) -> Content:
    f = x.f
    own = sum(1 for s in f["services"] if s[2] == "self")
    body: list[Any] = [
        head("□ 동일 프레임워크"),
        grid(
            ["네트워크 연계 서비스", "프레임워크"],
            [[L(a), L(b)] for a, b in f["framework"]],
            [180, 280],
        ),
        kv(
            [
                (
                    "동일 프레임워크 비율",
                    f"{f['framework_share']}%",
                    x.fact("framework_share", f["framework_share"], f"{f['framework_share']}%"),
                )
            ]
        ),
        head("□ 하나의 플랫폼에서 이용 가능한 네트워크 연계 서비스"),
        grid(
            ["코드", "서비스", "제공자"],
            [
                [C(a), L(b), C("신청기관 직접 제공" if c == "self" else "타 제공자")]
                for a, b, c in f["services"]
            ],
            [50, 290, 120],
        ),
        kv(
            [
                (
                    "신청기관 제공",
                    f"{own}개 / {len(f['services'])}개",
                    x.fact("own_services", own, f"{own}개"),
                )
            ]
        ),
        head("□ 원시데이터 규격 통일 / 이종데이터 결합"),
        kv([("원시데이터", f["raw_text"]), ("이종데이터", f["hetero_text"])]),
    ]
    ev = [
        EvPage(
            "데이터 허브 프레임워크 구조도·상호비교 결과",
            [
                *ev_head(x.item, "각 네트워크 연계 서비스의 프레임워크 구조도와 상호비교 결과서"),
                grid(
                    ["서비스", "프레임워크"], [[L(a), L(b)] for a, b in f["framework"]], [180, 280]
                ),
            ],
        ),
        EvPage(
            "원시데이터 규격·이종데이터 결합 설명자료",
            [
                *ev_head(x.item, "원시데이터 규격 및 정보연계 규격서, 이종데이터 결합 설명자료"),
                kv([("원시데이터", f["raw_text"]), ("이종데이터", f["hetero_text"])]),
            ],
        ),
    ]
    return Content(
        body,
        {
            "2.3.2.1": f"동일 프레임워크 {f['framework_share']}%",
            "2.3.2.2": f"네트워크 연계 서비스 {len(f['services'])}개 모두 직접 제공",
            "2.3.2.3": "원시데이터 통일 운영(2점)" if f["raw"] == "operating" else "통일 계획(1점)",
            "2.3.2.4": "이종데이터 결합 운영(2점)"
            if f["hetero"] == "operating"
            else "결합 계획 설명자료(1점)",
        },
        ev,
    )


def s233(x: Ctx) -> Content:
    label = {"process": "가공 및 전송", "modify": "수정", "view": "조회"}[x.f["access"]]
    body: list[Any] = [
        head("□ 하나의 플랫폼에서 이용이력 연동"),
        text(f"○ {x.f['text']} ({label})"),
    ]
    ev = [
        capture_page(
            x,
            "네트워크 연계 서비스 이용이력 연동·전송 화면",
            "user/chain",
            [text(f"○ {x.f['text']}")],
        )
    ]
    return Content(body, {"2.3.3.1": f"이용이력 {label} 가능"}, ev)


def s234(x: Ctx) -> Content:
    label = {
        "auto": "자동 부여·시스템 관리",
        "manual_system": "수동 부여·시스템 관리",
        "manual": "수동 부여·수동 관리",
    }[x.f["ids"]]
    body: list[Any] = [
        head("□ 네트워크 연계 서비스별 식별코드"),
        text(f"○ {x.f['text']} ({label})"),
    ]
    ev = [
        EvPage(
            "네트워크 연계 서비스별 식별코드 부여·관리 방식 설명서",
            [
                *ev_head(x.item, "식별코드 부여 방식 및 관리 방식 설명서"),
                text(f"○ {x.f['text']}"),
            ],
        )
    ]
    return Content(body, {"2.3.4.1": label}, ev)


def s235(x: Ctx) -> Content:
    f = x.f
    body: list[Any] = [
        head("□ 이력관리 및 통계"),
        kv(
            [
                (
                    "공간 단위",
                    f["spatial_text"],
                    x.fact("spatial_m", f["spatial_m"], f"{f['spatial_m']}m"),
                ),
                ("시간 단위", f["time_text"]),
                ("특화지표 통계", f["special_text"]),
                ("빅데이터 분석", f["bigdata_text"]),
            ]
        ),
    ]
    ev = [
        EvPage(
            "네트워크 연계 서비스별 통계 작성 단위 목록",
            [
                *ev_head(x.item, "각 네트워크 연계 서비스별 지역통계 공간 단위·시간 단위 목록"),
                grid(
                    ["서비스", "공간 단위", "시간 단위"],
                    [
                        [
                            L(n["name"]),
                            C(f"{f['spatial_m']}m 격자"),
                            C("실시간" if f["time_unit"] == "realtime" else "분"),
                        ]
                        for n in x.p["service"]["networks"]
                    ],
                    [260, 100, 100],
                ),
            ],
        ),
        EvPage(
            "특화지표 정의서·빅데이터 시나리오",
            [
                *ev_head(x.item, "특화지표 정의서, 빅데이터 분석을 통한 서비스 향상 시나리오"),
                kv([("특화지표", f["special_text"]), ("시나리오", f["bigdata_text"])]),
            ],
        ),
    ]
    return Content(
        body,
        {
            "2.3.5.1": f"공간 단위 {f['spatial_m']}m (10m 이내 2점, 초과 1점)",
            "2.3.5.2": "실시간 단위 일치",
            "2.3.5.3": "일부 서비스 특화지표 통계(1점)"
            if f["special"] == "some"
            else "모든 서비스 특화지표 통계(2점)",
            "2.3.5.4": "서비스 제공자 빅데이터 분석 시연(2점)"
            if f["bigdata"] == "provider"
            else "제공자·이용자 빅데이터 분석(3점)",
        },
        ev,
    )


BUILDERS = {
    "S-211": s211,
    "S-212": s212,
    "S-213": s213,
    "S-221": s221,
    "S-222": s222,
    "S-223": s223,
    "S-224": s224,
    "S-231": s231,
    "S-232": s232,
    "S-233": s233,
    "S-234": s234,
    "S-235": s235,
}
