"""The scenario: one small immutable value holding every assumption a planner can set.

A scenario covers two periods with constant rates each:
period 1 runs from the year after ``base_year`` to 2025, period 2 from 2026 to 2030.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

TARGET_YEAR_1 = 2025
TARGET_YEAR_2 = 2030
HORIZON_END = TARGET_YEAR_2
PERIOD_1_END = TARGET_YEAR_1


@dataclass(frozen=True)
class Scenario:
    """Assumptions of one scenario (percent in, percent out).

    Parameters
    ----------
    base_year : int
        Last year whose share is taken as given; the projection starts the year after.
    base_share_pct : float
        Digital-economy share of GRDP in ``base_year``, % of GRDP.
    gy1, gd1 : float
        GRDP growth and digital-economy value-added growth, % per year, period 1 (to 2025).
    gy2, gd2 : float
        The same for period 2 (2026–2030).
    t1, t2 : float
        Target shares, % of GRDP, for 2025 and 2030.
    sy, sd : float
        Year-to-year spread (standard deviation, percentage points) of GRDP growth and of
        digital-economy growth around the scenario's rates, used by the Monte Carlo.
    """

    base_year: int
    base_share_pct: float
    gy1: float
    gd1: float
    gy2: float
    gd2: float
    t1: float
    t2: float
    sy: float
    sd: float

    def rates_for_year(self, year: int) -> tuple[float, float]:
        """(GRDP growth %, digital-economy growth %) that apply to ``year``."""
        if year <= PERIOD_1_END:
            return self.gy1, self.gd1
        return self.gy2, self.gd2

    def target_for_year(self, year: int) -> float:
        return self.t1 if year == TARGET_YEAR_1 else self.t2

    def with_(self, **changes: float | int) -> Scenario:
        """A copy with some fields changed (the scenario itself never changes)."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, float | int]:
        return asdict(self)


def period_years(base_year: int, period: int) -> tuple[int, ...]:
    """Calendar years projected in ``period`` (1 or 2) for a given base year.

    Period 1 is empty when the base year is 2025 or later; period 2 shrinks when the base
    year is inside it.
    """
    if period == 1:
        return tuple(range(base_year + 1, PERIOD_1_END + 1))
    if period == 2:
        return tuple(range(max(base_year, PERIOD_1_END) + 1, HORIZON_END + 1))
    raise ValueError(f"period must be 1 or 2, got {period!r}")


def period_of_year(year: int) -> int:
    return 1 if year <= PERIOD_1_END else 2
