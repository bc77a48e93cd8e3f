"""Hostile and awkward zip archives: each is refused with a finding, the rest still taken.

The `take` fixture (conftest) also asserts that nothing was written outside the workdir
and that no staging folder is left behind.
"""

from __future__ import annotations

import io
import os
import stat
import struct
import unicodedata
import zipfile
import zlib
from pathlib import Path

import pytest

from smartcert.intake import rules as R
from smartcert.intake.limits import IntakeLimits

MiB = 1 << 20


# -- raw zip surgery ---------------------------------------------------------------------
def raw_name_zip(entries: list[tuple[bytes, bytes]], make_zip) -> bytes:
    """A zip whose member names are exactly these bytes, with no UTF-8 flag.

    zipfile writes any non-ASCII name as UTF-8 with the flag set, so we write ASCII
    placeholders of the same length and swap the bytes in (local header + directory).
    """
    placeholders = [f"n{i:03d}".ljust(len(raw), "_").encode() for i, (raw, _) in enumerate(entries)]
    pairs = list(zip(placeholders, entries, strict=True))
    data = make_zip([(p.decode(), body) for p, (_, body) in pairs])
    for p, (raw, _) in pairs:
        assert data.count(p) == 2
        data = data.replace(p, raw)
    return data


def patch_member(data: bytes, index: int, *, flags: int = 0, file_size: int | None = None,
                 method: int | None = None) -> bytes:
    """Rewrite header fields of member `index` in both its local and central headers."""
    buf = bytearray(data)
    (cd,) = struct.unpack_from("<I", buf, data.rfind(b"PK\x05\x06") + 16)
    for _ in range(index):
        n, m, k = struct.unpack_from("<HHH", buf, cd + 28)
        cd += 46 + n + m + k
    assert buf[cd : cd + 4] == b"PK\x01\x02"
    (local,) = struct.unpack_from("<I", buf, cd + 42)
    if flags:
        for off in (cd + 8, local + 6):
            struct.pack_into("<H", buf, off, struct.unpack_from("<H", buf, off)[0] | flags)
    if file_size is not None:
        struct.pack_into("<I", buf, cd + 24, file_size)
        struct.pack_into("<I", buf, local + 22, file_size)
    if method is not None:
        struct.pack_into("<H", buf, cd + 10, method)
        struct.pack_into("<H", buf, local + 8, method)
    return bytes(buf)


def member_data_offset(data: bytes, name: str) -> tuple[int, int]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(name)
    n, m = struct.unpack_from("<HH", data, info.header_offset + 26)
    return info.header_offset + 30 + n + m, info.compress_size


def rules(result) -> list[str]:
    return [f.rule for f in result.findings]


def names(result) -> list[str]:
    return [f.name for f in result.files]


def files_under(root: Path) -> list[str]:
    return sorted(str(Path(d, f).relative_to(root)) for d, _, fs in os.walk(root) for f in fs)


# -- zip-slip ----------------------------------------------------------------------------
@pytest.mark.parametrize("evil", [
    "../evil.pdf", "../../../evil.pdf", "/abs_evil.pdf", "..\\evil.pdf", "..\\..\\evil.pdf",
    "C:/evil.pdf", "C:\\evil.pdf", "sub/../../evil.pdf", "//server/share/evil.pdf",
])
def test_zip_slip_member_is_refused_and_never_written(take, make_zip, make_pdf, tmp_path, evil):
    data = make_zip([("ok.pdf", make_pdf("ok")), (evil, make_pdf("evil"))])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.namelist()[1] == evil  # the hostile name really is in the archive
    res = take(data)
    assert names(res) == ["ok.pdf"]
    [finding] = res.findings
    assert finding.rule == "intake.unsafe-path" and finding.severity == "error"
    assert finding.locations[0].file == f"bundle.zip!{evil}"
    assert f"'{evil}'" in finding.message and "제출 폴더 밖" in finding.message
    assert not [p for p in files_under(tmp_path) if "evil" in p]


def test_dot_and_double_slash_components_are_normalised_not_refused(take, make_zip, make_pdf):
    res = take(make_zip([("a/./b.pdf", make_pdf("b")), ("c//d.pdf", make_pdf("d"))]))
    assert names(res) == ["a/b.pdf", "c/d.pdf"] and res.findings == []


# -- zip bombs ---------------------------------------------------------------------------
def test_ratio_bomb_refused_tiny_compressible_file_kept(take, make_zip, make_pdf):
    data = make_zip([("zeros.pdf", b"\0" * (5 * MiB)), ("blank.csv", b"," * 50_000),
                     ("ok.pdf", make_pdf("ok"))])
    res = take(data)
    # 50 KB of commas compresses ~500:1 but is below ratio_min_bytes: harmless, kept
    assert names(res) == ["blank.csv", "ok.pdf"]
    [bomb] = [f for f in res.findings if f.rule == "intake.zip-bomb"]
    assert bomb.locations[0].file == "bundle.zip!zeros.pdf" and "압축률" in bomb.message
    assert bomb.expected == "≤ 200:1"
    assert sum(f.size for f in res.files) < MiB


def test_member_size_limit_counts_real_bytes(take, make_zip, make_pdf):
    limits = IntakeLimits(max_member_bytes=MiB, max_total_bytes=8 * MiB)
    res = take(make_zip([("big.pdf", os.urandom(2 * MiB)), ("ok.pdf", make_pdf("ok"))]), limits)
    assert names(res) == ["ok.pdf"]
    [bomb] = res.findings
    assert bomb.rule == "intake.zip-bomb" and "파일 하나의 크기" in bomb.message


def test_total_budget_refuses_the_member_that_overflows_but_later_small_ones_fit(
    take, make_zip, make_pdf
):
    limits = IntakeLimits(max_member_bytes=MiB, max_total_bytes=MiB)
    parts = [(f"part{i}.bin", os.urandom(400_000)) for i in range(3)]
    res = take(make_zip([*parts, ("ok.pdf", make_pdf("ok"))]), limits)
    assert names(res) == ["ok.pdf", "part0.bin", "part1.bin"]
    [bomb] = [f for f in res.findings if f.rule == "intake.zip-bomb"]
    assert bomb.locations[0].file == "bundle.zip!part2.bin" and "전체 크기" in bomb.message


def test_bomb_that_lies_about_its_size_in_the_headers(take, make_zip, make_pdf, tmp_path):
    data = make_zip([("small.pdf", b"\0" * (5 * MiB)), ("ok.pdf", make_pdf("ok"))])
    data = patch_member(data, 0, file_size=1000)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.getinfo("small.pdf").file_size == 1000  # a header-trusting check passes it
    res = take(data)
    assert names(res) == ["ok.pdf"]
    [bomb] = res.findings
    assert bomb.rule == "intake.zip-bomb" and "1,000바이트" in bomb.claimed
    work = tmp_path / "work"
    assert sum((work / p).stat().st_size for p in files_under(work)) < MiB


def test_too_many_members_one_finding_for_the_rest(take, make_zip, make_pdf):
    members = [(f"doc{i}.pdf", make_pdf(f"doc{i}")) for i in range(5)]
    res = take(make_zip(members), IntakeLimits(max_members=3))
    assert names(res) == ["doc0.pdf", "doc1.pdf", "doc2.pdf"]
    [f] = res.findings
    assert f.rule == "intake.too-many-members" and "2개" in f.message
    assert f.locations[0].file == "bundle.zip!doc3.pdf"


# -- names -------------------------------------------------------------------------------
def test_cp949_names_without_utf8_flag_come_out_korean(take, make_zip, make_pdf):
    korean = ["정량지표_평가제안서.pdf", "증빙자료/2024년_표창_목록.pdf"]
    raw = [n.encode("cp949") for n in korean]
    data = raw_name_zip([(r, make_pdf(n)) for r, n in zip(raw, korean, strict=True)], make_zip)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:  # the archive Korean Windows would write
        for info, r in zip(zf.infolist(), raw, strict=True):
            assert not info.flag_bits & 0x800
            assert info.filename.encode("cp437") == r
    res = take(data)
    assert names(res) == ["정량지표_평가제안서.pdf", "증빙자료/2024년_표창_목록.pdf"]
    assert res.findings == []
    assert (res.root / "정량지표_평가제안서.pdf").read_bytes() == make_pdf(korean[0])


def test_utf8_names_without_flag_macos_style_are_composed(take, make_zip, make_pdf):
    nfd = unicodedata.normalize("NFD", "사진 자료.pdf")
    data = raw_name_zip([(nfd.encode("utf-8"), make_pdf("p"))], make_zip)
    res = take(data)
    assert names(res) == ["사진 자료.pdf"]  # NFC: composed syllables


def test_info_zip_unicode_path_field_wins_over_legacy_bytes(take, make_zip, make_pdf):
    legacy = b"legacy_name.pdf"
    real = "평가제안서.pdf".encode()
    info = zipfile.ZipInfo(legacy.decode())
    info.extra = struct.pack("<HHBI", 0x7075, 5 + len(real), 1, zlib.crc32(legacy)) + real
    res = take(make_zip([(info, make_pdf("x"))]))
    assert names(res) == ["평가제안서.pdf"]


def test_undecodable_name_kept_under_replacement_name_with_warning(take, make_zip, make_pdf):
    data = raw_name_zip([(b"\xff\xfe_scan.pdf", make_pdf("s")), (b"ok.pdf", make_pdf("ok"))],
                        make_zip)
    res = take(data)
    assert len(res.files) == 2 and "ok.pdf" in names(res)
    [f] = res.findings
    assert f.rule == "intake.undecodable-name" and f.severity == "warning"
    assert "\ufffd" in f.locations[0].file and f.locations[0].file.endswith("_scan.pdf")


def test_duplicate_and_file_versus_folder_names_conflict(take, make_zip, make_pdf):
    with pytest.warns(UserWarning):  # zipfile itself warns about the duplicate
        data = make_zip([("a.pdf", make_pdf("1")), ("a.pdf", make_pdf("2")),
                         ("x", make_pdf("3")), ("x/y.pdf", make_pdf("4"))])
    res = take(data)
    assert names(res) == ["a.pdf", "x"]
    assert rules(res) == ["intake.name-conflict"] * 2
    assert (res.root / "a.pdf").read_bytes() == make_pdf("1")


def test_os_junk_skipped_with_one_info_finding(take, make_zip, make_pdf):
    res = take(make_zip([("__MACOSX/._a.pdf", b"\0\5\26\7"), (".DS_Store", b"Bud1"),
                         ("sub/Thumbs.db", b"x"), ("a.pdf", make_pdf("a"))]))
    assert names(res) == ["a.pdf"]
    [f] = res.findings
    assert f.rule == "intake.os-junk" and f.severity == "info" and len(f.locations) == 3


# -- links, devices, encryption, corruption ---------------------------------------------
@pytest.mark.parametrize(("kind", "rule"), [
    (stat.S_IFLNK, "intake.link"), (stat.S_IFCHR, "intake.device-file"),
    (stat.S_IFBLK, "intake.device-file"), (stat.S_IFIFO, "intake.device-file"),
])
def test_link_and_device_members_refused(take, make_zip, make_pdf, tmp_path, kind, rule):
    info = zipfile.ZipInfo("special.pdf")
    info.create_system = 3
    info.external_attr = (kind | 0o777) << 16
    res = take(make_zip([(info, b"/etc/passwd"), ("ok.pdf", make_pdf("ok"))]))
    assert names(res) == ["ok.pdf"]
    [f] = res.findings
    assert f.rule == rule and f.locations[0].file == "bundle.zip!special.pdf"
    assert not any(os.path.islink(Path(d, x)) for d, ds, fs in os.walk(tmp_path) for x in ds + fs)


def test_encrypted_member_refused(take, make_zip, make_pdf):
    data = patch_member(make_zip([("secret.pdf", make_pdf("s")), ("ok.pdf", make_pdf("ok"))]),
                        0, flags=0x1)
    res = take(data)
    assert names(res) == ["ok.pdf"] and rules(res) == ["intake.encrypted-member"]


def test_unknown_compression_method_refused(take, make_zip, make_pdf):
    data = patch_member(make_zip([("odd.pdf", make_pdf("o")), ("ok.pdf", make_pdf("ok"))]),
                        0, method=99)
    res = take(data)
    assert names(res) == ["ok.pdf"] and rules(res) == ["intake.unsupported-compression"]


def test_bad_crc_member_refused_others_taken(take, make_zip, make_pdf):
    data = bytearray(make_zip([("a.pdf", make_pdf("a")), ("b.pdf", make_pdf("b")),
                               ("c.pdf", make_pdf("c"))]))
    start, size = member_data_offset(bytes(data), "b.pdf")
    data[start + size // 2] ^= 0xFF
    res = take(bytes(data))
    assert names(res) == ["a.pdf", "c.pdf"]
    [f] = res.findings
    assert f.rule == "intake.corrupt-archive" and f.locations[0].file == "bundle.zip!b.pdf"


def test_truncated_archive_gives_finding_not_exception(take, make_zip, make_pdf):
    data = make_zip([("a.pdf", make_pdf("a")), ("b.pdf", make_pdf("b"))])
    res = take(data[: len(data) // 2])
    assert res.files == [] and rules(res) == ["intake.corrupt-archive"]
    other = take(data[: len(data) // 2 + 1], name="other.zip")
    assert other.submission_id != res.submission_id  # ids still differ by content


# -- nesting -----------------------------------------------------------------------------
def test_nested_zip_one_level_is_expanded_into_a_folder(take, make_zip, make_pdf):
    inner = make_zip([("사진.pdf", make_pdf("photo")), ("표/목록.pdf", make_pdf("list"))])
    res = take(make_zip([("근거자료.zip", inner), ("본문.pdf", make_pdf("main"))]))
    assert names(res) == ["근거자료/사진.pdf", "근거자료/표/목록.pdf", "본문.pdf"]
    by = {f.name: f for f in res.files}
    assert by["근거자료/사진.pdf"].origin == "bundle.zip!근거자료.zip!사진.pdf"
    assert by["본문.pdf"].origin == "bundle.zip!본문.pdf"
    assert res.findings == []
    assert not (res.root / "근거자료.zip").exists()  # replaced by its contents


def test_stored_nested_zip_starting_with_a_pdf_is_still_a_zip(take, make_zip, make_pdf):
    # a stored member puts '%PDF-' in the zip's first KiB; the zip signature must win
    inner = make_zip([("a.pdf", make_pdf("a"))], zipfile.ZIP_STORED)
    res = take(make_zip([("inner.zip", inner)], zipfile.ZIP_STORED))
    assert names(res) == ["inner/a.pdf"]


def test_second_level_nested_zip_refused_not_kept(take, make_zip, make_pdf, tmp_path):
    deepest = make_zip([("deep.pdf", make_pdf("deep"))])
    middle = make_zip([("keep.pdf", make_pdf("keep")), ("b.zip", deepest)])
    res = take(make_zip([("a.zip", middle), ("top.pdf", make_pdf("top"))]))
    assert names(res) == ["a/keep.pdf", "top.pdf"]
    [f] = res.findings
    assert f.rule == "intake.nested-archive" and f.locations[0].file == "bundle.zip!a.zip!b.zip"
    assert f.claimed == "2단계" and f.expected == "≤ 1단계"
    on_disk = files_under(tmp_path / "work")
    assert not [p for p in on_disk if "deep" in p or p.endswith(".zip")]


def test_nesting_zero_refuses_any_inner_zip(take, make_zip, make_pdf):
    inner = make_zip([("x.pdf", make_pdf("x"))])
    res = take(make_zip([("in.zip", inner), ("ok.pdf", make_pdf("ok"))]),
               IntakeLimits(max_nesting=0))
    assert names(res) == ["ok.pdf"] and rules(res) == ["intake.nested-archive"]


def test_expanded_folder_does_not_merge_into_existing_folder(take, make_zip, make_pdf):
    inner = make_zip([("사진.pdf", make_pdf("new"))])
    res = take(make_zip([("근거자료/사진.pdf", make_pdf("old")), ("근거자료.zip", inner)]))
    assert names(res) == ["근거자료 (2)/사진.pdf", "근거자료/사진.pdf"]


def test_zip_based_document_is_kept_as_a_file_not_expanded(take, make_zip):
    pptx_like = make_zip([("[Content_Types].xml", b"<Types/>"), ("ppt/slides/s1.xml", b"<s/>")])
    res = take(make_zip([("발표.pptx", pptx_like)]))
    assert names(res) == ["발표.pptx"] and res.files[0].media_type == "application/zip"


def test_corrupt_inner_zip_is_reported(take, make_zip, make_pdf):
    broken = make_zip([("x.pdf", make_pdf("x"))])[:60]
    res = take(make_zip([("inner.zip", broken), ("ok.pdf", make_pdf("ok"))]))
    assert "ok.pdf" in names(res)
    assert [f.locations[0].file for f in res.findings if f.rule == R.CORRUPT_ARCHIVE.id] \
        == ["inner.zip"]
