"""Self-checks of a service rule set: points add up at every level of the tree, every
level of service sums to the 100 points, ladders stay within their points, codes are
unique, every fact cites the seed's lines, and the document markers are usable.

Each check returns problem strings; the loader raises them together.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, datetime

from pydantic import BaseModel

from smartcert.core.normalize import match_key
from smartcert.schemas.catalogue.service.items import SubItem
from smartcert.schemas.catalogue.service.ruleset import ServiceRuleSet

CODE_RE = re.compile(r"^S-\d{3}$")
ROW_RE = re.compile(r"^\d\.\d\.\d\.\d$")
LINES_RE = re.compile(r"\blines? \d+")  # a clause cites the seed's lines: '(lines 856–895)'
_EPS = 1e-9


def _dups(values: list[str]) -> list[str]:
    return [k for k, n in Counter(values).items() if n > 1]


def clauses(node: object, where: str = "") -> Iterator[tuple[str, str]]:
    """Every (path, text) of a `clause` or `*_clause` field in a model tree."""
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            value = getattr(node, name)
            here = f"{where}.{name}" if where else name
            if isinstance(value, str) and (name == "clause" or name.endswith("_clause")):
                yield here, value
            elif value is not None:
                yield from clauses(value, here)
    elif isinstance(node, list | tuple):
        for i, item in enumerate(node):
            yield from clauses(item, f"{where}[{i}]")


def check_clauses(rs: ServiceRuleSet) -> list[str]:
    p = []
    for name, section in (("ruleset", rs.meta), ("levels", rs.levels),
                          ("eligibility", rs.eligibility), ("documents", rs.documents),
                          ("periods", rs.periods), ("items", rs.indicators),
                          ("items", rs.eval_items), ("items", rs.press_tiers)):
        for path, text in clauses(section):
            if not text.strip():
                p.append(f"{name}.yaml: {path}: empty clause")
            elif not LINES_RE.search(text):
                p.append(f"{name}.yaml: {path}: clause cites no seed lines")
    for s in rs.sub_items:
        for path, text in clauses(s):
            if not text.strip():
                p.append(f"{s.code}: {path}: empty clause")
            elif not LINES_RE.search(text):
                p.append(f"{s.code}: {path}: clause cites no seed lines")
    return p


def check_tree(rs: ServiceRuleSet) -> list[str]:
    """Codes unique and well formed; items sum to their 평가항목, 평가항목 to their 인증지표."""
    p = [f"{c}: duplicate 세부평가항목 code" for c in _dups(rs.codes)]
    p += [f"평가항목 {n}: numbered twice" for n in _dups([g.number for g in rs.eval_items])]
    p += [f"인증지표 {n}: numbered twice" for n in _dups([i.number for i in rs.indicators])]
    indicators = {i.number: i for i in rs.indicators}
    groups = {g.number: g for g in rs.eval_items}
    for s in rs.sub_items:
        if not CODE_RE.match(s.code) or s.code[2:] != s.number.replace(".", ""):
            p.append(f"{s.code}: code does not match its number {s.number}")
        if s.group not in groups:
            p.append(f"{s.code}: unknown 평가항목 {s.group!r}")
        elif not s.number.startswith(s.group + "."):
            p.append(f"{s.code}: number {s.number} is not under 평가항목 {s.group}")
        if not s.line < s.end_line:
            p.append(f"{s.code}: page lines {s.line}–{s.end_line} are not a span")
    for g in rs.eval_items:
        if g.indicator not in indicators:
            p.append(f"평가항목 {g.number}: unknown 인증지표 {g.indicator!r}")
        total = sum(s.points for s in rs.items_of(g.number))
        if total != g.points:
            p.append(f"평가항목 {g.number} {g.name}: items add up to {total}, it has {g.points}")
    for i in rs.indicators:
        blocks = [g for g in rs.eval_items if g.indicator == i.number]
        if i.choose_one:
            p += [f"인증지표 {i.name}: 평가항목 {g.number} has {g.points} points, "
                  f"a choice of one must have {i.points}" for g in blocks if g.points != i.points]
        elif sum(g.points for g in blocks) != i.points:
            p.append(f"인증지표 {i.name}: 평가항목 add up to {sum(g.points for g in blocks)}, "
                     f"it has {i.points}")
        if not 0 < i.minimum < i.points:
            p.append(f"인증지표 {i.name}: 과락 {i.minimum} is not below its {i.points} points")
    return p


def _check_criteria_points(s: SubItem) -> list[str]:
    """Alternatives of one row (교통 / 환경·에너지) count once and must be worth the same."""
    if not s.criteria:
        return [f"{s.code}: no criteria"]
    by_row: dict[str, list[float]] = defaultdict(list)
    for c in s.criteria:
        by_row[c.row].append(c.points)
    p = [f"{s.code}: row {r} alternatives differ in points {v}"
         for r, v in by_row.items() if len(set(v)) > 1]
    if s.combine == "sum":
        total = sum(v[0] for v in by_row.values())
        if abs(total - s.points) > _EPS:
            p.append(f"{s.code}: criteria add up to {total:g}, the item has {s.points}")
    else:
        best = max(c.points for c in s.criteria)
        if abs(best - s.points) > _EPS or any(c.points > s.points for c in s.criteria):
            p.append(f"{s.code}: best criterion is worth {best:g}, the item has {s.points}")
    return p


def check_ladders(rs: ServiceRuleSet, discrepancies: set[str], windows: set[str]) -> list[str]:
    p: list[str] = []
    for s in rs.sub_items:
        p += _check_criteria_points(s)
        p += [f"{s.code}: criterion id {d!r} used twice" for d in _dups([c.id for c in s.criteria])]
        if s.committee_only != (s.derived is not None):
            p.append(f"{s.code}: committee_only and derived must go together")
        for c in s.criteria:
            where = f"{s.code} {c.id}"
            if not ROW_RE.match(c.row) or not c.row.startswith(s.number + "."):
                p.append(f"{where}: row {c.row!r} is not a row of {s.number}")
            if (c.scoring == "derived") != (s.derived is not None):
                p.append(f"{where}: derived scoring needs a derived item, and only it")
            if not c.steps:
                p.append(f"{where}: no ladder steps")
                continue
            plain = [st.points for st in c.steps if not st.bonus]
            if c.scoring == "highest" and plain and abs(max(plain) - c.points) > _EPS:
                p.append(f"{where}: top step is worth {max(plain):g}, the criterion {c.points:g}")
            if c.scoring == "sum" and sum(plain) + _EPS < c.points:
                p.append(f"{where}: steps add up to {sum(plain):g}, below the criterion's "
                         f"{c.points:g}")
            for st in c.steps:
                if st.points > s.points + _EPS:
                    p.append(f"{where}: step '{st.condition}' is worth {st.points:g}, more than "
                             f"the item's {s.points}")
                elif not st.bonus and st.points > c.points + _EPS:
                    p.append(f"{where}: step '{st.condition}' is worth {st.points:g}, more than "
                             f"the criterion's {c.points:g}")
                if st.points <= 0:
                    p.append(f"{where}: step '{st.condition}' has no points")
                if st.discrepancy and st.discrepancy not in discrepancies:
                    p.append(f"{where}: step refers to unknown discrepancy {st.discrepancy!r}")
                for params in (st.params, c.params):
                    w = params.get("window")
                    if w is not None and w not in windows:
                        p.append(f"{where}: unknown window {w!r}")
            tier = {st.params.get("outlet_tier") for st in c.steps} - {None}
            for t in tier - {x.tier for x in rs.press_tiers}:
                p.append(f"{where}: unknown press tier {t!r}")
            for st in c.steps:
                t = st.params.get("outlet_tier")
                if t is not None and any(x.tier == t and x.points != st.points
                                         for x in rs.press_tiers):
                    p.append(f"{where}: tier {t} step is worth {st.points:g}, the tier says "
                             "otherwise")
    return p


def check_levels(rs: ServiceRuleSet) -> list[str]:
    """Each eligible level is scored on its own block and sums to the full 100 points."""
    p: list[str] = []
    lv = rs.levels
    groups = {g.number: g for g in rs.eval_items}
    ids = [x.id for x in lv.levels]
    p += [f"level {d}: defined twice" for d in _dups(ids)]
    for x in lv.levels:
        if not x.eligible:
            if x.group is not None:
                p.append(f"level {x.name}: not eligible but scored on {x.group}")
            continue
        g = groups.get(x.group or "")
        if g is None:
            p.append(f"level {x.name}: unknown 평가항목 {x.group!r}")
            continue
        if g.level != x.id:
            p.append(f"level {x.name}: 평가항목 {g.number} says level {g.level!r}")
        if x.builds_on is not None and x.builds_on not in ids:
            p.append(f"level {x.name}: builds on unknown level {x.builds_on!r}")
        total = rs.total_for(x.id)
        if total != lv.pass_mark.max_total:
            p.append(f"level {x.name}: scored items add up to {total}, "
                     f"not {lv.pass_mark.max_total}")
    for s in rs.sub_items:
        if s.derived is not None and s.derived.level not in ids:
            p.append(f"{s.code}: derived from unknown level {s.derived.level!r}")
    if not 0 < lv.pass_mark.min_total <= lv.pass_mark.max_total:
        p.append("levels.yaml: pass mark outside the total")
    return p


def check_documents(rs: ServiceRuleSet) -> list[str]:
    d = rs.documents
    kinds = [x.kind for x in d.documents]
    p = [f"documents.yaml: kind {k!r} twice" for k in _dups(kinds)]
    for m in d.markers:
        if not m.text.strip():
            p.append(f"documents.yaml: empty marker (line {m.line})")
        if m.document not in {*kinds, "guideline"}:
            p.append(f"documents.yaml: marker {m.text!r} of unknown document {m.document!r}")
    if not d.markers:
        p.append("documents.yaml: no markers")
    # markers are matched without spaces (match_key): two that differ only in spacing are one
    p += [f"documents.yaml: marker {t!r} twice" for t in _dups([match_key(m.text)
                                                                 for m in d.markers])]
    if rs.eligibility.joint.document not in kinds:
        p.append(f"eligibility.yaml: joint document {rs.eligibility.joint.document!r} unknown")
    rows = {c.row for s in rs.sub_items for c in s.criteria}
    sa = d.self_assessment
    printed = [r.printed for r in sa.rows]
    p += [f"self_assessment: row {r} printed twice" for r in _dups(printed)]
    read_as = [r.row for r in sa.rows if r.row is not None]
    p += [f"self_assessment: row {r} read twice" for r in _dups(read_as)]
    p += [f"self_assessment: row {r} is not a criterion row" for r in read_as if r not in rows]
    for r in sorted(rows - set(read_as) - set(sa.missing_rows)):
        p.append(f"self_assessment: criterion row {r} is neither on the form nor missing_rows")
    return p


def check_periods(rs: ServiceRuleSet) -> list[str]:
    pr = rs.periods
    p = [f"periods.yaml: window {w} twice" for w in _dups([w.id for w in pr.windows])]
    try:
        start = date.fromisoformat(pr.submission.start)
        end = datetime.fromisoformat(pr.submission.end)
        deadline = datetime.fromisoformat(pr.deadline)
        call = date.fromisoformat(pr.call_date)
    except ValueError as e:
        return [*p, f"periods.yaml: bad date ({e})"]
    if not call <= start <= end.date():
        p.append("periods.yaml: submission window not after the call")
    if deadline != end:
        p.append("periods.yaml: deadline is not the end of the submission window")
    return p


def check_meta(rs: ServiceRuleSet, folder_name: str) -> list[str]:
    m = rs.meta
    p = [] if m.id == folder_name else [f"ruleset.yaml: id {m.id!r} is not the folder name"]
    p += [f"discrepancy id {d!r} used twice" for d in _dups([d.id for d in m.discrepancies])]
    subjects = {*rs.codes, *(c.row for s in rs.sub_items for c in s.criteria),
                *(g.number for g in rs.eval_items), "structure", "self_assessment",
                "documents", "eligibility", "levels", "press_tiers"}
    for d in m.discrepancies:
        if d.subject not in subjects:
            p.append(f"discrepancy {d.id}: unknown subject {d.subject!r}")
        if not d.reading.strip() or not d.why.strip():
            p.append(f"discrepancy {d.id}: no reading or no reason")
        if not d.lines:
            p.append(f"discrepancy {d.id}: cites no seed lines")
    if m.complete and m.missing:
        p.append("ruleset.yaml: complete rule set lists missing parts")
    return p


def check_service_ruleset(rs: ServiceRuleSet, folder_name: str) -> list[str]:
    """Every problem of a parsed service rule set (empty when it is sound)."""
    discrepancies = {d.id for d in rs.meta.discrepancies}
    windows = {w.id for w in rs.periods.windows}
    return (check_meta(rs, folder_name) + check_tree(rs)
            + check_ladders(rs, discrepancies, windows) + check_levels(rs)
            + check_documents(rs) + check_periods(rs) + check_clauses(rs))
