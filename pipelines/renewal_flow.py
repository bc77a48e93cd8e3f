"""The renewal re-validation flow (nightly, see prefect.yaml): certifications expiring
within N days → their stored submissions re-run under the rule set that applies → what
changed since the last run, as files and a Prefect artifact."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from pipelines.persist import store_for
from pipelines.renewal_steps import RenewalItem, RenewalStatus, revalidate
from pipelines.runtime import RunConfig
from renewals import Certification, RulesetChoice, due_for_revalidation, load_registry, ruleset_for
from schemas.catalogue import load_ruleset
from store import RunKind, RunStatus

SEOUL = ZoneInfo("Asia/Seoul")


@dataclass
class RenewalResult:
    run_id: str
    today: date
    items: list[RenewalItem] = field(default_factory=list)


@task(name="revalidate", retries=1, retry_delay_seconds=2, cache_policy=NO_CACHE,
      task_run_name="revalidate {cert.id}")
def revalidate_task(cert: Certification, choice: RulesetChoice, config: RunConfig,
                    run_id: str) -> RenewalItem:
    return revalidate(cert, choice, config, run_id)


@flow(name="renewal-revalidation")
def renewal_revalidation(out_dir: str, today: str | None = None, within_days: int = 90,
                         purpose: str = "maintain", data_dir: str | None = None,
                         store_url: str | None = None, program: str = "city-2025"
                         ) -> RenewalResult:
    """`today` (ISO date; default: today in Asia/Seoul) fixes the day for reruns and tests;
    `purpose` is 'maintain' (등급유지) or 'upgrade' (등급상향); `program` is the call in
    force."""
    config = RunConfig.make(out_dir, data_dir, program=program, store_url=store_url)
    day = date.fromisoformat(today) if today else datetime.now(SEOUL).date()
    registry = load_registry()
    due = due_for_revalidation(registry, day, within_days)
    store = store_for(config)
    run_id = store.start_run(RunKind.RENEWAL, load_ruleset(program), program=program)
    items = [revalidate_task(cert, ruleset_for(cert, purpose, registry=registry,
                                               current=program), config, run_id)
             for cert in due]
    done = all(i.status is RenewalStatus.REVALIDATED for i in items)
    store.finish_run(run_id, RunStatus.COMPLETE if done else RunStatus.PARTIAL)
    result = RenewalResult(run_id=run_id, today=day, items=items)
    create_markdown_artifact(markdown=_markdown(result, within_days), key="renewal-revalidation",
                             description="인증 만료 예정 도시 재검증 결과")
    return result


def _markdown(result: RenewalResult, within_days: int) -> str:
    lines = [f"# 재검증 ({result.today.isoformat()} 기준 {within_days}일 이내 만료 예정)", "",
             f"대상 {len(result.items)}건", "",
             "| 인증 | 적용 기준 | 심사 | 결과 |", "| --- | --- | --- | --- |"]
    for i in result.items:
        lines.append(f"| {i.certification} | {i.choice.ruleset} | {i.choice.review} | "
                     f"{i.message} |")
    for i in result.items:
        if i.diff is not None and i.diff.changed:
            lines += ["", f"## {i.municipality}", *[f"- {s}" for s in i.diff.summary_lines()]]
    return "\n".join(lines)
