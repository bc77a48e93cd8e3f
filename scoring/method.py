"""The provisional scoring method: which formulas, with which parameters.

The call publishes the points of every quantitative indicator, the qualitative total and
the grade table, but not how a value becomes points nor how a stage becomes points. This
method is therefore an assumption, named and parameterised, and every score built on it is
provisional.

Quantitative points, the default (each submission on its own, whatever the batch; also
with `batch_relative` when fewer than `min_batch` submissions of the type are in the batch):
- an indicator earns its full catalogue points when its primary value is present (a
  boolean must be true) and no error finding concerns it;
- `warning_factor` (default ½) of them when only warnings concern it;
- `error_factor` (default 0) when an error finding concerns it; 0 when the value is missing;
- free-text rows (지자체 자체 설정 지표) earn their points when filled.

By default a submission's score does not depend on which other submissions are in its
batch: the same bundle scores the same alone and among others. Only when the operator asks
(`batch_relative=True`: `smartcert intake --batch-relative`, the flow's `relative_scoring`)
— the committee itself standardises quantitative points by comparing municipalities — are
numeric indicators scored relative to the best value among the batch's submissions of the
same applicant type (대도시 / 중소도시), given at least `min_batch` of them:
- `relative="ratio"` (default): points × v / best (best / v for lower-is-better codes) —
  "최고값 대비", and the lowest value keeps points in proportion (with two or three peers
  per type, min–max would give the lowest one nothing);
- `relative="minmax"`: points × (v − worst) / (best − worst), full when all equal;
- `relative="rank"`: points × (n − r + 1) / n, r the dense rank (1 = best) among n distinct
  values;
booleans and free-text rows stay full/zero, and the warning/error factors still apply.
Higher values are better except for the codes in `lower_is_better` (none by default: every
value rule of city-2025 — counts, ratios, percentages, decrease percentages — rises with
quality).

Qualitative points: the self-assessment gives one stage per 소분류; the call publishes
neither points per stage nor how 소분류 stages combine, so both are assumptions. The unit
(중분류) maximum and the stage fractions come from the catalogue's labelled assumption
(`qualitative.yaml` › `stage_points`, `published: false`) unless `stage_fraction` overrides
the fractions. The 소분류 stages claimed roll up into the 중분류 by `rollup`:
- `"mean_level"` (default): the mean stage level (착수 1 … 최적화 5) of the 소분류 present,
  rounded half up (2.5 → 3), earns that stage's fraction;
- `"mean_fraction"`: the mean of the 소분류 stages' fractions (not rounded);
- `"lowest"`: the lowest 소분류 stage.
A 소분류 stated with two stages counts as the mean of both; a 중분류 claimed as a whole (no
소분류 rows printed) counts as one 소분류; 소분류 not printed or not staged are left out of the
mean (their finding is reported); a unit without a claimed stage scores 0.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from itertools import pairwise
from typing import Any, Literal

Relative = Literal["minmax", "ratio", "rank"]
Rollup = Literal["mean_level", "mean_fraction", "lowest"]
STAGE_IDS = ("initiation", "partial", "meets", "advanced", "optimized")

NOTE = (
    "잠정 점수: 공모 지침은 정량지표 값의 점수 환산식과 정성지표 단계별 배점을 공개하지 않으므로, "
    "이 점수는 문서화된 가정(방법: {name})에 따른 참고용이며 실제 평가 점수와 다를 수 있습니다. "
    "{basis}"
)
BASIS_SINGLE = ("정량(기본값, 함께 접수된 다른 제출과 무관): 값이 있고 오류가 없으면 배점 전부, "
                "경고만 있으면 {w:g}배, 오류가 있으면 {e:g}배, 값이 없으면 0점, 자체 설정 지표는 기재 시 "
                "배점 전부.")
BASIS_BATCH = ("정량(운영자 요청에 따른 일괄 상대 환산): 같은 신청 유형(대도시/중소도시) 내 최고값 대비 "
               "상대 환산({relative}), 여부·자체 설정 지표는 전부/0점, 경고 {w:g}배·오류 {e:g}배.")
# asked for, but the batch held too few submissions of the type: scored as alone
BASIS_TOO_FEW = " 일괄 상대 환산을 요청했으나 같은 신청 유형 제출이 {n}건뿐이라 단일 기준으로 산정."

BASIS_QUALITATIVE = {  # how 소분류 stages become the 중분류 stage (an assumption too)
    "mean_level": "정성(가정): 중분류 단계 = 소분류 단계 수준의 평균을 반올림한 단계, 단계별 배점 비율 적용.",
    "mean_fraction": "정성(가정): 중분류 점수 = 소분류 단계별 배점 비율의 평균.",
    "lowest": "정성(가정): 중분류 단계 = 소분류 중 가장 낮은 단계, 단계별 배점 비율 적용.",
}


@dataclass(frozen=True)
class ScoringMethod:
    """A named, validated set of scoring parameters (see the module docstring)."""

    name: str = "provisional-v2"  # v2: qualitative stages per 소분류, rolled up
    warning_factor: float = 0.5
    error_factor: float = 0.0
    relative: Relative = "ratio"
    min_batch: int = 2
    lower_is_better: tuple[str, ...] = ()
    stage_fraction: tuple[tuple[str, float], ...] | None = None  # None = the catalogue's
    rollup: Rollup = "mean_level"  # 소분류 stages → the 중분류's (see the module docstring)
    batch_relative: bool = False  # only on the operator's request (see the module docstring)

    def __post_init__(self) -> None:
        problems = self.problems()
        if problems:
            raise ValueError("invalid scoring method: " + "; ".join(problems))

    def problems(self) -> list[str]:
        out: list[str] = []
        if not self.name.strip():
            out.append("name is empty")
        for field in ("warning_factor", "error_factor"):
            v = getattr(self, field)
            if isinstance(v, bool) or not isinstance(v, int | float) or not 0 <= v <= 1:
                out.append(f"{field} must be a number in [0, 1], got {v!r}")
        if not out and self.error_factor > self.warning_factor:
            out.append("error_factor must not exceed warning_factor")
        if self.relative not in ("minmax", "ratio", "rank"):
            out.append(f"relative must be minmax, ratio or rank, got {self.relative!r}")
        if isinstance(self.min_batch, bool) or not isinstance(self.min_batch, int) \
                or self.min_batch < 2:
            out.append(f"min_batch must be an integer ≥ 2, got {self.min_batch!r}")
        if self.stage_fraction is not None:
            out += _fraction_problems(self.stage_fraction)
        if not isinstance(self.batch_relative, bool):
            out.append(f"batch_relative must be a boolean, got {self.batch_relative!r}")
        if self.rollup not in BASIS_QUALITATIVE:
            out.append(f"rollup must be {', '.join(BASIS_QUALITATIVE)}, got {self.rollup!r}")
        return out

    def fractions(self, catalogue: dict[str, float]) -> dict[str, float]:
        """Stage id → fraction of the unit maximum (override, else the catalogue's)."""
        return dict(self.stage_fraction) if self.stage_fraction is not None else dict(catalogue)

    def parameters(self) -> dict[str, Any]:
        """The parameters as JSON-native values (a result round-trips through JSON)."""
        out = {k: v for k, v in asdict(self).items() if k != "name"}
        out["lower_is_better"] = list(self.lower_is_better)
        if self.stage_fraction is not None:
            out["stage_fraction"] = dict(self.stage_fraction)
        return out

    def note(self, batch: bool, peers: int = 1) -> str:
        """The Korean note of a score; `batch`: relative scoring was used, `peers`: the
        submissions of the type it was (or would have been) relative to."""
        basis = (BASIS_BATCH if batch else BASIS_SINGLE).format(
            w=self.warning_factor, e=self.error_factor, relative=self.relative)
        if self.batch_relative and not batch:
            basis += BASIS_TOO_FEW.format(n=peers)
        return NOTE.format(name=self.name, basis=f"{basis} {BASIS_QUALITATIVE[self.rollup]}")


def _fraction_problems(pairs: tuple[tuple[str, float], ...]) -> list[str]:
    out: list[str] = []
    ids = [k for k, _ in pairs]
    if len(ids) != len(STAGE_IDS) or set(ids) != set(STAGE_IDS):
        out.append(f"stage_fraction must give each of {', '.join(STAGE_IDS)} once")
        return out
    values = dict(pairs)
    seq = [values[s] for s in STAGE_IDS]
    if any(isinstance(v, bool) or not isinstance(v, int | float) or not 0 <= v <= 1
           for v in seq):
        out.append("stage fractions must be numbers in [0, 1]")
    elif any(a > b for a, b in pairwise(seq)):
        out.append("stage fractions must not decrease from 착수 to 최적화")
    return out


DEFAULT_METHOD = ScoringMethod()
BATCH_RELATIVE_METHOD = ScoringMethod(batch_relative=True)
