"""The migrated, empty Prefect database new data directories start from
(`pipelines.api_template`)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from smartcert.pipelines import api_template


def _tables(db: Path) -> set[str]:
    with closing(sqlite3.connect(db)) as c:
        return {r[0] for r in c.execute("select name from sqlite_master where type='table'")}


def test_only_prefects_default_database_is_templated(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PREFECT_API_DATABASE_CONNECTION_URL", raising=False)
    monkeypatch.delenv("PREFECT_SERVER_DATABASE_CONNECTION_URL", raising=False)
    monkeypatch.delenv("PREFECT_HOME", raising=False)
    assert api_template.default_database() is None  # ~/.prefect: not ours to seed
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    assert api_template.default_database() == tmp_path / "prefect.db"
    monkeypatch.setenv("PREFECT_API_DATABASE_CONNECTION_URL",
                       "postgresql+asyncpg://postgres@127.0.0.1:5432/prefect")
    assert api_template.default_database() is None


def test_the_template_is_kept_per_prefect_install(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    one = api_template.template_path("/venv/site-packages:1")
    assert one.parent == tmp_path / "smartcert" / "prefect-db"
    assert api_template.template_path("/venv/site-packages:2") != one


def test_a_live_database_is_saved_whole_and_copied(tmp_path: Path) -> None:
    db, template = tmp_path / "a" / "prefect.db", tmp_path / "cache" / "t.db"
    db.parent.mkdir()
    # the server holds it open in WAL mode, its last pages not yet checkpointed
    with closing(sqlite3.connect(db)) as server:
        server.execute("pragma journal_mode=wal")
        server.execute("create table alembic_version (version_num text)")
        server.execute("insert into alembic_version values ('head')")
        server.commit()
        assert (tmp_path / "a" / "prefect.db-wal").stat().st_size > 0
        api_template.save_template(db, template)
    with closing(sqlite3.connect(template)) as c:
        assert c.execute("select version_num from alembic_version").fetchall() == [("head",)]
    assert not list(template.parent.glob("*.tmp"))

    new = tmp_path / "b" / "prefect" / "prefect.db"
    assert api_template.start_from_template(new, template)
    assert _tables(new) == {"alembic_version"}


def test_an_existing_template_is_kept(tmp_path: Path) -> None:
    template = tmp_path / "t.db"
    template.write_bytes(b"the first one")
    db = tmp_path / "prefect.db"
    with closing(sqlite3.connect(db)) as c:
        c.execute("create table t (x)")
        c.commit()
    api_template.save_template(db, template)
    assert template.read_bytes() == b"the first one"


def test_no_template_or_no_room_costs_only_time(tmp_path: Path) -> None:
    db = tmp_path / "home" / "prefect.db"
    assert not api_template.start_from_template(db, tmp_path / "absent.db")
    assert not db.exists()  # the server creates it, migrating

    source = tmp_path / "source.db"
    with closing(sqlite3.connect(source)) as c:
        c.execute("create table t (x)")
        c.commit()
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    api_template.save_template(source, blocked / "cache" / "t.db")  # no exception
    assert not api_template.start_from_template(blocked / "prefect.db", source)
