"""The checked rule set kept between processes (`catalogue.snapshot`): read back equal to a
fresh load, never across a change to the folder, and never trusted beyond the catalogue's
own models."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from smartcert.schemas.catalogue import snapshot
from smartcert.schemas.catalogue.base import CatalogueError
from smartcert.schemas.catalogue.load import load_ruleset_from
from smartcert.schemas.catalogue.read import RULESETS_DIR
from smartcert.schemas.catalogue.ruleset import RuleSet


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return Path(shutil.copytree(RULESETS_DIR / "city-2025", tmp_path / "city-2025"))


class Counting:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, folder: Path) -> RuleSet:
        self.calls += 1
        return load_ruleset_from(folder)


def test_the_snapshot_is_the_checked_rule_set(folder: Path) -> None:
    load = Counting()
    first = snapshot.load_checked(folder, load)
    again = snapshot.load_checked(folder, load)
    assert load.calls == 1  # the second came from the snapshot
    assert again is not first and again == first
    assert again.model_dump() == load_ruleset_from(folder).model_dump()
    assert again.indicator("A-1-1") == first.indicator("A-1-1")


def test_a_changed_rule_set_is_loaded_again(folder: Path) -> None:
    load = Counting()
    snapshot.load_checked(folder, load)
    meta = folder / "ruleset.yaml"
    meta.write_text(meta.read_text("utf-8") + "\n# a comment is a change too\n", "utf-8")
    snapshot.load_checked(folder, load)
    (folder / "notes.txt").write_text("a new file", "utf-8")
    snapshot.load_checked(folder, load)
    assert load.calls == 3
    assert len(list(snapshot.cache_dir().glob("city-2025-*.pickle"))) == 3


class _Boom:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("touch pwned",))


def test_a_tampered_snapshot_builds_nothing_but_models(folder: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = snapshot.cache_dir() / f"city-2025-{snapshot.snapshot_key(folder)}.pickle"
    path.parent.mkdir(parents=True)
    path.write_bytes(pickle.dumps(_Boom()))
    load = Counting()
    ruleset = snapshot.load_checked(folder, load)
    assert load.calls == 1 and ruleset.id == "city-2025"
    assert not (tmp_path / "pwned").exists()
    path.write_bytes(b"\x80\x05truncated")  # a half-written file is no snapshot either
    assert snapshot.load_checked(folder, load) == ruleset and load.calls == 2


def test_a_broken_rule_set_is_not_kept(folder: Path) -> None:
    (folder / "structure.yaml").unlink()
    with pytest.raises(CatalogueError):
        snapshot.load_checked(folder, load_ruleset_from)
    assert not snapshot.cache_dir().exists() or not any(snapshot.cache_dir().iterdir())
