"""Self-checks of a rule set's sections beyond the indicators: names, qualitative stages,
grades and metadata, and `check_ruleset`, which runs every check."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from smartcert.schemas.catalogue.checks import (
    check_indicator,
    check_points,
    check_structure,
    empty_clauses,
)
from smartcert.schemas.catalogue.names import name_keys
from smartcert.schemas.catalogue.program import Qualitative
from smartcert.schemas.catalogue.ruleset import RuleSet


def _check_names(rs: RuleSet) -> list[str]:
    """A name or alias may point at one indicator only (the shared 자체 설정 name excepted)."""
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
        for i in u.items:
            for stage, cells in u.criteria.items():
                if any(not 0 <= c < len(cells) for c in i.criteria_cells):
                    p.append(f"qualitative item {i.label}: criteria_cells {i.criteria_cells} "
                             f"outside the {len(cells)} cells of stage {stage}")
    if rs.complete and len(q.units) != len(rs.structure.subgroups):
        p.append(f"qualitative: {len(q.units)} units for {len(rs.structure.subgroups)} subgroups")
    p += _check_qualitative_items(rs, q)
    sp = q.stage_points
    if sp is not None and sp.fraction and set(sp.fraction) != stage_ids:
        p.append("qualitative: stage_points.fraction does not name every stage")
    return p


_ITEM_NUMBER = re.compile(r"^\d+\.\d+$")


def _check_qualitative_items(rs: RuleSet, q: Qualitative) -> list[str]:
    """The 소분류: numbered n.m, unique within their 대분류, one major number per 중분류,
    and each service area's row once (complete rule sets give every 중분류 its 소분류)."""
    p: list[str] = []
    numbers: dict[str, Counter[str]] = defaultdict(Counter)
    areas = {a.id for a in rs.structure.areas}
    area_rows: Counter[str] = Counter()
    for u in q.units:
        if rs.complete and not u.items:
            p.append(f"qualitative unit {u.name}: no 소분류 (items)")
        majors = {i.number.split(".")[0] for i in u.items}
        if len(majors) > 1:
            p.append(f"qualitative unit {u.name}: 소분류 numbers {sorted(majors)} mix 중분류 numbers")
        for i in u.items:
            numbers[u.group][i.number] += 1
            if not _ITEM_NUMBER.match(i.number):
                p.append(f"qualitative item {i.name}: number {i.number!r} is not 'n.m'")
            if i.form_number is not None and not _ITEM_NUMBER.match(i.form_number):
                p.append(f"qualitative item {i.name}: form_number {i.form_number!r} is not 'n.m'")
            if i.area is not None:
                area_rows[i.area] += 1
                if i.area not in areas:
                    p.append(f"qualitative item {i.label}: unknown area {i.area!r}")
    for group, counts in numbers.items():
        p += [f"qualitative group {group}: 소분류 number {n} used {k} times"
              for n, k in counts.items() if k > 1]
    if area_rows:
        p += [f"qualitative: area {a} has {area_rows[a]} 소분류 rows, expected 1"
              for a in sorted(areas) if area_rows[a] != 1]
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
        if re.match(m.code_pattern, d.subject) and d.subject not in codes:
            p.append(f"discrepancy {d.id}: unknown indicator {d.subject}")
    for dup in [k for k, n in Counter(d.id for d in m.discrepancies).items() if n > 1]:
        p.append(f"discrepancy id {dup!r} used twice")
    return p


def _check_forms(rs: RuleSet) -> list[str]:
    """Every transcribed form belongs to an indicator of the rule set, and every indicator
    with a data form in the catalogue has its printed template (or is listed without one)."""
    if rs.forms is None:
        return []
    codes = {i.code for i in rs.indicators}
    templated = {f.code for f in rs.forms.forms} | {w.code for w in rs.forms.without_form}
    p = [f"forms.yaml: {c}: no such indicator" for c in sorted(templated - codes)]
    if rs.complete:
        p += [f"forms.yaml: {c}: no template" for c in sorted(codes - templated)]
    return p


def check_ruleset(rs: RuleSet, folder_name: str) -> list[str]:
    """Every problem of a parsed rule set (empty when it is sound)."""
    p: list[str] = []
    for dup in [k for k, n in Counter(i.code for i in rs.indicators).items() if n > 1]:
        p.append(f"{dup}: duplicate indicator code")
    for ind in rs.indicators:
        p += check_indicator(ind, rs.complete, rs.meta.code_pattern)
    p += check_structure(rs)
    if all(i.points is not None for i in rs.indicators):
        p += check_points(rs)
    p += _check_names(rs)
    p += _check_qualitative(rs)
    p += _check_grades(rs)
    p += _check_meta(rs, folder_name)
    p += _check_forms(rs)
    for name, section in (("structure", rs.structure), ("qualitative", rs.qualitative),
                          ("grades", rs.grades), ("applicants", rs.applicants),
                          ("periods", rs.periods), ("documents", rs.documents),
                          ("ruleset", rs.meta)):
        p += [f"{name}.yaml: {x}" for x in empty_clauses(section, "")]
    return p
