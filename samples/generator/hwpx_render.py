"""Writes blocks to an HWPX (OWPML) document, as a municipality typing the forms in 한글
would save them: ruled tables with real merges (hp:cellAddr / hp:cellSpan), header rows
marked as 제목 셀 and repeated, page breaks, one section.

The XML is written here rather than through python-hwpx: its table API collapses grid
columns no cell starts at (Hancom's own habit) and stamps random ids, while the forms'
grids must stay as the blocks define them and the file must be byte-identical on every
run. The package follows a real Hancom file (mimetype stored first, header.xml,
section0.xml, content.hpf, META-INF). Letter-spaced labels are typed with spaces
('지 표 명'), as in Word; figures (drawings) are left out.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from samples.generator.doc import Block, Cell, Figure, PageBreak, Para, Spacer, Table, letter_spaced
from samples.generator.zipcp949 import FIXED_TIME

NS = (
    'xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app" '
    'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" '
    'xmlns:hp10="http://www.hancom.co.kr/hwpml/2016/paragraph" '
    'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
    'xmlns:hc="http://www.hancom.co.kr/hwpml/2011/core" '
    'xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head" '
    'xmlns:hhs="http://www.hancom.co.kr/hwpml/2011/history" '
    'xmlns:hm="http://www.hancom.co.kr/hwpml/2011/master-page" '
    'xmlns:hpf="http://www.hancom.co.kr/schema/2011/hpf" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:opf="http://www.idpf.org/2007/opf/" '
    'xmlns:ooxmlchart="http://www.hancom.co.kr/hwpml/2016/ooxmlchart" '
    'xmlns:hwpunitchar="http://www.hancom.co.kr/hwpml/2016/HwpUnitChar" '
    'xmlns:epub="http://www.idpf.org/2007/ops" '
    'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"'
)
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
LANGS = ("hangul", "latin", "hanja", "japanese", "other", "symbol", "user")
PT = 100  # HWPUNIT per point (1/7200 inch)
PAGE_W, PAGE_H, MARGIN = 59528, 84186, 5669  # A4, 20 mm margins
TEXT_W = PAGE_W - 2 * MARGIN
CELL_MARGIN = (510, 510, 141, 141)  # left right top bottom, Hancom's defaults
PREVIEW_CHARS = 1024  # 한글 keeps only the start of the text as the preview
ALIGN = {"left": "LEFT", "center": "CENTER", "right": "RIGHT"}
# borderFill ids: 1 none (page), 2 none (characters), 3 ruled cell, 4 ruled shaded cell
BORDER_FILLS = ((1, False, None), (2, False, None), (3, True, None), (4, True, "#D9D9D9"))


@dataclass
class HwpxPlaced:
    anchors: dict[str, tuple[str, int]] = field(default_factory=dict)  # key -> (table, row)
    tables: int = 0


def _all(name: str, value: object) -> str:
    return f"<hh:{name} " + " ".join(f'{lang}="{value}"' for lang in LANGS) + "/>"


def _border_fill(bid: int, ruled: bool, fill: str | None) -> str:
    line = "SOLID" if ruled else "NONE"
    sides = "".join(
        f'<hh:{side}Border type="{line}" width="0.12 mm" color="#000000"/>'
        for side in ("left", "right", "top", "bottom")
    )
    brush = (
        f'<hc:fillBrush><hc:winBrush faceColor="{fill}" hatchColor="#999999" alpha="0"/>'
        "</hc:fillBrush>"
        if fill
        else ""
    )
    return (
        f'<hh:borderFill id="{bid}" threeD="0" shadow="0" centerLine="NONE" '
        'breakCellSeparateLine="0"><hh:slash type="NONE" Crooked="0" isCounter="0"/>'
        '<hh:backSlash type="NONE" Crooked="0" isCounter="0"/>'
        f'{sides}<hh:diagonal type="SOLID" width="0.1 mm" color="#000000"/>{brush}'
        "</hh:borderFill>"
    )


def _char_pr(cid: int, size: float, bold: bool) -> str:
    return (
        f'<hh:charPr id="{cid}" height="{round(size * PT)}" textColor="#000000" '
        'shadeColor="none" useFontSpace="0" useKerning="0" symMark="NONE" borderFillIDRef="2">'
        + _all("fontRef", 0)
        + _all("ratio", 100)
        + _all("spacing", 0)
        + _all("relSz", 100)
        + _all("offset", 0)
        + ("<hh:bold/>" if bold else "")
        + '<hh:underline type="NONE" shape="SOLID" color="#000000"/>'
        '<hh:strikeout shape="NONE" color="#000000"/><hh:outline type="NONE"/>'
        '<hh:shadow type="NONE" color="#C0C0C0" offsetX="10" offsetY="10"/></hh:charPr>'
    )


def _para_pr(pid: int, align: str, indent: float, before: float, after: float, keep: bool) -> str:
    margin = (
        '<hh:margin><hc:intent value="0" unit="HWPUNIT"/>'
        f'<hc:left value="{round(indent * PT)}" unit="HWPUNIT"/>'
        '<hc:right value="0" unit="HWPUNIT"/>'
        f'<hc:prev value="{round(before * PT)}" unit="HWPUNIT"/>'
        f'<hc:next value="{round(after * PT)}" unit="HWPUNIT"/></hh:margin>'
        '<hh:lineSpacing type="PERCENT" value="130" unit="HWPUNIT"/>'
    )
    return (
        f'<hh:paraPr id="{pid}" tabPrIDRef="0" condense="0" fontLineHeight="0" snapToGrid="1" '
        'suppressLineNumbers="0" checked="0">'
        f'<hh:align horizontal="{ALIGN[align]}" vertical="BASELINE"/>'
        '<hh:heading type="NONE" idRef="0" level="0"/>'
        '<hh:breakSetting breakLatinWord="KEEP_WORD" breakNonLatinWord="KEEP_WORD" '
        f'widowOrphan="0" keepWithNext="{int(keep)}" keepLines="0" pageBreakBefore="0" '
        'lineWrap="BREAK"/><hh:autoSpacing eAsianEng="0" eAsianNum="0"/>'
        "<hp:switch><hp:case hp:required-namespace="
        f'"http://www.hancom.co.kr/hwpml/2016/HwpUnitChar">{margin}</hp:case>'
        f"<hp:default>{margin}</hp:default></hp:switch>"
        '<hh:border borderFillIDRef="2" offsetLeft="0" offsetRight="0" offsetTop="0" '
        'offsetBottom="0" connect="0" ignoreMargin="0"/></hh:paraPr>'
    )


class HwpxWriter:
    """Collects the section's paragraphs; character and paragraph shapes are registered
    as they are first used, so header.xml lists exactly the shapes the body refers to."""

    def __init__(self, face: str, spaced: bool) -> None:
        self.face, self.spaced = face, spaced
        self.placed = HwpxPlaced()
        self.body: list[str] = []
        self.chars: dict[tuple[float, bool], int] = {}
        self.paras: dict[tuple[str, float, float, float, bool], int] = {}
        self.break_next = False
        self.preview: list[str] = []  # body lines for Preview/PrvText.txt

    def char(self, size: float, bold: bool) -> int:
        return self.chars.setdefault((size, bold), len(self.chars))

    def para_shape(
        self, align: str, indent: float = 0, before: float = 0, after: float = 0, keep: bool = False
    ) -> int:
        return self.paras.setdefault((align, indent, before, after, keep), len(self.paras))

    def p_open(self, pid: int) -> str:
        brk, self.break_next = int(self.break_next), False
        return (
            f'<hp:p id="0" paraPrIDRef="{pid}" styleIDRef="0" pageBreak="{brk}" '
            'columnBreak="0" merged="0">'
        )

    def run(self, text: str, cid: int) -> str:
        return f'<hp:run charPrIDRef="{cid}"><hp:t>{escape(text)}</hp:t></hp:run>'

    def para(self, p: Para) -> None:
        text = letter_spaced(p.text) if p.spaced and self.spaced else p.text
        pid = self.para_shape(p.align, p.indent, p.before, p.after, p.keep_with_next)
        cid = self.char(p.size, p.bold)
        for line in text.split("\n"):
            self.body.append(self.p_open(pid) + self.run(line, cid) + "</hp:p>")
            self.preview.append(line)

    def empty(self) -> None:
        self.body.append(
            self.p_open(self.para_shape("left")) + self.run("", self.char(10, False)) + "</hp:p>"
        )

    def cell(self, c: Cell, t: Table, widths: list[int], header: bool) -> str:
        text = letter_spaced(c.text) if c.spaced and self.spaced else c.text
        pid = self.para_shape("center" if c.header else c.align)
        cid = self.char(t.size, c.bold or c.header)
        paras = "".join(
            self.p_open(pid) + self.run(line, cid) + "</hp:p>" for line in text.split("\n")
        )
        width = sum(widths[c.col : c.col + c.colspan])
        height = round(t.min_row_h * PT) * c.rowspan
        left, right, top, bottom = CELL_MARGIN
        return (
            f'<hp:tc name="" header="{int(header)}" hasMargin="0" protect="0" editable="0" '
            f'dirty="0" borderFillIDRef="{4 if c.header else 3}">'
            '<hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" vertAlign="CENTER" '
            'linkListIDRef="0" linkListNextIDRef="0" textWidth="0" textHeight="0" '
            f'hasTextRef="0" hasNumRef="0">{paras}</hp:subList>'
            f'<hp:cellAddr colAddr="{c.col}" rowAddr="{c.row}"/>'
            f'<hp:cellSpan colSpan="{c.colspan}" rowSpan="{c.rowspan}"/>'
            f'<hp:cellSz width="{width}" height="{height}"/>'
            f'<hp:cellMargin left="{left}" right="{right}" top="{top}" bottom="{bottom}"/>'
            "</hp:tc>"
        )

    def table(self, t: Table) -> None:
        scale = TEXT_W / sum(t.widths)
        widths = [round(w * scale) for w in t.widths]
        widths[-1] += TEXT_W - sum(widths)  # rounding must not change the table's width
        self.placed.tables += 1
        tid = f"t{self.placed.tables}"
        rows = []
        for r in range(t.n_rows):
            cells = sorted((c for c in t.cells if c.row == r), key=lambda c: c.col)
            rows.append(
                "<hp:tr>"
                + "".join(self.cell(c, t, widths, r < t.header_rows) for c in cells)
                + "</hp:tr>"
            )
            for c in cells:
                if c.key:
                    self.placed.anchors[c.key] = (tid, c.row)
        for r, key in t.row_keys.items():
            self.placed.anchors[key] = (tid, r)
        if t.key:
            self.placed.anchors[t.key] = (tid, 0)
        height = round(t.min_row_h * PT) * t.n_rows
        left, right, top, bottom = CELL_MARGIN
        tbl = (
            f'<hp:tbl id="{1000 + self.placed.tables}" zOrder="{self.placed.tables}" '
            'numberingType="TABLE" textWrap="TOP_AND_BOTTOM" textFlow="BOTH_SIDES" lock="0" '
            f'dropcapstyle="None" pageBreak="CELL" repeatHeader="{int(t.header_rows > 0)}" '
            f'rowCnt="{t.n_rows}" colCnt="{t.n_cols}" cellSpacing="0" borderFillIDRef="3" '
            f'noAdjust="0"><hp:sz width="{TEXT_W}" widthRelTo="ABSOLUTE" height="{height}" '
            'heightRelTo="ABSOLUTE" protect="0"/><hp:pos treatAsChar="1" affectLSpacing="0" '
            'flowWithText="1" allowOverlap="0" holdAnchorAndSO="0" vertRelTo="PARA" '
            'horzRelTo="PARA" vertAlign="TOP" horzAlign="LEFT" vertOffset="0" horzOffset="0"/>'
            '<hp:outMargin left="0" right="0" top="0" bottom="0"/>'
            f'<hp:inMargin left="{left}" right="{right}" top="{top}" bottom="{bottom}"/>'
            + "".join(rows)
            + "</hp:tbl>"
        )
        self.body.append(
            self.p_open(self.para_shape("left"))
            + f'<hp:run charPrIDRef="{self.char(10, False)}">{tbl}<hp:t/></hp:run></hp:p>'
        )

    def write(self, blocks: list[Block]) -> None:
        for b in blocks:
            if isinstance(b, Para):
                self.para(b)
            elif isinstance(b, Table):
                self.table(b)
            elif isinstance(b, PageBreak):
                self.break_next = True
            elif isinstance(b, Spacer):
                self.empty()
            elif isinstance(b, Figure):
                continue  # drawings do not survive the re-typing

    def section_xml(self) -> str:
        first = self.body[0] if self.body else self.p_open(0) + "</hp:p>"
        # the section's page setup rides on the first paragraph's first run, as 한글 writes it
        sec_pr = (
            '<hp:run charPrIDRef="0"><hp:secPr id="" textDirection="HORIZONTAL" '
            'spaceColumns="1134" tabStop="8000" tabStopVal="4000" tabStopUnit="HWPUNIT" '
            'outlineShapeIDRef="0" memoShapeIDRef="0" textVerticalWidthHead="0" '
            'masterPageCnt="0"><hp:grid lineGrid="0" charGrid="0" wonggojiFormat="0"/>'
            '<hp:startNum pageStartsOn="BOTH" page="0" pic="0" tbl="0" equation="0"/>'
            '<hp:visibility hideFirstHeader="0" hideFirstFooter="0" hideFirstMasterPage="0" '
            'border="SHOW_ALL" fill="SHOW_ALL" hideFirstPageNum="0" hideFirstEmptyLine="0" '
            'showLineNumber="0"/><hp:lineNumberShape restartType="0" countBy="0" distance="0" '
            f'startNumber="0"/><hp:pagePr landscape="WIDELY" width="{PAGE_W}" '
            f'height="{PAGE_H}" gutterType="LEFT_ONLY"><hp:margin header="2835" footer="2835" '
            f'gutter="0" left="{MARGIN}" right="{MARGIN}" top="{MARGIN}" bottom="{MARGIN}"/>'
            '</hp:pagePr></hp:secPr><hp:ctrl><hp:colPr id="" type="NEWSPAPER" '
            'layout="LEFT" colCount="1" sameSz="1" sameGap="0"/></hp:ctrl></hp:run>'
        )
        head, _, tail = first.partition(">")
        body = [head + ">" + sec_pr + tail, *self.body[1:]]
        return f"{XML}<hs:sec {NS}>" + "".join(body) + "</hs:sec>"

    def header_xml(self) -> str:
        fonts = "".join(
            f'<hh:fontface lang="{lang.upper()}" fontCnt="1"><hh:font id="0" '
            f'face={quoteattr(self.face)} type="TTF" isEmbedded="0"/></hh:fontface>'
            for lang in LANGS
        )
        fills = "".join(_border_fill(*bf) for bf in BORDER_FILLS)
        chars = "".join(_char_pr(cid, s, b) for (s, b), cid in self.chars.items())
        paras = "".join(_para_pr(pid, *key) for key, pid in self.paras.items())
        return (
            f'{XML}<hh:head {NS} version="1.5" secCnt="1">'
            '<hh:beginNum page="1" footnote="1" endnote="1" pic="1" tbl="1" equation="1"/>'
            f'<hh:refList><hh:fontfaces itemCnt="{len(LANGS)}">{fonts}</hh:fontfaces>'
            f'<hh:borderFills itemCnt="{len(BORDER_FILLS)}">{fills}</hh:borderFills>'
            f'<hh:charProperties itemCnt="{len(self.chars)}">{chars}</hh:charProperties>'
            '<hh:tabProperties itemCnt="1"><hh:tabPr id="0" autoTabLeft="0" '
            'autoTabRight="0"/></hh:tabProperties>'
            f'<hh:paraProperties itemCnt="{len(self.paras)}">{paras}</hh:paraProperties>'
            '<hh:styles itemCnt="1"><hh:style id="0" type="PARA" name="바탕글" '
            'engName="Normal" paraPrIDRef="0" charPrIDRef="0" nextStyleIDRef="0" '
            'langID="1042" lockForm="0"/></hh:styles></hh:refList>'
            '<hh:compatibleDocument targetProgram="HWP201X"><hh:layoutCompatibility/>'
            '</hh:compatibleDocument><hh:docOption><hh:linkinfo path="" pageInherit="0" '
            'footnoteInherit="0"/></hh:docOption></hh:head>'
        )


def _content_hpf(title: str, author: str, stamp: str) -> str:
    meta = "".join(
        f'<opf:meta name="{name}" content="text">{escape(value)}</opf:meta>'
        for name, value in (
            ("creator", author),
            ("lastsaveby", author),
            ("CreatedDate", stamp),
            ("ModifiedDate", stamp),
        )
    )
    return (
        f'{XML}<opf:package {NS} version="" unique-identifier="" id="">'
        f"<opf:metadata><opf:title>{escape(title)}</opf:title><opf:language>ko</opf:language>"
        f"{meta}</opf:metadata><opf:manifest>"
        '<opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>'
        '<opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/>'
        '<opf:item id="settings" href="settings.xml" media-type="application/xml"/>'
        '</opf:manifest><opf:spine><opf:itemref idref="header" linear="yes"/>'
        '<opf:itemref idref="section0" linear="yes"/></opf:spine></opf:package>'
    )


CONTAINER = (
    f'{XML}<ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container" '
    'xmlns:hpf="http://www.hancom.co.kr/schema/2011/hpf"><ocf:rootfiles>'
    '<ocf:rootfile full-path="Contents/content.hpf" '
    'media-type="application/hwpml-package+xml"/><ocf:rootfile '
    'full-path="Preview/PrvText.txt" media-type="text/plain"/></ocf:rootfiles>'
    "</ocf:container>"
)
MANIFEST = f'{XML}<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'
VERSION = (
    f'{XML}<hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" '
    'tagetApplication="WORDPROCESSOR" major="5" minor="1" micro="1" buildNumber="0" os="1" '
    'xmlVersion="1.5" application="Hancom Office Hangul" appVersion="12, 0, 0, 535 WIN32LEWindows_10"/>'
)
SETTINGS = (
    f'{XML}<ha:HWPApplicationSetting xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app" '
    'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0">'
    '<ha:CaretPosition listIDRef="0" paraIDRef="0" pos="0"/></ha:HWPApplicationSetting>'
)


def write_hwpx(
    blocks: list[Block],
    path: Path,
    *,
    title: str,
    author: str,
    face: str,
    spaced: bool,
    stamp: str = "2025-09-18T10:30:00Z",
) -> HwpxPlaced:
    """Write deterministically: fixed metadata, member order and zip timestamps."""
    w = HwpxWriter(face, spaced)
    w.char(10, False)  # charPr 0 and paraPr 0: the document's default shapes
    w.para_shape("left")
    w.write(blocks)
    section, header = w.section_xml(), w.header_xml()  # the body registers the shapes first
    members = [
        ("mimetype", "application/hwp+zip", zipfile.ZIP_STORED),
        ("version.xml", VERSION, zipfile.ZIP_STORED),
        ("Contents/header.xml", header, zipfile.ZIP_DEFLATED),
        ("Contents/section0.xml", section, zipfile.ZIP_DEFLATED),
        ("Preview/PrvText.txt", "\r\n".join(w.preview)[:PREVIEW_CHARS], zipfile.ZIP_DEFLATED),
        ("settings.xml", SETTINGS, zipfile.ZIP_DEFLATED),
        ("META-INF/container.xml", CONTAINER, zipfile.ZIP_DEFLATED),
        ("META-INF/manifest.xml", MANIFEST, zipfile.ZIP_DEFLATED),
        ("Contents/content.hpf", _content_hpf(title, author, stamp), zipfile.ZIP_DEFLATED),
    ]
    with zipfile.ZipFile(path, "w") as zf:
        for name, text, method in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = method
            zf.writestr(info, text.encode("utf-8"))
    return w.placed
