"""Engines and idempotent inserts for SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry

from smartcert.store.models import Base

DEFAULT_DB_NAME = "smartcert.db"
_SCHEMA_LOCK = 0x5C_57_0E  # any constant: serialises table creation across processes (PG)


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{(Path(data_dir) / DEFAULT_DB_NAME).resolve()}"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 60})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if url.startswith("postgresql"):
        return create_engine(url, pool_pre_ping=True)
    raise ValueError(f"unsupported database URL (sqlite or postgresql only): {url!r}")


def _sqlite_connect(dbapi_conn: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    # the driver's own transaction handling is off: `_sqlite_begin` starts every transaction
    dbapi_conn.isolation_level = None  # type: ignore[attr-defined]
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=60000")  # first: switching to WAL may wait for a lock
    cur.execute("PRAGMA journal_mode=WAL")  # readers never block the one writer
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across process kills
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    # IMMEDIATE takes the write lock up front: two processes then queue on busy_timeout
    # instead of failing with 'database is locked' when a read upgrades to a write
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def create_tables(engine: Engine) -> None:
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":  # concurrent CREATE TABLE races otherwise
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _SCHEMA_LOCK})
        Base.metadata.create_all(conn)


def _insert(session: Session, model: type[Base]) -> Any:
    name = session.get_bind().dialect.name
    dialect = {"sqlite": sqlite, "postgresql": postgresql}[name]
    return dialect.insert(model.__table__)  # type: ignore[attr-defined]


def insert_new(session: Session, model: type[Base], rows: Sequence[dict[str, Any]]) -> int:
    """INSERT … ON CONFLICT DO NOTHING; how many rows were new."""
    if not rows:
        return 0
    table = model.__table__  # type: ignore[attr-defined]
    # counted by RETURNING, not rowcount: psycopg reports -1 through SQLAlchemy here
    stmt = _insert(session, model).on_conflict_do_nothing().returning(*table.primary_key)
    return len(session.execute(stmt, list(rows)).all())


def upsert(session: Session, model: type[Base], rows: Sequence[dict[str, Any]],
           keys: Iterable[str]) -> None:
    """INSERT … ON CONFLICT (keys) DO UPDATE the other columns."""
    if not rows:
        return
    keys = list(keys)
    stmt = _insert(session, model)
    updates = {c: stmt.excluded[c] for c in rows[0] if c not in keys}
    session.execute(stmt.on_conflict_do_update(index_elements=keys, set_=updates), list(rows))
