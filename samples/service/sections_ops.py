"""3. 운영 (S-311 … S-332): Open API and external data, the accessibility certificate,
design documents, manuals, licences, maintenance plan, security check and response."""

from __future__ import annotations

from typing import Any

from samples.generator.doc import C, L, Spacer
from samples.service.blocks import dots, ev_head, grid, head, kv, note, report_head, screen, text
from samples.service.draw import certificate
from samples.service.ladders import cert_valid
from samples.service.model import Content, Ctx, EvPage
from samples.service.render import Anchor

# 행정안전부 SW 개발보안 가이드의 보안약점 47개 (7개 분류)
WEAKNESSES = [
    ("입력데이터 검증 및 표현", 17),
    ("보안기능", 16),
    ("시간 및 상태", 2),
    ("에러처리", 3),
    ("코드오류", 4),
    ("캡슐화", 4),
    ("API 오용", 1),
]


def s311(x: Ctx) -> Content:
    api, ext = x.f["open_api"], x.f["external"]
    fm = ", ".join(api["formats"])
    body: list[Any] = [
        head("□ Output 데이터 Open API 제공"),
        kv(
            [
                ("제공 주소", api["url"]),
                ("제공 데이터", f"{', '.join(api['datasets'])} ({len(api['datasets'])}종)"),
                (
                    "제공 형식",
                    f"{fm} ({len(api['formats'])}개 유형)",
                    x.fact("api_formats", api["formats"], fm),
                ),
            ]
        ),
        head("□ 외부 연계 기반데이터"),
        grid(["기반데이터", "제공기관"], [[L(a), C(b)] for a, b in ext], [260, 200]),
        kv([("외부 연계", f"{len(ext)}종", x.fact("external", len(ext), f"{len(ext)}종"))]),
    ]
    ev = [
        EvPage(
            "Open API 제공 화면 및 API 명세서",
            [
                *ev_head(x.item, "Open API 제공 데이터 증빙 (웹 서비스 캡처, API 명세서 발췌)"),
                screen(api["url"], f"{x.p['service']['name']} Open API"),
                grid(
                    ["API", "요청 주소", "응답 형식"],
                    [
                        [L(d), L(f"{api['url']}/{k + 1:02d}"), C(fm)]
                        for k, d in enumerate(api["datasets"])
                    ],
                    [150, 220, 90],
                ),
            ],
        ),
        EvPage(
            "외부 연계 데이터 목록",
            [
                *ev_head(x.item, "외부 데이터 연계도 및 외부 연계 데이터 목록"),
                grid(
                    ["No.", "기반데이터", "제공기관", "연계 방식"],
                    [[C(str(k + 1)), L(a), C(b), C("API 수신")] for k, (a, b) in enumerate(ext)],
                    [36, 200, 150, 74],
                ),
            ],
        ),
    ]
    return Content(
        body,
        {
            "3.1.1.1": f"{fm} {len(api['formats'])}개 유형으로 제공"
            + (" (2개 이상 2점)" if len(api["formats"]) >= 2 else " (1개 유형 1점)"),
            "3.1.1.2": f"외부 연계 기반데이터 {len(ext)}종 (3종 이상 3점)",
        },
        ev,
    )


def s312(x: Ctx) -> Content:
    c = x.f["certificate"]
    k_from = x.fact("cert.valid_from", c["valid_from"], dots(c["valid_from"]))
    k_to = x.fact("cert.valid_to", c["valid_to"], dots(c["valid_to"]))
    k_no = x.fact("cert.no", c["no"], c["no"])
    body: list[Any] = [
        head("□ 접근성 인증"),
        kv(
            [
                ("인증 종류", c["kind"]),
                ("인증 대상", c["target"]),
                ("인증기관", c["issuer"]),
                ("인증번호", c["no"], k_no),
                ("유효기간 시작", dots(c["valid_from"]), k_from),
                ("유효기간 종료", dots(c["valid_to"]), k_to),
            ]
        ),
        text(
            "○ 공고접수 마감일(2023. 10. 26.) 기준 인증 유효기간 내"
            if cert_valid(c)
            else "○ 인증 보유"
        ),
    ]
    ev = [
        EvPage(
            "접근성 품질인증서",
            [
                *ev_head(x.item, "국가공인 접근성 품질인증기관 발급 인증서"),
                certificate(
                    "품 질 인 증 서" if "WA" in c["kind"] else "접근성 인증서",
                    f"인증번호 {c['no']}",
                    [
                        ("인 증 종 류", c["kind"]),
                        ("인 증 대 상", c["target"]),
                        ("신 청 기 관", x.p["applicant"]["name"]),
                        ("유 효 기 간", f"{dots(c['valid_from'])} ~ {dots(c['valid_to'])}"),
                    ],
                    "위 대상은 정보통신 접근성 품질인증 기준을 준수하였기에 이 인증서를 드립니다.",
                    c["valid_from"],
                    c["issuer"],
                    height=440,
                ),
                Anchor([k_no, k_from, k_to]),
            ],
        )
    ]
    return Content(
        body,
        {
            "3.1.2.1": f"{c['kind']} {c['no']}, 유효기간 {dots(c['valid_from'])}~{dots(c['valid_to'])}"
        },
        ev,
    )


def s321(x: Ctx) -> Content:
    docs = x.f["docs"]
    rows = [[C(str(k + 1)), L(d)] for k, (d, _) in enumerate(docs)]
    body: list[Any] = [
        head("□ 시스템 설계문서 보유 목록"),
        grid(["No.", "설계문서"], rows, [40, 420]),
    ]
    ev = [
        EvPage(
            "시스템 설계문서 (목록 및 발췌)",
            [
                *ev_head(x.item, "스마트도시 서비스 시스템 설계문서 (목록 및 구성도 발췌)"),
                grid(["No.", "설계문서"], rows, [40, 420]),
            ],
        )
    ]
    return Content(body, {"3.2.1.1": "구성도·HW/SW 설계 1점 + 화면정의서·ERD 1점"}, ev)


def s322(x: Ctx) -> Content:
    m = x.f["manuals"]
    need = ("사용자 매뉴얼", "관리자 매뉴얼", "서비스 보안 매뉴얼")
    rows = [[L(n), C("보유" if n in m else "미보유")] for n in need]
    body: list[Any] = [
        head("□ 매뉴얼 구비 현황"),
        grid(["매뉴얼", "구비"], rows, [300, 160]),
        kv(
            [
                ("구비 매뉴얼", f"{len(m)}종", x.fact("manuals", len(m), f"{len(m)}종")),
                ("운영 환경", x.f["stack"]),
            ]
        ),
    ]
    ev = [
        EvPage(
            "매뉴얼 일체 (표지 및 목차)",
            [
                *ev_head(x.item, "사용자·관리자·서비스 보안 매뉴얼 (표지 및 목차)"),
                grid(["매뉴얼", "구비"], rows, [300, 160]),
                Spacer(4),
                kv([("운영 환경", x.f["stack"])]),
            ],
        )
    ]
    missing = [n for n in need if n not in m]
    return Content(
        body,
        {
            "3.2.2.1": "3종 모두 구비"
            if not missing
            else f"{', '.join(missing)} 미구비 (1종당 1점 감점)"
        },
        ev,
    )


def s323(x: Ctx) -> Content:
    libs = x.f["libraries"]
    paid = sum(1 for lb in libs if lb[3])
    rows = [[L(a), C(b), C(c), C("유상" if d else "오픈소스")] for a, b, c, d in libs]
    body: list[Any] = [
        head("□ 라이브러리별 라이선스"),
        grid(["라이브러리", "버전", "라이선스", "구분"], rows, [180, 70, 130, 80]),
        kv([("유상 라이선스", f"{paid}개", x.fact("paid_libraries", paid, f"{paid}개"))]),
    ]
    ev = [
        EvPage(
            "라이브러리별 라이선스 리스트",
            [
                *ev_head(x.item, "시스템 설계서에 명시된 라이브러리별 라이선스 리스트"),
                grid(["라이브러리", "버전", "라이선스", "구분"], rows, [180, 70, 130, 80]),
            ],
        )
    ]
    return Content(body, {"3.2.3.1": f"유상 라이선스 {paid}개 (1개당 0.5점 감점)"}, ev)


def s324(x: Ctx) -> Content:
    rows = [[C(a), L(b)] for a, b in x.f["plan"]]
    body: list[Any] = [
        head("□ 인프라 유지보수 및 관리계획"),
        grid(["대상", "계획"], rows, [110, 350]),
    ]
    ev = [
        EvPage(
            "유지보수 및 관리계획",
            [
                *ev_head(x.item, "유지보수 및 관리계획 수립 내용"),
                grid(["대상", "계획"], rows, [110, 350]),
            ],
        )
    ]
    return Content(body, {"3.2.4.1": "센서 수명 등을 고려한 유지보수 계획 수립"}, ev)


def weakness_rows(checked: int, found: int) -> list[list[Any]]:
    """Per category: weaknesses, checked (the unchecked ones fall on 보안기능), found, fixed."""
    missing = 47 - checked
    rows, left = [], found
    for name, n in WEAKNESSES:
        chk = n - missing if name == "보안기능" else n
        hit = min(left, max(1, n // 4)) if chk else 0
        left -= hit
        rows.append([C(name), C(str(n)), C(str(chk)), C(str(hit)), C(str(hit))])
    if left:
        rows[0][3] = C(str(int(rows[0][3].text) + left))
        rows[0][4] = C(str(int(rows[0][4].text) + left))
    return rows


def s331(x: Ctx) -> Content:
    f = x.f
    tools = [[L(a), C(b), C(c)] for a, b, c in f["tools"]]
    share = f"{100 * f['checked'] / f['total']:.1f}"
    tbl = grid(
        ["분류", "보안약점", "점검", "발견", "조치"],
        weakness_rows(f["checked"], f["found"]),
        [150, 70, 70, 70, 70],
        total=[
            C("합계", bold=True),
            C(str(f["total"])),
            C(str(f["checked"]), key=x.fact("checked", f["checked"], str(f["checked"]))),
            C(str(f["found"])),
            C(str(f["fixed"])),
        ],
    )
    body: list[Any] = [
        head("□ 행정안전부 지정 보안약점 점검"),
        kv(
            [
                ("점검일", dots(f["date"]), x.fact("date", f["date"], dots(f["date"]))),
                ("점검 범위", f"{f['checked']}개 / {f['total']}개 ({share}%)"),
                (
                    "진단도구",
                    f"{len(f['tools'])}종 (정보보호제품 평가·인증)",
                    x.fact("tools", len(f["tools"]), f"{len(f['tools'])}종"),
                ),
            ]
        ),
        Spacer(4),
        grid(["진단도구", "제조사", "인증번호"], tools, [200, 140, 120]),
        Spacer(4),
        tbl,
    ]
    ev = [
        EvPage(
            "보안약점 진단결과",
            [
                *ev_head(x.item, "정보보호제품 평가·인증 진단도구를 활용한 보안약점 진단결과"),
                *report_head(
                    "소프트웨어 보안약점 진단 결과 보고서", x.p["applicant"]["name"], f["date"]
                ),
                grid(["진단도구", "제조사", "인증번호"], tools, [200, 140, 120]),
                Spacer(4),
                tbl,
                note(
                    "※ 「전자정부 SW 개발자·진단원을 위한 공개SW를 활용한 소프트웨어 개발보안 점검가이드」"
                    "(행정안전부·한국인터넷진흥원, 2019.06) 제7장 기준"
                ),
            ],
        )
    ]
    return Content(
        body,
        {"3.3.1.1": f"{f['checked']}/{f['total']}개 점검 ({share}%), 진단도구 {len(f['tools'])}종"},
        ev,
    )


def s332(x: Ctx) -> Content:
    o, d = x.f["officer"], x.f["deputy"]
    steps = [[C(a), L(b)] for a, b in x.f["steps"]]
    body: list[Any] = [
        head("□ 보안사고 대응 책임자"),
        kv(
            [
                (
                    "책임자",
                    f"{o['name']} ({o['position']}, {o['phone']})",
                    x.fact("officer", o["name"], o["name"]),
                ),
                ("대리자", f"{d['name']} ({d['position']})"),
            ]
        ),
        head("□ 대응방안 시나리오"),
        grid(["단계", "대응 내용"], steps, [90, 370]),
    ]
    ev = [
        EvPage(
            "보안사고 대응 책임자 및 대응방안 시나리오",
            [
                *ev_head(x.item, "보안사고 대응 책임자 인적사항과 대응방안 시나리오"),
                kv([("책임자", f"{o['name']} ({o['position']})"), ("연락처", o["phone"])]),
                Spacer(4),
                grid(["단계", "대응 내용"], steps, [90, 370]),
            ],
        )
    ]
    return Content(body, {"3.3.2.1": "대응 책임자 지정, 사고수습·피해신고·피해보상 시나리오"}, ev)


BUILDERS = {
    "S-311": s311,
    "S-312": s312,
    "S-321": s321,
    "S-322": s322,
    "S-323": s323,
    "S-324": s324,
    "S-331": s331,
    "S-332": s332,
}
