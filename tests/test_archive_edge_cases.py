"""Zip edge cases the fuzz run found (issue 14: no input can stop or fool a run): a nested
zip without an extension, members that start before the file, empty archives, and members
whose header says 'directory'. Each comes next to good files: the odd one is named by a
finding (or simply taken, when nothing is wrong with it) and the rest goes through intact.

The `take` fixture (conftest) also asserts that nothing was written outside the workdir
and that no staging folder is left behind.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import zipfile
from pathlib import Path

import pytest

from smartcert.intake import rules as R
from smartcert.intake.limits import IntakeLimits

EMPTY_ZIP = b"PK\x05\x06" + b"\0" * 18  # an end-of-directory record and nothing else


def by_rule(result) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in result.findings:
        out.setdefault(f.rule, []).extend(loc.file for loc in f.locations)
    return out


def kept(result) -> dict[str, bytes]:
    return {f.name: f.path.read_bytes() for f in result.files}


def files_under(root: Path) -> list[str]:
    return sorted(str(Path(d, f).relative_to(root)) for d, _, fs in os.walk(root) for f in fs)


def with_mode(name: str, mode: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2024, 3, 1, 9, 0, 0))
    info.create_system, info.external_attr = 3, mode << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


# -- a nested zip without an extension -------------------------------------------------------
def test_nested_zip_without_extension_expands_into_a_folder_of_its_own_name(
        take, make_zip, make_pdf):
    inner = make_zip([("사진.pdf", make_pdf("photo")), ("표/목록.pdf", make_pdf("list"))])
    res = take(make_zip([("근거자료", inner), ("본문.pdf", make_pdf("main"))]))
    assert kept(res) == {"근거자료/사진.pdf": make_pdf("photo"),
                         "근거자료/표/목록.pdf": make_pdf("list"), "본문.pdf": make_pdf("main")}
    assert {f.name: f.origin for f in res.files}["근거자료/사진.pdf"] == "bundle.zip!근거자료!사진.pdf"
    assert res.findings == []
    # the archive itself, moved aside to make room for its folder, is gone
    assert files_under(res.root) == ["근거자료/사진.pdf", "근거자료/표/목록.pdf", "본문.pdf"]


def test_nested_zip_without_extension_in_a_subfolder(take, make_zip, make_pdf):
    inner = make_zip([("a.pdf", make_pdf("a"))])
    res = take(make_zip([("증빙/자료", inner), ("증빙/b.pdf", make_pdf("b"))]))
    assert sorted(kept(res)) == ["증빙/b.pdf", "증빙/자료/a.pdf"] and res.findings == []


def test_folder_submission_with_a_zip_without_extension(take, make_zip, make_pdf, tmp_path):
    src = tmp_path / "누리시_제출"
    src.mkdir()
    (src / "근거자료").write_bytes(make_zip([("사진.pdf", make_pdf("photo"))]))
    (src / "본문.pdf").write_bytes(make_pdf("main"))
    res = take(src)
    assert kept(res) == {"근거자료/사진.pdf": make_pdf("photo"), "본문.pdf": make_pdf("main")}
    assert (src / "근거자료").is_file()  # the submitted folder is left as it was


# -- members that start before the file -------------------------------------------------------
def test_member_starting_before_the_file_is_corrupt_and_the_rest_is_kept(
        take, make_zip, make_pdf):
    data = make_zip([("01 공모신청서.pdf", make_pdf("one")), ("02 근거자료.pdf", make_pdf("two"))])
    cut = data[:10] + data[11:]  # one byte gone from the first local header
    with zipfile.ZipFile(io.BytesIO(cut)) as zf:  # the premise: zipfile places it at -1
        assert zf.infolist()[0].header_offset == -1
    res = take(cut)
    assert kept(res) == {"02 근거자료.pdf": make_pdf("two")}
    [f] = res.findings
    assert f.rule == R.CORRUPT_ARCHIVE.id and f.severity == "error"
    assert f.locations[0].file == "bundle.zip!01 공모신청서.pdf"
    assert "앞부분이 빠짐" in f.message


def test_member_starting_before_a_nested_archive_is_corrupt(take, make_zip, make_pdf):
    inner = make_zip([("a.pdf", make_pdf("a")), ("b.pdf", make_pdf("b"))])
    res = take(make_zip([("근거자료.zip", inner[:10] + inner[11:]), ("본문.pdf", make_pdf("m"))]))
    assert sorted(kept(res)) == ["근거자료/b.pdf", "본문.pdf"]
    assert by_rule(res) == {R.CORRUPT_ARCHIVE.id: ["bundle.zip!근거자료.zip!a.pdf"]}


def test_a_genuine_read_error_still_stops_the_run(take, make_zip, make_pdf, monkeypatch):
    """An I/O error is the machine's, not the data's: it must not pass for a finding."""
    data = make_zip([("a.pdf", make_pdf("a"))])

    def failing_open(self, *args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(zipfile.ZipFile, "open", failing_open)
    with pytest.raises(OSError) as raised:
        take(data)
    assert raised.value.errno == errno.EIO


# -- empty archives ------------------------------------------------------------------------
def test_empty_submission_zip_is_an_error_on_the_archive(take):
    res = take(EMPTY_ZIP, name="누리시.zip")
    assert res.files == []
    [f] = res.findings
    assert f.rule == R.EMPTY_ARCHIVE.id and f.severity == "error"
    assert f.locations[0].file == "누리시.zip"
    assert f.message == "압축 파일 '누리시.zip'에 파일이 없습니다"
    assert (f.claimed, f.expected) == ("파일 0개", "파일 1개 이상")


def test_archive_of_folders_only_is_empty(take, make_zip):
    res = take(make_zip([("근거자료/", b""), ("근거자료/사진/", b"")]))
    assert res.files == [] and by_rule(res) == {R.EMPTY_ARCHIVE.id: ["bundle.zip"]}
    assert res.findings[0].claimed == "파일 0개 (폴더 항목 2개)"


def test_empty_nested_zip_is_named_and_its_neighbour_kept(take, make_zip, make_pdf):
    res = take(make_zip([("01 공모신청서.pdf", make_pdf("one")), ("근거자료.zip", EMPTY_ZIP)]))
    assert kept(res) == {"01 공모신청서.pdf": make_pdf("one")}
    assert by_rule(res) == {R.EMPTY_ARCHIVE.id: ["bundle.zip!근거자료.zip"]}


def test_empty_zip_in_a_folder_submission_is_named(take, make_pdf, tmp_path):
    src = tmp_path / "누리시_제출"
    src.mkdir()
    (src / "근거자료.zip").write_bytes(EMPTY_ZIP)
    (src / "본문.pdf").write_bytes(make_pdf("main"))
    res = take(src)
    assert sorted(kept(res)) == ["본문.pdf"]
    assert by_rule(res) == {R.EMPTY_ARCHIVE.id: ["누리시_제출/근거자료.zip"]}


def test_folder_entries_beside_files_pass_silently(take, make_zip, make_pdf):
    res = take(make_zip([("근거자료/", b""), ("근거자료/사진.pdf", make_pdf("p"))]))
    assert sorted(kept(res)) == ["근거자료/사진.pdf"] and res.findings == []


# -- members whose header says 'directory' ----------------------------------------------------
def test_directory_mode_member_with_bytes_is_kept_with_a_warning(take, make_zip, make_pdf):
    data = make_zip([("01 공모신청서.pdf", make_pdf("one")),
                     (with_mode("02 근거자료.pdf", stat.S_IFDIR | 0o755), make_pdf("two"))])
    res = take(data)
    assert kept(res) == {"01 공모신청서.pdf": make_pdf("one"), "02 근거자료.pdf": make_pdf("two")}
    [f] = res.findings
    assert f.rule == R.DIRECTORY_ENTRY.id and f.severity == "warning"
    assert f.locations[0].file == "bundle.zip!02 근거자료.pdf"
    assert "파일로 받았습니다" in f.message
    assert (f.claimed, f.expected) == ("drwxr-xr-x", "일반 파일")


def test_empty_directory_mode_member_without_slash_is_an_empty_file(take, make_zip, make_pdf):
    data = make_zip([("a.pdf", make_pdf("a")), (with_mode("자료", stat.S_IFDIR | 0o755), b"")])
    res = take(data)
    assert kept(res) == {"a.pdf": make_pdf("a"), "자료": b""}
    assert by_rule(res) == {R.DIRECTORY_ENTRY.id: ["bundle.zip!자료"],
                            "intake.empty-file": ["자료"]}


def slash_names(data: bytes, names: list[str]) -> bytes:
    """`data` with each of these names (written ending in '_') ending in '/' instead:
    zipfile will not write bytes under a name ending in '/'."""
    for name in names:
        assert data.count(name.encode()) == 2  # the local header and the directory
        data = data.replace(name.encode(), name[:-1].encode() + b"/")
    return data


def test_folder_entry_holding_bytes_is_named_not_dropped(take, make_zip, make_pdf):
    data = slash_names(make_zip([("dir_", b"hidden payload"), ("a.pdf", make_pdf("a"))]),
                       ["dir_"])
    res = take(data)
    assert kept(res) == {"a.pdf": make_pdf("a")}
    [f] = res.findings
    assert f.rule == R.DIRECTORY_ENTRY.id and f.locations[0].file == "bundle.zip!dir/"
    assert f.claimed == "14바이트" and "받지 않았습니다" in f.message


def test_a_flood_of_folder_entries_holding_bytes_is_bounded_by_the_member_limit(
        take, make_zip, make_pdf):
    names = [f"d{i:02d}_" for i in range(10)]
    data = slash_names(make_zip([(n, b"x") for n in names] + [("a.pdf", make_pdf("a"))]), names)
    res = take(data, IntakeLimits(max_members=3))
    assert by_rule(res) == {R.DIRECTORY_ENTRY.id: [f"bundle.zip!d{i:02d}/" for i in range(3)],
                            R.TOO_MANY_MEMBERS.id: ["bundle.zip!d03/"]}
