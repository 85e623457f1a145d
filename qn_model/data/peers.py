"""Quảng Ninh beside other provinces: the shipped peer values (``data/peers.csv``), each with
its method and vintage, grouped so that methods never share a group unnoticed.

Quảng Ninh's own values come from the main data (indicators and targets); the peers file holds
the other provinces, the national figures of the same publications, and the 2025 GRDP growth
ranking. Nothing here is typed in: every value, and every number in a reading, comes from data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from qn_model.data.cache import derived, memoize
from qn_model.data.codebook import NATION, PROVINCE, SHARE_ID
from qn_model.data.dataset import DATA_DIR, Dataset

__all__ = [
    "KIND_GROWTH",
    "KIND_SHARE",
    "KIND_TARGET",
    "METHODS",
    "PEER_COLUMNS",
    "PEER_KINDS",
    "PeerGroup",
    "PeerValue",
    "TargetDistance",
    "dataset_peers",
    "geo_name",
    "groups_of",
    "growth_groups",
    "load_peers",
    "peer_problems",
    "peer_values",
    "share_groups",
    "target_distances",
    "target_groups",
]

PEER_COLUMNS = (
    "geo",
    "name_vi",
    "name_en",
    "year",
    "basis",
    "value",
    "kind",
    "method",
    "source_id",
    "note",
    "note_vi",
)
BASES = ("year", "period_average", "unclear")
"""Closed vocabulary of ``basis``: the value is one year's (``year``), a period's average
(``period_average``), or the source does not say which (``unclear``, a period's figure that
may be its last year's value or its average)."""
KIND_SHARE, KIND_TARGET, KIND_GROWTH = "de_share", "target", "grdp_growth"
PEER_KINDS = (KIND_SHARE, KIND_TARGET, KIND_GROWTH)
METHODS = (
    "mic_annual_report_2022",  # the ministry's annual digital-economy report 2022 (broad method)
    "gso_reported_2021_2025",  # GSO figures reported for 2021-2025; year or average not stated
    "gso",  # the statistics office's method (GSO / Cục Thống kê)
    "mic_assessment",  # the ministry's assessment for one city
    "own_target",  # an area's own target (resolution, plan, strategy)
    "article_target",  # a target only the mission article states (Quảng Ninh's 35 % for 2030)
    "not_stated",  # press-reported, compiler and method not named (Quảng Ninh's 7.1 %)
)
"""Closed vocabulary of ``method`` in ``data/peers.csv`` (the last two only for Quảng Ninh's
values, which come from the main data)."""
YEAR_RE = re.compile(r"(?:19|20)[0-9]{2}(?:-(?:19|20)[0-9]{2})?")
QN, VN = PROVINCE, NATION
BESIDE_QN = "beside_qn"
ARTICLE_SET = "article"  # the target set of the mission article (data/targets.csv)  # the label of the national value drawn in Quảng Ninh's group
# The share in a group is compared with the national figure of the same method and year.
_NATIONAL_METHOD = {"gso": (SHARE_ID, "gso"), "mic_annual_report_2022": ("de_share_mic", "mic")}


@dataclass(frozen=True)
class PeerValue:
    """One value of one area, with how it was measured and where it is from."""

    geo: str
    name_vi: str
    name_en: str
    year: int | str  # an int, or a period such as "2021-2025" where the source gives one
    value_pct: float
    kind: str
    method: str
    source_id: str
    source_url: str
    note: str  # English
    label: str = ""  # which of an area's values (Quảng Ninh's targets: "article", "resolution09")
    basis: str = "year"  # one of BASES
    note_vi: str = ""  # the note in Vietnamese; empty where the data has only English (main data)

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_vi

    def note_in(self, lang: str) -> tuple[str, str]:
        """(the note, its language): in ``lang`` where the data has it, else in English."""
        if lang != "en" and self.note_vi:
            return self.note_vi, "vi"
        return self.note, "en"

    def to_json(self, lang: str = "vi") -> dict[str, object]:
        """``{geo, name, year, basis, value_pct, kind, method, note, note_lang, source_url}``, the
        command line's contract (``note_lang``: the language the data gives the note in)."""
        note, note_lang = self.note_in(lang)
        return {
            "geo": self.geo,
            "name": self.name(lang),
            "year": self.year,
            "basis": self.basis,
            "value_pct": self.value_pct,
            "kind": self.kind,
            "method": self.method,
            "note": note,
            "note_lang": note_lang,
            "source_url": self.source_url,
        }


@dataclass(frozen=True)
class PeerGroup:
    """Values of one kind measured one way in one year (or period): the only things compared."""

    kind: str
    method: str
    year: int | str
    values: tuple[PeerValue, ...]  # largest first


# --------------------------------------------------------------------------------------
# Loading and validation
# --------------------------------------------------------------------------------------
def _year(text: str) -> int | str:
    return int(text) if text.isdigit() else text


def peer_problems(frame: pd.DataFrame, source_ids: set[str]) -> list[str]:
    """What is wrong with a peers table (empty when it is valid): columns, kinds, methods,
    years, values, sources, duplicates."""
    if tuple(frame.columns) != PEER_COLUMNS:
        return [f"peers.csv: columns must be exactly {list(PEER_COLUMNS)}, got {list(frame.columns)}"]
    errors = []
    for i, r in enumerate(frame.itertuples(index=False), start=2):
        where = f"peers.csv, row {i}"
        if r.kind not in PEER_KINDS:
            errors.append(f"{where}: kind '{r.kind}' must be one of {list(PEER_KINDS)}")
        if r.method not in METHODS:
            errors.append(f"{where}: method '{r.method}' must be one of {list(METHODS)}")
        if not YEAR_RE.fullmatch(r.year):
            errors.append(f"{where}: year '{r.year}' is neither a year nor a period YYYY-YYYY")
        elif "-" in r.year and int(r.year[:4]) >= int(r.year[5:]):
            errors.append(f"{where}: period '{r.year}' must run forward")
        if r.basis not in BASES:
            errors.append(f"{where}: basis '{r.basis}' must be one of {list(BASES)}")
        elif (r.basis == "year") == ("-" in r.year):
            errors.append(
                f"{where}: basis '{r.basis}' does not fit the year '{r.year}' (a period is not 'year')"
            )
        try:
            value = float(r.value)
            if not 0.0 <= value <= 100.0:
                errors.append(f"{where}: value {r.value} is not a percentage")
        except ValueError:
            errors.append(f"{where}: value '{r.value}' is not a number")
        if r.source_id not in source_ids:
            errors.append(f"{where}: source_id '{r.source_id}' is not in sources.csv")
        for col in ("geo", "name_vi", "name_en", "note", "note_vi"):
            if not str(getattr(r, col)).strip():
                errors.append(f"{where}: empty {col}")
    keys = frame[["geo", "year", "kind", "method"]].astype(str).agg("|".join, axis=1)
    for key in sorted(set(keys[keys.duplicated()])):
        errors.append(f"peers.csv: duplicate row for {key}")
    return errors


def load_peers(data_dir: Path | str | None = None) -> tuple[PeerValue, ...]:
    """The shipped peer values, validated (broken shipped data raises ``ValueError``); cached.

    Parameters
    ----------
    data_dir : path, optional
        Folder with peers.csv and sources.csv; defaults to :data:`qn_model.data.dataset.DATA_DIR`.
    """
    return _load(Path(DATA_DIR if data_dir is None else data_dir).resolve())


@memoize(maxsize=4)
def _load(path: Path) -> tuple[PeerValue, ...]:
    frame = pd.read_csv(path / "peers.csv", dtype=str, keep_default_na=False, encoding="utf-8")
    sources = pd.read_csv(path / "sources.csv", dtype=str, keep_default_na=False, encoding="utf-8")
    return _values(frame, dict(zip(sources["source_id"], sources["url"], strict=True)))


def _values(frame: pd.DataFrame, urls: dict[str, str]) -> tuple[PeerValue, ...]:
    errors = peer_problems(frame, set(urls))
    if errors:
        raise ValueError("Shipped peers data is broken:\n  " + "\n  ".join(errors[:50]))
    return tuple(
        PeerValue(
            geo=r.geo,
            name_vi=r.name_vi,
            name_en=r.name_en,
            year=_year(r.year),
            value_pct=float(r.value),
            kind=r.kind,
            method=r.method,
            source_id=r.source_id,
            source_url=urls[r.source_id],
            note=r.note,
            basis=r.basis,
            note_vi=r.note_vi,
        )
        for r in frame.itertuples(index=False)
    )


def dataset_peers(ds: Dataset) -> tuple[PeerValue, ...]:
    """The peer values of ``ds``: the peers file read with its data (the values its version
    covers), else the shipped one. Cached per dataset."""
    if ds.peers is None:
        return load_peers()
    urls = {str(r["source_id"]): str(r["url"]) for r in ds.sources.to_dict("records")}
    return derived(ds, "peer_values", lambda: _values(ds.peers, urls))


# --------------------------------------------------------------------------------------
# Quảng Ninh and the nation from the main data
# --------------------------------------------------------------------------------------
def _url(ds: Dataset, source_id: str) -> str:
    return (ds.source(source_id) or {}).get("url", "")


def geo_name(geo: str) -> tuple[str, str]:
    """(Vietnamese, English) name of an area as the peer file writes it (Quảng Ninh and the
    nation are in it too); the code itself for an area it does not name."""
    return next(((v.name_vi, v.name_en) for v in load_peers() if v.geo == geo), (geo, geo))


def _from_indicators(ds: Dataset, indicator_id: str, geo: str, year: int, method: str) -> PeerValue | None:
    row = ds.row(indicator_id, geo, year)
    if row is None:
        return None
    name_vi, name_en = geo_name(geo)
    return PeerValue(
        geo=geo,
        name_vi=name_vi,
        name_en=name_en,
        year=int(year),
        value_pct=float(row["value"]),
        kind=KIND_SHARE,
        method=method,
        source_id=str(row["source_id"]),
        source_url=_url(ds, str(row["source_id"])),
        note=str(row["note"]),
    )


def _qn_values(ds: Dataset) -> list[PeerValue]:
    """Quảng Ninh's latest share (method not stated by its source), the national GSO share of
    that year beside it, and Quảng Ninh's own digital-economy targets, one row per value."""
    out: list[PeerValue] = []
    qn = ds.series(SHARE_ID, QN)
    if len(qn):
        year = int(qn.index[-1])
        out.append(_from_indicators(ds, SHARE_ID, QN, year, "not_stated"))
        national = _from_indicators(ds, SHARE_ID, VN, year, "gso")
        if national is not None:
            # Shown in Quảng Ninh's group, marked as another method (the group's title says so).
            out.append(replace(national, label=BESIDE_QN))
    seen: set[tuple[int, float]] = set()
    # The provincial resolution first: where the article says the same, the resolution is cited.
    sets = sorted(ds.target_sets(), key=lambda s: (s != "resolution09", s))
    for set_id in sets:
        for r in ds.targets_for(set_id).itertuples(index=False):
            key = (int(r.year), float(r.value))
            if r.indicator_id != SHARE_ID or r.geo != QN or key in seen:
                continue
            seen.add(key)
            out.append(
                PeerValue(
                    geo=QN,
                    name_vi=geo_name(QN)[0],
                    name_en=geo_name(QN)[1],
                    year=int(r.year),
                    value_pct=float(r.value),
                    kind=KIND_TARGET,
                    # The article's own figure (35 % for 2030) is no target of the province's.
                    method="article_target" if set_id == ARTICLE_SET else "own_target",
                    source_id=str(r.source_id),
                    source_url=_url(ds, str(r.source_id)),
                    note=str(r.note),
                    label=set_id,
                )
            )
    return [v for v in out if v is not None]


def _national_for(ds: Dataset, group_method: str, year: int | str) -> PeerValue | None:
    """The national share of the same method and year from the main data, if any."""
    if group_method not in _NATIONAL_METHOD or not isinstance(year, int):
        return None
    indicator_id, _ = _NATIONAL_METHOD[group_method]
    return _from_indicators(ds, indicator_id, VN, year, group_method)


def peer_values(ds: Dataset, peers: Sequence[PeerValue] | None = None) -> tuple[PeerValue, ...]:
    """Every value the peers page and ``python -m qn_model peers`` show: Quảng Ninh's (from the
    main data) first, then the peer file's in file order, then, for a share group of the peer
    file without a national figure, the national share of the same method and year from the
    main data (GSO's 2021 and 2022 beside Hồ Chí Minh City's)."""
    peers = dataset_peers(ds) if peers is None else tuple(peers)
    complements = []
    for g in groups_of(peers, KIND_SHARE):
        if not any(v.geo == VN for v in g.values):
            national = _national_for(ds, g.method, g.year)
            if national is not None:
                complements.append(national)
    return (*_qn_values(ds), *peers, *complements)


# --------------------------------------------------------------------------------------
# Groups
# --------------------------------------------------------------------------------------
def _sort_key(year: int | str) -> tuple[int, int]:
    text = str(year)
    return int(text[-4:]), int(text[:4])


def groups_of(values: Sequence[PeerValue], kind: str) -> list[PeerGroup]:
    buckets: dict[tuple[str, int | str], list[PeerValue]] = {}
    for v in values:
        if v.kind == kind:
            method = "own_target" if kind == KIND_TARGET else v.method
            if v.label == BESIDE_QN:
                method = "not_stated"
            buckets.setdefault((method, v.year), []).append(v)
    return [
        PeerGroup(kind, method, year, tuple(sorted(vals, key=lambda v: -v.value_pct)))
        for (method, year), vals in buckets.items()
    ]


def share_groups(ds: Dataset, peers: Sequence[PeerValue] | None = None) -> list[PeerGroup]:
    """The shares by (method, year): Quảng Ninh's group first, then the latest first."""
    groups = groups_of(peer_values(ds, peers), KIND_SHARE)
    return sorted(
        groups, key=lambda g: (not any(v.geo == QN for v in g.values), [-x for x in _sort_key(g.year)])
    )


def target_groups(ds: Dataset, peers: Sequence[PeerValue] | None = None) -> list[PeerGroup]:
    """Digital-economy targets by target year (2030 first), Quảng Ninh's beside the peers'."""
    groups = groups_of(peer_values(ds, peers), KIND_TARGET)
    return sorted(groups, key=lambda g: [-x for x in _sort_key(g.year)])


def growth_groups(ds: Dataset, peers: Sequence[PeerValue] | None = None) -> list[PeerGroup]:
    """GRDP growth by year (the 2025 ranking in the shipped data)."""
    groups = groups_of(peer_values(ds, peers), KIND_GROWTH)
    return sorted(groups, key=lambda g: [-x for x in _sort_key(g.year)])


# --------------------------------------------------------------------------------------
# Distance to an area's own target
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TargetDistance:
    """How far one figure of an area is from one of its own targets.

    ``rate_pct``: the yearly growth of the share, relative to GRDP, that takes ``figure`` to
    ``target`` over ``years`` (``(target / figure) ** (1 / years) - 1``, in %); ``met``: the
    figure is already at or above the target. The figure keeps its method and year basis: two
    distances of one area on different methods are two readings, never a ranking.
    """

    figure: PeerValue
    target: PeerValue
    years: int
    rate_pct: float
    met: bool


def _last_year(year: int | str) -> int:
    return int(str(year)[-4:])


def target_distances(ds: Dataset, peers: Sequence[PeerValue] | None = None) -> tuple[TargetDistance, ...]:
    """For each area with a share and a target of its own (``own_target``: not the article's
    35 %), the relative growth a year each of its share figures needs to reach each later target.

    A period's figure whose basis is unclear counts from the period's last year (the shorter of
    the two readings' spans, so the higher rate); a period average is left out (it is no level of
    one year). Areas in file order, each figure then target in year order."""
    values = peer_values(ds, peers)
    areas = list(dict.fromkeys(v.geo for v in values if v.geo != VN))
    out = []
    for geo in areas:
        figures = [
            v
            for v in values
            if v.geo == geo and v.kind == KIND_SHARE and v.label != BESIDE_QN and v.basis != "period_average"
        ]
        targets = [v for v in values if v.geo == geo and v.kind == KIND_TARGET and v.method == "own_target"]
        for f in sorted(figures, key=lambda v: (_last_year(v.year), v.method)):
            for tgt in sorted(targets, key=lambda v: _last_year(v.year)):
                years = _last_year(tgt.year) - _last_year(f.year)
                if years <= 0 or f.value_pct <= 0:
                    continue
                rate = ((tgt.value_pct / f.value_pct) ** (1.0 / years) - 1.0) * 100.0
                out.append(TargetDistance(f, tgt, years, rate, f.value_pct >= tgt.value_pct))
    return tuple(out)
