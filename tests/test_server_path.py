"""The Prefect server path as an operator runs it (README › "Running on a Prefect server"),
the store making its PostgreSQL database, and a batch on an existing Dask cluster.

The server test runs the README's commands in its order, as subprocesses with a timeout: a
real `prefect server start` (its database a fresh PostgreSQL one, as the README says) on a
free port with its own PREFECT_HOME, the process work pool, `prefect deploy --all` from
prefect.yaml, a worker, and `prefect deployment run batch-intake/batch-intake --watch` on
one sample bundle with the store on a PostgreSQL database that does not exist yet (the flow
makes it). Then the flow run, its artifacts, the outputs, the stored results and the
nightly schedule of renewal-revalidation are read back through the Prefect client.

PostgreSQL: 127.0.0.1:5432, user postgres, trust auth (`scripts/postgres.sh` starts it;
`SMARTCERT_TEST_PG` overrides the server URL). As in tests/test_store.py, without a server
these tests are skipped with the command to run, and fail when `SMARTCERT_REQUIRE_PG=1` (CI).
"""

from __future__ import annotations

import logging
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, suppress
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url

from smartcert.store import RunStatus, Store
from smartcert.store.db import DatabaseMissing

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "samples" / "bundles" / "chorong-word"
BIN = Path(sys.executable).parent  # the venv's prefect and smartcert
PG_ADMIN = os.environ.get("SMARTCERT_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
POOL = "smartcert-process"  # prefect.yaml's work pool


# ── PostgreSQL ──
def _admin(sql: str) -> None:
    import psycopg

    dsn = PG_ADMIN.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(dsn, autocommit=True, connect_timeout=5) as c:
        c.execute(sql)  # type: ignore[arg-type]


def _exists(name: str) -> bool:
    import psycopg

    dsn = PG_ADMIN.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(dsn, connect_timeout=5) as c:
        return c.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() \
            is not None


@pytest.fixture(scope="module")
def pg() -> str:
    """The server URL (no database), or a skip — a failure under SMARTCERT_REQUIRE_PG=1 —
    saying what to run."""
    import psycopg

    try:
        _admin("SELECT 1")
    except psycopg.OperationalError as e:
        detail = " ".join(str(e).split())[:160]
        reason = (f"PostgreSQL at {PG_ADMIN} unreachable ({detail}): run scripts/postgres.sh "
                  "(starts or installs it on 127.0.0.1:5432), then this test again")
        if os.environ.get("SMARTCERT_REQUIRE_PG") == "1":
            pytest.fail(f"{reason}; SMARTCERT_REQUIRE_PG=1 requires it")
        pytest.skip(reason)
    return PG_ADMIN


def _fresh(prefix: str) -> str:
    return f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"


def _drop(name: str) -> None:
    with suppress(Exception):
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# ── the store makes its database ──
def test_the_store_creates_its_missing_database(pg: str, tmp_path: Path) -> None:
    name = _fresh("smartcert_created")
    assert not _exists(name)
    try:
        store = Store.open(f"{pg}/{name}", tmp_path)
        assert store.runs() == []  # database and tables made
        store.close()
        assert _exists(name)
    finally:
        _drop(name)


def test_a_role_that_may_not_create_it_is_told_the_exact_command(pg: str,
                                                                 tmp_path: Path) -> None:
    role, name = _fresh("smartcert_nocreate"), _fresh("smartcert_denied")
    _admin(f'CREATE ROLE "{role}" LOGIN NOCREATEDB')
    url = make_url(f"{pg}/{name}").set(username=role).render_as_string(hide_password=False)
    try:
        with pytest.raises(DatabaseMissing) as e:
            Store.open(url, tmp_path)
        message = str(e.value)
        assert isinstance(e.value, OSError) and e.value.strerror == message
        assert f"'{name}'이(가)" in message and f"사용자 {role}에게 만들 권한이 없습니다" in message
        assert not _exists(name)  # nothing half-made
        command = message.rsplit(": ", 1)[1]
        assert command.startswith("createdb ") and command.endswith(f" -O {role} {name}")
        # the command as said works, and then the role's store opens
        done = subprocess.run(shlex.split(command), capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        store = Store.open(url, tmp_path)
        assert store.runs() == []
        store.close()
    finally:
        _drop(name)
        with suppress(Exception):
            _admin(f'DROP ROLE IF EXISTS "{role}"')


# ── the server path ──
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(args: list[str], env: dict[str, str], timeout: float, cwd: Path = ROOT,
         log: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`args` to its end within `timeout`; a failure shows its output (and `log`'s tail)."""
    start = time.monotonic()
    done = subprocess.run(args, cwd=cwd, env=env, stdin=subprocess.DEVNULL, text=True,
                          capture_output=True, timeout=timeout)
    print(f"{Path(args[0]).name} {' '.join(args[1:3])}: {time.monotonic() - start:.1f} s")
    if done.returncode != 0:
        tail = log.read_text(errors="replace")[-4000:] if log and log.exists() else ""
        pytest.fail(f"{shlex.join(args)} → {done.returncode}\n{done.stdout[-3000:]}\n"
                    f"{done.stderr[-3000:]}\n{tail}")
    return done


def _start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    # its own process group: stopping it stops what it started (uvicorn, flow runs)
    with log.open("wb") as out:
        return subprocess.Popen(args, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)


def _stop(proc: subprocess.Popen[bytes], first: signal.Signals) -> None:
    """`first` to the process group (a worker ends on SIGINT, the server on SIGTERM), up to
    20 s to end, then SIGKILL to whatever of its group is left."""
    if proc.poll() is None:
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, first)
        with suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=20)
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)  # anything of its group left behind
    with suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)


def _wait_healthy(api: str, server: subprocess.Popen[bytes], log: Path) -> None:
    start = time.monotonic()
    deadline = start + 120
    while time.monotonic() < deadline:
        assert server.poll() is None, f"prefect server exited:\n{log.read_text()[-3000:]}"
        with suppress(httpx.HTTPError):
            if httpx.get(f"{api}/health", timeout=5).status_code == 200:
                print(f"prefect server start: healthy after {time.monotonic() - start:.1f} s")
                return
        time.sleep(1)
    pytest.fail(f"prefect server not healthy in 120 s:\n{log.read_text()[-3000:]}")


def _operator_env(tmp: Path, api: str, prefect_db: str) -> dict[str, str]:
    """The README's exports; the test session's own Prefect settings do not leak in."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PREFECT_", "SMARTCERT_HOME"))}
    server = make_url(f"{PG_ADMIN}/{prefect_db}").set(drivername="postgresql+asyncpg")
    env.update(PREFECT_HOME=str(tmp / "prefect-home"), PREFECT_API_URL=api,
               PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_API_DATABASE_CONNECTION_URL=server.render_as_string(False),
               SMARTCERT_PROJECT=str(ROOT), SMARTCERT_HOME=str(tmp / "data"))
    return env


def _createdb(name: str, env: dict[str, str]) -> None:
    url = make_url(PG_ADMIN)
    createdb = shutil.which("createdb")
    assert createdb, "createdb missing: apt-get install postgresql-client"
    _run([createdb, "-h", url.host or "127.0.0.1", "-p", str(url.port or 5432),
          "-U", url.username or "postgres", name], env, timeout=60)


@pytest.fixture
def server_path(pg: str, tmp_path: Path) -> Iterator[tuple[dict[str, str], Path]]:
    """Steps 1 and 2 of the README: the server (on PostgreSQL), the work pool, the
    deployments, a worker; all stopped and dropped afterwards."""
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    prefect_db = _fresh("prefect_test")
    env = _operator_env(tmp_path, api, prefect_db)
    prefect = str(BIN / "prefect")
    with ExitStack() as stack:
        stack.callback(_drop, prefect_db)
        _createdb(prefect_db, env)
        server_log = tmp_path / "server.log"
        server = _start([prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                        env, server_log)
        stack.callback(_stop, server, signal.SIGTERM)
        _wait_healthy(api, server, server_log)
        _run([prefect, "work-pool", "create", POOL, "--type", "process"], env, timeout=90)
        _run([prefect, "deploy", "--all"], env, timeout=120)
        worker = _start([prefect, "worker", "start", "--pool", POOL], env,
                        tmp_path / "worker.log")
        stack.callback(_stop, worker, signal.SIGINT)
        yield env, tmp_path


def test_batch_intake_on_a_prefect_server_with_a_worker_and_the_store_on_postgresql(
        pg: str, server_path: tuple[dict[str, str], Path]) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
    from prefect.client.schemas.objects import StateType
    from prefect.settings import PREFECT_API_URL, temporary_settings

    env, tmp = server_path
    batch, out = tmp / "batch", tmp / "out"
    shutil.copytree(BUNDLE, batch / BUNDLE.name)
    store_db = _fresh("smartcert_server")
    store_url = f"{pg}/{store_db}"
    assert not _exists(store_db)  # the flow's store makes it
    try:
        # step 3 of the README: a batch on demand, watched to its end
        done = _run([str(BIN / "prefect"), "deployment", "run", "batch-intake/batch-intake",
                     "-p", f"batch_dir={batch}", "-p", f"out_dir={out}", "-p", "ocr=false",
                     "-p", f"store_url={store_url}", "--watch", "--watch-timeout", "150"],
                    env, timeout=170, log=tmp / "worker.log")
        found = re.search(r"UUID: ([0-9a-f-]{36})", done.stdout)
        assert found, done.stdout
        # what an operator lists (prefect 3.8.8 with fastapi >= 0.151 answered these with 422)
        wide = {**env, "COLUMNS": "200"}  # rich's tables cut cells to the terminal's width
        listed = _run([str(BIN / "prefect"), "deployment", "ls"], wide, timeout=60).stdout
        assert "batch-intake/batch-intake" in listed, listed
        assert "renewal-revalidation/renewal-revalidation" in listed, listed
        listed = _run([str(BIN / "prefect"), "artifact", "ls"], wide, timeout=60).stdout
        assert "batch-intake-submissions" in listed and "batch-intake-summary" in listed, listed

        with temporary_settings({PREFECT_API_URL: env["PREFECT_API_URL"]}), \
                get_client(sync_client=True) as client:
            run = client.read_flow_run(uuid.UUID(found.group(1)))
            assert run.state is not None and run.state.type is StateType.COMPLETED, run.state
            assert run.work_pool_name == POOL  # run by the worker, not in this process
            arts = client.read_artifacts(
                flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run.id])))
            by_key = {a.key: a for a in arts}
            assert {k: a.type for k, a in by_key.items()} == {
                "batch-intake-submissions": "table", "batch-intake-summary": "markdown"}
            (row,) = _table(by_key["batch-intake-submissions"].data)
            assert row["신청기관"] == "초롱시" and row["잠정 등급"]
            summary = str(by_key["batch-intake-summary"].data)
            assert "batch-summary.html" in summary and "report.html" in summary

            renewal = client.read_deployment_by_name("renewal-revalidation/renewal-revalidation")
            (sched,) = renewal.schedules
            assert sched.active and (sched.schedule.cron, sched.schedule.timezone) == (  # type: ignore[union-attr]
                "0 2 * * *", "Asia/Seoul")
            assert renewal.work_pool_name == POOL
            assert client.read_work_pool(POOL).type == "process"

        for f in ("findings.json", "report.html", "findings.xlsx"):
            assert (out / BUNDLE.name / f).is_file(), f
        assert (out / "batch-summary.html").is_file()
        assert (tmp / "data" / "cache").is_dir()  # SMARTCERT_HOME reached the flow run

        store = Store.open(store_url, tmp)
        try:
            (stored_run,) = store.runs()
            assert stored_run.status is RunStatus.COMPLETE and stored_run.finished_at
            latest = store.latest_report("applicant:초롱시", "city-2025")
            assert latest is not None and latest.run_id == stored_run.id
            assert len(latest.report.indicators) == 53
        finally:
            store.close()
    finally:
        _drop(store_db)


def _table(data: object) -> list[dict[str, object]]:
    import json

    rows = json.loads(data) if isinstance(data, str) else data
    assert isinstance(rows, list)
    return rows


# ── Dask: an existing cluster ──
def test_intake_on_an_existing_dask_cluster(tmp_path: Path, prefect_harness: None,
                                            monkeypatch: pytest.MonkeyPatch,
                                            capfd: pytest.CaptureFixture[str]) -> None:
    """A cluster of the test's (started as `--dask-workers` would, which must open no
    dashboard and print nothing), its address given to `smartcert intake --dask-address`:
    the documents are extracted on its worker, and the cluster is left running."""
    from distributed import Client
    from prefect.settings import PREFECT_API_URL

    from smartcert.cli import main
    from smartcert.pipelines.flows import _start_dask

    # the session's harness is the API (the command starts none of its own then);
    # prepare_prefect's and _quiet_dask's environment, all put back afterwards
    for key, value in (("PREFECT_API_URL", str(PREFECT_API_URL.value())),
                       ("PREFECT_HOME", str(tmp_path / "prefect")),
                       ("PREFECT_SERVER_ANALYTICS_ENABLED", "false"),
                       ("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180"),
                       ("PREFECT_LOGGING_LEVEL", "WARNING"),
                       ("DASK_LOGGING__DISTRIBUTED", "warning")):
        monkeypatch.setenv(key, value)
    level = logging.getLogger("distributed").level
    batch, out = tmp_path / "batch", tmp_path / "out"
    shutil.copytree(BUNDLE, batch / BUNDLE.name)
    capfd.readouterr()
    try:
        with ExitStack() as stack:
            address = _start_dask(stack, 1)
            client = stack.enter_context(Client(address))
            started = capfd.readouterr().err
            assert "distributed." not in started, started  # no INFO chatter
            http = client.scheduler_info()["services"]["dashboard"]
            assert http != 8787  # Dask's dashboard port stays free
            assert httpx.get(f"http://127.0.0.1:{http}/status", timeout=10).status_code == 404

            assert main(["intake", str(batch), "--out", str(out), "--no-ocr",
                         "--dask-address", address]) == 0
            err = capfd.readouterr().err
            assert "distributed." not in err and "complete" in err, err
            executed = client.run(lambda dask_worker: dask_worker.state.executed_count)
            assert sum(executed.values()) >= 4  # one extraction per document, on the cluster
            assert len(client.scheduler_info()["workers"]) == 1  # not closed by the run
    finally:
        logging.getLogger("distributed").setLevel(level)
    import json

    report = json.loads((out / BUNDLE.name / "findings.json").read_text("utf-8"))
    assert report["submission"]["applicant"] == "초롱시" and len(report["indicators"]) == 53


def test_a_scheduler_that_does_not_answer_is_one_korean_line_before_prefect(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from smartcert.cli import main

    port = _free_port()  # nothing listens there
    assert main(["intake", str(BUNDLE.parent), "--out", str(tmp_path / "out"),
                 "--dask-address", f"tcp://127.0.0.1:{port}"]) == 2  # the preflight's
    (line,) = [x for x in capsys.readouterr().err.splitlines() if "오류" in x]
    assert line.startswith("smartcert: 오류: --dask-address: Dask 스케줄러 "
                           f"tcp://127.0.0.1:{port}에 연결할 수 없습니다"), line
    assert not (tmp_path / "out").exists()  # nothing started, nothing written
