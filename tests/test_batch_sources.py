"""Which submissions a batch holds: sub-folders and zips, across several batch folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartcert.pipelines.batch import submissions_of_all


def test_submissions_of_several_folders_in_order_and_names_must_differ(tmp_path: Path) -> None:
    for batch, names in (("a", ["가시", "나군.zip", ".숨김"]), ("b", ["다시"])):
        for name in names:
            p = tmp_path / batch / name
            p.parent.mkdir(parents=True, exist_ok=True)
            p.mkdir() if not name.endswith(".zip") else p.write_bytes(b"PK")
    got = submissions_of_all([tmp_path / "a", tmp_path / "b"])
    assert [p.name for p in got] == ["가시", "나군.zip", "다시"]
    (tmp_path / "b" / "가시").mkdir()
    with pytest.raises(ValueError, match="가시"):
        submissions_of_all([tmp_path / "a", tmp_path / "b"])
