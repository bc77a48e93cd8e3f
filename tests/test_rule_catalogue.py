from validators.catalogue_page import PAGE, render
from validators.registry import RULES


def test_rule_ids_are_unique_and_cite_a_clause() -> None:
    ids = [r.spec.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(r.spec.clause.strip() for r in RULES)


def test_catalogue_page_is_up_to_date() -> None:
    assert PAGE.exists(), "run: python -m validators.catalogue_page"
    assert PAGE.read_text(encoding="utf-8") == render(), "run: python -m validators.catalogue_page"
