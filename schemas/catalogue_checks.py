"""Self-checks of a rule set: the data must agree with itself before anything uses it.

Each check returns problem strings naming the indicator, group or file concerned; the
loader raises them together as one `CatalogueError`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from itertools import combinations
from typing import TYPE_CHECKING

from pydantic import BaseModel

from schemas.catalogue_models import Indicator

if TYPE_CHECKING:
    from schemas.catalogue import RuleSet

CODE_RE = re.compile(r"^[A-Z]-\d{1,2}-\d{1,2}$")
MONTH_RE = re.compile(r"^\d{4}(-\d{2})?$")
_NEEDS: dict[str, tuple[str, ...]] = {
    "ratio": ("numerator", "denominator"),
    "percent": ("numerator", "denominator"),
    "decrease_percent": ("base", "current"),
    "two_part_sum": ("parts",),
    "kind_count": ("parts", "primary"),
    "count": ("primary",),
    "amount_million_won": ("primary",),
    "number_in_thousand_persons": ("primary",),
}


def _empty_clauses(node: object, where: str) -> list[str]:
    """Every `clause` in the tree must be a non-empty, fully resolved string."""
    out: list[str] = []
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            value = getattr(node, name)
            here = f"{where}.{name}" if where else name
            if value is None:
                continue
            if isinstance(value, str) and (name == "clause" or where.endswith("clauses")):
                if not value.strip() or value.startswith("§"):
                    out.append(f"{here}: empty or unresolved clause")
            elif isinstance(value, str) and name.endswith("_clause") and value.startswith("§"):
                out.append(f"{here}: unresolved clause")
            else:
                out += _empty_clauses(value, here)
    elif isinstance(node, list | tuple):
        for i, item in enumerate(node):
            out += _empty_clauses(item, f"{where}[{i}]")
    return out


def check_indicator(ind: Indicator, complete: bool = True) -> list[str]:
    c = ind.code
    p: list[str] = [] if CODE_RE.match(c) else [f"{c}: code is not of the form X-n-n"]
    cl = ind.clauses
    if complete:
        for name in ("points", "value_rule", "period_rule", "form"):
            if getattr(ind, name) is None:
                p.append(f"{c}: missing {'form definition' if name == 'form' else name}")
        for name in ("summary", "points", "form"):
            if getattr(cl, name) is None:
                p.append(f"{c}: missing clause 'clauses.{name}'")
    elif not any((cl.summary, cl.points, cl.form, cl.listing)):
        p.append(f"{c}: no clause says where the indicator is printed")
    p += [f"{c}: {x}" for x in _empty_clauses(ind, "")]
    if ind.form is None or ind.value_rule is None:
        return p
    form, vr = ind.form, ind.value_rule
    comp_ids = [x.id for x in form.components]
    for dup in [k for k, n in Counter(comp_ids).items() if n > 1]:
        p.append(f"{c}: component id {dup!r} used twice")
    known = set(comp_ids)
    if vr.kind == "free_text":
        if not form.free:
            p.append(f"{c}: free_text value rule but the form is not marked free")
    else:
        if form.free:
            p.append(f"{c}: form is marked free but the value rule is {vr.kind}")
        if not form.components and not form.lists:
            p.append(f"{c}: form has neither components nor item lists")
        for need in _NEEDS.get(vr.kind, ()):
            if not getattr(vr, need):
                p.append(f"{c}: value rule {vr.kind} needs {need}")
        if vr.kind == "kind_count" and (len(vr.parts) != 2 or vr.primary not in vr.parts):
            p.append(f"{c}: kind_count needs parts [kinds, cases] with primary among them")
        for cid in vr.component_ids():
            if cid not in known:
                p.append(f"{c}: value rule refers to component {cid!r}, not in the form")
    for lst in form.lists:
        if lst.count_to and lst.count_to not in known:
            p.append(f"{c}: list {lst.id!r} counts to unknown component {lst.count_to!r}")
        for f in lst.fields:
            if f.sums_to and f.sums_to not in known:
                p.append(f"{c}: field {f.name!r} sums to unknown component {f.sums_to!r}")
    pr = ind.period_rule
    if pr is not None:
        if pr.kind == "base" and not (pr.base and MONTH_RE.match(pr.base)):
            p.append(f"{c}: period rule 'base' needs base YYYY or YYYY-MM, got {pr.base!r}")
        if pr.kind == "years" and not pr.years:
            p.append(f"{c}: period rule 'years' needs years")
        if pr.kind not in ("base", "years") and (pr.base or pr.years):
            p.append(f"{c}: period rule {pr.kind!r} takes no base/years")
    return p


def _check_structure(rs: RuleSet) -> list[str]:
    p: list[str] = []
    st = rs.structure
    groups = {g.id for g in st.groups}
    subgroups = {s.id: s for s in st.subgroups}
    areas = {a.id: a for a in st.areas}
    for ind in rs.indicators:
        if ind.group not in groups:
            p.append(f"{ind.code}: unknown group {ind.group!r}")
        sg = subgroups.get(ind.subgroup)
        if sg is None:
            p.append(f"{ind.code}: unknown subgroup {ind.subgroup!r}")
        elif sg.group != ind.group:
            p.append(f"{ind.code}: subgroup {sg.id!r} belongs to group {sg.group!r}")
        elif sg.prefixes and _prefix(ind.code) not in sg.prefixes:
            p.append(f"{ind.code}: code does not start with a prefix of subgroup {sg.id!r}")
        if ind.area is not None:
            area = areas.get(ind.area)
            if area is None:
                p.append(f"{ind.code}: unknown area {ind.area!r}")
            elif _prefix(ind.code) != area.prefix:
                p.append(f"{ind.code}: code does not start with area prefix {area.prefix}")
        elif any(_prefix(ind.code) == a.prefix for a in areas.values()):
            p.append(f"{ind.code}: code is in an area's range but has no area")
    for sg in st.subgroups:
        if sg.group not in groups:
            p.append(f"subgroup {sg.id}: unknown group {sg.group!r}")
    rule = st.optional_areas
    optional = [a for a in st.areas if not a.mandatory]
    if rule is not None and len(optional) != rule.of:
        p.append(f"optional areas: {len(optional)} defined, the rule says {rule.of}")
    return p


def _prefix(code: str) -> str:
    return code.rsplit("-", 1)[0]


def _check_points(rs: RuleSet) -> list[str]:
    p: list[str] = []
    st = rs.structure
    pts: dict[str, int] = {i.code: i.points or 0 for i in rs.indicators}
    by_area: dict[str, int] = defaultdict(int)
    for ind in rs.indicators:
        if ind.area:
            by_area[ind.area] += ind.points or 0
    for area in st.areas:
        if area.points is not None and by_area[area.id] != area.points:
            p.append(f"area {area.name}: indicators add up to {by_area[area.id]}, "
                     f"the call says {area.points}")
    area_subgroups = {i.subgroup for i in rs.indicators if i.area}
    for sg in st.subgroups:
        members = [i.code for i in rs.indicators if i.subgroup == sg.id]
        if sg.points is not None and sg.id not in area_subgroups:
            total = sum(pts[c] for c in members)
            if total != sg.points:
                p.append(f"subgroup {sg.name}: indicators add up to {total}, "
                         f"the call says {sg.points}")
        for block in sg.blocks:
            total = sum(pts.get(c, 0) for c in block.codes)
            if total != block.points:
                p.append(f"subgroup {sg.name}: block {'+'.join(block.codes)} adds up to "
                         f"{total}, the points table says {block.points}")
        in_blocks = [c for b in sg.blocks for c in b.codes]
        if sg.blocks and sorted(in_blocks) != sorted(members):
            p.append(f"subgroup {sg.name}: point blocks do not cover its indicators exactly once")
    p += _check_choices(rs)
    return p


def _check_choices(rs: RuleSet) -> list[str]:
    """Group totals and the grand total must hold for ANY allowed choice of optional areas."""
    st = rs.structure
    rule = st.optional_areas
    optional = [a.id for a in st.areas if not a.mandatory]
    choices = list(combinations(optional, rule.choose)) if rule else [()]
    wrong: dict[str, list[str]] = defaultdict(list)  # group name → failing choices
    counts: dict[str, set[int]] = defaultdict(set)
    area_subgroups = [sg for sg in st.subgroups
                      if sg.points is not None and any(i.area and i.subgroup == sg.id
                                                       for i in rs.indicators)]
    for choice in choices:
        chosen = rs.indicators_for(choice)
        label = "/".join(choice) or "(none)"
        for sg in area_subgroups:
            total = sum(i.points or 0 for i in chosen if i.subgroup == sg.id)
            if total != sg.points:
                wrong[f"subgroup {sg.name}"].append(f"{label}: {total}")
        for g in st.groups:
            members = [i for i in chosen if i.group == g.id]
            counts[g.id].add(len(members))
            total = sum(i.points or 0 for i in members)
            if g.points is not None and total != g.points:
                wrong[f"group {g.name}"].append(f"{label}: {total}")
        grand = sum(i.points or 0 for i in chosen)
        if st.quantitative_total is not None and grand != st.quantitative_total:
            wrong["quantitative total"].append(f"{label}: {grand}")
    p = [f"{name}: wrong points for {len(bad)} of {len(choices)} area choices (e.g. {bad[0]})"
         for name, bad in wrong.items()]
    for g in st.groups:
        if g.indicator_count is not None and counts[g.id] and max(counts[g.id]) != g.indicator_count:
            p.append(f"group {g.name}: at most {max(counts[g.id])} indicators, "
                     f"the call says {g.indicator_count}")
    return p


def _check_names(rs: RuleSet) -> list[str]:
    """A name or alias may point at one indicator only (the shared 자체 설정 name excepted)."""
    from schemas.catalogue import name_keys

    owners: dict[str, set[str]] = defaultdict(set)
    for ind in rs.indicators:
        for alias in ind.all_names():
            for key in name_keys(alias.text):
                owners[key].add(ind.code)
    p = []
    free = {i.code for i in rs.indicators if i.value_rule and i.value_rule.kind == "free_text"}
    for key, codes in owners.items():
        if len(codes) > 1 and not codes <= free:
            p.append(f"name {key!r} is shared by {', '.join(sorted(codes))}")
    return p


def _check_qualitative(rs: RuleSet) -> list[str]:
    q = rs.qualitative
    if q is None:
        return []
    p: list[str] = []
    levels = [s.level for s in q.stages]
    if levels != list(range(1, len(levels) + 1)):
        p.append(f"qualitative: stage levels {levels} are not 1..n in order")
    stage_ids = {s.id for s in q.stages}
    subgroups = {s.id for s in rs.structure.subgroups}
    for u in q.units:
        if subgroups and u.subgroup not in subgroups:
            p.append(f"qualitative unit {u.name}: unknown subgroup {u.subgroup!r}")
        if set(u.criteria) - stage_ids:
            p.append(f"qualitative unit {u.name}: criteria for unknown stages "
                     f"{sorted(set(u.criteria) - stage_ids)}")
    if rs.complete and len(q.units) != len(rs.structure.subgroups):
        p.append(f"qualitative: {len(q.units)} units for {len(rs.structure.subgroups)} subgroups")
    sp = q.stage_points
    if sp is not None and sp.fraction and set(sp.fraction) != stage_ids:
        p.append("qualitative: stage_points.fraction does not name every stage")
    return p


def _check_grades(rs: RuleSet) -> list[str]:
    g = rs.grades
    if g is None:
        return []
    p: list[str] = []
    numbers = [x.grade for x in g.grades]
    if numbers != list(range(1, len(numbers) + 1)):
        p.append(f"grades: numbers {numbers} are not 1..n in order")
    for x in g.grades:
        if x.certified != (x.grade <= g.certified_up_to):
            p.append(f"grades: grade {x.grade} certified={x.certified} contradicts "
                     f"certified_up_to={g.certified_up_to}")
    top = rs.structure.total or 2000
    for tenth in range(0, top * 10 + 1, 5):  # every half point: no gap, no overlap
        total = tenth / 10
        hits = [x.grade for x in g.grades if x.contains(total)]
        if len(hits) != 1:
            p.append(f"grades: total {total} falls in grades {hits or 'none'}")
            break
    return p


def _check_meta(rs: RuleSet, folder_name: str) -> list[str]:
    m = rs.meta
    p: list[str] = []
    if m.id != folder_name:
        p.append(f"ruleset.yaml: id {m.id!r} differs from its folder {folder_name!r}")
    if not m.version.strip():
        p.append("ruleset.yaml: empty version")
    if m.complete and m.missing:
        p.append("ruleset.yaml: complete rule set lists missing parts")
    if not m.complete and not m.missing:
        p.append("ruleset.yaml: incomplete rule set must say what is missing")
    if m.complete:
        for name, section in (("qualitative", rs.qualitative), ("grades", rs.grades),
                              ("applicants", rs.applicants), ("periods", rs.periods),
                              ("documents", rs.documents)):
            if section is None:
                p.append(f"{name}.yaml: required in a complete rule set")
    codes = {i.code for i in rs.indicators}
    for d in m.discrepancies:
        if CODE_RE.match(d.subject) and d.subject not in codes:
            p.append(f"discrepancy {d.id}: unknown indicator {d.subject}")
    for dup in [k for k, n in Counter(d.id for d in m.discrepancies).items() if n > 1]:
        p.append(f"discrepancy id {dup!r} used twice")
    return p


def check_ruleset(rs: RuleSet, folder_name: str) -> list[str]:
    """Every problem of a parsed rule set (empty when it is sound)."""
    p: list[str] = []
    for dup in [k for k, n in Counter(i.code for i in rs.indicators).items() if n > 1]:
        p.append(f"{dup}: duplicate indicator code")
    for ind in rs.indicators:
        p += check_indicator(ind, rs.complete)
    p += _check_structure(rs)
    if all(i.points is not None for i in rs.indicators):
        p += _check_points(rs)
    p += _check_names(rs)
    p += _check_qualitative(rs)
    p += _check_grades(rs)
    p += _check_meta(rs, folder_name)
    for name, section in (("structure", rs.structure), ("qualitative", rs.qualitative),
                          ("grades", rs.grades), ("applicants", rs.applicants),
                          ("periods", rs.periods), ("documents", rs.documents),
                          ("ruleset", rs.meta)):
        p += [f"{name}.yaml: {x}" for x in _empty_clauses(section, "")]
    return p
