"""The 정량지표 평가제안서 as blocks: cover, 목차, 정량지표 요약표 and one 자료구축양식 per
indicator, every table as the call's template (forms.yaml) prints it."""

from __future__ import annotations

from dataclasses import dataclass, field

import samples.callforms.fill_b
import samples.callforms.fill_c
import samples.callforms.fill_c2  # noqa: F401
from samples.callforms.fill import FormFill, Source
from samples.callforms.fill_a import FILLERS
from samples.callforms.forms import form_blocks
from samples.callforms.style import AUTO, Break, CallTable, Slack, Style
from samples.generator.doc import Block, C, H, L, PageBreak, Para, TableBuilder
from samples.generator.documents import period_text
from samples.generator.model import AREAS, Built, Profile, Spec
from samples.generator.proposal import cover_blocks
from smartcert.schemas.catalogue.forms import FormTemplates, load_form_templates

GROUP_NAMES = {"A": "A. 혁신성", "B": "B. 거버넌스 및 제도", "C": "C. 서비스 기술 및 인프라"}


@dataclass
class Target:
    """Where a Slack must put a line (LibreOffice tuning): the page anchor to search
    from, the line, and whether the line ends its page ('end') or starts the next ('past')."""

    slack: str
    anchor: str
    line: str
    mode: str
    home: str  # a line printed just before the slack: the page the slack is on
    tail: str = ""  # a broken row: the text its tail carries to the next page


@dataclass
class Proposal:
    blocks: list[Block]
    targets: list[Target] = field(default_factory=list)
    form_codes: list[str] = field(default_factory=list)  # codes with a printed form
    tables: dict[str, CallTable] = field(default_factory=dict)  # Break.where -> its table
    anchors: dict[str, str] = field(default_factory=dict)  # Break.where -> a line before it


def summary_rows(forms: FormTemplates) -> dict[str, tuple[str, str, str]]:
    """code -> (대분류, 중분류, 지표명) as the template's summary prints them."""
    out: dict[str, tuple[str, str, str]] = {}
    group = sub = ""
    for r in forms.summary.tables[0].example_rows:
        group, sub = r[0] or group, r[1] or sub
        out[r[2]] = (group, sub, r[3])
    out["B-2-1"] = (out["B-2-1"][0], "제도기반", out["B-2-1"][2])  # see the discrepancy
    return out


def summary_table(specs: list[Spec], built: dict[str, Built], ranges: dict[str, str],
                  forms: FormTemplates, style: Style) -> CallTable:
    labels = summary_rows(forms)
    tb = TableBuilder([56, 54, 46, 150, 110, 68], size=8.5)
    for hr in forms.summary.tables[0].header_rows:
        tb.row(*[H(c.text, c.rowspan, c.colspan, spaced=False) for c in hr])
    codes = [s.code for s in specs]
    for code in codes:
        group, sub, name = labels[code]
        cells = []
        same = [c for c in codes if labels[c][0] == group]
        if code == same[0]:
            cells.append(C(group, rowspan=len(same)))
        block = [c for c in same if labels[c][1] == sub]
        if code == block[0]:
            cells.append(C(sub, rowspan=len(block)))
        cells += [C(code), L(name), C(built[code].text, key=f"sumtext:{code}"), C(ranges[code])]
        tb.row(*cells, key=f"sum:{code}")
    t = tb.build()
    return CallTable(widths=t.widths, cells=t.cells, header_rows=1 if style.summary_repeat else 0,
                     size=8.5, key="summary", row_keys=t.row_keys, repeat=style.summary_repeat,
                     header_count=1, split_cols=frozenset({0, 1}))


def contents(city: Profile, pages: dict[str, int] | None) -> list[Block]:
    def entry(label: str, key: str, indent: float = 0) -> Para:
        page = f"  {'·' * 6}  {pages[key]}" if pages and key in pages else ""
        return Para(f"{label}{page}", size=12, indent=indent, after=8)

    areas = ", ".join(sorted(city.selected_areas, key=AREAS.index))
    return [
        Para("목 차", size=20, bold=True, align="center", before=20, after=24),
        entry("Ⅰ. 정량지표 요약표", "toc:summary"),
        entry("Ⅱ. 지표별 자료구축양식", "toc:A"),
        entry("A. 혁신성 부문", "toc:A", 22),
        entry("B. 거버넌스 및 제도 부문", "toc:B", 22),
        entry("C. 서비스 기술 및 인프라 부문", "toc:C", 22),
        Para(f"※ 2년간 실적 기준기간: {period_text(city)}", size=10.5, before=24),
        Para(f"※ 선택 서비스 분야(3개): {areas}", size=10.5),
    ]


def first_line(text: str) -> str:
    return text.split("\n", 1)[0]


def split_cell(t: CallTable, r: int) -> tuple[str, str]:
    """Give row r's longest cell a line break (a few words on its first line, long enough
    to be found again on the page); returns its first line and its tail."""
    cell = max((c for c in t.cells if c.row == r), key=lambda c: len(c.text))
    if "\n" not in cell.text:
        words = cell.text.split(" ")
        cut = next((k for k in range(1, len(words)) if len("".join(words[:k])) >= 6),
                   len(words) - 1)  # fmt: skip
        cell.text = " ".join(words[:cut]) + "\n" + " ".join(words[cut:])
    head, _, tail = cell.text.partition("\n")
    return head, tail


def place_break(t: CallTable, brk: Break, slack: str) -> tuple[str, str]:
    """Mark the row a Break names; an inside break gets a line break in its longest cell,
    so its tail has something to carry to the next page. Returns the line that must end
    the page and, for an inside break, the tail that starts the next."""
    # '#n': a row chosen by its index (samples/callforms/autobreak)
    by_index = brk.row.startswith("#")
    rows = [int(brk.row[1:])] if by_index else sorted({c.row for c in t.cells if brk.row in c.text})
    if not rows:
        raise ValueError(f"no row of {brk.where} holds {brk.row!r}")
    r = rows[0]
    t.break_at, t.inside, t.tune = r, brk.inside, slack
    if brk.inside:
        return split_cell(t, r)
    longest = max((c for c in t.cells if c.row == r), key=lambda c: len(c.text))
    return longest.text.split("\n", 1)[0], ""


def placed(style: Style) -> list[Break]:
    """The breaks whose row is known ('auto' rows are chosen by laying out first)."""
    return [b for b in style.breaks if b.row != "auto"]


def mark_auto(out: Proposal, style: Style) -> None:
    """Tables whose break row the painter chooses while laying them out (LibreOffice
    bundles have their 'auto' rows resolved before, see autobreak.py)."""
    for b in (b for b in style.breaks if b.row == "auto"):
        t = out.tables["summary" if b.where == "summary" else f"{b.where}:{b.table}"]
        t.break_at, t.inside = AUTO, b.inside


def proposal(city: Profile, specs: list[Spec], built: dict[str, Built], ranges: dict[str, str],
             style: Style, pages: dict[str, int] | None = None) -> Proposal:
    forms = load_form_templates()
    templates = {f.code: f for f in forms.forms}
    out = Proposal(blocks=[*cover_blocks(city), PageBreak(), *contents(city, pages), PageBreak()])
    summary = summary_table(specs, built, ranges, forms, style)
    out.blocks += [Para("Ⅰ. 정량지표 요약표", size=14, bold=True, key="toc:summary"),
                   Para(forms.summary.heading, size=11, bold=True, after=6), Slack("summary"),
                   summary, PageBreak(), Para("Ⅱ. 지표별 자료구축양식", size=14, bold=True, after=8)]
    out.tables["summary"], out.anchors["summary"] = summary, "●정량지표요약표"
    for brk in (b for b in placed(style) if b.where == "summary"):
        line, tail = place_break(summary, brk, "summary")
        out.targets.append(Target("summary", "●정량지표요약표", line,
                                  "end" if brk.inside else "past", "●정량지표요약표", tail))
    path: list[str] = []
    number = 0
    for s in (s for s in specs if s.code in templates):
        tmpl = templates[s.code]
        levels = tmpl.section.split(" > ")
        breaks = [b for b in placed(style) if b.where == s.code]
        if path and levels[0] != path[0]:
            out.blocks.append(PageBreak())
        pairs = zip(path, levels, strict=False)  # the levels shared with the previous form
        shared = next((k for k, (a, b) in enumerate(pairs) if a != b), min(len(path), len(levels)))
        for k, level in enumerate(levels[shared:], shared):
            key = f"toc:{level[0]}" if k == 0 else None
            out.blocks.append(Para(level, size=13 - k, bold=True, keep_with_next=True, key=key))
        number = 0 if levels != path else number + 1
        path = levels
        fill: FormFill = FILLERS[s.code](Source(city, s, built[s.code]))
        blocks, tables = form_blocks(tmpl, number, built[s.code], fill, style)
        out.form_codes.append(s.code)
        if breaks or s.code in style.foot_headings:
            at = next(k for k, b in enumerate(blocks) if isinstance(b, Para)
                      and b.text == "○ 자료구축양식")  # fmt: skip
            blocks.insert(at, Slack(f"form:{s.code}"))
        anchor = blocks[0].text.replace(" ", "") if isinstance(blocks[0], Para) else s.code
        for k, table in enumerate(tables):
            out.tables[f"{s.code}:{k}"], out.anchors[f"{s.code}:{k}"] = table, anchor
        for brk in breaks:
            line, tail = place_break(tables[brk.table], brk, f"form:{s.code}")
            out.targets.append(Target(f"form:{s.code}", anchor, line,
                                      "end" if brk.inside else "past", "자료출처", tail))
        if s.code in style.foot_headings:
            foot(blocks, tables[0], out, s.code, anchor)
        out.blocks += blocks
    mark_auto(out, style)
    return out


def foot(blocks: list[Block], first: CallTable, out: Proposal, code: str, anchor: str) -> None:
    """The form's heading lines and unit line end a page; its first table starts the next."""
    at = blocks.index(first)
    lead = [b for b in blocks[:at] if isinstance(b, Para)][-1]
    slack = next(b for b in blocks if isinstance(b, Slack))
    paras = [b for b in blocks[blocks.index(slack) + 1 : at] if isinstance(b, Para)]
    for p in paras:
        p.keep_with_next = False
    slack.need = sum(p.before + p.after + p.size * 1.5 for p in paras) + 2
    first.break_before = True
    out.targets.append(Target(slack.name, anchor, lead.text, "end", "자료출처"))
