"""A PDF read in parts by several workers is the document a whole reading gives, byte for
byte: pages, spans, findings and the tables continued across a part's edge."""

from __future__ import annotations

from pathlib import Path

import fitz
import pytest

from benchmarks.hancom.truth import REAL_DIR
from smartcert.core.files.media import MediaType
from smartcert.extractors import api, isolate
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.models import DocumentExtract
from smartcert.extractors.pdf.backend import PdfBackend
from smartcert.extractors.pdf.parts import (
    MIN_SPLIT_PAGES,
    PARTS_PER_WORKER,
    PdfPart,
    assemble,
    part_count,
    part_range,
)

ROOT = Path(__file__).resolve().parents[1]
BUNDLES = ROOT / "samples" / "bundles"
# forms whose tables run on over pages (B-3-1 and its kin), an evidence file, a real
# Hancom export, and a scan
FORMS = [
    BUNDLES / "pureun-scan" / "[푸른군] 2. 정량지표 평가제안서.pdf",
    BUNDLES / "nuri-hwp" / "2. 정량지표 평가제안서_누리시.pdf",
    BUNDLES / "garam-twin" / "02 가람광역시 정량지표 평가제안서.pdf",
]
EVIDENCE = BUNDLES / "hanbit-xlsx" / "4. 근거자료(한빛광역시).pdf"
REAL = REAL_DIR / "2022년 국립국어원 업무계획.pdf"
SCAN = BUNDLES / "pureun-scan" / "[푸른군] 4. 증빙자료(스캔본).pdf"
SETTINGS = ExtractSettings(ocr=False)


def _new(path: Path, backend: PdfBackend) -> DocumentExtract:
    return backend.new_document(path, MediaType.PDF, path.name)


def _whole(path: Path) -> str:
    backend = PdfBackend(SETTINGS)
    return backend.extract(path, _new(path, backend)).model_dump_json()


def _in_parts(path: Path, count: int) -> tuple[str, list[PdfPart]]:
    parts = []
    for i in range(count):
        backend = PdfBackend(SETTINGS)  # each part in a reader of its own, as in the workers
        part = backend.extract_part(path, _new(path, backend), i, count)
        assert part is not None, f"part {i} of {count} of {path.name} gave up"
        parts.append(part)
    backend = PdfBackend(SETTINGS)
    return assemble(_new(path, backend), parts).model_dump_json(), parts


def _existing(path: Path) -> Path:
    if not path.is_file():
        pytest.fail(f"{path} is missing")
    return path


@pytest.mark.parametrize("path", [*FORMS, EVIDENCE, REAL], ids=lambda p: p.name)
@pytest.mark.parametrize("count", [2, 3])
def test_parts_assemble_to_the_whole_reading(path: Path, count: int) -> None:
    whole = _whole(_existing(path))
    joined, parts = _in_parts(path, count)
    assert joined == whole
    assert [(p.start, p.stop) for p in parts] == [part_range(i, count, len(parts[-1].pages)
                                                              + parts[-1].start)
                                                   for i in range(count)]
    assert all(p.pages for p in parts)  # really split: every part read pages


def test_a_table_continued_across_a_part_edge_is_joined() -> None:
    """푸른군's form has a table on pages 12-13: halves of 24 pages meet between them."""
    path = _existing(FORMS[0])
    joined, parts = _in_parts(path, 2)
    edge = parts[1].start  # the first page number of part 2 (pages count from 1)
    assert parts[0].placed[-1].page == edge and parts[1].placed[0].page == edge + 1
    doc = DocumentExtract.model_validate_json(joined)
    assert any(t.pages == [edge, edge + 1] for t in doc.tables)
    assert joined == _whole(path)


def test_parts_carry_no_glyphs() -> None:
    """The join needs the cells; the glyphs stay in the worker (they are most of a page)."""
    _, parts = _in_parts(_existing(EVIDENCE), 2)
    tables = [p.table for part in parts for p in part.placed]
    assert tables and all(t.glyphs == [] and t.lines == [] for t in tables)
    assert all(t.cells for t in tables)


def test_only_part_one_carries_the_documents_own_facts(tmp_path: Path) -> None:
    src = fitz.open(_existing(EVIDENCE))
    src.set_metadata({"title": "근거자료", "producer": "Hancom PDF 1.3.0.542"})
    path = tmp_path / "evidence.pdf"
    src.save(path)
    _, parts = _in_parts(path, 2)
    assert parts[0].metadata["title"] == "근거자료"
    assert _in_parts(path, 2)[0] == _whole(path)
    limited = ExtractSettings(ocr=False, max_pages=20)
    backend = PdfBackend(limited)
    first = backend.extract_part(path, _new(path, backend), 0, 2)
    backend = PdfBackend(limited)
    second = backend.extract_part(path, _new(path, backend), 1, 2)
    assert first is not None and second is not None
    assert (first.start, first.stop, second.start, second.stop) == (0, 10, 10, 20)
    assert [f.rule for f in first.findings] == ["intake.page-limit"]
    assert second.findings == []


def test_a_page_that_needs_ocr_makes_the_part_give_up() -> None:
    backend = PdfBackend(SETTINGS)
    assert backend.extract_part(_existing(SCAN), _new(SCAN, backend), 1, 2) is None


def test_an_unreadable_file_is_left_to_the_whole_reading(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    backend = PdfBackend(SETTINGS)
    assert backend.extract_part(bad, _new(bad, backend), 0, 2) is None


def test_part_ranges() -> None:
    assert [part_range(i, 2, 25) for i in range(2)] == [(0, 12), (12, 25)]
    assert [part_range(i, 3, 12) for i in range(3)] == [(0, 4), (4, 8), (8, 12)]
    # no part under MIN_PART_PAGES pages: the parts beyond are empty
    assert [part_range(i, 3, 9) for i in range(3)] == [(0, 4), (4, 9), (9, 9)]
    assert [part_range(i, 4, 58) for i in range(4)] == [(0, 14), (14, 29), (29, 43), (43, 58)]
    small = MIN_SPLIT_PAGES - 1
    assert [part_range(i, 2, small) for i in range(2)] == [(0, small), (small, small)]
    with pytest.raises(ValueError):
        part_range(2, 2, 10)
    assert (part_count(1), part_count(2)) == (1, 2 * PARTS_PER_WORKER)


def test_each_worker_takes_the_next_part_as_it_ends_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two workers share four parts of the evidence (its first half, all tables, costs twice
    its second): every part is read once, and the document is the whole reading's."""
    taken: list[tuple[int, int]] = []
    real = isolate.extract_isolated

    def spy(path: Path, settings: ExtractSettings, name: str,
            part: tuple[int, int] | None = None) -> isolate.Outcome:
        assert part is not None
        taken.append(part)
        return real(path, settings, name, part)

    monkeypatch.setattr(isolate, "extract_isolated", spy)
    outs = api._read_parts(EVIDENCE, SETTINGS, EVIDENCE.name, 2, 4)
    assert sorted(taken) == [(i, 4) for i in range(4)]
    parts = [o.part for o in outs]
    assert all(p is not None for p in parts)
    whole = _whole(EVIDENCE)
    backend = PdfBackend(SETTINGS)
    assert assemble(_new(EVIDENCE, backend), [p for p in parts if p]).model_dump_json() == whole


def test_a_part_given_up_stops_the_others_taking_more() -> None:
    """The scan's pages need OCR: the first parts give up and no worker takes another, the
    document is then read whole."""
    outs = api._read_parts(SCAN, SETTINGS, SCAN.name, 2, 6)
    assert 1 <= len(outs) <= 2
    assert all(o.part is None for o in outs)


def _count_assembled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = api.assemble

    def spy(doc: DocumentExtract, parts: list[PdfPart]) -> DocumentExtract:
        seen.append(doc.file)
        return real(doc, parts)

    monkeypatch.setattr(api, "assemble", spy)
    monkeypatch.setattr(isolate, "cores", lambda: 2)  # a one-core CI machine too
    return seen


def test_extract_file_reads_a_long_pdf_in_two_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _count_assembled(monkeypatch)
    for path in (FORMS[0], REAL):
        split = api.extract_file(path, SETTINGS)
        assert split.model_dump_json() == _whole(path)
    assert seen == [FORMS[0].name, REAL.name]


def test_extract_file_reads_whole_what_it_should(monkeypatch: pytest.MonkeyPatch) -> None:
    """A scan (its pages need OCR), a short form, and `page_workers=1`: read whole, and
    the result is the whole reading's."""
    seen = _count_assembled(monkeypatch)
    short = BUNDLES / "nuri-hwp" / "1. 공모신청서_누리시.pdf"
    assert api.extract_file(_existing(short), SETTINGS).model_dump_json() == _whole(short)
    scan = api.extract_file(SCAN, ExtractSettings(ocr=False, max_pages=3))
    assert [p.text_layer.value for p in scan.pages] == ["missing"] * 3
    one = api.extract_file(FORMS[1], ExtractSettings(ocr=False, page_workers=1))
    assert one.model_dump_json() == _whole(FORMS[1])
    assert seen == []


def test_cores_held_for_parts_are_not_given_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(isolate, "cores", lambda: 2)
    with isolate.cores_for_parts(4) as first, isolate.cores_for_parts(2) as second:
        assert (first, second) == (2, 0)
    with isolate.cores_for_parts(1) as again:
        assert again == 1


def test_a_run_passes_its_page_workers_to_the_reading(tmp_path: Path) -> None:
    from smartcert.pipelines.runtime import RunConfig

    assert RunConfig.make(tmp_path).extract_settings().page_workers == 0  # free cores
    one = RunConfig.make(tmp_path, page_workers=1)  # as a Dask run sets it
    assert one.extract_settings().page_workers == 1
    assert one.extract_settings().cache_key() == ExtractSettings().cache_key()
    with pytest.raises(ValueError, match="page_workers"):
        RunConfig.make(tmp_path, page_workers=-1)
