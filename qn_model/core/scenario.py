"""The scenario: one small immutable value holding every assumption a planner can set.

A scenario covers two periods with constant rates each:
period 1 runs from the year after ``base_year`` to 2025, period 2 from 2026 to 2030.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace

TARGET_YEAR_1 = 2025
TARGET_YEAR_2 = 2030
HORIZON_END = TARGET_YEAR_2
PERIOD_1_END = TARGET_YEAR_1

# Projects (the link's ``pj``): start years and values a planner may set.
PROJECT_FIRST_YEAR = 2026
PROJECT_LAST_YEAR = 2030
PROJECT_MIN_VND_TRN = 0.1
PROJECT_MAX_VND_TRN = 1000.0
MAX_PROJECTS = 5


@dataclass(frozen=True, order=True)
class Project:
    """A named investment: ``value_vnd_trn`` of value added (trillion VND at base-year prices)
    added to both the digital economy and GRDP from ``year`` on."""

    year: int
    value_vnd_trn: float


def as_projects(items: Iterable[Project | tuple[int, float]]) -> tuple[Project, ...]:
    """Projects in year order (then value): equal sets of projects are equal tuples."""
    return tuple(sorted(p if isinstance(p, Project) else Project(int(p[0]), float(p[1])) for p in items))


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
    projects : tuple of Project
        Investments adding fixed value added from their start year on (kept in year order);
        none by default, and none in any preset.
    ss : float
        Spread (standard deviation, percentage points) of the base-year share itself, used by
        the Monte Carlo and the required growth's range only: the deterministic path never
        reads it. 0 treats the base share as exact.
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
    projects: tuple[Project, ...] = field(default=())
    ss: float = 0.0

    def __post_init__(self) -> None:
        # Year order whatever the caller gave: equal scenarios compare (and link) equal.
        object.__setattr__(self, "projects", as_projects(self.projects))

    def rates_for_year(self, year: int) -> tuple[float, float]:
        """(GRDP growth %, digital-economy growth %) that apply to ``year``."""
        if year <= PERIOD_1_END:
            return self.gy1, self.gd1
        return self.gy2, self.gd2

    def target_for_year(self, year: int) -> float:
        return self.t1 if year == TARGET_YEAR_1 else self.t2

    def with_(self, **changes: object) -> Scenario:
        """A copy with some fields changed (the scenario itself never changes)."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, object]:
        """Plain values; ``projects`` is a list of ``{year, value_vnd_trn}``."""
        d = asdict(self)
        d["projects"] = [asdict(p) for p in self.projects]
        return d

    def project_total(self, year: int) -> float:
        """Value added of the projects started by ``year``, VND trillion (0 without projects)."""
        return float(sum(p.value_vnd_trn for p in self.projects if p.year <= year))


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
