"""The renewal re-validation flow (nightly, see prefect.yaml): certifications expiring
within N days → their stored submissions re-run under the rule set that applies → what
changed since the last run, as files and a Prefect artifact. Wiring only: choosing, re-running
and diffing are `renewals.revalidate`'s; the analysis is the spine's own step."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from smartcert.pipelines.persist import store_for
from smartcert.pipelines.runtime import RunConfig
from smartcert.pipelines.steps import analyse_step, service_step
from smartcert.renewals import Certification, RulesetChoice, load_registry
from smartcert.renewals.revalidate import (
    RenewalItem,
    RenewalStatus,
    Revalidation,
    due_with_rulesets,
    revalidate,
    revalidate_service,
    run_day,
    services_due,
    summary_markdown,
)
from smartcert.renewals.service_registry import ServiceCertification, load_service_registry
from smartcert.schemas.catalogue import load_ruleset
from smartcert.store import RunKind, RunStatus


@dataclass
class RenewalResult:
    run_id: str
    today: date
    items: list[RenewalItem] = field(default_factory=list)


@task(name="revalidate", retries=1, retry_delay_seconds=2, cache_policy=NO_CACHE,
      task_run_name="revalidate {cert.id}")
def revalidate_task(cert: Certification, choice: RulesetChoice, config: RunConfig,
                    run_id: str) -> RenewalItem:
    return revalidate(cert, choice, _on(config, run_id))


@task(name="re-review-service", retries=1, retry_delay_seconds=2, cache_policy=NO_CACHE,
      task_run_name="re-review {cert.id}")
def rereview_service_task(cert: ServiceCertification, choice: RulesetChoice, config: RunConfig,
                          run_id: str) -> RenewalItem:
    return revalidate_service(cert, choice, _on(config, run_id))


def _on(config: RunConfig, run_id: str) -> Revalidation:
    return Revalidation(store=store_for(config), run_id=run_id, out_dir=config.out_dir,
                        analyse=analyse_step, analyse_service=service_step,
                        settings=config.extract_settings(), write_reports=config.write_reports)


@flow(name="renewal-revalidation")
def renewal_revalidation(out_dir: str, today: str | None = None, within_days: int = 90,
                         purpose: str = "maintain", data_dir: str | None = None,
                         store_url: str | None = None, program: str = "city-2025",
                         service_program: str | None = "service-2023") -> RenewalResult:
    """`today` (ISO date; default: today in Asia/Seoul) fixes the day for reruns and tests;
    `purpose` is 'maintain' (등급유지) or 'upgrade' (등급상향) for the cities; `program` is
    the city call in force, `service_program` the service call in force (None: cities only;
    certified services are re-reviewed under it when their two years end)."""
    config = RunConfig.make(out_dir, data_dir, program=program, store_url=store_url)
    day = run_day(today)
    due = due_with_rulesets(load_registry(), day, within_days, purpose, current=program)
    store = store_for(config)
    run_id = store.start_run(RunKind.RENEWAL, load_ruleset(program), program=program)
    items = [revalidate_task(cert, choice, config, run_id) for cert, choice in due]
    if service_program is not None:
        items += [rereview_service_task(cert, choice, config, run_id) for cert, choice in
                  services_due(load_service_registry(), day, within_days, service_program)]
    done = all(i.status is RenewalStatus.REVALIDATED for i in items)
    store.finish_run(run_id, RunStatus.COMPLETE if done else RunStatus.PARTIAL)
    create_markdown_artifact(markdown=summary_markdown(day, within_days, items),
                             key="renewal-revalidation",
                             description="인증 만료 예정 도시·서비스 재검증 결과")
    return RenewalResult(run_id=run_id, today=day, items=items)
