"""Where smartcert keeps what it reuses between runs on a machine."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from smartcert.core.files.usercache import user_cache_dir


def test_the_cache_follows_xdg_and_falls_back_to_home(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert user_cache_dir("rulesets") == tmp_path / "smartcert" / "rulesets"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert user_cache_dir() == tmp_path / "home" / ".cache" / "smartcert"


def test_no_home_is_no_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    """A service account without a home: the cache moves to the temporary folder, per user,
    instead of the command failing on a cache it can do without."""
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    found = user_cache_dir("prefect-db")
    assert found.name == "prefect-db" and found.parent.name == "smartcert"
    assert found.parent.parent.name == f"smartcert-cache-{os.getuid()}"
