"""Expand zip archives member by member, refusing anything unsafe. Never `extractall`."""

from __future__ import annotations

import copy
import hashlib
import lzma
import os
import stat
import struct
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from smartcert.core.files.media import MediaType
from smartcert.core.files.sniff import sniff
from smartcert.core.rulespec import RuleSpec
from smartcert.intake import rules as R
from smartcert.intake.context import IntakeRun, Kept
from smartcert.intake.limits import HOW_TO_RAISE
from smartcert.intake.names import decode_member_name, is_os_junk, name_too_long, safe_relative_path

_CHUNK = 1 << 16
# what zipfile and its decompressors raise on malformed input (UnicodeDecodeError is a
# ValueError: a name flagged UTF-8 that is not)
BAD_ARCHIVE = (zipfile.BadZipFile, zlib.error, EOFError, lzma.LZMAError, struct.error, ValueError)
_ENCRYPTED = 0x1
_SPECIAL = (stat.S_IFCHR, stat.S_IFBLK, stat.S_IFIFO, stat.S_IFSOCK)


def is_plain_archive(path: Path, media: MediaType | None = None) -> bool:
    """A zip meant as a container, not a zip-based document (OOXML, ODF, EPUB, HWPX)."""
    if (media or sniff(path)) is not MediaType.ZIP:
        return False
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except BAD_ARCHIVE:
        return False
    # sniff knows DOCX/XLSX/HWPX; these markers also catch PPTX, ODF and EPUB
    return "[Content_Types].xml" not in names and "mimetype" not in names


@dataclass
class _Nested:
    path: Path
    name: str  # where it sits in the tree
    origin: str  # display chain, e.g. 'bundle.zip!근거자료.zip'
    depth: int  # archives enclosing its members, itself included
    size: int  # bytes it holds of the write budget (0 when not written by us)


class ZipExpander:
    """Writes archive members under `run.staging`, recording kept files and findings."""

    def __init__(self, run: IntakeRun) -> None:
        self.run = run
        self.limits = run.limits

    def expand(self, archive: Path, *, origin: str, prefix: str, depth: int) -> None:
        """Expand `archive` (itself `depth` archives deep) into staging/`prefix`."""
        for nested in self._extract(archive, origin, prefix, depth):
            self.expand_nested(nested.path, nested.name, nested.origin, nested.depth, nested.size)

    def expand_nested(self, path: Path, name: str, origin: str, depth: int, size: int) -> None:
        """Expand an archive found in the submission into a folder named after it.

        `size` > 0 means we wrote the archive ourselves: it is deleted afterwards and its
        bytes go back to the budget. An archive from a source folder is left untouched.
        """
        self.run.release(name)
        if depth > self.limits.max_archive_depth:
            self.run.report(
                R.NESTED_ARCHIVE, origin, member=origin,
                depth=depth - 1, limit=self.limits.max_nesting,
                claimed=f"{depth - 1}단계", expected=f"≤ {self.limits.max_nesting}단계",
            )
        else:
            pure = PurePosixPath(name)
            parent = "" if str(pure.parent) == "." else str(pure.parent)
            folder = self.run.free_folder(parent, pure.stem or pure.name)
            if size and path == self.run.staging / folder:
                # a member without an extension: its folder takes the archive's own name
                path = _move_aside(path)
            self.expand(path, origin=origin, prefix=folder + "/", depth=depth)
        if size:
            path.unlink(missing_ok=True)
            self.run.written_bytes -= size

    # ------------------------------------------------------------------------------
    def _extract(self, archive: Path, origin: str, prefix: str, depth: int) -> list[_Nested]:
        try:
            zf = zipfile.ZipFile(archive)
        except BAD_ARCHIVE as exc:
            self.run.report(R.CORRUPT_ARCHIVE, origin, what="압축 파일",
                            member=origin, detail=_detail(exc))
            return []
        nested: list[_Nested] = []
        with zf:
            infos = zf.infolist()
            if all(info.is_dir() for info in infos):  # else it would leave no trace at all
                folders = f" (폴더 항목 {len(infos)}개)" if infos else ""
                self.run.report(R.EMPTY_ARCHIVE, origin, member=origin,
                                claimed=f"파일 0개{folders}", expected="파일 1개 이상")
            for info in infos:
                found = self._member(zf, info, origin, prefix, depth)
                if found is not None:
                    nested.append(found)
        return nested

    def _member(
        self, zf: zipfile.ZipFile, info: zipfile.ZipInfo, origin: str, prefix: str, depth: int
    ) -> _Nested | None:
        run = self.run
        mode = info.external_attr >> 16
        name, decoded = decode_member_name(info)
        display = f"{origin}!{name}"
        if info.is_dir():  # a folder entry (its name ends with '/'), as zipfile and unzip see it
            # one holding bytes no file can take is said, not dropped (and counted: a flood
            # of them is bounded by the member limit like any member)
            if info.file_size and run.admit_member(display):
                run.report(R.DIRECTORY_ENTRY, display, member=name,
                           handling=f"내용 {info.file_size:,}바이트가 들어 있어 그 내용은 받지 "
                                    "않았습니다",
                           claimed=f"{info.file_size:,}바이트", expected="0바이트 (폴더 항목)")
            return None
        rel, unsafe = safe_relative_path(name)
        if rel is not None and is_os_junk(rel):
            run.skip_junk(display)
            return None
        if not run.admit_member(display):
            return None
        if stat.S_ISLNK(mode):
            run.report(R.LINK, display, member=name)
            return None
        if stat.S_IFMT(mode) in _SPECIAL:
            run.report(R.DEVICE_FILE, display, member=name)
            return None
        if rel is None:
            run.report(R.UNSAFE_PATH, display, member=name, reason=unsafe,
                       claimed=name, expected="제출 폴더 안의 상대 경로")
            return None
        full = prefix + rel
        if name_too_long(full):
            run.report(R.NAME_TOO_LONG, display, member=name)
            return None
        if info.flag_bits & _ENCRYPTED:
            run.report(R.ENCRYPTED_MEMBER, display, member=name)
            return None
        clash = run.conflict(full)
        if clash is not None:
            run.report(R.NAME_CONFLICT, display, member=name, name=clash)
            return None
        if run.inflate_budget_spent:
            run.skip_uninflated(display)
            return None
        if not decoded:
            run.report(R.UNDECODABLE_NAME, full, name=full)
        dest = run.staging / full
        written = self._write(zf, info, dest, display, name)
        if written is None:
            return None
        digest, size = written
        run.claim(full)
        if stat.S_ISDIR(mode):  # only the name makes a folder entry; the mode is a header's claim
            run.report(R.DIRECTORY_ENTRY, display, member=name,
                       handling="이름이 '/'로 끝나지 않아 파일로 받았습니다",
                       claimed=stat.filemode(mode), expected="일반 파일")
        media = sniff(dest)
        if is_plain_archive(dest, media):
            return _Nested(dest, full, display, depth + 1, size)
        run.kept.append(Kept(full, dest, display, digest, size, extracted=True, media_type=media))
        return None

    def _write(
        self, zf: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path, display: str, name: str
    ) -> tuple[str, int] | None:
        """Stream one member to `dest`, counting real bytes; None (and no file) if refused."""
        run = self.run
        if info.header_offset < 0:
            # bytes missing before the central directory put the member before the file's
            # start: zipfile would seek to -1, an EINVAL that must not pass for a disk error
            run.report(R.CORRUPT_ARCHIVE, display, member=name, what="압축 파일 항목",
                       detail=f"파일 시작보다 {-info.header_offset:,}바이트 앞에 놓인 항목: "
                              "압축 파일의 앞부분이 빠짐")
            return None
        # zipfile stops at the header's file_size and then fails the CRC: lift that cap so
        # our own counter sees the true size of a member whose header lies
        probe = copy.copy(info)
        probe.file_size = 1 << 62
        dest.parent.mkdir(parents=True, exist_ok=True)
        digest, written, refusal = hashlib.sha256(), 0, None
        try:
            with zf.open(probe) as src, dest.open("xb") as out:
                while chunk := src.read(_CHUNK):
                    written += len(chunk)
                    run.inflated_bytes += len(chunk)  # charged whether kept or refused
                    refusal = self._over_limit(written, info, _read_so_far(src, info))
                    if refusal is not None:
                        break
                    digest.update(chunk)
                    out.write(chunk)
        except NotImplementedError:
            refusal = (R.UNSUPPORTED_COMPRESSION, {"method": info.compress_type})
        except BAD_ARCHIVE as exc:
            refusal = _corrupt(exc)
        except OSError as exc:
            if exc.errno is not None:  # disk full, permissions: operational, not bad data
                dest.unlink(missing_ok=True)
                raise
            refusal = _corrupt(exc)  # bz2 reports a broken stream as an errno-less OSError
        if refusal is not None:
            dest.unlink(missing_ok=True)
            rule, fields = refusal
            run.report(rule, display, member=name, **fields)
            return None
        run.written_bytes += written
        return digest.hexdigest(), written

    def _over_limit(self, written: int, info: zipfile.ZipInfo,
                    packed: int) -> tuple[RuleSpec, dict] | None:
        """Which limit inflating `written` bytes of this member (from `packed` compressed
        bytes read) broke, if any."""
        lim, run = self.limits, self.run
        header = f" (헤더에는 {info.file_size:,}바이트)" if info.file_size < written else ""
        if written > lim.max_member_bytes:
            limit = "max_member_bytes"
            reason, claimed, expected = ("파일 하나의 크기", f"{written:,}바이트 이상{header}",
                                         f"≤ {lim.max_member_bytes:,}바이트")
        elif written > run.remaining_bytes:
            total, limit = run.written_bytes + written, "max_total_bytes"
            reason, claimed, expected = ("제출물 전체 크기", f"누적 {total:,}바이트 이상",
                                         f"≤ {lim.max_total_bytes:,}바이트")
        elif run.inflated_bytes > lim.max_inflated_bytes:
            limit = "max_inflated_bytes"
            reason, claimed, expected = (
                "제출물 전체 압축 해제량", f"누적 {run.inflated_bytes:,}바이트 이상",
                f"≤ {lim.max_inflated_bytes:,}바이트")
        elif written > lim.ratio_min_bytes and written > lim.max_ratio * max(packed, 1):
            ratio, limit = written / max(packed, 1), "max_ratio"
            reason, claimed, expected = (
                "압축률", f"{ratio:,.0f}:1 이상{header}", f"≤ {lim.max_ratio:,.0f}:1")
        else:
            return None
        return R.ZIP_BOMB, {"reason": reason, "claimed": claimed, "expected": expected,
                            "how": HOW_TO_RAISE[limit]}


def _read_so_far(src: zipfile.ZipExtFile, info: zipfile.ZipInfo) -> int:
    """Compressed bytes of the member inflated so far. A header may lie about the
    compressed size (zipfile then reads on into what follows, until the deflate stream
    ends), so the ratio is taken over what was really read: zipfile's own count down from
    the header's size, less what its decompressor holds unused (private attributes, stable
    across 3.x; the header's size when they are missing)."""
    left = getattr(src, "_compress_left", None)
    if left is None:
        return info.compress_size
    tail = getattr(getattr(src, "_decompressor", None), "unconsumed_tail", b"")
    return max(info.compress_size - left - len(tail), 0)


def _move_aside(path: Path) -> Path:
    """`path` renamed to a fresh hidden name in its folder (removed with the archive)."""
    fd, aside = tempfile.mkstemp(prefix=".archive-", dir=path.parent)
    os.close(fd)
    return path.replace(aside)


def _detail(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:200]


def _corrupt(exc: BaseException) -> tuple[RuleSpec, dict]:
    return R.CORRUPT_ARCHIVE, {"what": "압축 파일 항목", "detail": _detail(exc)}
