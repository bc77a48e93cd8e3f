"""The similarity thresholds the mapping reads printed labels and names with, in one place.

Scores are rapidfuzz ratios on match keys (0–100, 100 = the same text). They decide what a
printed label *is*; the scores themselves are built in the modules that compare.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class MappingSettings:
    # a printed label is the catalogue's label (key-value rows, list headers, the
    # 자체평가표's units, the form's meta rows 지표/분석자료/자료출처)
    label: float = 85.0
    # short labels ('지표'): a near miss is another word
    short_label: float = 90.0
    # a table header row's cells take their roles
    header: float = 80.0
    # a printed area name slipped by OCR or typing ('문화 관굉')
    area: float = 80.0
    # a cell of a data form holds one of the indicator's components
    component: float = 70.0
    # a reworded label still names the same figure (O/X flags, a form's title vs its row)
    same_figure: float = 60.0
    # a summary-table name is some indicator's wording …
    indicator_name: float = 82.0
    # … a piece of a combined name ('A-3-1 도시정보 …, 개방 데이터 …') is one
    indicator_name_piece: float = 88.0
    # … this close to another indicator's wording contradicts the printed code
    name_contradicts_code: float = 92.0
    # … unless it is about as close to the code's own wording
    name_fits_code: float = 80.0

    def __post_init__(self) -> None:
        for name, value in asdict(self).items():
            if not 0.0 <= value <= 100.0:
                raise ValueError(f"MappingSettings.{name}: {value} is not a 0–100 score")
        if not self.same_figure <= self.component <= self.label <= self.short_label:
            raise ValueError("MappingSettings: same_figure ≤ component ≤ label ≤ short_label")
        if self.name_fits_code > self.name_contradicts_code:
            raise ValueError("MappingSettings: name_fits_code must not exceed name_contradicts_code")


MAPPING = MappingSettings()
