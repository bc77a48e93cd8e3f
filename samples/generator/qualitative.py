"""정성지표 자체평가표: 10 units on the 5-stage scale, with text tied to the city's figures."""

from __future__ import annotations

from typing import Any

from samples.generator.doc import Block, C, Cell, H, L, PageBreak, Para, TableBuilder
from samples.generator.model import Built, Profile

STAGES = ["착수", "일부요건 충족", "요건 충족", "발전", "최적화"]
PRINTED = {
    "착수": "착수단계",
    "일부요건 충족": "일부요건 충족단계",
    "요건 충족": "요건충족 단계",
    "발전": "발전단계",
    "최적화": "최적화단계",
}
AREA_ITEMS = {
    "행정": "1.3 행정",
    "주거": "1.4 주거",
    "교육": "1.5 교육",
    "문화관광": "1.6 문화 관광",
    "경제": "1.7 경제",
    "보건복지": "1.8 보건 복지",
    "환경에너지": "1.9 환경 에너지",
}
# (대분류, [(unit, sub-items)]) in the order of the call's self-assessment form
GROUPS: list[tuple[str, list[tuple[str, list[str]]]]] = [
    (
        "혁신성",
        [
            ("공공 역량", ["1.1 전담 공무원"]),
            ("민간·시민 역량", ["2.1 기업 부문", "2.2 민간 부문", "2.3 리빙랩"]),
            ("정보 공개 및 활용", ["3.1 데이터 연계", "3.2 정보 공개", "3.3 시스템 연계"]),
        ],
    ),
    (
        "거버넌스 및 제도",
        [
            ("추진체계", ["1.1 스마트도시 협의체"]),
            ("제도기반", ["2.1 제도 기반"]),
            ("참여 네트워크", ["3.1 정책 네트워크", "3.2 사회 네트워크"]),
            ("재원 조성", ["4.1 집행 예산", "4.2 중장기 예산", "4.3 민간 투자"]),
        ],
    ),
    (
        "서비스 기술 및 인프라",
        [
            ("지능화 시설 및 서비스", ["1.1 교통", "1.2 안전"]),
            ("정보통신망", ["2.1 유선통신망", "2.2 무선통신망"]),
            ("도시통합운영센터", ["3.1 통합운영센터"]),
        ],
    ),
]
# the stage criterion quoted from the call, per unit and stage index
CRITERIA = {
    "공공 역량": [
        "스마트도시 담당 공무원 존재",
        "장기적으로 스마트도시 전담을 위한 공무원 배치",
        "스마트도시 전담을 위한 공식조직 구성 및 운영",
        "스마트도시 운영을 위한 민간 활용",
        "공공과 민간 협력 기반의 관리 및 운영 조직 구성·운영",
    ],
    "민간·시민 역량": [
        "민간 시민 역량을 위한 프로그램 부재",
        "민간 시민 역량을 위한 프로그램 존재",
        "플랫폼 및 데이터 기반 비즈니스 참여 프로그램 운영",
        "플랫폼 및 데이터 기반 비즈니스 생태계 조성",
        "플랫폼 및 데이터 기반 비즈니스 생태계 존재",
    ],
    "정보 공개 및 활용": [
        "분야별 독립된 데이터 및 시스템 존재",
        "공공기관 간 데이터 일부 연계",
        "공공 데이터 및 시스템 연계, 민간 데이터 일부 개방",
        "외부 피드백 기반의 데이터 품질과 범위 향상",
        "공공과 민간 데이터의 완전한 연계 및 활용",
    ],
    "추진체계": [
        "스마트도시 협의체 구성",
        "스마트도시 협의체 운영",
        "협의체의 의사결정 권한 및 절차 명시",
        "협의체의 의사결정 지원을 위한 정책공유 프로그램 운영",
        "스마트도시 의사결정에서의 주도적 역할 수행",
    ],
    "제도기반": [
        "스마트도시 비전 및 계획 수립",
        "계획 기반 스마트시티 일부 사업 추진",
        "계획 이행 시 시민의견 반영 및 참여 절차 명시",
        "계획 성과 파악 등에 시민의견 반영",
        "계획 수립 및 이행의 전면적·주기적 외부 공개 및 의견 수렴",
    ],
    "참여 네트워크": [
        "의사소통 프로그램이 개별 사업단위에서만 존재",
        "의사소통 및 참여 프로그램이 도시 단위에서 공식적으로 존재",
        "참여자들의 정책정보 접근 가능",
        "정책결정 과정 참여·피드백을 위한 디지털 기술 지원",
        "도시민 모두가 참여할 수 있는 완전한 가상 모델 개발",
    ],
    "재원 조성": [
        "개별 사업별 예산계획만 존재",
        "개별 사업별 중장기 예산 계획 존재",
        "도시전반의 통합적 예산 계획 존재",
        "민간투자 등 외부자금 조달 방안 마련",
        "공공과 민간의 통합된 자금조달 구체화",
    ],
    "지능화 시설 및 서비스": [
        "개별 서비스 분야의 독립적 구축 및 운영",
        "개별 서비스 분야 내 일부 융·복합 추진",
        "개별 서비스 분야 간 일부 융·복합 추진",
        "전체 서비스 간 융·복합 추진",
        "전체 서비스 간 융·복합 달성",
    ],
    "정보통신망": [
        "도시 관리를 위한 일부 유선망 구축",
        "도시지능화 시설물과 일부 연계",
        "주요 도시 지능화 시설물과 연계",
        "모든 도시 지능화 시설물과 연계",
        "주변 지자체와 서비스 연계를 위한 망연계 추진",
    ],
    "도시통합운영센터": [
        "통합운영센터 구축 및 보유",
        "센터의 개별 서비스 관리 및 운영",
        "센터의 서비스 분야 간 기능적 연계 및 통합 플랫폼 보유",
        "센터의 공공·민간 서비스 일부 연계 및 데이터 오픈형 플랫폼 보유",
        "공공·민간 서비스의 완벽한 연계",
    ],
}


def facts(city: Profile, b: dict[str, Built]) -> dict[str, list[str]]:
    """Achievement bullets quoting the quantitative figures, so both documents agree; a
    profile's `qualitative_bullets` add more to a unit (a planted plan instead of an
    operation: "계획이 아닌 실제 운영되는 내용")."""
    out = _facts(city, b)
    for unit, more in city.raw.get("qualitative_bullets", {}).items():
        out[unit] = [*out[unit], *more]
    return out


def _facts(city: Profile, b: dict[str, Built]) -> dict[str, list[str]]:
    org = city.org
    return {
        "공공 역량": [
            f"{org['division']} {len(org['teams'])}개팀 총원 {b['A-1-1'].components['headcount']}명 운영",
            f"최근 2년간 스마트도시 관련 표창 {b['A-1-2'].value}건 수상",
        ],
        "민간·시민 역량": [
            f"리빙랩 {b['A-2-3'].value}건 운영으로 시민 주도 문제해결 추진",
            f"스마트도시 시민 교육 프로그램 {b['A-2-4'].value}건 운영",
        ],
        "정보 공개 및 활용": [
            f"오픈 API {b['A-3-2'].text} 제공",
            f"연계·통합 플랫폼 {b['A-3-6'].value}개 운영",
        ],
        "추진체계": [
            f"스마트도시 협의체 회의 {b['B-1-1'].value}건 개최",
            "민간 전문가 참여 분과위원회 운영",
        ],
        "제도기반": [f"{city.plan['name']} 수립", f"{city.ordinance['name']} 제정·운영"],
        "참여 네트워크": [
            f"스마트도시 관련 행사 {b['B-3-1'].text} 개최·참여",
            "시민 의견을 서비스 개선에 반영하는 절차 운영",
        ],
        "재원 조성": [
            f"2024년 스마트도시 예산 비율 {b['B-4-1'].text}",
            f"민간 투자유치 {b['B-4-3'].text}",
        ],
        "지능화 시설 및 서비스": [
            f"BIS 도입 정류소 비율 {b['C-1-1'].text}",
            f"지능형 방범 CCTV 구축 비율 {b['C-2-3'].text}",
        ],
        "정보통신망": [
            "자가통신망을 중심으로 주요 지능화 시설물 연계",
            f"공공 WiFi 인구 만명당 {b['C-10-2'].text.rstrip('%')}대 제공",
        ],
        "도시통합운영센터": [
            f"{city.center} 구성원 {b['C-11-1'].text}",
            f"연계·통합 센터 {b['C-11-4'].value}개",
        ],
    }


def unit_text(unit: str, stage: str, bullets: list[str]) -> str:
    idx = STAGES.index(stage)
    lines = [f"■ {CRITERIA[unit][idx]}"] + [f"- {s}" for s in bullets]
    if idx + 1 < len(STAGES):
        lines.append(f"■ 향후 과제: {CRITERIA[unit][idx + 1]}")
    return "\n".join(lines)


def qualitative_blocks(
    city: Profile, built: dict[str, Built]
) -> tuple[list[Block], list[dict[str, Any]]]:
    """The self-assessment tables and the truth rows (one per unit)."""
    f = facts(city, built)
    blocks: list[Block] = [
        Para("2025년 스마트도시 인증", size=13, align="center", before=10),
        Para("정성지표 자체평가표", size=20, bold=True, align="center", spaced=True, after=6),
        Para(city.name, size=13, bold=True, align="center", after=16),
    ]
    truth: list[dict[str, Any]] = []
    for gi, (group, units) in enumerate(GROUPS, 1):
        if gi > 1:
            blocks.append(PageBreak())
        blocks.append(Para(f"○ 대분류{gi} : {group}", size=11.5, bold=True, keep_with_next=True))
        tb = TableBuilder([110, 80, 300], header_rows=1, size=9)
        tb.row(H("구분"), H("단계"), H("자체 평가내용"))
        for ui, (unit, subs) in enumerate(units, 1):
            if unit == "지능화 시설 및 서비스":
                subs = subs + [
                    AREA_ITEMS[a] for a in sorted(city.selected_areas, key=list(AREA_ITEMS).index)
                ]
            stage = city.qualitative[unit]
            key = f"qual:{unit}"
            tb.row(Cell(text=f"{ui}. {unit}", colspan=3, align="left", bold=True))
            for si, sub in enumerate(subs):
                tail: list[Cell] = (
                    [
                        C(PRINTED[stage], rowspan=len(subs), key=key),
                        L(unit_text(unit, stage, f[unit]), rowspan=len(subs)),
                    ]
                    if si == 0
                    else []
                )
                tb.row(L(sub), *tail)
            truth.append(
                {
                    "group": group,
                    "unit": unit,
                    "stage": stage,
                    "stage_text": PRINTED[stage],
                    "stage_index": STAGES.index(stage) + 1,
                    "sub_items": subs,
                    "key": key,
                }
            )
        tb.row(
            H("종합 자체평가 의견", spaced=False),
            L(
                f"{group} 분야는 "
                + ", ".join(f"{u} {PRINTED[city.qualitative[u]]}" for u, _ in units)
                + "로 자체 평가함",
                colspan=2,
            ),
        )
        blocks.append(tb.build())
    return blocks, truth
