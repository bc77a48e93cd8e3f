"""C-2 안전 builders."""

from __future__ import annotations

from samples.generator.common import OWN, bool_built, count_built, pct, ratio_built
from samples.generator.doc import C, L, Para
from samples.generator.fmt import (
    as_json_number,
    fixed,
    num,
    round_half_up,
)
from samples.generator.kit import (
    ev_page,
    list_table,
)
from samples.generator.model import Built, Ctx
from samples.generator.vocab2 import (
    DISASTER_SYSTEMS,
)


def c_2_1(x: Ctx) -> Built:
    a = x.pop_in(1000)
    b = round(float(a) * x.rng.uniform(3.5, 9.0))
    v = round_half_up(b / a, 2)
    t = list_table(
        ["기준연도", "인구수(천명)", "방범 CCTV 수", "지표값"],
        [["2024", C(fixed(a), number=float(a)), C(num(b), number=b), fixed(v)]],
        [90, 110, 110, 100],
    )
    ev = ev_page(
        x.code,
        "인구 1천명 당 방범 CCTV 수",
        "붙임. 방범 CCTV 설치 현황 (통합관제 자산 대장 요약)",
        [
            list_table(["구분", "수량(대)"], [["방범용 CCTV 총계", num(b)]], [240, 140]),
            Para(f"※ 인구 {num(x.pop())}명 (주민등록 인구통계 2024년 12월)", size=9.5, before=8),
        ],
        [num(b), num(x.pop())],
    )
    return ratio_built(
        x,
        {"A": as_json_number(a), "B": b},
        "B / A",
        v,
        f"1천명 당 CCTV 수 {fixed(v)}",
        f"1천명 당 CCTV 수 {fixed(v)}",
        "대/천명",
        form_title="인구 1천명 당 방범 CCTV 수",
        analysis="■ 인구 1천명 당 방범 CCTV 수",
        source="통계청, 지자체 자체 자료",
        unit_label="(단위: 천명, 대)",
        notes=[
            "* 인구수 자료는 행정안전부 주민등록 인구통계 자료 중 2024년 12월 기준 총 인구수 자료를 사용"
        ],
        tables=[t],
        evidence=[ev],
    )


def c_2_2(x: Ctx) -> Built:
    cats = ["관제인력 탐지", "사고대응 요청", "지능형 선별관제 탐지"][: x.rng.randint(2, 3)]
    items = []
    for cat in cats:
        parts = [round(x.rng.randint(40, 900) * x.city.scale) for _ in range(3)]
        items.append(
            {
                "category": cat,
                "violent": parts[0],
                "minor": parts[1],
                "other": parts[2],
                "total": sum(parts),
            }
        )
    total = sum(it["total"] for it in items)
    rows = [
        [
            it["category"],
            C(num(it["total"]), number=it["total"]),
            C(num(it["violent"]), number=it["violent"]),
            C(num(it["minor"]), number=it["minor"]),
            C(num(it["other"]), number=it["other"]),
            "'24년 기준",
        ]
        for it in items
    ]
    t = list_table(
        ["구분", "총계", "강력범죄", "경범죄", "기타", "비고"],
        rows,
        [110, 70, 70, 70, 70, 70],
        total=[C("총계", bold=True), C(f"{num(total)}건", colspan=5, bold=True)],
    )
    ev = ev_page(
        x.code,
        "통합운영센터를 활용한 범죄 관제 실적",
        f"붙임. {x.city.center} 2024년 관제 실적 보고",
        [
            list_table(
                ["구분", "관제 실적(건)"],
                [[it["category"], num(it["total"])] for it in items] + [["합계", num(total)]],
                [240, 140],
            )
        ],
        [*[s for it in items for s in (it["category"], num(it["total"]))], num(total)],
    )
    return Built(
        text=f"{num(total)}건",
        value=total,
        unit="건",
        derivation={"kind": "sum_items", "field": "total"},
        form_title="통합운영센터를 활용한 범죄 관제 실적",
        form_text=f"센터 관제 {num(total)}건",
        analysis="■ 통합운영센터를 활용한 범죄 관제 실적 ('24년 기준)",
        source="지자체 자체 자료(통합운영센터 성과자료)",
        unit_label="(단위: 건)",
        tables=[t],
        evidence=[ev],
        items=items,
        item_checks=["total == violent + minor + other"],
    )


def c_2_3(x: Ctx) -> Built:
    a = x.done["C-2-1"].components["B"]
    kinds = [
        ("객체인식 CCTV", "객체인식"),
        ("이상음원인식 CCTV", "이상음원인식"),
        ("지능형 방범 CCTV", "객체인식, 이상음원인식, 배회 감지"),
    ]
    items = [
        {"type": k, "function": f, "count": round(a * x.rng.uniform(0.03, 0.16))} for k, f in kinds
    ]
    b = sum(it["count"] for it in items)
    v = pct(b, a)
    t1 = list_table(
        ["구분", "주요 기능", "구축수"],
        [[it["type"], L(it["function"]), C(num(it["count"]), number=it["count"])] for it in items],
        [140, 200, 100],
        total=[C("지능형 방범 CCTV 총계", colspan=2, bold=True), C(num(b), number=b, bold=True)],
    )
    t2 = list_table(
        ["전체 방범 CCTV 수", "지능형 방범 CCTV 수", "지표값"],
        [[C(num(a), number=a), C(num(b), number=b), fixed(v)]],
        [150, 150, 140],
    )
    ev = ev_page(
        x.code,
        "지능형 방범 CCTV 구축 비율",
        "붙임. 지능형 CCTV 구축 현황 (통합관제 자산 대장 요약)",
        [
            list_table(
                ["구분", "구축수(대)"],
                [[it["type"], num(it["count"])] for it in items]
                + [["지능형 합계", num(b)], ["전체 방범 CCTV", num(a)]],
                [240, 140],
            )
        ],
        [*[it["type"] for it in items], num(b), num(a)],
    )
    return ratio_built(
        x,
        {"A": a, "B": b},
        "B / A * 100",
        v,
        f"{fixed(v)}%",
        f"지능형 CCTV {fixed(v)}%",
        "%",
        form_title="지능형 방범 CCTV 구축 비율",
        analysis="■ 현재 도입하여 운영 중인 지능형 방범 CCTV의 전체 CCTV 대비 구축 비율",
        source=OWN,
        unit_label="(단위: 대, %)",
        tables=[t1, t2],
        evidence=[ev],
        items=items,
        links=[{"component": "B", "sum": "count"}],
    )


def c_2_4(x: Ctx) -> Built:
    picked = x.pick(DISASTER_SYSTEMS, x.rng.randint(3, 5) if x.city.scale >= 1 else 3)
    items = [
        {"no": i, "name": n, "dept": d, "functions": f, "content": c}
        for i, (n, d, f, c) in enumerate(picked, 1)
    ]
    rows = [
        [str(it["no"]), L(it["name"]), it["dept"], L(it["functions"]), L(it["content"])]
        for it in items
    ]
    headers, widths = (
        ["No.", "시스템(서비스)명", "관리부서", "주요기능", "서비스내용"],
        [30, 120, 80, 110, 130],
    )
    ev = ev_page(
        x.code,
        "통합운영센터 재난관리서비스(시스템) 운영 건수",
        "붙임. 재난관리 시스템 운영 현황",
        [list_table(headers, rows, widths, size=8.5)],
        [it["name"] for it in items],
    )
    return count_built(
        x,
        items,
        "개",
        "통합운영센터 재난관리서비스(시스템) 운영 건수",
        "서비스(시스템) 수 {n}개",
        "■ 통합운영센터에서 화재, 호우, 산불, 산사태 등 재난관리 서비스 운영 수",
        OWN,
        [list_table(headers, rows, widths)],
        [ev],
    )


def c_2_5(x: Ctx) -> Built:
    item = {
        "name": "대국민 통합 상황전파 시스템",
        "dept": "안전총괄과",
        "content": "자동음성통보, 재해문자, 전광판, CBS 연계",
    }
    return bool_built(
        x,
        True,
        "시스템 도입",
        ["구분", "관리부서", "내용", "비고"],
        [L(item["name"]), item["dept"], L(item["content"]), ""],
        [140, 90, 170, 60],
        "대시민 재해 경보시스템 존재 유무",
        "■ 대시민 재해 경보시스템 존재 유무",
        item["name"],
        item,
    )
