"""The truth of a call-style bundle: per indicator the primary value as the catalogue
defines it (as in samples/truth), its components, and where the summary row and the
form are printed. For a planted bundle the value is the one its summary prints."""

from __future__ import annotations

from typing import Any

from samples.callforms.manifest import CallBundle
from samples.callforms.office import find
from samples.callforms.proposal import summary_rows
from samples.generator.model import Built, Profile, Spec
from samples.generator.truth import page_list
from smartcert.schemas.catalogue.forms import load_form_templates

FORMAT_VERSION = 1


def _pages(bundle: CallBundle, placed: dict[str, Any], code: str,
           form_text: str) -> tuple[int | None, int | None]:  # fmt: skip
    """(summary page, form page) of one indicator; the form page is None without a form."""
    has_form = code in placed["forms"]
    if bundle.producer == "painter":
        anchors = placed["anchors"]
        return anchors.get(f"sum:{code}"), anchors.get(f"formtext:{code}") if has_form else None
    found = placed["lines"]
    row = find(found, "정량지표요약표", code)
    form = find(found, placed["headings"][code], form_text) if has_form else None
    return (row.page if row else None), (form.page if form else None)


def truth_file(bundle: CallBundle, city: Profile, specs: list[Spec], built: dict[str, Built],
               ranges: dict[str, str], docs: list[dict[str, Any]],
               placed: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    names = summary_rows(load_form_templates())
    planted = {d.indicator: d for d in bundle.defects if d.sets_value}
    indicators = []
    for s in specs:
        b = built[s.code]
        page, form_page = _pages(bundle, placed, s.code, b.form_text)
        value = planted[s.code].truth_value if s.code in planted else b.value
        indicators.append({
            "code": s.code, "name": names[s.code][2], "text": b.text, "value": value,
            "unit": b.unit, "derivation": b.derivation, "components": b.components,
            "evidence_pages": ranges[s.code], "evidence_page_list": page_list(ranges[s.code]),
            "page": page, "form_page": form_page, "form_text": b.form_text,
        })  # fmt: skip
    return {
        "format_version": FORMAT_VERSION,
        "bundle": bundle.name,
        "producer": bundle.producer,
        "city": bundle.city,
        "fictional": True,
        "clean": bundle.clean,
        "styles": list(bundle.styles),
        "applicant": city.name,
        "city_type": city.city_type,
        "population": city.population["2024-12"],
        "selected_areas": list(city.selected_areas),
        "period": dict(city.period),
        "documents": docs,
        "indicators": indicators,
        "breaks": placed["breaks"],
        "defects": [{"id": d.id, "rule": d.rule, "indicator": d.indicator} for d in bundle.defects],
    }
