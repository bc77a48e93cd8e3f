"""The truth file of a service bundle: applicant, field, level, per item the printed
self-score and the points the documents support (by the seed's ladders), subtotals,
total, 과락 and pass/fail both ways, documents, and every ladder figure with its pages."""

from __future__ import annotations

from typing import Any

from samples.generator.pdf_layout import Laid
from samples.service.catalogue import (
    DEADLINE,
    GROUPS,
    LEVELS,
    NOTICE,
    PASS_TOTAL,
    PROGRAM,
    sub_text,
)
from samples.service.ladders import (
    WINDOW_3Y,
    cert_valid,
    margin_of,
    required_n,
    supported,
)
from samples.service.model import Bundle, Content
from samples.service.render import FactBook

COMMITTEE = {"1.2.3.2", "2.2.1.1", "2.3.1.1"}  # scored by the committee's judgement
INTERPRETATIONS = [
    "자체평가표 배점은 참고1과 S-page를 따름: 3.1.1.1 Open API 2점, 3.2.2.1 매뉴얼 2점, "
    "3.2.4.1 유지관리계획 2점, 2.2.2는 2개 항목 (양식 3530·3545·3435-3442와 다름)",
    "자체평가표 번호 1.3.4.1·2.2.5.x·2.3.6.x는 1.3.3.1·2.2.4.x·2.3.5.x로 표기",
    "'신청일 기준 N년 이내'는 공고 마감일 2023-10-26부터 거슬러 셈 (3년: 2020-10-26 이후)",
    "설문 표본: 신뢰수준 95%, 추정오차 ±5% (p=0.5, 유한모집단 보정)에 필요한 n 이상이어야 인정",
    "S-121 정량 평가보고서는 배점 4점 전부 (지침에 단계 없음), 언론보도는 1점 또는 개선효과 "
    "10/5/3% 이상 3/2/1점",
    "사다리가 배점을 넘는 항목(S-212 1·2 '4개 이상 4점', S-211 3 네 기준)은 배점까지만 인정",
    "S-212 특화지표: 구득 2점 + 상호 연동 3점 = 5점 ('각각 제출')",
    "S-224 2번 항목 4점 (참고1 표와 배점 7 기준; S-page 본문 '(3점)'과 다름)",
    "S-213 각 4점 (평가방법; 산출기준 해설의 '(3점)'과 다름)",
    "S-221/S-231은 평가위원회가 매기는 항목: 신청자는 단위/네트워크 연계 서비스 점수 평균의 "
    "5할을 참고로 적음",
]


def _pages(laids: dict[str, Laid], key: str) -> list[dict[str, Any]]:
    return [
        {"file": f, "page": laid.anchors[key]} for f, laid in laids.items() if key in laid.anchors
    ]


def verdict(subtotals: dict[str, float], total: float) -> dict[str, Any]:
    failed = [g for g, v in subtotals.items() if v < GROUPS[g][2]]
    return {
        "subtotals": subtotals,
        "total": total,
        "cutoff_failed": failed,
        "pass": not failed and total >= PASS_TOTAL,
    }


def assemble(
    b: Bundle,
    contents: dict[str, Content],
    fx: FactBook,
    laids: dict[str, Laid],
    files: dict[str, str],
    docs: list[dict[str, Any]],
    ev_pages: dict[str, list[dict[str, Any]]],
) -> dict[str, Any]:
    p = b.profile
    sup = supported(p)
    a, s = p["applicant"], p["service"]
    prop, sa = files["proposal"], files["self_assessment"]

    def page(file: str, key: str) -> int | None:
        laid = laids.get(file)
        return laid.anchors.get(key) if laid else None

    items = []
    for it in b.items:
        subs = [
            {
                "code": x.code,
                "text": sub_text(x, p["field"]),
                "points": x.points,
                "self_score": b.claims[x.code],
                "supported": sup[x.code][0],
                "basis": sup[x.code][1],
                "committee": x.code in COMMITTEE,
                "self_assessment_page": page(sa, f"sa:{x.code}"),
            }
            for x in it.subs
        ]
        items.append(
            {
                "code": it.s,
                "number": it.number,
                "name": it.name,
                "group": it.group,
                "area": it.area,
                "points": it.points,
                "self_score": sum(x["self_score"] for x in subs),
                "supported": sum(x["supported"] for x in subs),
                "proposal_page": page(prop, f"prop:{it.s}"),
                "evidence": ev_pages[it.s],
                "submit": list(it.submit),
                "sub_items": subs,
            }
        )
    subtotals = {}
    for g, (name, points, cutoff) in GROUPS.items():
        rows = [x for i in items if i["group"] == g for x in i["sub_items"]]
        subtotals[g] = {
            "name": name,
            "points": points,
            "cutoff": cutoff,
            "self_rows": sum(x["self_score"] for x in rows),
            "printed": b.printed_subtotals[g],
            "supported": sum(x["supported"] for x in rows),
            "self_assessment_page": page(sa, f"sa:total:{g}"),
        }
    facts = [{**f, "printed": _pages(laids, f"fact:{f['name']}")} for f in fx.facts.values()]
    missing = [f["name"] for f in facts if not f["printed"]]
    if missing:
        raise RuntimeError(f"{b.name}: facts recorded but not printed: {missing}")
    surveys = []
    for code in ("S-111", "S-112"):
        sv = (p["items"].get(code) or {}).get("survey")
        if sv:
            need = required_n(sv.get("population"))
            surveys.append(
                {
                    "item": code,
                    "start": sv["start"],
                    "end": sv["end"],
                    "n": sv["n"],
                    "population": sv.get("population"),
                    "required_n": need,
                    "margin_printed": sv.get("margin_printed"),
                    "margin_computed": round(margin_of(sv["n"], sv.get("population")), 2),
                    "within_3_years": sv["end"] >= WINDOW_3Y,
                    "sample_ok": sv["n"] >= need,
                }
            )
    cert = (p["items"].get("S-312") or {}).get("certificate")
    printed_total = b.printed_total
    return {
        "format_version": 1,
        "program": PROGRAM,
        "bundle": b.name,
        "fictional": True,
        "call": {
            "notice": NOTICE,
            "deadline": DEADLINE,
            "pass_total": PASS_TOTAL,
            "cutoffs": {g: c for g, (_, _, c) in GROUPS.items()},
        },
        "submitted": p["submitted"],
        "applicant": {
            "name": a["name"],
            "kind": a["kind"],
            "org_kind_printed": a["org_kind"] + (f"({a['org_sub']})" if a.get("org_sub") else ""),
            "reg_no": a["reg_no"],
            "head": a["head"],
            "head_title": a["head_title"],
            "address": a["address"],
            "phone": a["phone"],
            "file": files["application"],
            "page": page(files["application"], "app:name"),
        },
        "joint_applicants": [
            {k: j[k] for k in ("name", "kind", "reg_no", "head", "head_title", "address", "phone")}
            for j in p.get("joint") or []
        ],
        "service": {
            "name": s["name"],
            "name_en": s["name_en"],
            "field": p["field"],
            "level": b.level,
            "level_name": LEVELS[b.level],
            "region": s["region"],
            "introduced": s["introduced"],
            "track_record": s["track_record"],
        },
        "documents": docs,
        "items": items,
        "subtotals": subtotals,
        "total": {
            "points": 100,
            "self_rows": sum(v["self_rows"] for v in subtotals.values()),
            "printed": printed_total,
            "supported": sum(v["supported"] for v in subtotals.values()),
            "self_assessment_page": page(sa, "verdict:total"),
        },
        "outcome": {
            "self": verdict({g: b.printed_subtotals[g] for g in GROUPS}, printed_total),
            "supported": verdict(
                {g: v["supported"] for g, v in subtotals.items()},
                sum(v["supported"] for v in subtotals.values()),
            ),
        },
        "surveys": surveys,
        "certificates": [
            {
                "item": "S-312",
                "no": cert["no"],
                "valid_from": cert["valid_from"],
                "valid_to": cert["valid_to"],
                "valid_at_deadline": cert_valid(cert),
            }
        ]
        if cert
        else [],
        "facts": facts,
        "interpretations": INTERPRETATIONS,
        "planted": [d["id"] for d in b.planted],
    }
