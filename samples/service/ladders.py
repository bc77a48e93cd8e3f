"""The scoring ladders of the S-pages, applied to a profile's documented facts.

``supported(profile)`` gives, per sub-item (1.1.1.1 …), the points the documents support
and a one-line basis. A ladder that can exceed its item's points (S-212 1-2 '4개 이상:
4점' under 3 points, S-211 3 with four 1-point criteria) is capped at the points.

Readings of the seed where it leaves a choice (also listed in the truth's
``interpretations``):
- dates 'within N years of the application' are counted back from the call's deadline
  (2023-10-26): a survey or article from 2020-10-26 on counts;
- a survey counts only with a sample big enough for ±5 % at 95 % confidence (p = 0.5,
  finite-population corrected);
- S-121: a quantified improvement report earns the item's 4 points (the S-page gives no
  steps for it); an article earns 1, plus 3/2/1 when it states ≥10/5/3 % improvement (the
  rule set's reading s121-press-points);
- S-212 6: 'obtained' (2) and 'interlocked' (3) are added ('각각 제출', 1794-1807) to 5;
- S-123: the +1 for hiring disabled/65+ is '배점 외' and reported apart (``bonus``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from typing import Any

from samples.service.catalogue import DEADLINE, LEVELS, items_for

Facts = dict[str, Any]
Result = tuple[float, str]

# Outlets of the S-111 tiers (912-1027) that the profiles cite; any other outlet is 다군.
TIERS = {
    "KBS": "가",
    "MBC": "가",
    "SBS": "가",
    "매일경제신문": "가",
    "한국경제신문": "가",
    "조선일보": "가",
    "동아일보": "가",
    "중앙일보": "가",
    "한겨레신문": "가",
    "경향신문": "가",
    "전자신문": "나",
    "연합뉴스": "나",
    "뉴스1": "나",
    "서울경제신문": "나",
    "디지털타임스": "나",
    "머니투데이": "나",
    "YTN": "나",
}
TIER_POINTS = {"가": 3, "나": 2, "다": 1}
Z95, MARGIN, P = 1.96, 0.05, 0.5


def iso(d: str) -> date:
    return date.fromisoformat(d)


def years_before(d: str, years: int) -> str:
    y, m, dd = d.split("-")
    return f"{int(y) - years:04d}-{m}-{dd}"


WINDOW_3Y = years_before(DEADLINE, 3)
WINDOW_2Y = years_before(DEADLINE, 2)
WINDOW_1Y = years_before(DEADLINE, 1)


def required_n(population: int | None) -> int:
    """Sample size for ±5 % at 95 % (p = 0.5), with the finite-population correction."""
    n0 = Z95**2 * P * (1 - P) / MARGIN**2
    if population:
        n0 = n0 / (1 + (n0 - 1) / population)
    return math.ceil(n0 - 1e-9)


def margin_of(n: int, population: int | None) -> float:
    """The ±margin (in %) a sample of n gives at 95 %."""
    fpc = math.sqrt((population - n) / (population - 1)) if population else 1.0
    return 100 * Z95 * math.sqrt(P * (1 - P) / n) * fpc


def survey_mean(dist: dict[str, int]) -> float:
    n = sum(dist.values())
    return sum(int(k) * v for k, v in dist.items()) / n


def round2(x: float) -> float:
    """Half-up to 2 decimals, as the reports print means."""
    return math.floor(x * 100 + 0.5 + 1e-9) / 100


def survey_valid(s: Facts) -> tuple[bool, str]:
    need = required_n(s.get("population"))
    if s["end"] < WINDOW_3Y:
        return False, f"survey ended {s['end']}, before {WINDOW_3Y} (3 years)"
    if s["n"] < need:
        return False, f"survey n={s['n']} < {need} (±5 % at 95 %)"
    return True, f"survey {s['end']} n={s['n']} (≥{need})"


def tier(outlet: str) -> str:
    return TIERS.get(outlet, "다")


def best(options: list[Result]) -> Result:
    return max(options, key=lambda r: r[0]) if options else (0, "no evidence")


# -- 1. 스마트도시 부합성 -------------------------------------------------------------------
def s111(f: Facts) -> Result:
    opts: list[Result] = []
    s = f.get("survey")
    if s:
        ok, why = survey_valid(s)
        share = s["aware"] / s["n"]
        pts = 3 if share >= 1 / 2 else 2 if share >= 1 / 3 else 1 if share >= 1 / 4 else 0
        opts.append((pts if ok else 0, f"{why}: aware {100 * share:.1f}% → {pts if ok else 0}"))
    for a in f.get("press") or []:
        t = tier(a["outlet"])
        pts = TIER_POINTS[t] if a["date"] >= WINDOW_3Y else 0
        opts.append((pts, f"press {a['outlet']} ({t}군) {a['date']} → {pts}"))
    return best(opts)


def s112(f: Facts) -> Result:
    def steps(x: float) -> int:
        return 3 if x >= 4.0 else 2 if x >= 3.5 else 1 if x >= 3.0 else 0

    opts: list[Result] = []
    s = f.get("survey")
    if s:
        ok, why = survey_valid(s)
        mean = round2(survey_mean(s["distribution"]))
        pts = steps(mean) if ok else 0
        opts.append((pts, f"{why}: mean {mean:.2f}/5 → {pts}"))
    r = f.get("app_rating")
    if r:
        store, rating, _ = max(r["stores"], key=lambda x: x[1])
        pts = steps(rating) if r["captured"] >= WINDOW_3Y else 0
        opts.append((pts, f"app rating {store} {rating} ({r['captured']}) → {pts}"))
    return best(opts)


def improvement(rep: Facts) -> float:
    return 100 * (rep["before"] - rep["after"]) / rep["before"]


def s121(f: Facts) -> Result:
    opts: list[Result] = []
    rep = f.get("report")
    if rep:
        opts.append((4, f"improvement report {rep['date']}: {improvement(rep):.1f}% → 4"))
    for a in f.get("press") or []:
        if a["date"] < WINDOW_3Y:
            continue
        imp = a.get("improvement")
        pts = 1  # and the improvement's 3/2/1 on top (rule set: s121-press-points)
        if imp is not None:
            pts += 3 if imp >= 10 else 2 if imp >= 5 else 1 if imp >= 3 else 0
        opts.append((pts, f"press {a['outlet']} {a['date']} improvement {imp} → {pts}"))
    return best(opts)


def s122_ip(f: Facts) -> Result:
    pts = {"특허등록": 2, "실용신안등록": 2, "신기술": 2, "특허출원": 1, "S/W등록": 1}
    return best(
        [
            (pts.get(x["kind"], 0), f"{x['kind']} {x['no']} → {pts.get(x['kind'], 0)}")
            for x in f.get("ip") or []
        ]
    )


def s122_staff(f: Facts, submitted: str) -> Result:
    n = sum(1 for x in f.get("staff") or [] if not x["executive"] and x["since"] <= submitted)
    pts = 2 if n >= 3 else 1 if n >= 1 else 0
    return pts, f"{n} full-time R&D staff (executives excluded) → {pts}"


def local_hires(f: Facts, city: str) -> list[Facts]:
    return [
        j for j in f.get("jobs") or [] if j["hired"] >= WINDOW_2Y and j["resident"].startswith(city)
    ]


def s123_local(f: Facts, city: str) -> Result:
    hires = local_hires(f, city)
    full = sum(1 for j in hires if j["type"] == "전일제")
    part = sum(1 for j in hires if j["type"] == "시간제")
    opts: list[Result] = [
        (
            2 if full >= 1 or part >= 4 else 0,
            f"local hires since {WINDOW_2Y}: {full} full-time, {part} part-time → "
            f"{2 if full >= 1 or part >= 4 else 0}",
        )
    ]
    inc = f.get("income")
    if inc:
        pts = 2 if inc["annual_won"] >= 30_000_000 else 1 if inc["annual_won"] >= 10_000_000 else 0
        opts.append((pts, f"local income {inc['annual_won']:,}원/yr → {pts}"))
    return best(opts)


def s123_bonus(f: Facts, city: str) -> int:
    hires = local_hires(f, city)
    k = sum(1 for j in hires if j["elderly_or_disabled"])
    return 1 if hires and k / len(hires) >= 0.03 else 0


def s123_ripple(f: Facts) -> Result:
    r = f.get("ripple")
    return (2, "ripple-effect statement (committee majority) → 2") if r else (0, "none")


def s131(f: Facts, introduced: str) -> Result:
    before = any(e["date"] < introduced for e in f.get("before") or [])
    reflected = bool(f.get("reflected"))
    after = any(e["date"] >= introduced for e in f.get("after") or [])
    pts = int(before) + int(reflected) + int(after)
    return pts, f"before {int(before)} + reflected {int(reflected)} + after {int(after)} → {pts}"


def s132_vulnerable(f: Facts) -> Result:
    lvl = f["vulnerable"]["level"]
    pts = {"implemented": 3, "scenario": 2, "indirect": 1}.get(lvl, 0)
    return pts, f"vulnerable users: {lvl} → {pts}"


def s132_negative(f: Facts, public_party: bool) -> Result:
    lvl = f["negative"]["level"]
    if lvl == "public_applicant" and not public_party:
        return 0, "claims a public co-applicant but none applies"
    pts = {"public_applicant": 3, "consultation": 3, "self_review": 2, "none": 1}.get(lvl, 0)
    return pts, f"negative impacts: {lvl} → {pts}"


def fnpv(f: Facts) -> float:
    r = f["discount_rate"] / 100
    return sum((b - c) / (1 + r) ** (y - f["base_year"]) for y, b, c in f["flows"])


def s133(f: Facts) -> Result:
    if f.get("flows"):
        v = fnpv(f)
        if v <= 0:
            return 0, f"FNPV {v:.1f} ≤ 0"
        pts = 2 if f.get("public_funding") else 3
        return pts, f"FNPV {v:.1f}백만원 > 0{' with public funding' if pts == 2 else ''} → {pts}"
    return (1, "other analysis (PI) → 1") if f.get("pi") else (0, "none")


# -- 2. 구성 및 기능 -------------------------------------------------------------------------
def count_steps(n: int, cap: int) -> int:
    return min(n, cap)


def s211(f: Facts, k: int) -> Result:
    if k == 1:
        return (3, "user ID code → 3") if f.get("id_code") else (0, "none")
    if k == 2:
        n = len(f.get("detail_types") or [])
        pts = min(3, n)
        return pts, f"{n} user detail types → {pts}"
    if k == 3:
        n = len(f.get("usage_records") or [])
        return min(3, n), f"{n} of start/end/duration/provided → {min(3, n)} (cap 3)"
    sp = f.get("special") or {}
    pts = (1 if sp.get("problem") else 0) + {"quantitative": 2, "qualitative": 1}.get(
        sp.get("solution") or "", 0
    )
    return pts, f"problem {int(bool(sp.get('problem')))} + solution {sp.get('solution')} → {pts}"


def s212(f: Facts, k: int) -> Result:
    if k in (1, 2):
        n = len(f.get("overall_info" if k == 1 else "detail_info") or [])
        return min(3, n), f"{n} info types (ladder {min(4, n)}) → {min(3, n)} (cap 3)"
    key = {3: "realtime", 4: "demand", 5: "ai"}.get(k)
    if key:
        pts = {3: 4, 4: 4, 5: 3}[k] if f.get(key) else 0
        return pts, f"{key} → {pts}"
    sp = f.get("special") or {}
    pts = (2 if sp.get("obtained") else 0) + (3 if sp.get("interlocked") else 0)
    return pts, (
        f"other services' sensors: obtained {len(sp.get('obtained') or [])}, "
        f"interlocked {len(sp.get('interlocked') or [])} → {pts}"
    )


def s213(f: Facts, k: int) -> Result:
    if k == 1:
        return (4, "hourly statistics → 4") if f.get("hourly") else (0, "none")
    if k in (2, 3):
        n = len(f.get("time_units" if k == 2 else "sections") or [])
        return min(4, n), f"{n} types → {min(4, n)}"
    return (4, "data provision plan → 4") if f.get("data_plan") else (0, "none")


def half_of_mean(scores: list[float], k_min: int = 2) -> Result:
    if len(scores) < k_min:
        return 0, f"{len(scores)} linked services (< {k_min})"
    mean = sum(scores) / len(scores)
    v = round(mean / 2, 2)
    return v, f"mean of {scores} = {mean:.2f} × 0.5 → {v} (committee)"


def s221(f: Facts) -> Result:
    return half_of_mean([u["score"] for u in f["units"]]) if f.get("common_standard") else (0, "")


def s222(f: Facts, k: int) -> Result:
    key = "web_lookup" if k == 1 else "neutral"
    return (3, f"{key} → 3") if f.get(key) else (0, "none")


def s223(f: Facts, k: int) -> Result:
    if k == 1:
        pts = {"active": 3, "passive": 2}.get(f.get("location") or "", 0)
        return pts, f"location-based ({f.get('location')}) → {pts}"
    if k == 2:
        i = f.get("integrated") or {}
        ok = i.get("units", 0) >= 2
        return (3 if ok else 0), f"{i.get('units', 0)} unit services integrated → {3 if ok else 0}"
    key = "comms" if k == 3 else "site_ids"
    return (3, f"{key} → 3") if f.get(key) else (0, "none")


def s224(f: Facts, k: int) -> Result:
    if k == 1:
        return (3, "regional statistics → 3") if f.get("regional") else (0, "none")
    n = len(f.get("multi") or [])
    return (4 if n >= 2 else 0), f"{n} combined conditions → {4 if n >= 2 else 0}"


def s231(f: Facts) -> Result:
    if not f.get("common_standard"):
        return 0, "no common standard"
    return half_of_mean([x["score"] for x in f["networks"]])


def s232(f: Facts, k: int) -> Result:
    if k == 1:
        s = f.get("framework_share", 0)
        pts = 3 if s >= 100 else 2 if s >= 75 else 1 if s >= 50 else 0
        return pts, f"same framework {s}% → {pts}"
    if k == 2:
        own = sum(1 for x in f.get("services") or [] if x[2] == "self")
        n = len(f.get("services") or [])
        pts = 3 if n >= 3 and own == n else 1 if own >= 1 else 0
        return pts, f"{n} network services, {own} by the provider → {pts}"
    key = "raw" if k == 3 else "hetero"
    pts = {"operating": 2, "planned": 1}.get(f.get(key) or "", 0)
    return pts, f"{key} {f.get(key)} → {pts}"


def s233(f: Facts) -> Result:
    pts = {"process": 3, "modify": 2, "view": 1}.get(f.get("access") or "", 0)
    return pts, f"hub access: {f.get('access')} → {pts}"


def s234(f: Facts) -> Result:
    pts = {"auto": 3, "manual_system": 2, "manual": 1}.get(f.get("ids") or "", 0)
    return pts, f"service IDs: {f.get('ids')} → {pts}"


def s235(f: Facts, k: int) -> Result:
    if k == 1:
        m = f.get("spatial_m")
        pts = 0 if m is None else 2 if m <= 10 else 1
        return pts, f"spatial unit {m} m → {pts}"
    if k == 2:
        pts = {"realtime": 2, "minute": 1}.get(f.get("time_unit") or "", 0)
        return pts, f"time unit {f.get('time_unit')} → {pts}"
    if k == 3:
        pts = {"all": 2, "some": 1}.get(f.get("special") or "", 0)
        return pts, f"special statistics for {f.get('special')} services → {pts}"
    pts = {"both": 3, "provider": 2}.get(f.get("bigdata") or "", 0)
    return pts, f"big-data improvement by {f.get('bigdata')} → {pts}"


# -- 3. 운영 ---------------------------------------------------------------------------------
def s311(f: Facts, k: int) -> Result:
    if k == 1:
        api = f.get("open_api") or {}
        n = len(api.get("formats") or [])
        pts = 2 if n >= 2 and api.get("datasets") else 1 if n == 1 and api.get("datasets") else 0
        return pts, f"Open API in {n} format(s) → {pts}"
    n = len(f.get("external") or [])
    return min(3, n), f"{n} external base data → {min(3, n)}"


def cert_valid(c: Facts) -> bool:
    return c["valid_from"] <= DEADLINE <= c["valid_to"]


def s312(f: Facts) -> Result:
    c = f.get("certificate")
    if c:
        if cert_valid(c):
            return 3, f"{c['no']} valid {c['valid_from']}~{c['valid_to']} at {DEADLINE} → 3"
        return 2, f"{c['no']} expired {c['valid_to']} before {DEADLINE} → 2"
    return (1, "self-assessment (committee) → 1") if f.get("self_assessment") else (0, "none")


def s321(f: Facts) -> Result:
    kinds = {k for _, k in f.get("docs") or []}
    base = bool(kinds & {"overview", "hw", "sw"})
    pts = (1 if base else 0) + (1 if base and kinds & {"ui", "db"} else 0)
    return pts, f"design documents {sorted(kinds)} → {pts}"


def s322(f: Facts) -> Result:
    need = ("사용자 매뉴얼", "관리자 매뉴얼", "서비스 보안 매뉴얼")
    missing = [m for m in need if m not in (f.get("manuals") or [])]
    pts = max(0, 2 - len(missing))
    return pts, f"missing {missing or 'none'} → {pts}"


def s323(f: Facts) -> Result:
    paid = sum(1 for x in f.get("libraries") or [] if x[3])
    pts = max(0.0, 2 - 0.5 * paid)
    return pts, f"{paid} paid-licence libraries → {pts:g}"


def s324(f: Facts) -> Result:
    return (2, "maintenance plan → 2") if f.get("plan") else (0, "none")


def s331(f: Facts) -> Result:
    tools = len(f.get("tools") or [])
    if tools < 2:
        return 0, f"{tools} certified tool(s) (< 2)"
    share = f["checked"] / f["total"]
    pts = 2 if f["checked"] >= 47 else 1 if share >= 0.85 else 0
    return (
        pts,
        f"{f['checked']}/{f['total']} weaknesses ({100 * share:.1f}%), {tools} tools → {pts}",
    )


def s332(f: Facts) -> Result:
    ok = bool(f.get("officer")) and bool(f.get("steps"))
    return (2 if ok else 0), f"officer and scenario → {2 if ok else 0}"


Ladder = Callable[[Facts, dict[str, Any]], Result]


def ladder(sub: str) -> Ladder:
    """The ladder of one sub-item: (facts of its S-item, profile) -> (points, basis)."""
    s_code, k = "S-" + sub[0] + sub[2] + sub[4], int(sub.split(".")[3])

    def city(p: dict[str, Any]) -> str:
        return str(p["service"]["city"])

    def public(p: dict[str, Any]) -> bool:
        kinds = [p["applicant"]["kind"], *(j["kind"] for j in p.get("joint") or [])]
        return any(x in ("local_government", "public_institution") for x in kinds)

    table: dict[str, Ladder] = {
        "S-111": lambda f, p: s111(f),
        "S-112": lambda f, p: s112(f),
        "S-121": lambda f, p: s121(f),
        "S-122": lambda f, p: s122_ip(f) if k == 1 else s122_staff(f, p["submitted"]),
        "S-123": lambda f, p: s123_local(f, city(p)) if k == 1 else s123_ripple(f),
        "S-131": lambda f, p: s131(f, p["service"]["introduced"]),
        "S-132": lambda f, p: s132_vulnerable(f) if k == 1 else s132_negative(f, public(p)),
        "S-133": lambda f, p: s133(f),
        "S-211": lambda f, p: s211(f, k),
        "S-212": lambda f, p: s212(f, k),
        "S-213": lambda f, p: s213(f, k),
        "S-221": lambda f, p: s221(f),
        "S-222": lambda f, p: s222(f, k),
        "S-223": lambda f, p: s223(f, k),
        "S-224": lambda f, p: s224(f, k),
        "S-231": lambda f, p: s231(f),
        "S-232": lambda f, p: s232(f, k),
        "S-233": lambda f, p: s233(f),
        "S-234": lambda f, p: s234(f),
        "S-235": lambda f, p: s235(f, k),
        "S-311": lambda f, p: s311(f, k),
        "S-312": lambda f, p: s312(f),
        "S-321": lambda f, p: s321(f),
        "S-322": lambda f, p: s322(f),
        "S-323": lambda f, p: s323(f),
        "S-324": lambda f, p: s324(f),
        "S-331": lambda f, p: s331(f),
        "S-332": lambda f, p: s332(f),
    }
    return table[s_code]


def supported(profile: dict[str, Any]) -> dict[str, Result]:
    """Per sub-item of the profile's level: (points the documents support, basis)."""
    assert profile["level"] in LEVELS
    out: dict[str, Result] = {}
    for it in items_for(profile["level"]):
        facts = profile["items"].get(it.s) or {}
        for sub in it.subs:
            pts, why = ladder(sub.code)(facts, profile)
            out[sub.code] = (min(pts, sub.points), why)
    return out
