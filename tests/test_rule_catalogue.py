import ast
import importlib
import re
from pathlib import Path

import pytest

from smartcert.core.findings import Category, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.validators.catalogue import all_rules
from smartcert.validators.catalogue_page import COMMAND, PAGE, render
from smartcert.validators.registry import RULES


def test_rule_ids_are_unique_and_every_rule_but_intake_cites_a_clause() -> None:
    entries = all_rules()
    ids = [e.spec.id for e in entries]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert all(e.spec.clause and e.spec.clause.strip()
               for e in entries if e.spec.category is not Category.INTAKE)
    # all four kinds of rule are listed, each from its own layer
    modules = {e.module for e in entries}
    assert {"smartcert.core.files.rules", "smartcert.intake.rules",
            "smartcert.extractors.findings", "smartcert.schemas.mapping.rules"} <= modules
    assert {r.spec.id for r in RULES} <= set(ids)


def test_a_rule_spec_must_cite_a_clause_unless_it_is_an_intake_rule() -> None:
    assert RuleSpec("intake.x", Severity.ERROR, "'{member}'").clause is None
    with pytest.raises(ValueError, match="clause"):
        RuleSpec("completeness.x", Severity.ERROR, "템플릿")
    with pytest.raises(ValueError, match="clause"):
        RuleSpec("period.x", Severity.ERROR, "템플릿", "  ")
    with pytest.raises(ValueError):
        RuleSpec("nonsense.x", Severity.ERROR, "템플릿", "공고 1.")


def test_catalogue_page_is_up_to_date() -> None:
    assert PAGE.exists(), f"run: {COMMAND}"
    assert PAGE.read_text(encoding="utf-8") == render(), f"run: {COMMAND}"


def _page_modules() -> dict[str, str]:
    """rule id → the module the page names for it."""
    rows = re.findall(r"^\| `([a-z]+\.[a-z0-9-]+)` \|.*\| `([\w.]+)` \|$",
                      PAGE.read_text(encoding="utf-8"), re.M)
    return dict(rows)


def _defined_ids(module_name: str) -> set[str]:
    """Ids of the RuleSpecs a module defines itself (imported names do not count): a
    top-level constant, or the `spec` of a rule class declared there."""
    module = importlib.import_module(module_name)
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    names = {t.id for node in tree.body if isinstance(node, ast.Assign)
             for t in node.targets if isinstance(t, ast.Name)}
    names |= {node.target.id for node in tree.body
              if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)}
    names |= {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    ids = set()
    for name in names:
        value = getattr(module, name)
        spec = vars(value).get("spec") if isinstance(value, type) else value
        if isinstance(spec, RuleSpec):
            ids.add(spec.id)
    return ids


def test_every_rule_is_found_from_its_id_alone() -> None:
    """docs/rules.md names, for every id, the module that defines a RuleSpec with it."""
    named = _page_modules()
    entries = all_rules()
    assert set(named) == {e.spec.id for e in entries}
    lost = [(rule_id, module) for rule_id, module in sorted(named.items())
            if rule_id not in _defined_ids(module)]
    assert lost == []


# That every registered rule is shown to fire and to stay silent is checked by the rule
# tests themselves: tests/rule_coverage.py.
