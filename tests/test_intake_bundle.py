"""Submission-level behaviour: per-file notes, content-derived ids, one bad file never
stops the rest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smartcert.core.files.media import MediaType
from smartcert.intake.bundle import IntakeResult, open_submission, submission_id
from smartcert.intake.limits import IntakeLimits
from smartcert.validators.catalogue import all_rules

MiB = 1 << 20


def by_rule(res) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in res.findings:
        out.setdefault(f.rule, []).extend(loc.file for loc in f.locations)
    return out


def test_zero_byte_file_is_kept_with_an_error(take, make_zip, make_pdf):
    res = take(make_zip([("빈파일.pdf", b""), ("ok.pdf", make_pdf("ok"))]))
    assert [(f.name, f.media_type, f.size) for f in res.files] == [
        ("ok.pdf", MediaType.PDF, len(make_pdf("ok"))), ("빈파일.pdf", MediaType.EMPTY, 0)]
    [f] = res.findings
    assert (f.rule, f.severity, f.locations[0].file) == ("intake.empty-file", "error", "빈파일.pdf")


def test_wrong_extension_is_a_warning_and_the_sniffed_type_wins(take, make_zip, xlsx_bytes):
    res = take(make_zip([("지표표.pdf", xlsx_bytes)]))
    [doc] = res.files
    assert doc.media_type is MediaType.XLSX
    [f] = res.findings
    assert (f.rule, f.severity) == ("intake.extension-mismatch", "warning")
    assert f.claimed == ".pdf" and f.expected == MediaType.XLSX.value and "엑셀" in f.message


def test_unknown_format_is_a_warning(take, make_zip):
    res = take(make_zip([("메모.txt", "그냥 메모".encode())]))
    assert res.files[0].media_type is MediaType.UNKNOWN
    assert [(f.rule, f.severity, f.claimed) for f in res.findings] == [
        ("intake.unknown-format", "warning", ".txt")]


def test_a_zip_named_pdf_is_opened_as_a_zip(take, make_zip, make_pdf):
    res = take(make_zip([("a.pdf", make_pdf("a"))]), name="제출물.pdf")
    assert [f.name for f in res.files] == ["a.pdf"] and res.source == "제출물.pdf"


def test_a_lone_document_is_not_a_submission(take, make_pdf):
    res = take(make_pdf("alone"), name="alone.pdf")
    assert res.files == []
    [f] = res.findings
    assert f.rule == "intake.not-a-submission" and f.claimed == MediaType.PDF.value


def test_missing_source_is_an_operational_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        open_submission(tmp_path / "nope.zip", tmp_path / "work")


def test_every_bad_input_gets_its_finding_and_the_rest_of_the_bundle_survives(
    take, make_zip, make_pdf, xlsx_bytes
):
    inner = make_zip([("사진.pdf", make_pdf("photo")),
                      ("deeper.zip", make_zip([("x.pdf", make_pdf("x"))]))])
    data = make_zip([
        ("정량지표_평가제안서.pdf", make_pdf("main")),
        ("empty.pdf", b""),
        ("표.pdf", xlsx_bytes),
        ("../../evil.pdf", make_pdf("evil")),
        ("bomb.pdf", b"\0" * (3 * MiB)),
        ("근거자료.zip", inner),
    ])
    res = take(data)
    assert [f.name for f in res.files] == [
        "empty.pdf", "근거자료/사진.pdf", "정량지표_평가제안서.pdf", "표.pdf"]
    assert by_rule(res) == {
        "intake.unsafe-path": ["bundle.zip!../../evil.pdf"],
        "intake.zip-bomb": ["bundle.zip!bomb.pdf"],
        "intake.nested-archive": ["bundle.zip!근거자료.zip!deeper.zip"],
        "intake.empty-file": ["empty.pdf"],
        "intake.extension-mismatch": ["표.pdf"],
    }
    intake_ids = {e.spec.id for e in all_rules()
                  if e.module in ("smartcert.intake.rules", "smartcert.core.files.rules")}
    assert all(f.category == "intake" and f.rule in intake_ids for f in res.findings)


# -- ids ---------------------------------------------------------------------------------
def test_id_ignores_zip_name_location_member_names_and_order(tmp_path, make_zip, make_pdf):
    a, b = make_pdf("a"), make_pdf("b")
    one = tmp_path / "x" / "bundle.zip"
    one.parent.mkdir()
    one.write_bytes(make_zip([("a.pdf", a), ("sub/b.pdf", b)]))
    moved = tmp_path / "y" / "renamed.zip"
    moved.parent.mkdir()
    shutil.copy(one, moved)
    reordered = tmp_path / "z.zip"
    reordered.write_bytes(make_zip([("다른이름.pdf", b), ("a2.pdf", a)]))
    folder = tmp_path / "folder"
    (folder / "d").mkdir(parents=True)
    (folder / "d" / "a.pdf").write_bytes(a)
    (folder / "b.pdf").write_bytes(b)
    ids = {open_submission(p, tmp_path / "work").submission_id
           for p in (one, moved, reordered, folder)}
    assert len(ids) == 1 and ids.pop() == submission_id([sha(a), sha(b)])


def test_different_content_gives_a_different_id(take, make_zip, make_pdf):
    first = take(make_zip([("a.pdf", make_pdf("a"))]))
    second = take(make_zip([("a.pdf", make_pdf("a, revised"))]), name="same_name_later.zip")
    assert first.submission_id != second.submission_id
    assert first.submission_id.startswith("sub-") and len(first.submission_id) == 20


def test_repeated_intake_is_idempotent(take, make_zip, make_pdf, tmp_path):
    data = make_zip([("a.pdf", make_pdf("a")), ("b/c.pdf", make_pdf("c"))])
    first = take(data)
    second = take(data)
    assert second.model_dump(exclude={"source"}) == first.model_dump(exclude={"source"})
    assert [p.name for p in (tmp_path / "work").iterdir()] == [first.submission_id]
    assert all(f.path.read_bytes() for f in second.files)


def test_hashes_sizes_and_json_round_trip(take, make_zip, make_pdf):
    res = take(make_zip([("a.pdf", make_pdf("a"))]))
    [f] = res.files
    assert f.sha256 == sha(make_pdf("a")) and f.size == len(make_pdf("a"))
    assert IntakeResult.model_validate_json(res.model_dump_json()) == res


def test_limits_can_be_passed_through(take, make_zip):
    res = take(make_zip([("a.bin", b"\0" * (2 * MiB))]),
               IntakeLimits(max_ratio=10_000.0, max_member_bytes=4 * MiB))
    assert [f.name for f in res.files] == ["a.bin"]


def sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


@pytest.fixture(autouse=True)
def _no_stray_files(tmp_path: Path):
    yield
    assert not list(tmp_path.rglob(".staging-*")) and not list(tmp_path.rglob(".old-*"))
