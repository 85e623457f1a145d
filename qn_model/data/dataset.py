"""Load the shipped indicator data (``data/*.csv``) into a small read-only :class:`Dataset`.

The loader validates the shipped files with :mod:`qn_model.data.validate` and with a few
extra structural checks; broken shipped data is a developer error and raises
:class:`ValueError` with located messages. Loading is cached per resolved directory, so
repeated calls to :func:`load_dataset` are cheap and return the same object.

The data frames exposed by a :class:`Dataset` are copies (cheap, copy-on-write), so a
caller that modifies what it receives cannot corrupt the cached dataset.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import pandas as pd

from qn_model.core import langs
from qn_model.core.messages import Join, MessageError, Notice, Problem
from qn_model.data.cache import memoize
from qn_model.data.codebook import CODEBOOK_COLUMNS, PROVINCE, Codebook, codebook_problems
from qn_model.data.validate import validate_path

__all__ = [
    "CODEBOOK_COLUMNS",
    "DATA_DIR",
    "INDICATOR_COLUMNS",
    "KINDS",
    "SOURCE_COLUMNS",
    "TARGET_COLUMNS",
    "USER_SOURCE_ID",
    "Dataset",
    "clear_cache",
    "load_dataset",
]

DATA_DIR: Path = Path(__file__).resolve().parents[2] / "data"
DATA_LANGS = ("vi", "en")  # the languages of the codebook's name_* and description_* columns
"""The repository's ``data/`` folder holding the shipped CSV files."""

INDICATOR_COLUMNS = ("indicator_id", "geo", "year", "value", "kind", "source_id", "note")
TARGET_COLUMNS = ("indicator_id", "geo", "year", "value", "target_set", "source_id", "note")
SOURCE_COLUMNS = ("source_id", "title", "publisher", "url", "published", "accessed")
KINDS = ("official", "estimate", "press")
"""The status vocabulary of the shipped indicators.csv (column ``kind``): ``official`` (a final
or statistics-office figure), ``estimate`` (the source calls it an estimate, preliminary figure
or projection), ``press`` (press-reported: the page that states it names no statistical
compiler, or is a news copy of an article). User rows get kind ``"user"``."""
USER_SOURCE_ID = "user"
_USER_SOURCE = {
    "source_id": USER_SOURCE_ID,
    "title": "Số liệu do người dùng tải lên / User-supplied data",
    "publisher": "user",
    "url": "",
    "published": "unknown",
    "accessed": "unknown",
}
_FRAME_FIELDS = frozenset({"indicators", "targets", "sources", "codebook", "peers"})
PEERS_FILE = "peers.csv"


@dataclass(frozen=True, eq=False)
class Dataset:
    """Indicator data, targets, sources and codebook, with a content version.

    Attributes
    ----------
    indicators : pandas.DataFrame
        Columns ``indicator_id, geo, year (int64), value (float64), kind, source_id, note``;
        one row per (indicator_id, geo, year), sorted by those keys.
    targets : pandas.DataFrame
        Columns ``indicator_id, geo, year (int64), value (float64), target_set, source_id, note``.
    sources : pandas.DataFrame
        Columns ``source_id, title, publisher, url, published, accessed``.
    codebook : pandas.DataFrame
        The rows of ``codebook.csv`` as text (:data:`qn_model.data.codebook.CODEBOOK_COLUMNS`);
        :attr:`meta` gives them as :class:`~qn_model.data.codebook.Indicator` objects.
    version : str
        12 hex characters of the SHA-256 of the indicator and target rows (canonical CSV) and of
        the peer rows (``peers.csv``, when the folder has one). It changes if and only if those
        rows change.
    peers : pandas.DataFrame or None
        The rows of ``peers.csv`` as text, as read (validated by :mod:`qn_model.data.peers`);
        None for data without peers.

    Notes
    -----
    Reading any of the four frame attributes returns a cheap copy, so callers may modify
    what they get without affecting this (possibly cached) object.
    """

    indicators: pd.DataFrame
    targets: pd.DataFrame
    sources: pd.DataFrame
    codebook: pd.DataFrame
    version: str
    peers: pd.DataFrame | None = None
    _index: dict[tuple[str, str, int], dict[str, Any]] = field(init=False, repr=False)
    _series: dict[tuple[str, str], tuple[list[int], list[float]]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        ind = object.__getattribute__(self, "indicators")
        records = ind.to_dict("records")
        index: dict[tuple[str, str, int], dict[str, Any]] = {}
        series: dict[tuple[str, str], tuple[list[int], list[float]]] = {}
        for rec in records:
            rec["year"] = int(rec["year"])
            rec["value"] = float(rec["value"])
            index[(rec["indicator_id"], rec["geo"], rec["year"])] = rec
        for (ind_id, geo, year), rec in sorted(index.items()):
            years, values = series.setdefault((ind_id, geo), ([], []))
            years.append(year)
            values.append(rec["value"])
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_series", series)

    def __getattribute__(self, name: str) -> Any:
        value = object.__getattribute__(self, name)
        if name in _FRAME_FIELDS and value is not None:
            return value.copy(deep=False)  # copy-on-write: edits never reach the cached frame
        return value

    def _frame(self, name: str) -> pd.DataFrame:
        return object.__getattribute__(self, name)

    @property
    def cache_key(self) -> str:
        """What derived values are cached on (:mod:`qn_model.data.cache`): the version plus a
        digest of the sources and codebook, which the version leaves out; computed once."""
        key = self.__dict__.get("_cache_key")
        if key is None:
            lines = []
            for name in ("sources", "codebook"):
                frame = self._frame(name)
                lines += [name, *_canonical_lines(frame, frame.columns)]
            digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:12]
            key = f"{self.version}-{digest}"
            self.__dict__["_cache_key"] = key
        return key

    # ---- look-ups ----------------------------------------------------------------------
    @property
    def meta(self) -> Codebook:
        """The codebook as :class:`~qn_model.data.codebook.Indicator` objects (built once)."""
        book = self.__dict__.get("_meta")
        if book is None:
            book = Codebook.from_frame(self._frame("codebook"))
            self.__dict__["_meta"] = book
        return book

    def series(self, indicator_id: str, geo: str = PROVINCE) -> pd.Series:
        """Values of one indicator for one area, indexed by year.

        Parameters
        ----------
        indicator_id : str
            Indicator code, e.g. ``"de_share"``.
        geo : str
            ``"QN"`` (default) or ``"VN"``.

        Returns
        -------
        pandas.Series
            float64 values indexed by int64 ``year`` (ascending), named ``indicator_id``.
            Years without data are simply absent; unknown indicators give an empty Series.
        """
        years, values = self._series.get((indicator_id, geo), ([], []))
        return pd.Series(
            list(values),
            index=pd.Index(list(years), dtype="int64", name="year"),
            dtype="float64",
            name=indicator_id,
        )

    def value(self, indicator_id: str, geo: str, year: int) -> float | None:
        """The value for (indicator_id, geo, year), or None when there is no row."""
        rec = self._index.get((indicator_id, geo, int(year)))
        return None if rec is None else rec["value"]

    def row(self, indicator_id: str, geo: str, year: int) -> dict[str, Any] | None:
        """The full indicator row (with kind, source_id and note) as a new dict, or None."""
        rec = self._index.get((indicator_id, geo, int(year)))
        return None if rec is None else dict(rec)

    def source(self, source_id: str) -> dict[str, str] | None:
        """The sources.csv row for ``source_id`` as a dict, or None if unknown."""
        src = self._frame("sources")
        hit = src[src["source_id"] == source_id]
        return None if hit.empty else {k: str(v) for k, v in hit.iloc[0].items()}

    def target_sets(self) -> list[str]:
        """Target set names in the order they appear in targets.csv (article, resolution09, national)."""
        return list(dict.fromkeys(self._frame("targets")["target_set"].tolist()))

    def targets_for(self, target_set: str) -> pd.DataFrame:
        """The rows of one target set (a new frame; empty if the set is unknown)."""
        tgt = self._frame("targets")
        return tgt[tgt["target_set"] == target_set].reset_index(drop=True)

    def name(self, indicator_id: str, lang: str = "vi") -> str:
        """Display name of an indicator from the codebook.

        Parameters
        ----------
        indicator_id : str
            Indicator code.
        lang : str
            ``"vi"`` or ``"en"``.

        Returns
        -------
        str
            The name, or the code itself when the codebook has no row for it.
        """
        return self._codebook_field(indicator_id, _lang_column("name", lang))

    def unit(self, indicator_id: str, lang: str = "vi") -> str:
        """Unit of an indicator from the codebook, in ``lang`` (empty string when unknown)."""
        entry = self.meta.get(indicator_id)
        return "" if entry is None else entry.unit(_data_lang(lang))

    def _codebook_field(self, indicator_id: str, column: str) -> str:
        entry = self.meta.get(indicator_id)
        return indicator_id if entry is None else str(getattr(entry, column))

    # ---- derived datasets ----------------------------------------------------------------
    def with_rows(self, rows: pd.DataFrame, kind: str = "user") -> Dataset:
        """Return a new dataset in which ``rows`` override or add indicator rows.

        Parameters
        ----------
        rows : pandas.DataFrame
            Columns ``indicator_id, geo, year, value`` and optionally ``note`` (for example
            :attr:`qn_model.data.validate.ValidationReport.frame`). Within ``rows`` the last
            occurrence of a (indicator_id, geo, year) wins.
        kind : str
            Kind recorded for the new rows (default ``"user"``); their source_id is ``"user"``.

        Returns
        -------
        Dataset
            A new object with a recomputed version; this dataset is unchanged.

        Raises
        ------
        ValueError
            If a required column is missing, a year is not an integer or a value is not finite.
        """
        missing = [c for c in ("indicator_id", "geo", "year", "value") if c not in rows.columns]
        if missing:
            raise ValueError(f"with_rows: missing column(s) {missing}")
        new = pd.DataFrame(
            {
                "indicator_id": rows["indicator_id"].astype(str).str.strip(),
                "geo": rows["geo"].astype(str).str.strip(),
                "year": [_as_year(y) for y in rows["year"]],
                "value": [_as_value(v) for v in rows["value"]],
                "kind": kind,
                "source_id": USER_SOURCE_ID,
                "note": rows["note"].fillna("").astype(str) if "note" in rows.columns else "",
            }
        )
        new = new.drop_duplicates(["indicator_id", "geo", "year"], keep="last")
        old = self._frame("indicators")
        keys = set(zip(new["indicator_id"], new["geo"], new["year"], strict=True))
        keep = [k not in keys for k in zip(old["indicator_id"], old["geo"], old["year"], strict=True)]
        merged = _tidy_indicators(pd.concat([old[keep], new], ignore_index=True))
        sources = self._frame("sources")
        if USER_SOURCE_ID not in set(sources["source_id"]):
            sources = pd.concat([sources, pd.DataFrame([_USER_SOURCE])], ignore_index=True)
        targets = self._frame("targets")
        peers = self._frame("peers")
        return Dataset(
            merged, targets, sources, self._frame("codebook"), _version(merged, targets, peers), peers
        )


# --------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------
def load_dataset(data_dir: Path | str | None = None) -> Dataset:
    """Load (once) and return the dataset stored in ``data_dir``.

    Parameters
    ----------
    data_dir : path, optional
        Folder with indicators.csv, targets.csv, sources.csv and codebook.csv; defaults
        to :data:`DATA_DIR`.

    Returns
    -------
    Dataset
        The same object for repeated calls with the same resolved folder.

    Raises
    ------
    ValueError
        If a shipped file is missing or broken (a developer error, not user input).
    """
    path = Path(DATA_DIR if data_dir is None else data_dir).resolve()
    return _load_cached(path)


def clear_cache() -> None:
    """Forget cached datasets (for tests or after the files on disk change)."""
    _load_cached.cache_clear()


@memoize(maxsize=8)
def _load_cached(path: Path) -> Dataset:
    errors: list[str | Problem] = []
    codebook = _read_table(path / "codebook.csv", CODEBOOK_COLUMNS, errors)
    sources = _read_table(path / "sources.csv", SOURCE_COLUMNS, errors)
    if codebook is None or sources is None:
        _fail(path, errors)
    errors.extend(codebook_problems(codebook))
    book = Codebook.from_frame(codebook)
    for name in ("indicators.csv", "targets.csv"):
        report = validate_path(path / name, known_indicators=set(book.ids), share_indicators=book.share_ids)
        errors.extend(report.problems)  # messages: the edge that shows the error renders them
    indicators = _read_table(path / "indicators.csv", INDICATOR_COLUMNS, errors)
    targets = _read_table(path / "targets.csv", TARGET_COLUMNS, errors)
    if errors or indicators is None or targets is None:
        _fail(path, errors)
    errors.extend(_structural_errors(indicators, targets, sources, codebook))
    if errors:
        _fail(path, errors)
    indicators = _tidy_indicators(indicators)
    targets = _tidy_targets(targets)
    peers = _read_peers(path / PEERS_FILE)
    return Dataset(indicators, targets, sources, codebook, _version(indicators, targets, peers), peers)


def _read_peers(path: Path) -> pd.DataFrame | None:
    """peers.csv as text (None when the folder has none); its checks are qn_model.data.peers'."""
    if not path.is_file():
        return None
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def _fail(path: Path, errors: list[str | Problem]) -> NoReturn:
    # A developer's error: the structural checks speak English, the validator's problems are
    # messages, rendered where the error is shown (``MessageError.message``).
    shown = Join(tuple(errors[:50]), "\n  ")
    raise MessageError(
        Notice.of("shipped_data_broken", "shipped_data_broken", path=str(path), n=len(errors), problems=shown)
    )


def _read_table(path: Path, columns: tuple[str, ...], errors: list[str | Problem]) -> pd.DataFrame | None:
    if not path.is_file():
        errors.append(f"{path.name}: file not found")
        return None
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except Exception as exc:
        errors.append(f"{path.name}: cannot be read ({type(exc).__name__}: {exc})")
        return None
    if tuple(frame.columns) != columns:
        errors.append(f"{path.name}: columns must be exactly {list(columns)}, got {list(frame.columns)}")
        return None
    return frame


def _structural_errors(
    indicators: pd.DataFrame, targets: pd.DataFrame, sources: pd.DataFrame, codebook: pd.DataFrame
) -> list[str]:
    errors: list[str] = []
    source_ids = set(sources["source_id"])
    if sources["source_id"].duplicated().any():
        errors.append("sources.csv: duplicate source_id")
    for name, frame in (("indicators.csv", indicators), ("targets.csv", targets)):
        for i, sid in enumerate(frame["source_id"], start=2):
            if sid not in source_ids:
                errors.append(f"{name}, row {i}: source_id '{sid}' is not in sources.csv")
    for i, kind in enumerate(indicators["kind"], start=2):
        if kind not in KINDS:
            errors.append(f"indicators.csv, row {i}: kind '{kind}' must be one of {list(KINDS)}")
    for i, ts in enumerate(targets["target_set"], start=2):
        if not ts.strip():
            errors.append(f"targets.csv, row {i}: empty target_set")
    return errors


_TEXT, _YEAR, _NUMBER = "str", "int64", "float64"
_INDICATOR_DTYPES = {
    "indicator_id": _TEXT,
    "geo": _TEXT,
    "year": _YEAR,
    "value": _NUMBER,
    "kind": _TEXT,
    "source_id": _TEXT,
    "note": _TEXT,
}
_TARGET_DTYPES = {
    "indicator_id": _TEXT,
    "geo": _TEXT,
    "year": _YEAR,
    "value": _NUMBER,
    "target_set": _TEXT,
    "source_id": _TEXT,
    "note": _TEXT,
}


def _tidy(frame: pd.DataFrame, dtypes: dict[str, str]) -> pd.DataFrame:
    """The columns a table keeps, in order, each with its type."""
    return frame[list(dtypes)].astype(dtypes).reset_index(drop=True)


def _tidy_indicators(frame: pd.DataFrame) -> pd.DataFrame:
    out = _tidy(frame, _INDICATOR_DTYPES)
    return out.sort_values(["indicator_id", "geo", "year"], kind="stable").reset_index(drop=True)


def _tidy_targets(frame: pd.DataFrame) -> pd.DataFrame:
    return _tidy(frame, _TARGET_DTYPES)


def _canonical_lines(frame: pd.DataFrame, columns: Iterable[str]) -> list[str]:
    cols = list(columns)
    lines = []
    for rec in frame[cols].itertuples(index=False, name=None):
        cells = []
        for value in rec:
            if isinstance(value, float):
                cells.append(repr(value))
            else:
                text = str(value)
                cells.append(
                    '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n\r') else text
                )
        lines.append(",".join(cells))
    return sorted(lines)


def _version(indicators: pd.DataFrame, targets: pd.DataFrame, peers: pd.DataFrame | None = None) -> str:
    """12 hex chars of the SHA-256 of the canonical CSV text of the indicator and target rows, and
    of the peer values when there are any (data without peers keeps the version it had)."""
    lines = [
        ",".join(INDICATOR_COLUMNS),
        *_canonical_lines(indicators, INDICATOR_COLUMNS),
        ",".join(TARGET_COLUMNS),
        *_canonical_lines(targets, TARGET_COLUMNS),
    ]
    if peers is not None and len(peers):
        columns = sorted(peers.columns)  # every column, as for the indicators: a changed note counts
        frame = peers[columns].copy()
        # A number is a number however the file writes it (46.30 and 46.3 are one value).
        frame["value"] = pd.to_numeric(frame["value"], errors="coerce")
        lines += [",".join(columns), *_canonical_lines(frame, columns)]
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:12]


def _data_lang(lang: str) -> str:
    if lang not in langs.LANGS:
        raise ValueError(f"lang must be one of {langs.LANGS}, got {lang!r}")
    # The codebook has Vietnamese and English columns; a language added to the list shows the
    # default language's names until the data has its own column.
    return lang if lang in DATA_LANGS else langs.DEFAULT_LANG


def _lang_column(prefix: str, lang: str) -> str:
    return f"{prefix}_{_data_lang(lang)}"


def _as_year(value: Any) -> int:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"with_rows: year {value!r} is not an integer") from None
    if not math.isfinite(number) or not number.is_integer():
        raise ValueError(f"with_rows: year {value!r} is not an integer")
    return int(number)


def _as_value(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"with_rows: value {value!r} is not a number") from None
    if not math.isfinite(number):
        raise ValueError(f"with_rows: value {value!r} is not finite")
    return number
