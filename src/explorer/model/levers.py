"""Policy levers of a scenario: bounds, validation, parsing untrusted (URL) values, the paper's baseline and presets."""

from __future__ import annotations

import math
import numbers
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import ClassVar

_MAX_RAW_LENGTH = 64  # longer URL values are not numbers a person typed; they reset to the base


@dataclass(frozen=True)
class LeverSpec:
    """Everything about one policy lever, written once: the model, sliders, links, Methods and the brief read it."""

    name: str
    group: str  # what it moves: dc (data centres), xc (Xinchuang), national (the national market: a scenario), talent
    low: float
    high: float
    step: float
    paper: float  # its value under the paper's current policy (baseline())
    symbol: str  # LaTeX symbol on Methods
    decimals: int = 0  # decimals a slider and the brief show
    integer: bool = False
    paper_figure: str | None = None  # figures.csv id of the paper's value, quoted in the slider's help
    target_link: str | None = None  # a Targets card of paper_figure links here: "setting" carries its value
    note: bool = False  # a caption under its slider: catalogue key lever.<name>.note
    scenario: bool = False  # set by others (not a Shenzhen policy): Methods calls it a scenario, not a lever


# The sources of each bound and paper value: baseline()'s docstring and the comments here.
LEVERS: tuple[LeverSpec, ...] = (
    # Racks the energy review approves a year (× dc_rack_kw = MW of IT load). 0 = moratorium; 120,000 a year is the
    # pace that would lift the ~150,000-rack 2022 stock (dc_racks_2022) to the city's target of 500,000 standard
    # racks by 2025 (深工信〔2023〕300号) in three years. The paper's value, 7,000 (17.5 MW a year), is an assumption:
    # see baseline().
    LeverSpec("dc_racks", "dc", 0, 120_000, 1_000, 7_000, "N", integer=True,
              paper_figure="target_dc_racks_2025", target_link="context", note=True),
    # 1.10: below the best reported averages (Guizhou < 1.2), i.e. liquid-cooled sites; 1.50: Guangdong forbids
    # new builds above 1.5 and the national 2025 ceiling is 1.5.
    LeverSpec("dc_pue", "dc", 1.10, 1.50, 0.01, 1.25, r"P_{\mathrm{cap}}", decimals=2,
              paper_figure="target_new_dc_pue_2025", target_link="setting"),
    # 0 = no gate; 70 = Guangdong's 2023-25 rule quoted by the paper; 95 is at or above the practical utilisation
    # ceiling (dc_util_max 85-95), i.e. an effective ban.
    LeverSpec("dc_util_gate", "dc", 0.0, 95.0, 5.0, 70.0, "G", paper_figure="gd_dc_utilisation_gate"),
    # MW of rated IT load (standard racks × dc_rack_kw) whose electricity the city allocates to data centres beyond
    # today's power budget (dc_power_budget): racks up to it pass the power test whatever the budget. 0 = none, the
    # paper's policy (new projects "将难以获得节能审查批复"); 1,250 MW = the city plan's 500,000 standard racks
    # (dc_plan_racks, 深工信〔2023〕300号) × 2.5 kW, the largest allocation with a source. Step 50 MW = 20,000 racks.
    LeverSpec("dc_power", "dc", 0.0, 1_250.0, 50.0, 0.0, "M", note=True),
    # A share: 0-100 %. The paper's floor is 40 %; 100 % = complete replacement.
    LeverSpec("xc_share", "xc", 0.0, 100.0, 5.0, 40.0, "x",
              paper_figure="target_xc_procurement_share", target_link="setting"),
    # Not a Shenzhen lever: the domestic share of purchases by public bodies and SOEs outside Shenzhen, set by the
    # central government, a scenario about the national demand Shenzhen's suppliers sell into. The paper gives no
    # national number; the baseline takes its 40 % floor for the whole country (an assumption), so that the city is
    # neither ahead of nor behind the rest; 100 % = the 2027 deadlines to replace foreign systems (preset
    # "national_market").
    LeverSpec("xc_national", "national", 0.0, 100.0, 5.0, 40.0, r"x^{\mathrm{nat}}",
              note=True, scenario=True),
    # 0 = no subsidy; 96,000 = Qianhai's PhD allowance (8,000 a month); Shenzhen's new-PhD allowance is 100,000;
    # 150,000 leaves headroom above both. Step 1,000 keeps 96,000 on the grid.
    LeverSpec("talent_subsidy", "talent", 0.0, 150_000.0, 1_000.0, 30_000.0, "S"),
    # 0-50,000 a year: about twice the 27,000 returned students who settled in Shenzhen in 2021 (Shenzhen Daily);
    # Longhua district alone counts 229,000 digital workers.
    LeverSpec("talent_quota", "talent", 0, 50_000, 1_000, 10_000, "Q", integer=True),
)  # fmt: skip
LEVER_NAMES = tuple(spec.name for spec in LEVERS)
BY_NAME = {spec.name: spec for spec in LEVERS}
LEVER_GROUPS: dict[str, tuple[str, ...]] = {
    group: tuple(spec.name for spec in LEVERS if spec.group == group)
    for group in dict.fromkeys(spec.group for spec in LEVERS)
}
# 2025-2035: the paper's targets are for 2025; beyond 2035 even illustrative paths lose meaning.
HORIZON_BOUNDS = (2025, 2035, 1)
PAPER_HORIZON = 2030
_INT_FIELDS = frozenset({spec.name for spec in LEVERS if spec.integer} | {"horizon"})


@dataclass(frozen=True)
class Levers:
    """Policy levers of one scenario; values are validated on construction."""

    dc_racks: int  # new standard data-centre racks (dc_rack_kw each) approved per year in Shenzhen
    dc_pue: float  # PUE cap for new data centres (paper: < 1.25)
    dc_util_gate: float  # % utilisation required before new capacity is approved (paper: > 70); 0 = no gate
    dc_power: float  # MW of IT load with electricity allocated beyond today's power budget (paper: 0)
    xc_share: float  # % Xinchuang share of IT procurement by party/government organs and SOEs (paper: >= 40)
    xc_national: float  # % the same share outside Shenzhen (national floor: a scenario, not a Shenzhen lever)
    talent_subsidy: float  # yuan per subsidised digital professional per year
    talent_quota: int  # subsidised professionals recruited per year
    horizon: int  # last projected year, 2025..2035

    BOUNDS: ClassVar[dict[str, tuple[float, float, float]]] = {
        **{spec.name: (spec.low, spec.high, spec.step) for spec in LEVERS},
        "horizon": HORIZON_BOUNDS,
    }

    def __post_init__(self) -> None:
        for field in fields(self):
            name = field.name
            value = getattr(self, name)
            low, high, _ = self.BOUNDS[name]
            if isinstance(value, bool) or not isinstance(value, numbers.Real):
                raise ValueError(f"{name}: expected a number, got {value!r}")
            try:
                number = float(value)
            except (OverflowError, ValueError) as exc:
                raise ValueError(f"{name}: {value!r} is not a usable number") from exc
            if not math.isfinite(number):
                raise ValueError(f"{name}: must be finite, got {value!r}")
            if not low <= number <= high:
                raise ValueError(f"{name}: {value!r} is outside [{low:g}, {high:g}]")
            if name in _INT_FIELDS:
                if number != round(number):
                    raise ValueError(f"{name}: must be a whole number, got {value!r}")
                object.__setattr__(self, name, int(round(number)))
            else:
                object.__setattr__(self, name, number)

    @classmethod
    def from_mapping(cls, raw: Mapping[str, object], base: Levers | None = None) -> tuple[Levers, list[str]]:
        """Parse untrusted values (e.g. URL strings) into levers; return them and the fields changed.

        Missing keys take the base value (default `baseline()`) and are not reported. Unparsable or
        non-finite values ('', 'abc', 'nan', 'inf', '1e309', over 64 characters) reset to the base
        value; numbers outside the bounds are clamped; every value is snapped to its slider step.
        A field is reported when the value used differs from the value given.
        """
        base = baseline() if base is None else base
        values: dict[str, float | int] = {}
        changed: list[str] = []
        for name in cls.BOUNDS:
            current = getattr(base, name)
            if name not in raw:
                values[name] = current
                continue
            parsed = _parse_number(raw[name])
            if parsed is None:
                values[name] = current
                changed.append(name)
                continue
            fitted = _fit_to_bounds(name, parsed)
            values[name] = fitted
            if not math.isclose(fitted, parsed, rel_tol=1e-12, abs_tol=1e-12):
                changed.append(name)
        return cls(**values), changed

    def to_query(self) -> dict[str, str]:
        """Return the canonical string form of every lever, for URLs."""
        return {name: _format_number(getattr(self, name)) for name in self.BOUNDS}


def _parse_number(value: object) -> float | None:
    """Return a finite float from a number or numeric string, or None when it is not one."""
    if isinstance(value, list | tuple):
        value = value[-1] if value else None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, numbers.Real):
        try:
            number = float(value)
        except (OverflowError, ValueError):
            return None
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        if not text or len(text) > _MAX_RAW_LENGTH:
            return None
        try:
            number = float(text)
        except (ValueError, OverflowError):
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def _fit_to_bounds(name: str, number: float) -> float | int:
    """Clamp a finite number to the lever's bounds and snap it to the step grid."""
    low, high, step = Levers.BOUNDS[name]
    clamped = min(max(number, low), high)
    snapped = low + round((clamped - low) / step) * step
    snapped = min(max(snapped, low), high)
    if name in _INT_FIELDS:
        return int(round(snapped))
    decimals = max(0, -math.floor(math.log10(step))) + 2
    return round(snapped, decimals)


def _format_number(value: float | int) -> str:
    if isinstance(value, int):
        return str(value)
    return format(value, ".10g")


def baseline() -> Levers:
    """Return "the paper's current policy" as levers.

    * dc_racks 7,000 a year (17.5 MW of IT load): assumption. The paper (二(二)) says new data
      centres are strictly limited ("新建数据中心项目受严格限制") and new projects "将难以获得节能审查批复"
      while demand is extremely strong, so the energy review is the binding constraint; the paper
      gives no city-wide approval figure, and its only rack number, "≥ 21,000 standard racks by
      2025" for the main and regional centres (主体数据中心和区域分中心), spread over 2023-2025,
      is 7,000 a year. The city plan of 500,000 racks by 2025 (深工信〔2023〕300号, about 117,000 a
      year from 150,000 in 2022) is the alternative preset "city_plan".
    * dc_pue 1.25: "新建数据中心电能利用效率小于1.25" (the cap is used as the new racks' PUE).
    * dc_util_gate 70: "广东省2023-2025年需满足上架率超70%…后再考虑新建或扩建".
    * dc_power 0 MW: no electricity beyond today's power budget; the paper names the energy-intensity target
      ("确保能耗强度下降目标") as a condition of new builds and says new projects "将难以获得节能审查批复".
    * xc_share 40: "党政机关、国资国企领域信创产品的采购比例不低于 40%".
    * xc_national 40: assumption. Not a lever of Shenzhen's: the floor outside the city is the central
      government's; the paper gives none, so the baseline applies the paper's 40 % to the whole country.
    * talent_subsidy 30,000 yuan a year and talent_quota 10,000 people a year: assumption. The paper
      recommends subsidies for digital talent "按照人才认定标准" without amounts; 30,000 sits
      within Shenzhen's current offers (15,000-30,000 one-off; Qianhai 36,000+ a year).
    * horizon 2030.
    """
    return Levers(**{spec.name: spec.paper for spec in LEVERS}, horizon=PAPER_HORIZON)


def _preset(**changes: float | int) -> Levers:
    values = {name: getattr(baseline(), name) for name in Levers.BOUNDS}
    values.update(changes)
    return Levers(**values)


# Language-neutral codes; every preset departs from the paper's policy in one theme only.
PRESETS: dict[str, Levers] = {
    "paper": baseline(),
    "no_new_capacity": _preset(dc_racks=0),
    # Approvals, not power: the energy review approves as many racks as the slider allows (120,000 a year) with no
    # utilisation gate, but within today's power budget (no electricity allocated beyond it). It tests the paper's
    # approval limits; where the budget binds it stops there, and demand beyond is unmet.
    "aggressive_buildout": _preset(dc_racks=120_000, dc_util_gate=0.0),
    # The city's plan with its power: 500,000 standard racks by 2025 from ~150,000 in 2022 (about 117,000 a year, no
    # gate) and the electricity for them (500,000 × 2.5 kW = 1,250 MW of IT load) allocated beyond today's budget.
    "city_plan": _preset(dc_racks=117_000, dc_util_gate=0.0, dc_power=1_250.0),
    "talent_push": _preset(talent_subsidy=96_000.0, talent_quota=30_000),
    "xinchuang_push": _preset(xc_share=80.0),
    "no_xinchuang_floor": _preset(xc_share=0.0),
    # A scenario about national demand, which Shenzhen's floor does not set: public bodies and SOEs across the country
    # buy only domestic systems (the 2027 replacement deadlines for SOEs and Party and government bodies).
    "national_market": _preset(xc_national=100.0),
}
