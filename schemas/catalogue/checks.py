"""Self-checks of a rule set: the data must agree with itself before anything uses it.

Each check returns problem strings naming the indicator, group or file concerned; the
loader raises them together as one `CatalogueError`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from itertools import combinations

from pydantic import BaseModel

from smartcert.schemas.catalogue.indicators import Indicator
from smartcert.schemas.catalogue.ruleset import RuleSet

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


def empty_clauses(node: object, where: str) -> list[str]:
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
                out += empty_clauses(value, here)
    elif isinstance(node, list | tuple):
        for i, item in enumerate(node):
            out += empty_clauses(item, f"{where}[{i}]")
    return out


def check_indicator(ind: Indicator, complete: bool = True,
                    code_pattern: str = CODE_RE.pattern) -> list[str]:
    c = ind.code
    p: list[str] = [] if re.match(code_pattern, c) else [f"{c}: code does not match {code_pattern}"]
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
    p += [f"{c}: {x}" for x in empty_clauses(ind, "")]
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


def check_structure(rs: RuleSet) -> list[str]:
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
            elif area.prefix and _prefix(ind.code) != area.prefix:
                p.append(f"{ind.code}: code does not start with area prefix {area.prefix}")
        elif any(a.prefix and _prefix(ind.code) == a.prefix for a in areas.values()):
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


def check_points(rs: RuleSet) -> list[str]:
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
