"""Folder submissions: walked without following links, files referenced in place."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from smartcert.intake.bundle import open_submission


@pytest.fixture
def src(tmp_path: Path) -> Path:
    folder = tmp_path / "누리시_제출"
    folder.mkdir()
    return folder


def test_files_are_referenced_in_place_and_nothing_is_copied(take, src, make_pdf, tmp_path):
    (src / "증빙").mkdir()
    (src / "정량지표_평가제안서.pdf").write_bytes(make_pdf("q"))
    (src / "증빙" / "표창.pdf").write_bytes(make_pdf("award"))
    res = take(src)
    assert [f.name for f in res.files] == ["정량지표_평가제안서.pdf", "증빙/표창.pdf"]
    assert [f.path for f in res.files] == [src / "정량지표_평가제안서.pdf",
                                           src / "증빙" / "표창.pdf"]
    assert res.root == src and res.extracted is None and res.findings == []
    assert all(f.origin is None for f in res.files)
    assert list((tmp_path / "work").iterdir()) == []


def test_fifo_and_symlinks_refused_without_following(take, src, make_pdf, tmp_path):
    outside = tmp_path / "secret.pdf"
    outside.write_bytes(make_pdf("secret"))
    (src / "ok.pdf").write_bytes(make_pdf("ok"))
    os.mkfifo(src / "pipe.pdf")  # reading it would block: it must never be opened
    (src / "link.pdf").symlink_to(outside)
    (src / "linkdir").symlink_to(tmp_path, target_is_directory=True)
    res = take(src)
    assert [f.name for f in res.files] == ["ok.pdf"]
    by_rule = {(f.rule, f.locations[0].file) for f in res.findings}
    assert by_rule == {
        ("intake.device-file", "누리시_제출/pipe.pdf"),
        ("intake.link", "누리시_제출/link.pdf"),
        ("intake.link", "누리시_제출/linkdir"),
    }


def test_zip_in_folder_is_expanded_under_workdir_and_source_untouched(
    take, src, make_zip, make_pdf, tmp_path
):
    (src / "본문.pdf").write_bytes(make_pdf("main"))
    zipped = make_zip([("사진.pdf", make_pdf("photo"))])
    (src / "근거자료.zip").write_bytes(zipped)
    res = take(src)
    assert [f.name for f in res.files] == ["근거자료/사진.pdf", "본문.pdf"]
    photo = res.files[0]
    assert photo.origin == "누리시_제출/근거자료.zip!사진.pdf"
    assert res.extracted == (tmp_path / "work" / res.submission_id).resolve()
    assert photo.path == res.extracted / "근거자료" / "사진.pdf"
    assert (src / "근거자료.zip").read_bytes() == zipped


def test_folder_holding_a_zip_nests_like_the_zip_itself(take, src, make_zip, make_pdf, tmp_path):
    deepest = make_zip([("c.pdf", make_pdf("c"))])
    bundle = make_zip([("b.zip", make_zip([("b.pdf", make_pdf("b")), ("c.zip", deepest)])),
                       ("a.pdf", make_pdf("a"))])
    (src / "bundle.zip").write_bytes(bundle)
    as_folder = take(src)
    as_zip = take(bundle, name="bundle.zip")
    assert [f.name for f in as_folder.files] == ["bundle/a.pdf", "bundle/b/b.pdf"]
    assert [f.name for f in as_zip.files] == ["a.pdf", "b/b.pdf"]
    assert as_folder.submission_id == as_zip.submission_id
    for res in (as_folder, as_zip):
        assert [f.rule for f in res.findings] == ["intake.nested-archive"]


def test_raw_cp949_file_names_on_disk_are_decoded(take, src, make_pdf):
    raw = "정량지표_평가제안서.pdf".encode("cp949")  # a Korean USB stick mounted as-is
    with open(os.path.join(os.fsencode(src), raw), "wb") as f:
        f.write(make_pdf("q"))
    res = take(src)
    [doc] = res.files
    assert doc.name == "정량지표_평가제안서.pdf" and doc.path.read_bytes() == make_pdf("q")
    assert res.findings == []


def test_os_junk_skipped(take, src, make_pdf):
    (src / "__MACOSX").mkdir()
    (src / "__MACOSX" / "._a.pdf").write_bytes(b"\0\5\26\7")
    (src / ".DS_Store").write_bytes(b"Bud1")
    (src / "a.pdf").write_bytes(make_pdf("a"))
    res = take(src)
    assert [f.name for f in res.files] == ["a.pdf"]
    assert [f.rule for f in res.findings] == ["intake.os-junk"]


def test_workdir_inside_the_source_folder_is_not_walked(src, make_zip, make_pdf):
    (src / "a.pdf").write_bytes(make_pdf("a"))
    (src / "in.zip").write_bytes(make_zip([("b.pdf", make_pdf("b"))]))
    first = open_submission(src, src / "_work")
    second = open_submission(src, src / "_work")
    assert [f.name for f in second.files] == ["a.pdf", "in/b.pdf"]
    assert second.submission_id == first.submission_id
