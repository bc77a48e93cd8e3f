"""Name decoding, path safety, limits validation and the rule catalogue."""

from __future__ import annotations

import posixpath
import string
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartcert.core.findings import Category
from smartcert.intake.limits import IntakeLimits
from smartcert.intake.names import decode_raw_name, is_os_junk, name_too_long, safe_relative_path
from smartcert.intake.rules import intake_finding
from smartcert.validators.catalogue import all_rules


@pytest.mark.parametrize(("raw", "expected", "ok"), [
    ("정량지표_평가제안서.pdf".encode("cp949"), "정량지표_평가제안서.pdf", True),
    ("정량지표_평가제안서.pdf".encode(), "정량지표_평가제안서.pdf", True),
    (unicodedata.normalize("NFD", "평가.pdf").encode(), "평가.pdf", True),
    (b"plain.pdf", "plain.pdf", True),
    (b"\xff\xfe.pdf", "\ufffd\ufffd.pdf", False),
])
def test_decode_raw_name(raw, expected, ok):
    assert decode_raw_name(raw) == (expected, ok)


@pytest.mark.parametrize(("name", "safe"), [
    ("a.pdf", "a.pdf"), ("dir/a.pdf", "dir/a.pdf"), ("dir\\a.pdf", "dir/a.pdf"),
    ("./a//b/./c.pdf", "a/b/c.pdf"), ("...pdf", "...pdf"),
    ("../a.pdf", None), ("a/../../b", None), ("a/..", None), ("/etc/passwd", None),
    ("\\\\server\\share", None), ("C:\\x.pdf", None), ("c:x.pdf", None),
    ("..\\..\\x", None), ("a\x00b.pdf", None), ("tab\there", None), ("", None), ("./", None),
])
def test_safe_relative_path(name, safe):
    rel, reason = safe_relative_path(name)
    assert rel == safe
    assert (reason is None) == (safe is not None)


@given(st.text(alphabet=st.sampled_from("ab./\\:C가\x00 "), max_size=30) | st.text(max_size=30))
def test_safe_paths_never_leave_the_root(name):
    rel, _ = safe_relative_path(name)
    if rel is not None:
        joined = posixpath.normpath(posixpath.join("/root/sub", rel))
        assert joined.startswith("/root/sub/")
        assert ".." not in rel.split("/") and "\\" not in rel and not rel.startswith("/")


def test_os_junk_and_name_length():
    assert is_os_junk("__MACOSX/x/._a.pdf") and is_os_junk("sub/.DS_Store")
    assert is_os_junk("Thumbs.db") and is_os_junk("a/desktop.ini")
    assert not is_os_junk("정량지표.pdf") and not is_os_junk("macosx/a.pdf")
    assert name_too_long("가" * 90 + ".pdf") and not name_too_long("가" * 80 + ".pdf")


@pytest.mark.parametrize("kwargs", [
    {"max_member_bytes": 0}, {"max_total_bytes": -1}, {"max_members": 0},
    {"max_member_bytes": 10, "max_total_bytes": 5}, {"max_ratio": 1.0},
    {"ratio_min_bytes": -1}, {"max_nesting": -1}, {"max_nesting": 99},
    {"max_members": True}, {"max_member_bytes": 1.5},
])
def test_limits_reject_nonsense(kwargs):
    with pytest.raises(ValueError):
        IntakeLimits(**kwargs)


def test_limits_defaults():
    lim = IntakeLimits()
    assert lim.max_ratio == 200.0 and lim.max_nesting == 1 and lim.max_archive_depth == 2
    with pytest.raises(AttributeError):
        lim.max_ratio = 5.0  # type: ignore[misc]


INTAKE_RULES = [e.spec for e in all_rules()
                if e.module in ("smartcert.intake.rules", "smartcert.core.files.rules")]


def test_the_intake_rules_are_all_there():
    assert len(INTAKE_RULES) == 20 and "intake.empty-file" in {s.id for s in INTAKE_RULES}


@pytest.mark.parametrize("spec", INTAKE_RULES, ids=lambda s: s.id)
def test_every_rule_has_a_template_that_builds_a_valid_finding(spec):
    fields = {f for _, f, _, _ in string.Formatter().parse(spec.template) if f}
    finding = intake_finding(spec, "bundle.zip!x.pdf", **{f: "값" for f in fields})
    assert finding.category is Category.INTAKE and finding.rule == spec.id
    assert finding.severity == spec.severity and "{" not in finding.message
    assert finding.locations[0].file == "bundle.zip!x.pdf"
