"""Fuzzing the readers (issue 14, item 7): mutated PDF, XLSX, DOCX, HWPX and zip inputs.

Seeds are small real files: sample documents from samples/bundles, a PDF with a ruled table
made here with PyMuPDF (uncompressed, so mutations hit its objects, not a deflate stream),
and a submission zip built here from a sample bundle. Mutations are byte-level (flips,
truncation, chunk deletion/duplication/insertion, numbers and PDF names swapped for hostile
ones) and, for the zip containers, structure-aware: one member's bytes mutated and re-zipped,
members dropped or duplicated under the same name, header fields that lie (sizes, CRC,
method, flags, modes), hostile member names, nesting.

Properties: `extract_file` never raises (a broken document is its status and findings), is
done within `HANG_S`, and returns a `DocumentExtract` that survives a JSON round trip;
`open_submission` never raises, keeps only what it wrote under the workdir, and accounts for
every member of the archive (kept, or named by a finding).

A document the safety net had to catch (`intake.extractor-failed`: a reader raised) keeps
the contract but is reported as a warning, once per kind. Failures found and not fixed yet
are `KNOWN_OPEN` (reproducers in tests/fuzz_regressions/open/): a hit is a warning, not a
failure, until the entry is deleted with the fix. Any other failure fails the run and saves
its input under `FAILED_DIR`: copy it into tests/fuzz_regressions/ (replayed by
`test_regression`, or `test_submission_regression` for a `submission-*.zip`) once fixed.

Runs are reproducible (`derandomize`, no example database). `SMARTCERT_FUZZ_SCALE=10` runs
ten times the examples (a longer search, locally or nightly).
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import re
import stat
import struct
import tempfile
import time
import traceback
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartcert.extractors.api import extract_file
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.limits import Limits
from smartcert.extractors.models import DocumentExtract, DocumentStatus
from smartcert.intake.bundle import IntakeResult, open_submission
from smartcert.intake.names import decode_member_name

ROOT = Path(__file__).resolve().parent.parent
BUNDLES = ROOT / "samples" / "bundles"
REGRESSIONS = Path(__file__).resolve().parent / "fuzz_regressions"
HANG_S = 20.0  # one example may take this long (a sample document reads in < 2 s)
SETTINGS = ExtractSettings(ocr=False, limits=Limits(doc_timeout_s=HANG_S))
SCALE = float(os.environ.get("SMARTCERT_FUZZ_SCALE", "1"))
# where an input that broke a property is written, to be copied into tests/fuzz_regressions
FAILED_DIR = Path(tempfile.gettempdir()) / "smartcert-fuzz-failures"

pytestmark = pytest.mark.slow


def fuzz_settings(examples: int) -> settings:
    return settings(max_examples=max(1, round(examples * SCALE)), derandomize=True,
                    database=None, deadline=None, print_blob=False,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# -- seeds ---------------------------------------------------------------------------------
def _sample(folder: str, pattern: str) -> bytes:
    (path,) = sorted((BUNDLES / folder).glob(pattern))
    return path.read_bytes()


@functools.cache
def table_pdf() -> bytes:
    """Two pages: a title, a ruled 3x3 table with Korean text, a date line. Uncompressed."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 72), "스마트도시 인증 신청서", fontname="korea", fontsize=14)
    rows = [["지표", "값", "단위"], ["공공와이파이", "1,234", "개소"], ["CCTV", "56", "대"]]
    x0, y0, cw, rh = 72, 100, 150, 24
    for r in range(len(rows) + 1):
        page.draw_line((x0, y0 + r * rh), (x0 + 3 * cw, y0 + r * rh))
    for c in range(4):
        page.draw_line((x0 + c * cw, y0), (x0 + c * cw, y0 + len(rows) * rh))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            page.insert_text((x0 + c * cw + 4, y0 + r * rh + 16), text, fontname="korea",
                             fontsize=10)
    doc.new_page().insert_text((72, 72), "근거자료 2024.03.01", fontname="korea", fontsize=11)
    return doc.tobytes(garbage=0, deflate=False, no_new_id=True)


SEEDS: dict[str, Callable[[], bytes]] = {
    "table.pdf": table_pdf,
    "sample.pdf": lambda: _sample("garam-docx", "01 *.pdf"),  # 2 pages, fonts embedded
    "sample.xlsx": lambda: _sample("saebyeol-sheet", "*.xlsx"),
    "sample.docx": lambda: _sample("garam-docx", "*.docx"),
    "sample.hwpx": lambda: _sample("garam-hwpx", "*.hwpx"),
}


def zip_of(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns on the duplicate names we make
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in members:  # a fixed date: equal members, equal bytes
                info = zipfile.ZipInfo(name, date_time=(2024, 3, 1, 9, 0, 0))
                info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
                zf.writestr(info, data)
    return buf.getvalue()


@functools.cache
def submission_zip() -> bytes:
    """A small submission: the generated PDF, a sample workbook in a folder, and the sample
    Word file inside a nested zip (which intake expands)."""
    return zip_of([
        ("01 공모신청서.pdf", table_pdf()),
        ("정량/02 평가제안서.xlsx", SEEDS["sample.xlsx"]()),
        ("근거자료.zip", zip_of([("03 평가제안서.docx", SEEDS["sample.docx"]())])),
    ])


# -- byte mutations ------------------------------------------------------------------------
_NUMBERS = (b"0", b"-1", b"1", b"4294967295", b"2147483648", b"99999999999999999999",
            b"1e308", b"-0.0", b"NaN", b"65536")
_TOKENS = (
    b"obj", b"endobj", b"stream\n", b"endstream", b"<<", b">>", b"[", b"]", b"(", b")",
    b" 0 R", b"/Type/Pages", b"/Kids[1 0 R]", b"/Count 2147483647", b"xref\n0 1\n", b"trailer",
    b"%%EOF", b"/Filter/FlateDecode", b"/Length 999999",
    b"<", b"/>", b"</", b"&amp;", b"&#0;", b"&#xD800;", b"<!ENTITY a \"aaaa\">", b"<![CDATA[",
    b'r="XFD1048576"', b'ref="A1:XFD1048576"', b"<v>1e309</v>", b'w:val="99999"',
    b'gridSpan="4000"', b'colSpan="65535"', b'rowSpan="65535"',
    b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xed\xa0\x80", b"PK\x03\x04", b"PK\x05\x06",
)
_PDF_NAMES = (b"/Pages", b"/Page", b"/Kids", b"/Parent", b"/Contents", b"/Resources",
              b"/Font", b"/XObject", b"/Length", b"/Filter", b"/ObjStm", b"/Annots",
              b"/ToUnicode", b"/Encoding", b"/MediaBox", b"/Rotate", b"/Count", b"/Root")
_NUMBER_RE = re.compile(rb"-?\d+(?:\.\d+)?")
_NAME_RE = re.compile(rb"/[A-Za-z]+")

_pos = st.integers(0, 2**32)
_len = st.one_of(st.integers(1, 16), st.integers(1, 4096))
BYTE_OP = st.one_of(
    st.tuples(st.just("flip"), _pos, st.integers(1, 255)),
    st.tuples(st.just("set"), _pos, st.sampled_from((0x00, 0xFF, 0x7F, 0x80, 0x20, 0x0A))),
    st.tuples(st.just("truncate"), _pos),
    st.tuples(st.just("delete"), _pos, _len),
    st.tuples(st.just("duplicate"), _pos, _len, _pos),
    st.tuples(st.just("insert"), _pos, st.one_of(st.sampled_from(_TOKENS),
                                                 st.binary(min_size=1, max_size=32))),
    st.tuples(st.just("number"), _pos, st.sampled_from(_NUMBERS)),
    st.tuples(st.just("name"), _pos, st.sampled_from(_PDF_NAMES)),
)
BYTE_OPS = st.lists(BYTE_OP, min_size=1, max_size=4)


def _replace_match(data: bytes, pattern: re.Pattern[bytes], k: int, new: bytes) -> bytes:
    found = list(pattern.finditer(data, 0, 1 << 20))  # the first MiB: enough choice
    if not found:
        return data
    m = found[k % len(found)]
    return data[: m.start()] + new + data[m.end():]


def mutate_bytes(data: bytes, ops: list[tuple]) -> bytes:
    """Apply byte-level operations; positions are taken modulo the current length."""
    buf = bytearray(data)
    for op, *args in ops:
        n = max(len(buf), 1)
        if op == "flip" and buf:
            buf[args[0] % n] ^= args[1]
        elif op == "set" and buf:
            buf[args[0] % n] = args[1]
        elif op == "truncate":
            del buf[args[0] % n:]
        elif op == "delete":
            del buf[args[0] % n: args[0] % n + args[1]]
        elif op == "duplicate":
            at = args[0] % n
            buf[args[2] % n: args[2] % n] = buf[at: at + args[1]]
        elif op == "insert":
            buf[args[0] % n: args[0] % n] = args[1]
        elif op in ("number", "name"):
            pattern = _NUMBER_RE if op == "number" else _NAME_RE
            buf = bytearray(_replace_match(bytes(buf), pattern, args[0], args[1]))
    return bytes(buf)


# -- zip mutations -------------------------------------------------------------------------
# header fields: (offset in the local header, in the central header, struct format)
_FIELDS = {"flags": (6, 8, "<H"), "method": (8, 10, "<H"), "crc": (14, 16, "<I"),
           "csize": (18, 20, "<I"), "usize": (22, 24, "<I"), "mode": (None, 38, "<I")}
_FIELD_VALUES = {
    "flags": (0x1, 0x8, 0x800, 0x41, 0xFFFF),
    "method": (0, 1, 6, 9, 12, 14, 93, 99, 0xFFFF),  # stored, shrink, implode, deflate64 …
    "crc": (0, 0xFFFFFFFF, 0x12345678),
    "csize": (0, 1, 0xFFFFFFFF, 0x7FFFFFFF, 100),
    "usize": (0, 1, 0xFFFFFFFF, 0x7FFFFFFF, 100),
    "mode": tuple(m << 16 for m in (stat.S_IFLNK | 0o777, stat.S_IFDIR | 0o755,
                                    stat.S_IFIFO | 0o644, stat.S_IFCHR | 0o644,
                                    stat.S_IFREG | 0o4755)),
}
_NAMES = ("../탈출.pdf", "/etc/passwd", "C:\\Windows\\x.pdf", "a/../../b.pdf", "a\\..\\b.pdf",
          "이름\x00.pdf", "가" * 90 + ".pdf", "가나.pdf", "./01 공모신청서.pdf", "a//b.pdf",
          "__MACOSX/._x.pdf", ".DS_Store", "CON.pdf", " .pdf", "폴더/", "01 공모신청서.pdf/x.pdf")
_idx = st.integers(0, 255)
ZIP_OP = st.one_of(
    st.tuples(st.just("member"), _idx, BYTE_OPS),
    st.tuples(st.just("drop"), _idx),
    st.tuples(st.just("same-name"), _idx, BYTE_OPS),
    st.tuples(st.just("rename"), _idx, st.sampled_from(_NAMES)),
    st.tuples(st.just("nest"), st.integers(1, 6)),
    st.sampled_from(sorted(_FIELDS)).flatmap(lambda f: st.tuples(
        st.just("header"), _idx, st.just(f), st.sampled_from(_FIELD_VALUES[f]),
        st.sampled_from(("local", "central", "both")))),
    st.tuples(st.just("raw"), BYTE_OPS),
)
ZIP_OPS = st.lists(ZIP_OP, min_size=1, max_size=3)


def _members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


def _patch_header(data: bytes, index: int, field: str, value: int, where: str) -> bytes:
    buf = bytearray(data)
    eocd = data.rfind(b"PK\x05\x06")
    if eocd < 0 or eocd + 22 > len(data):
        return data
    (count,) = struct.unpack_from("<H", buf, eocd + 10)
    (cd,) = struct.unpack_from("<I", buf, eocd + 16)
    if not count:
        return data
    for _ in range(index % count):
        if cd + 46 > len(buf) or buf[cd: cd + 4] != b"PK\x01\x02":
            return data
        n, m, k = struct.unpack_from("<HHH", buf, cd + 28)
        cd += 46 + n + m + k
    if cd + 46 > len(buf) or buf[cd: cd + 4] != b"PK\x01\x02":
        return data
    local_off, central_off, fmt = _FIELDS[field]
    (local,) = struct.unpack_from("<I", buf, cd + 42)
    if where in ("central", "both"):
        struct.pack_into(fmt, buf, cd + central_off, value)
    if local_off is not None and where in ("local", "both") and local + 30 <= len(buf):
        struct.pack_into(fmt, buf, local + local_off, value)
    return bytes(buf)


def mutate_zip(data: bytes, ops: list[tuple]) -> bytes:
    """Structure-aware mutations of a zip (an OOXML/HWPX document or a submission)."""
    for op, *args in ops:
        if op in ("header", "raw", "nest"):
            if op == "header":
                data = _patch_header(data, *args)
            elif op == "raw":
                data = mutate_bytes(data, args[0])
            else:
                for level in range(args[0]):
                    data = zip_of([(f"묶음{level}.zip", data)])
            continue
        try:  # member-level operations need a readable archive: re-zip its members
            members = _members(data)
        except Exception:
            continue
        if not members:
            continue
        i = args[0] % len(members)
        name, body = members[i]
        if op == "member":
            members[i] = (name, mutate_bytes(body, args[1]))
        elif op == "drop":
            del members[i]
        elif op == "same-name":
            members.append((name, mutate_bytes(body, args[1])))
        elif op == "rename":
            members[i] = (args[1], body)
        data = zip_of(members)
    return data


# -- known open issues ---------------------------------------------------------------------
# Failures the fuzzer found that are not fixed yet, each with its reproducer under
# tests/fuzz_regressions/open/ (README there). A run that hits one says so in a warning
# instead of failing; delete the entry when its fix lands, and the fuzz run guards it.
def _frames(exc: BaseException) -> list[traceback.FrameSummary]:
    return traceback.extract_tb(exc.__traceback__)


def _raised_in(exc: BaseException, path_end: str, function: str | None = None) -> bool:
    return any(f.filename.endswith(path_end) and function in (None, f.name)
               for f in _frames(exc))


# (none open now; an entry looks like
#   "intake-member-offset-before-start": lambda e: (
#       isinstance(e, OSError) and e.errno == errno.EINVAL
#       and _raised_in(e, "intake/archive.py")),
# )
KNOWN_OPEN: dict[str, Callable[[BaseException], bool]] = {}


def known_open(exc: BaseException) -> str | None:
    return next((k for k, match in KNOWN_OPEN.items() if match(exc)), None)


_REPORTED: set[str] = set()


def report_once(key: str, message: str) -> None:
    if key not in _REPORTED:
        _REPORTED.add(key)
        warnings.warn(message, stacklevel=2)


# -- properties ----------------------------------------------------------------------------
def keep_failure(data: bytes, suffix: str) -> Path:
    """The input that broke a property, saved for a regression file."""
    FAILED_DIR.mkdir(parents=True, exist_ok=True)
    path = FAILED_DIR / f"{hashlib.sha256(data).hexdigest()[:16]}{suffix}"
    path.write_bytes(data)
    return path


def _known_or_fail(exc: BaseException, data: bytes, suffix: str, what: str) -> None:
    issue = known_open(exc)
    saved = keep_failure(data, suffix)
    if issue is None:
        raise AssertionError(f"{what} on {saved}: {type(exc).__name__}: {exc}") from exc
    report_once(issue, f"fuzz: known open issue {issue} ({saved})")


def check_extract(data: bytes, suffix: str, workdir: Path) -> DocumentExtract | None:
    """`extract_file` on `data`: the document, or None when a known open issue stopped it."""
    path = workdir / f"퍼징{suffix}"
    path.write_bytes(data)
    start = time.monotonic()
    try:
        doc = extract_file(path, SETTINGS)
        dumped = doc.model_dump_json()
    except Exception as exc:
        _known_or_fail(exc, data, suffix, "extract_file raised, or its result is not JSON")
        return None
    elapsed = time.monotonic() - start
    rules = {f.rule for f in doc.findings}
    # the worker's limit ends a hang at HANG_S; the rest (sniff, hashing, a new worker's
    # start on a loaded machine) is allowed a margin
    assert "intake.time-limit" not in rules and elapsed < HANG_S + 15, (
        f"{elapsed:.1f} s on {keep_failure(data, suffix)}")
    assert "intake.memory-limit" not in rules, f"memory limit on {keep_failure(data, suffix)}"
    assert doc.size == len(data) and doc.sha256 == hashlib.sha256(data).hexdigest()
    assert DocumentExtract.model_validate_json(dumped) == doc
    if doc.status is not DocumentStatus.OK:
        assert doc.findings, f"status {doc.status} without a finding"
    if "intake.extractor-failed" in rules:
        # the safety net caught a reader's exception: within the contract, but the reader
        # should have reported the damage itself (tests/fuzz_regressions/README.md)
        reason = next(f.message for f in doc.findings if f.rule == "intake.extractor-failed")
        report_once(f"{suffix} {reason.split('(')[-1]}",
                    f"fuzz: the safety net caught a reader on {keep_failure(data, suffix)}: "
                    f"{reason}")
    return doc


def _unaccounted(data: bytes, origin: str, places: set[str]) -> list[str]:
    """Members of the archive `data` (display `origin`) that no kept file and no finding
    names; expanded archives included. Only a folder entry (a name ending in '/') holding
    nothing may pass unnamed: a member whose mode alone says 'directory' is a file."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except Exception:
        return []  # unreadable here too: intake must have said so (checked by the caller)
    missing: list[str] = []
    for info in infos:
        display = f"{origin}!{decode_member_name(info)[0]}"
        if (info.is_dir() and not info.file_size) or display in places:
            continue
        if not any(p.startswith(display + "!") for p in places):
            missing.append(display)
            continue
        try:  # an expanded archive: each of its members must be accounted for in turn
            missing += _unaccounted(zf.read(info), display, places)
        except Exception:
            continue
    return missing


def check_submission(data: bytes, workdir: Path, name: str = "제출.zip") -> IntakeResult | None:
    """`open_submission` on `data` saved as `name`; None when a known open issue stopped it."""
    source = workdir / "in" / name
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_bytes(data)
    work = workdir / "work"
    try:
        result = open_submission(source, work)
    except Exception as exc:
        _known_or_fail(exc, data, ".zip", "open_submission raised")
        return None
    assert IntakeResult.model_validate_json(result.model_dump_json()) == result
    assert {p.name for p in work.iterdir()} <= {result.submission_id}  # no staging left
    for f in result.files:
        assert f.path.is_relative_to(work / result.submission_id) and f.path.is_file()
        assert hashlib.sha256(f.path.read_bytes()).hexdigest() == f.sha256
    # every member is kept or named by a finding (a finding on the archive covers it all)
    places = {f.origin or f.name for f in result.files} | {
        loc.file for f in result.findings for loc in f.locations}
    missing = [] if name in places else _unaccounted(data, name, places)
    if not (result.files or result.findings):  # an empty archive too must be named
        missing.append(name)
    assert not missing, f"not accounted for: {missing} in {keep_failure(data, '.zip')}"
    return result


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _fresh(base: Path) -> tempfile.TemporaryDirectory[str]:
    """A folder for one example, removed after it (a saved failure is in FAILED_DIR)."""
    return tempfile.TemporaryDirectory(dir=base)


# -- the fuzz runs -------------------------------------------------------------------------
# examples per seed in the default run: ~85 s in all on this 2-core machine (README › Fuzzing)
BYTE_EXAMPLES = {"table.pdf": 500, "sample.pdf": 250, "sample.xlsx": 80, "sample.docx": 150,
                 "sample.hwpx": 100}
CONTAINER_EXAMPLES = {"sample.xlsx": 60, "sample.docx": 120, "sample.hwpx": 30}
SUBMISSION_EXAMPLES = 500


@pytest.mark.parametrize("seed", sorted(BYTE_EXAMPLES))
def test_mutated_bytes(seed: str, scratch: Path) -> None:
    data, suffix = SEEDS[seed](), Path(seed).suffix

    @fuzz_settings(BYTE_EXAMPLES[seed])
    @given(ops=BYTE_OPS)
    def run(ops: list[tuple]) -> None:
        with _fresh(scratch) as work:
            check_extract(mutate_bytes(data, ops), suffix, Path(work))

    run()


@pytest.mark.parametrize("seed", sorted(CONTAINER_EXAMPLES))
def test_mutated_containers(seed: str, scratch: Path) -> None:
    data, suffix = SEEDS[seed](), Path(seed).suffix

    @fuzz_settings(CONTAINER_EXAMPLES[seed])
    @given(ops=ZIP_OPS)
    def run(ops: list[tuple]) -> None:
        with _fresh(scratch) as work:
            check_extract(mutate_zip(data, ops), suffix, Path(work))

    run()


@fuzz_settings(SUBMISSION_EXAMPLES)
@given(ops=ZIP_OPS)
def test_mutated_submission_zip(ops: list[tuple], scratch: Path) -> None:
    with _fresh(scratch) as work:
        check_submission(mutate_zip(submission_zip(), ops), Path(work))


# -- regressions ---------------------------------------------------------------------------
# Inputs the fuzzer found that broke a reader, replayed: each must stay a document with a
# finding (today mostly the safety net's `intake.extractor-failed`; a reader that learns to
# report the damage itself may make it `corrupt`, `partial`, or 'ok' with a warning that it
# repaired the file), never an exception.
# A document that was never damaged (its text only could not be written) must read 'ok'.
READS_OK = {"pdf-text-with-lone-surrogate.pdf"}
# what each reader now says of the damage itself (status, the rule naming it): never the
# safety net's `intake.extractor-failed`, which asks an operator to look at a reader
NAMED_BY_READER = {
    "docx-document-lzma-bad-properties.docx": ("corrupt", "intake.corrupt"),
    "docx-member-offset-before-start.docx": ("corrupt", "intake.corrupt"),
    "xlsx-member-offset-before-start.xlsx": ("corrupt", "intake.corrupt"),
    "hwpx-member-encrypted.hwpx": ("encrypted", "intake.hwp-encrypted"),
    "hwpx-mimetype-encrypted.hwpx": ("encrypted", "intake.hwp-encrypted"),
    "hwpx-member-method-99.hwpx": ("corrupt", "intake.hwp-broken"),
    "hwpx-mimetype-bad-deflate.hwpx": ("corrupt", "intake.hwp-broken"),
    "hwpx-mimetype-flag-bit-5.hwpx": ("corrupt", "intake.hwp-broken"),
    "hwpx-mimetype-method-99.hwpx": ("corrupt", "intake.hwp-broken"),
    "pdf-cycle-in-page-tree.pdf": ("partial", "intake.page-unreadable"),
    "pdf-page-not-in-document.pdf": ("partial", "intake.page-unreadable"),
    "pdf-malformed-page-tree.pdf": ("ok", "intake.repaired-pdf"),
    "pdf-invalid-key-in-page-action.pdf": ("ok", "intake.repaired-pdf"),
}


def _is_submission(path: Path) -> bool:
    return path.name.startswith("submission-")


@pytest.mark.parametrize("path", sorted(p for p in REGRESSIONS.glob("*.*")
                                        if p.suffix != ".md" and not _is_submission(p)),
                         ids=lambda p: p.name)
def test_regression(path: Path, scratch: Path) -> None:
    with _fresh(scratch) as work:
        doc = check_extract(path.read_bytes(), path.suffix, Path(work))
    assert doc is not None, f"{path.name}: a known open issue (see the warning)"
    if path.name in READS_OK:
        assert doc.status is DocumentStatus.OK
        return
    # the damage is named by the reader; one that repairs what it can (a PDF's broken page
    # tree: `intake.repaired-pdf`) may still read the rest 'ok'
    assert doc.findings
    assert doc.findings[0].locations[0].file == "퍼징" + path.suffix
    rules = {f.rule for f in doc.findings}
    assert "intake.extractor-failed" not in rules, f"{path.name}: the safety net caught it"
    status, rule = NAMED_BY_READER[path.name]
    assert (doc.status.value, rule in rules) == (status, True), (doc.status, rules)


def _member_bytes(data: bytes, chain: list[str]) -> bytes:
    """The bytes of the member at `chain` (decoded names, outermost first) in `data`."""
    for name in chain:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = next(i for i in zf.infolist() if decode_member_name(i)[0] == name)
            data = zf.read(info)
    return data


# Submission zips that stopped or fooled intake, replayed through `open_submission`: no
# exception, and every member kept or named by a finding (`check_submission`: so the damage
# is named, or, where nothing was damaged, the whole bundle kept; an empty archive is named
# too), and every file kept holds exactly its member's bytes: a bad member does not stop
# or spoil the rest of the bundle.
@pytest.mark.parametrize("path", sorted(REGRESSIONS.glob("submission-*.zip")),
                         ids=lambda p: p.name)
def test_submission_regression(path: Path, scratch: Path) -> None:
    data = path.read_bytes()
    with _fresh(scratch) as work:
        result = check_submission(data, Path(work))
        assert result is not None, f"{path.name}: a known open issue (see the warning)"
        for f in result.files:
            chain = (f.origin or "").split("!")
            assert chain[0] == "제출.zip" and f.path.read_bytes() == _member_bytes(data, chain[1:])
