"""The reading rules: what reading a file reveals, one `RuleSpec` constant each
(`intake.encrypted` -> `ENCRYPTED`). They are of the `intake` category (the archive-level ones
are in `intake/rules.py`) and concern files, not the call: they cite no clause.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from smartcert.core.findings import BBox, Finding, Location, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.extractors.limits import HOW_TO_RAISE
from smartcert.extractors.models import DocumentExtract, DocumentStatus

_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

ENCRYPTED = RuleSpec("intake.encrypted", _E, "'{file}'은(는) 암호가 걸려 있어 읽을 수 없습니다")
CORRUPT = RuleSpec("intake.corrupt", _E, "'{file}'이(가) 손상되어 읽을 수 없습니다 ({reason})")
REPAIRED_PDF = RuleSpec(
    "intake.repaired-pdf", _W,
    "'{file}'의 PDF 구조가 손상되어 복구하며 읽었습니다. 잘린 파일일 수 있어 원본 확인이 필요합니다")
PAGE_UNREADABLE = RuleSpec(
    "intake.page-unreadable", _E, "'{file}' {page}쪽을 해석하지 못했습니다 ({reason})")
# One finding per document (placed on each page), not one per page: a 55-page scan without
# Tesseract is one problem of the machine, said once with its remedy.
OCR_UNAVAILABLE = RuleSpec(
    "intake.ocr-unavailable", _E,
    "'{file}'의 글자 정보가 없거나 쓸 수 없는 쪽 {count}개({pages}쪽)는 OCR이 필요한데 이 컴퓨터에서 "
    "OCR을 쓸 수 없어 읽지 못했습니다 ({reason}). 이 쪽들의 내용은 검토되지 않았고 잠정 점수는 완전하지 "
    "않습니다. Tesseract와 한국어 데이터를 설치한 뒤 다시 검토하십시오 ({install})")
OCR_SKIPPED = RuleSpec(
    "intake.ocr-skipped", _W,
    "'{file}'의 글자 정보가 없거나 쓸 수 없는 쪽 {count}개({pages}쪽)는 OCR을 끄고(--no-ocr) 검토해 "
    "읽지 않았습니다. 이 쪽들의 내용은 검토되지 않았고 잠정 점수는 완전하지 않습니다")
OCR_FAILED = RuleSpec(
    "intake.ocr-failed", _E,
    "'{file}' {page}쪽은 글자 정보가 없어 OCR했으나 읽지 못했습니다 ({reason})")
UNUSABLE_TEXT_LAYER = RuleSpec(
    "intake.unusable-text-layer", _W,
    "'{file}' {pages}쪽의 글자 정보(텍스트 레이어)는 {why} 쓸 수 없습니다. 이 쪽들은 쪽 이미지를 OCR로 "
    "읽으며(OCR을 쓸 수 없으면 읽지 않음), OCR로 읽은 내용은 확실하지 않으니 원본과 대조해 확인해야 합니다")
ACTIVE_CONTENT = RuleSpec(
    "intake.pdf-active-content", _W,
    "'{file}'에 능동 콘텐츠가 있습니다: {what}. smartcert는 이를 실행하거나 열지 않았고 첨부 파일의 "
    "내용은 읽지 않았습니다. 원본을 PDF 뷰어로 열기 전에 확인이 필요합니다")
OCR_LOW_CONFIDENCE = RuleSpec(
    "intake.ocr-low-confidence", _W,
    "'{file}' {page}쪽의 OCR 신뢰도가 {confidence}점으로 낮아 판독 결과를 확인해야 합니다")
HWP_BINARY = RuleSpec(
    "intake.hwp-binary", _W,
    "'{file}'은(는) 한글(HWP) 원본 파일이라 읽지 않았습니다. PDF로 변환한 파일이 필요합니다")
HWPX = RuleSpec(
    "intake.hwpx", _W,
    "'{file}'은(는) 한글(HWPX) 원본 파일이라 읽지 않았습니다. PDF로 변환한 파일이 필요합니다")
HWP_ENCRYPTED = RuleSpec(
    "intake.hwp-encrypted", _E,
    "'{file}'은(는) 암호가 걸린 한글 문서라 읽을 수 없습니다. 암호를 해제한 파일이나 PDF가 필요합니다")
HWP_DISTRIBUTION = RuleSpec(
    "intake.hwp-distribution", _E,
    "'{file}'은(는) 배포용(읽기 전용)으로 저장된 한글 문서라 내용을 읽을 수 없습니다 ({reason}). "
    "배포용 설정을 해제한 원본이나 PDF가 필요합니다")
HWP_DISTRIBUTION_READ = RuleSpec(
    "intake.hwp-distribution-read", _W,
    "'{file}'은(는) 배포용(읽기 전용)으로 저장된 한글 문서입니다. 내용은 읽었으나 복사·인쇄가 "
    "제한된 문서이므로 제출 원본인지 확인이 필요합니다")
HWP_BROKEN = RuleSpec(
    "intake.hwp-broken", _E, "'{file}'이(가) 손상된 한글 문서라 읽을 수 없습니다 ({reason})")
HWP_PAGINATION = RuleSpec(
    "intake.hwp-pagination", _I,
    "'{file}'의 쪽 번호와 위치는 한글 프로그램이 아니라 smartcert가 문서를 다시 조판해 계산한 "
    "것이라, 한글에서 인쇄한 쪽과 다를 수 있습니다")
HWP_UNPLACED = RuleSpec(
    "intake.hwp-unplaced", _I,
    "'{file}'의 값 {count}개는 조판한 쪽에서 위치를 찾지 못해 바로 앞 값의 쪽으로 표시했습니다")
LEGACY_OFFICE = RuleSpec(
    "intake.legacy-office", _W,
    "'{file}'은(는) 구형 오피스(XLS/DOC) 형식이라 읽지 않았습니다. XLSX/DOCX 또는 PDF가 필요합니다")
ARCHIVE_INSIDE = RuleSpec(
    "intake.archive-inside", _W, "'{file}'은(는) 압축 파일이라 문서로 읽지 않았습니다")
UNREADABLE_FORMAT = RuleSpec(
    "intake.unreadable-format", _W, "'{file}'의 형식을 알 수 없어 내용을 읽지 않았습니다")
FORMULA_WITHOUT_VALUE = RuleSpec(
    "intake.formula-without-value", _W,
    "'{file}' {sheet} 시트 {cell} 셀의 수식({formula})에 저장된 계산 값이 없어 값을 확인할 수 없습니다")
HIDDEN_SHEET = RuleSpec(
    "intake.hidden-sheet", _I, "'{file}'에 숨겨진 시트 '{sheet}'이(가) 있습니다")
HIDDEN_ROWS = RuleSpec(
    "intake.hidden-rows", _I, "'{file}' {sheet} 시트에 숨겨진 행 {count}개가 있습니다 ({rows})")
HIDDEN_COLUMNS = RuleSpec(
    "intake.hidden-columns", _I, "'{file}' {sheet} 시트에 숨겨진 열 {count}개가 있습니다 ({cols})")
FORMULA_ERROR = RuleSpec(
    "intake.formula-error", _W,
    "'{file}' {sheet} 시트 {cell} 셀이 수식 오류 값 {value}을(를) 표시합니다")
SHEET_TRUNCATED = RuleSpec(
    "intake.sheet-truncated", _W,
    "'{file}' {sheet} 시트가 너무 커서 {rows}행까지만 읽었습니다 (셀 {limit}개 한도)")
NESTED_TABLE = RuleSpec(
    "intake.nested-table", _I,
    "'{file}'의 표 {table} 셀 {cells} 안에 표가 중첩되어 있어 그 내용을 셀 텍스트로 합쳐 읽었습니다")
NO_CONTENT = RuleSpec(
    "intake.no-content", _W, "'{file}'에 읽을 수 있는 내용(글자나 표)이 없습니다")
PAGE_LIMIT = RuleSpec(
    "intake.page-limit", _W,
    "'{file}'의 {total}쪽(시트) 중 앞의 {limit}쪽만 읽고 나머지 {skipped}쪽은 읽지 않았습니다 "
    "(문서당 쪽수 한도; 늘리려면 {how})")
OCR_BUDGET = RuleSpec(
    "intake.ocr-budget", _W,
    "'{file}'의 글자 정보 없는 쪽 {count}개({pages}쪽)는 제출물당 OCR 한도 {limit}쪽을 다 써서 "
    "OCR하지 않았습니다. 이 쪽들의 내용은 검토되지 않았으니 확인이 필요합니다 (늘리려면 {how})")
OCR_LOW_RESOLUTION = RuleSpec(
    "intake.ocr-low-resolution", _W,
    "'{file}' {page}쪽은 {width}×{height}pt로 커서 쪽당 {limit}백만 화소 한도에 맞춰 {dpi}dpi로 "
    "낮춰 OCR했습니다. {floor}dpi보다 낮아 판독 결과가 부정확할 수 있습니다 (늘리려면 {how})")
CELL_LIMIT = RuleSpec(
    "intake.cell-limit", _W,
    "'{file}'의 표 셀이 통합문서당 한도 {limit}개에 이르러 {cut} 읽지 않았습니다 (늘리려면 {how})")
TIME_LIMIT = RuleSpec(
    "intake.time-limit", _E,
    "'{file}'을(를) 읽는 데 문서당 시간 한도 {limit}초(OCR 시간 제외)를 넘어 중단했습니다. "
    "다른 문서는 계속 검토되었으며, 이 문서는 운영자 확인이 필요합니다 (늘리려면 {how})")
MEMORY_LIMIT = RuleSpec(
    "intake.memory-limit", _E,
    "'{file}'을(를) 읽는 데 문서당 메모리 한도 {limit}MiB를 넘어 중단했습니다 ({reason}). "
    "다른 문서는 계속 검토되었으며, 이 문서는 운영자 확인이 필요합니다 (늘리려면 {how})")
OCR_NO_TEXT = RuleSpec(
    "intake.ocr-no-text", _I, "'{file}' {page}쪽에서 OCR로 인식된 글자가 없습니다")
EXTRACTOR_FAILED = RuleSpec(
    "intake.extractor-failed", _E,
    "'{file}'을(를) 읽는 중 처리 오류가 발생했습니다 ({reason}). 다른 문서는 계속 검토되었으며, "
    "이 문서는 운영자 확인이 필요합니다")


def extract_finding(
    rule: RuleSpec,
    file: str,
    *,
    page: int | None = None,
    sheet: str | None = None,
    cell: str | None = None,
    claimed: str | None = None,
    expected: str | None = None,
    bbox: BBox | None = None,
    locations: Sequence[Location] | None = None,
    **fields: object,
) -> Finding:
    """A finding for `rule` located at the file, and at its page or cell when known.

    `locations` replaces the single default location (e.g. every cell of a group).
    """
    if locations is None:
        locations = [Location(file=file, page=page, bbox=bbox, sheet=sheet, cell=cell)]
    return rule.finding(claimed=claimed, expected=expected, locations=locations,
                        file=file, page=page, sheet=sheet, cell=cell, **fields)


def _on_pages(rule: RuleSpec, file: str, pages: Sequence[int], **fields: object) -> Finding:
    """One finding for `pages` of `file`, placed on each of them."""
    locations = [Location(file=file, page=p) for p in sorted(set(pages))]
    return extract_finding(rule, file, locations=locations, count=len(locations),
                           pages=ranges_text(pages), **fields)


def page_limit(file: str, total: int, limit: int) -> Finding:
    """The pages (sheets, frames) beyond the per-document limit were not read."""
    return extract_finding(PAGE_LIMIT, file, total=total, limit=limit, skipped=total - limit,
                           how=HOW_TO_RAISE["max_pages"])


def ocr_budget(file: str, pages: Sequence[int], limit: int) -> Finding:
    """The pages left without OCR once the submission's OCR budget was used up."""
    return _on_pages(OCR_BUDGET, file, pages, limit=limit, how=HOW_TO_RAISE["max_ocr_pages"])


def ocr_unavailable(file: str, pages: Sequence[int], reason: str, install: str) -> Finding:
    """The pages that needed OCR on a machine without it (Tesseract or its languages)."""
    return _on_pages(OCR_UNAVAILABLE, file, pages, reason=reason, install=install)


def ocr_skipped(file: str, pages: Sequence[int]) -> Finding:
    """The pages that needed OCR when it was switched off (--no-ocr)."""
    return _on_pages(OCR_SKIPPED, file, pages)


def unusable_text_layer(file: str, pages: Sequence[int], private_use: bool) -> Finding:
    """Pages whose text layer decodes to garbage; `private_use`: mostly private-use glyphs."""
    why = ("글꼴의 문자 대응표(ToUnicode)가 사용자 정의 영역(U+E000–U+F8FF) 문자를 가리켜"
           if private_use else "문자 대응표(ToUnicode)가 없거나 깨져 글자 대부분이 알아볼 수 없는 "
           "문자로 나와")
    return _on_pages(UNUSABLE_TEXT_LAYER, file, pages, why=why)


def ocr_low_resolution(file: str, page: int, size: tuple[float, float], dpi: int,
                       max_megapixels: float, floor: int) -> Finding:
    """A page so big that the pixel limit pushed its OCR resolution below the floor."""
    return extract_finding(OCR_LOW_RESOLUTION, file, page=page, width=f"{size[0]:,.0f}",
                           height=f"{size[1]:,.0f}", limit=f"{max_megapixels:g}", dpi=dpi,
                           floor=floor, how=HOW_TO_RAISE["max_render_megapixels"])


def fail_document(doc: DocumentExtract, status: DocumentStatus, rule: RuleSpec,
                  **fields: object) -> DocumentExtract:
    """Mark `doc` unreadable: its status, a detail line and the finding saying why."""
    doc.status = status
    f = extract_finding(rule, doc.file, **fields)
    doc.status_detail = f.message
    doc.findings.append(f)
    return doc


def ranges_text(numbers: Iterable[int]) -> str:
    """[3, 7, 8, 9] → '3, 7-9': row numbers as a reviewer reads them."""
    nums = sorted(set(numbers))
    out: list[str] = []
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        out.append(str(nums[i]) if i == j else f"{nums[i]}-{nums[j]}")
        i = j + 1
    return ", ".join(out)
