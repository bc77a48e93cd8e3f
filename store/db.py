"""Engines and idempotent inserts for SQLite and PostgreSQL."""

from __future__ import annotations

import errno
import shlex
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc, text
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
        engine = create_engine(url, pool_pre_ping=True)
        _ensure_database(engine)
        return engine
    raise ValueError(f"unsupported database URL (sqlite or postgresql only): {url!r}")


class DatabaseMissing(ConnectionError):
    """The store's PostgreSQL database does not exist and its role may not create it; the
    message (Korean) is the command that does. An OSError: the operator's to fix, not a bug."""

    def __str__(self) -> str:
        return str(self.strerror)


def _ensure_database(engine: Engine) -> None:
    """A PostgreSQL URL whose database is missing: CREATE DATABASE from the server's
    maintenance database when the role may, else DatabaseMissing with the command to run.
    Any other connection failure is raised as it is."""
    try:
        engine.connect().close()
        return
    except exc.OperationalError as failure:
        first = failure
    url, name = engine.url, engine.url.database
    for maintenance in ("postgres", "template1"):
        if not name or name == maintenance:
            break
        admin = create_engine(url.set(database=maintenance), isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as c:
                if _exists(c, name):  # it is there: the failure was something else
                    break
                quoted = admin.dialect.identifier_preparer.quote(name)
                try:
                    c.execute(text(f"CREATE DATABASE {quoted}"))
                except exc.DBAPIError as denied:
                    if _exists(c, name):  # created meanwhile by another process
                        return
                    raise DatabaseMissing(errno.ENOENT, _createdb_hint(engine)) from denied
                return
        except exc.OperationalError:
            continue  # that maintenance database is not open to us: try the next
        finally:
            admin.dispose()
    raise first


def _exists(conn: Any, name: str) -> bool:
    found = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
    return found.first() is not None


def _createdb_hint(engine: Engine) -> str:
    url = engine.url
    cmd = ["createdb"]
    if url.host:
        cmd += ["-h", url.host]
    if url.port:
        cmd += ["-p", str(url.port)]
    cmd += ["-U", "postgres"]  # a role that may create databases (Debian's superuser)
    if url.username and url.username != "postgres":
        cmd += ["-O", url.username]  # owned by the store's role, which then makes its tables
    cmd.append(str(url.database))
    who = f"사용자 {url.username}에게" if url.username else "이 사용자에게"
    return (f"저장소 데이터베이스 {url.database!r}이(가) PostgreSQL 서버 "
            f"{url.host or 'localhost'}:{url.port or 5432}에 없고 {who} 만들 권한이 없습니다. "
            f"만들 권한이 있는 사용자로 만든 뒤 다시 실행하세요: {shlex.join(cmd)}")


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
    # the dialect's own insert (ON CONFLICT), imported when used: SQLAlchemy's PostgreSQL
    # dialect takes ~0.1 s to load, for nothing on the default SQLite store
    if session.get_bind().dialect.name == "postgresql":  # `make_engine` allows no other two
        from sqlalchemy.dialects import postgresql as dialect
    else:
        from sqlalchemy.dialects import sqlite as dialect
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
