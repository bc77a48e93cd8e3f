"""Every registered rule is shown, by a test that passed, both to produce its finding and to
stay silent; loaded by tests/conftest.py (`pytest_plugins`).

How it works:
- Rule tests assert through the `rule_probe` fixture: `rule_probe.fires(Rule, sub, ctx)` runs
  the rule and fails unless it produced at least one finding (all with its own id);
  `rule_probe.silent(Rule, sub, ctx)` runs it and fails unless it produced none. The probe
  records (rule id, fires|silent, test node id) only after its assertion held.
- A record counts only when its test passed (setup, call and teardown): a later failing
  assertion in the same test drops it.
- Any session that runs a rule test module `test_rules_<category>.py` in full (nothing of it
  deselected by -k/-m/--deselect, no single test named on the command line) gets one more
  test, appended last: "rule coverage". It fails for each registered rule of those
  categories (ids from `validators.registry.RULES`, not from what the tests mention) that
  lacks a counted `fires` record or a counted `silent` record.
- The service certification's rules (`validators.service_registry.SERVICE_RULES`, checking
  a `ServiceSubmission` in a `ServiceContext`) are shown by one module, tests/
  test_rules_service.py, whatever their category: a full run of it checks all of them the
  same way; the probe runs either kind of rule.

It cannot pass vacuously: the expected ids come from the registry; mentioning, importing or
running a rule records nothing; the probe itself runs the rule (a test cannot assert
silence on findings it never produced); and a partial run of a module is not checked rather
than checked against partial records. tests/test_rules_meta.py checks that every category of
the registry has its test module and runs this plugin on sample test modules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

import pytest

from smartcert.core.findings import Finding
from smartcert.schemas.claims import Submission
from smartcert.schemas.service_claims import ServiceSubmission
from smartcert.validators.registry import RULES, rule_by_id
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.service_registry import SERVICE_RULES, service_rule_by_id
from smartcert.validators.support.service_rule import ServiceContext, ServiceRule

PLUGIN = "smartcert-rule-coverage"
ITEM_NAME = "rule coverage: every registered rule fires and stays silent"
_MODULE = re.compile(r"test_rules_(\w+)\.py")
SERVICE = "service"  # test_rules_service.py shows every rule of SERVICE_RULES
AnyRule = type[Rule] | type[ServiceRule]


class Shown(StrEnum):
    FIRES = "fires"
    SILENT = "silent"


class RuleCoverage:
    """The session's records (one instance per pytest config)."""

    def __init__(self) -> None:
        self.records: set[tuple[str, Shown, str]] = set()  # (rule id, shown, node id)
        self.passed: set[str] = set()
        self.failed: set[str] = set()
        self.partial: set[str] = set()  # rule test modules (file names) not run in full

    def record(self, rule_id: str, shown: Shown, nodeid: str) -> None:
        self.records.add((rule_id, shown, nodeid))

    def missing(self, categories: set[str]) -> list[str]:
        """'rule id: fires|silent' for each registered rule of `categories` without a record
        from a test that passed."""
        counted = self.passed - self.failed
        have = {(rid, shown) for rid, shown, node in self.records if node in counted}
        expected: list[AnyRule] = [r for r in RULES if _category(r) in categories]
        expected += SERVICE_RULES if SERVICE in categories else ()
        return [f"{r.spec.id}: {shown}" for r in expected
                for shown in Shown if (r.spec.id, shown) not in have]

    def pytest_deselected(self, items: Sequence[pytest.Item]) -> None:
        self.partial |= {Path(i.path).name for i in items}

    @pytest.hookimpl(trylast=True)  # after -k/-m/--deselect have removed their items
    def pytest_collection_modifyitems(self, session: pytest.Session, config: pytest.Config,
                                      items: list[pytest.Item]) -> None:
        named = {Path(a.split("::")[0]).name for a in config.args if "::" in a}
        ran = {Path(i.path).name for i in items}
        complete = {m.group(1) for name in ran - self.partial - named
                    if (m := _MODULE.fullmatch(name))} & {*(_category(r) for r in RULES), SERVICE}
        if complete:
            here = Path(__file__)
            where = here.relative_to(config.rootpath).as_posix() \
                if here.is_relative_to(config.rootpath) else here.name
            items.append(CoverageItem.from_parent(
                session, name=ITEM_NAME, nodeid=f"{where}::rule coverage",
                categories=frozenset(complete)))

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.failed:
            self.failed.add(report.nodeid)
        elif report.when == "call" and report.passed:
            self.passed.add(report.nodeid)


class CoverageItem(pytest.Item):
    def __init__(self, *, categories: frozenset[str], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.categories = categories

    def runtest(self) -> None:
        plugin: RuleCoverage = self.config.pluginmanager.get_plugin(PLUGIN)
        lacking = plugin.missing(set(self.categories))
        if lacking:
            pytest.fail("registered rules without a passing test that shows them "
                        "(use the rule_probe fixture):\n  " + "\n  ".join(lacking),
                        pytrace=False)

    def reportinfo(self) -> tuple[Path, int, str]:
        return Path(__file__), 0, f"{ITEM_NAME} ({', '.join(sorted(self.categories))})"


class RuleProbe:
    """Runs one rule over a submission and asserts that it fires or stays silent (a city
    `Rule` over a `Submission`, or a `ServiceRule` over a `ServiceSubmission`)."""

    def __init__(self, coverage: RuleCoverage, nodeid: str) -> None:
        self._coverage, self._nodeid = coverage, nodeid

    def fires(self, rule: AnyRule | str, sub: Submission | ServiceSubmission,
              ctx: CheckContext | ServiceContext) -> list[Finding]:
        """The rule's findings; fails when there are none."""
        cls, found = self._run(rule, sub, ctx)
        assert found, f"{cls.spec.id} produced no finding"
        self._coverage.record(cls.spec.id, Shown.FIRES, self._nodeid)
        return found

    def silent(self, rule: AnyRule | str, sub: Submission | ServiceSubmission,
               ctx: CheckContext | ServiceContext) -> None:
        """Fails when the rule produces any finding."""
        cls, found = self._run(rule, sub, ctx)
        assert found == [], f"{cls.spec.id} produced: " + "; ".join(f.message for f in found)
        self._coverage.record(cls.spec.id, Shown.SILENT, self._nodeid)

    @staticmethod
    def _run(rule: AnyRule | str, sub: Submission | ServiceSubmission,
             ctx: CheckContext | ServiceContext) -> tuple[AnyRule, list[Finding]]:
        cls = _by_id(rule) if isinstance(rule, str) else rule
        found = list(cls().check(sub, ctx))  # type: ignore[arg-type]  # its own kind of claims
        assert all(f.rule == cls.spec.id for f in found), "a rule reports under its own id"
        return cls, found


@pytest.fixture
def rule_probe(request: pytest.FixtureRequest) -> RuleProbe:
    """`rule_probe.fires(...)` / `.silent(...)`: see the module docstring."""
    return RuleProbe(request.config.pluginmanager.get_plugin(PLUGIN), request.node.nodeid)


def pytest_configure(config: pytest.Config) -> None:
    if not config.pluginmanager.has_plugin(PLUGIN):
        config.pluginmanager.register(RuleCoverage(), PLUGIN)


def _category(rule: AnyRule) -> str:
    return rule.spec.id.split(".")[0]


def _by_id(rule_id: str) -> AnyRule:
    try:
        return rule_by_id(rule_id)
    except KeyError:
        return service_rule_by_id(rule_id)
