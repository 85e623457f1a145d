"""Domain facts from the data files: indicators (``data/codebook.csv``) and areas (``data/geos.csv``).

Each indicator's names, units and descriptions in both languages, and whether its values are a
share in percent (0-100, checked by the validator), are data: adding an indicator is a row here
(plus, at most, its chart). What the code itself needs to know is which codebook id or area plays
which role in the model; those roles are named once, below.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from qn_model.data.cache import memoize

__all__ = [
    "CODEBOOK_COLUMNS",
    "GEO_COLUMNS",
    "GROWTH_ID",
    "LEVEL_ID",
    "NATION",
    "PROVINCE",
    "ROLE_IDS",
    "SHARE_ID",
    "Codebook",
    "Geo",
    "Indicator",
    "codebook_problems",
    "geos",
    "read_geos",
    "shipped_codebook",
]

# ---- roles: the codebook ids and areas the model is built on (named here only) ----------------
SHARE_ID = "de_share"
"""The digital-economy share (% of GRDP for the province, % of GDP for the nation)."""
GROWTH_ID = "grdp_growth"
"""The province's real GRDP growth, % a year."""
LEVEL_ID = "grdp_vnd_trn"
"""The province's GRDP at current prices, VND trillion (the money of the projects)."""
ROLE_IDS = (SHARE_ID, GROWTH_ID, LEVEL_ID)
OTHER_METHOD_SHARE_ID = "de_share_mic"
"""The nation's digital-economy share by the ministry's broader method: beside GSO's ``de_share``
for the same years, it measures how far two methods set one share apart (the base share's
default spread, ``ss``). Optional: without it the spread is 0."""
PROVINCE = "QN"
"""The province the planner plans for (Quảng Ninh)."""
NATION = "VN"
"""The nation (Viet Nam): context and the national targets."""

_DATA_DIR = Path(__file__).resolve().parents[2] / "data"  # == dataset.DATA_DIR (no import cycle)
CODEBOOK_COLUMNS = (
    "indicator_id",
    "name_vi",
    "name_en",
    "unit",
    "unit_en",
    "description_vi",
    "description_en",
    "is_share",
)
"""Columns of ``codebook.csv``: ``unit`` is the unit in Vietnamese, ``is_share`` ``true`` or
``false`` (values in percent, 0-100)."""
GEO_COLUMNS = ("geo", "name_vi", "name_en")
_BOOL = {"true": True, "false": False}


@dataclass(frozen=True)
class Indicator:
    """One codebook row."""

    indicator_id: str
    name_vi: str
    name_en: str
    unit_vi: str
    unit_en: str
    description_vi: str
    description_en: str
    is_share: bool

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_vi

    def unit(self, lang: str) -> str:
        return self.unit_en if lang == "en" else self.unit_vi

    def description(self, lang: str) -> str:
        return self.description_en if lang == "en" else self.description_vi


@dataclass(frozen=True)
class Geo:
    """One area code of the main data files, with its names."""

    code: str
    name_vi: str
    name_en: str

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_vi


@dataclass(frozen=True)
class Codebook:
    """The indicators of a codebook, in its order, looked up by id."""

    by_id: Mapping[str, Indicator]

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> Codebook:
        """From ``codebook.csv`` read as text (:data:`CODEBOOK_COLUMNS`); a broken ``is_share``
        reads as ``False`` (the loader reports it, see :func:`codebook_problems`)."""
        rows = {}
        for r in frame.itertuples(index=False):
            rows[str(r.indicator_id)] = Indicator(
                indicator_id=str(r.indicator_id),
                name_vi=str(r.name_vi),
                name_en=str(r.name_en),
                unit_vi=str(r.unit),
                unit_en=str(r.unit_en),
                description_vi=str(r.description_vi),
                description_en=str(r.description_en),
                is_share=_BOOL.get(str(r.is_share).strip().lower(), False),
            )
        return cls(rows)

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self.by_id.values())

    def __contains__(self, indicator_id: object) -> bool:
        return indicator_id in self.by_id

    def get(self, indicator_id: str) -> Indicator | None:
        return self.by_id.get(indicator_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self.by_id)

    @property
    def share_ids(self) -> frozenset[str]:
        """Ids whose values are shares in percent (0-100)."""
        return frozenset(i.indicator_id for i in self if i.is_share)


def codebook_problems(frame: pd.DataFrame) -> list[str]:
    """What is wrong with a codebook read as text (empty: nothing); English, for developers."""
    errors: list[str] = []
    if frame["indicator_id"].duplicated().any():
        errors.append("codebook.csv: duplicate indicator_id")
    for col in ("name_vi", "name_en", "unit", "unit_en"):
        for ind in frame.loc[frame[col].str.strip() == "", "indicator_id"]:
            errors.append(f"codebook.csv: {ind} has an empty {col}")
    for ind, flag in zip(frame["indicator_id"], frame["is_share"], strict=True):
        if flag.strip().lower() not in _BOOL:
            errors.append(f"codebook.csv: {ind} has is_share '{flag}', expected true or false")
    for role in ROLE_IDS:
        if role not in set(frame["indicator_id"]):
            errors.append(f"codebook.csv: the model needs indicator '{role}'")
    return errors


def _read(path: Path, columns: tuple[str, ...]) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    if tuple(frame.columns) != columns:
        raise ValueError(f"{path.name}: columns must be exactly {list(columns)}, got {list(frame.columns)}")
    return frame


@memoize(maxsize=4)
def _shipped(path: Path) -> Codebook:
    return Codebook.from_frame(_read(path / "codebook.csv", CODEBOOK_COLUMNS))


def shipped_codebook() -> Codebook:
    """The codebook of the shipped ``data/`` (the validator's default share rule)."""
    return _shipped(_DATA_DIR)


@memoize(maxsize=4)
def _geos(path: Path) -> tuple[Geo, ...]:
    frame = _read(path / "geos.csv", GEO_COLUMNS)
    out = tuple(Geo(str(r.geo), str(r.name_vi), str(r.name_en)) for r in frame.itertuples(index=False))
    codes = [g.code for g in out]
    missing = [c for c in (PROVINCE, NATION) if c not in codes]
    if missing or len(set(codes)) != len(codes):
        raise ValueError(f"geos.csv: needs {PROVINCE} and {NATION} once each, got {codes}")
    return out


def read_geos(data_dir: Path | str | None = None) -> tuple[Geo, ...]:
    """The areas of the main data files (``geos.csv``), in file order; broken data raises."""
    return _geos(Path(_DATA_DIR if data_dir is None else data_dir).resolve())


def geos() -> Mapping[str, Geo]:
    """The shipped areas by code (``QN``, ``VN``)."""
    return {g.code: g for g in read_geos()}
