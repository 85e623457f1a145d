"""Data versions: which data a link was made on, and what has changed since.

Every link names its data version (``dv``, :attr:`qn_model.data.dataset.Dataset.version`: a digest of
the indicator and target rows, independent of how the files are formatted). The shipped
data's history is kept in ``data/``, as a dated changelog:

- ``versions.csv``: one row per shipped version, oldest first: ``version, date, summary_vi,
  summary_en`` (what changed, in both languages);
- ``version_values.csv``: the values a scenario stands on, per version (``version, table,
  indicator_id, geo, year, target_set, value``): the provincial and national digital-economy
  shares, the province's GRDP growth and level, and the share targets; and every peer value
  (table ``peers``: ``indicator_id`` holds the kind, ``target_set`` the method, ``year`` a year
  or a period). They let an old link say "the 2024 share was 7.1 % when this link was made; it
  is now 7.3 %".

Whoever changes the shipped data appends an entry (``python -m qn_model data-version --append
…``); a data-contract test checks that the newest entry is the data in ``data/``.

No Streamlit here; nothing raises on a link's behalf.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from qn_model.core.langs import LANGS
from qn_model.core.messages import Join, Local, Notice, Term
from qn_model.data import dataset as data_module
from qn_model.data.cache import Memo
from qn_model.data.codebook import GROWTH_ID, LEVEL_ID, NATION, PROVINCE, SHARE_ID
from qn_model.data.dataset import Dataset

__all__ = [
    "CHANGELOG_COLUMNS",
    "CHANGELOG_FILE",
    "KEY_SERIES",
    "VALUES_COLUMNS",
    "VALUES_FILE",
    "Change",
    "Version",
    "append_entry",
    "changelog",
    "changes",
    "data_version_notice",
    "key_values",
    "version_date",
    "version_entry",
]

CHANGELOG_FILE = "versions.csv"
VALUES_FILE = "version_values.csv"
CHANGELOG_COLUMNS = ("version", "date", "summary_vi", "summary_en")
VALUES_COLUMNS = ("version", "table", "indicator_id", "geo", "year", "target_set", "value")
# The series a scenario stands on: the observed shares judge target years with data and give
# the base share; the GRDP growth and the national share give the default rates and spreads;
# the GRDP level the path's levels.
KEY_SERIES = ((SHARE_ID, PROVINCE), (SHARE_ID, NATION), (GROWTH_ID, PROVINCE), (LEVEL_ID, PROVINCE))
# What a link leaves to the data when it does not set these keys.
RATE_KEYS = frozenset({"gy1", "gd1", "gy2", "gd2", "sy", "sd"})
MAX_CHANGES_SHOWN = 6
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# (table, indicator_id, geo, year, target_set): "indicators" rows have target_set ""; "peers" rows
# hold the kind in indicator_id, the method in target_set, and a year or a period ("2021-2025").
ValueKey = tuple[str, str, str, int | str, str]
PEERS_TABLE = "peers"


@dataclass(frozen=True)
class Version:
    """One entry of the changelog: the digest, its date, what changed and its key values."""

    version: str
    date: str
    summary_vi: str
    summary_en: str
    values: Mapping[ValueKey, float]

    def summary(self, lang: str) -> str:
        return self.summary_en if lang == "en" else self.summary_vi


@dataclass(frozen=True)
class Change:
    """A key value that differs between two versions (None: no value in that version)."""

    key: ValueKey
    before: float | None
    now: float | None


def key_values(ds: Dataset) -> dict[ValueKey, float]:
    """The values of ``ds`` that a scenario stands on (see :data:`KEY_SERIES`), by key."""
    out: dict[ValueKey, float] = {}
    for indicator_id, geo in KEY_SERIES:
        for year, value in ds.series(indicator_id, geo).items():
            out[("indicators", indicator_id, geo, int(year), "")] = float(value)
    tgt = ds.targets
    for r in tgt[tgt["indicator_id"] == SHARE_ID].itertuples(index=False):
        out[("targets", str(r.indicator_id), str(r.geo), int(r.year), str(r.target_set))] = float(r.value)
    peers = ds.peers
    if peers is not None:
        for r in peers.itertuples(index=False):
            try:
                value = float(r.value)
            except ValueError:
                continue  # a broken peers file is reported by qn_model.data.peers
            out[(PEERS_TABLE, str(r.kind), str(r.geo), _year(str(r.year)), str(r.method))] = value
    return out


def _year(text: str) -> int | str:
    return int(text) if text.isdigit() else text


# --------------------------------------------------------------------------------------
# The changelog files
# --------------------------------------------------------------------------------------
def _dir(data_dir: Path | str | None) -> Path:
    # Looked up at call time, so a test can point the app at a copy of data/.
    return Path(data_module.DATA_DIR if data_dir is None else data_dir)


_CHANGELOG = Memo(maxsize=1)  # one state of the files at a time: they only grow


def changelog(data_dir: Path | str | None = None) -> tuple[Version, ...]:
    """The versions in ``data_dir`` (default: the shipped ``data/``), oldest first.

    Read once per file state (cached on the files' modification times); missing files give an
    empty changelog, malformed rows are skipped (the data-contract test checks the files).
    """
    folder = _dir(data_dir)
    log, vals = folder / CHANGELOG_FILE, folder / VALUES_FILE
    try:
        key = (folder.resolve(), log.stat().st_mtime_ns, vals.stat().st_mtime_ns)
    except OSError:
        return ()
    return _CHANGELOG.get(key, lambda: _read(log, vals))


def _read(log: Path, vals: Path) -> tuple[Version, ...]:
    values: dict[str, dict[ValueKey, float]] = {}
    with vals.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                key = (row["table"], row["indicator_id"], row["geo"], _year(row["year"]), row["target_set"])
                values.setdefault(row["version"], {})[key] = float(row["value"])
            except (KeyError, TypeError, ValueError):
                continue
    out = []
    with log.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            version = (row.get("version") or "").strip()
            if not version:
                continue
            out.append(
                Version(
                    version,
                    (row.get("date") or "").strip(),
                    (row.get("summary_vi") or "").strip(),
                    (row.get("summary_en") or "").strip(),
                    values.get(version, {}),
                )
            )
    return tuple(out)


def version_entry(version: str, data_dir: Path | str | None = None) -> Version | None:
    """The changelog entry of ``version``, or None (a planner's own data, or unknown)."""
    return next((v for v in changelog(data_dir) if v.version == version), None)


def version_date(ds: Dataset, data_dir: Path | str | None = None) -> str | None:
    """The date of ``ds``'s version in the changelog (ISO), or None when it is not there."""
    entry = version_entry(ds.version, data_dir)
    return None if entry is None else entry.date


def entry_rows(ds: Dataset, date: str, summary_vi: str, summary_en: str) -> tuple[list[str], list[list[str]]]:
    """The changelog row and the value rows that record ``ds`` as a version."""
    if not _DATE.fullmatch(date):
        raise ValueError(f"date must be YYYY-MM-DD, got {date!r}")
    log = [ds.version, date, summary_vi.strip(), summary_en.strip()]
    rows = [
        [ds.version, table, ind, geo, str(year), tset, repr(value)]
        for (table, ind, geo, year, tset), value in sorted(
            key_values(ds).items(), key=lambda kv: _order(kv[0])
        )
    ]
    return log, rows


def append_entry(
    ds: Dataset, date: str, summary_vi: str, summary_en: str, data_dir: Path | str | None = None
) -> bool:
    """Record ``ds`` as the newest version in ``data_dir``'s changelog (files created when
    missing). Returns False, writing nothing, when the version is already there."""
    folder = _dir(data_dir)
    if version_entry(ds.version, folder) is not None:
        return False
    log, rows = entry_rows(ds, date, summary_vi, summary_en)
    for path, columns, new in (
        (folder / CHANGELOG_FILE, CHANGELOG_COLUMNS, [log]),
        (folder / VALUES_FILE, VALUES_COLUMNS, rows),
    ):
        fresh = not path.is_file()
        with path.open("a", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            if fresh:
                writer.writerow(columns)
            writer.writerows(new)
    return True


# --------------------------------------------------------------------------------------
# What changed for a link
# --------------------------------------------------------------------------------------
def changes(
    before: Mapping[ValueKey, float],
    now: Mapping[ValueKey, float],
    explicit: Iterable[str] = (),
    base_year: int | None = None,
) -> list[Change]:
    """The key values that differ and that a link depends on.

    A link depends on the province's observed shares always; on the GRDP growth and the
    national share when it leaves a growth rate or a spread to the data (``explicit`` lacks one
    of them); on the targets when it leaves a target to the data; on the GRDP level of its base
    year only.
    """
    explicit = set(explicit)
    # A version recorded before the peers entered the changelog says nothing about them.
    peers_known = any(k[0] == PEERS_TABLE for k in before)
    rates = not explicit >= RATE_KEYS
    targets = not explicit >= {"t1", "t2"} or "ts" in explicit

    def matters(key: ValueKey) -> bool:
        table, ind, geo, year, _ = key
        if table == PEERS_TABLE:
            return peers_known  # shown on the peers page whatever the scenario
        if table == "targets":
            return targets
        if (ind, geo) == (SHARE_ID, PROVINCE):
            return True
        if ind == LEVEL_ID:
            return base_year is None or year == base_year
        return rates

    out = []
    for key in sorted(set(before) | set(now), key=_order):
        a, b = before.get(key), now.get(key)
        if a != b and matters(key):
            out.append(Change(key, a, b))
    return out


def _order(key: ValueKey) -> tuple[int, int, str, int, str, str]:
    table, ind, geo, year, tset = key
    series = next((i for i, s in enumerate(KEY_SERIES) if s == (ind, geo)), len(KEY_SERIES))
    rank = {"indicators": 0, "targets": 1}.get(table, 2)
    # A period sorts by its last year; the area breaks ties among peers.
    return (rank, series, tset, int(str(year)[-4:]), str(year), geo)


def _local(text_in: Callable[[str], str]) -> Local:
    """A text the data holds per language (codebook names, changelog summaries), for every
    language it has."""
    texts = {}
    for lang in LANGS:
        try:
            texts[lang] = text_in(lang)
        except ValueError:  # the data has no column for this language: the default's is shown
            continue
    return Local.of(**texts)


def _value_text(key: ValueKey, value: float | None) -> Notice | Term:
    if value is None:
        return Term("dv_no_value")
    if key[1] == LEVEL_ID:
        return Notice.text("dv_value_vnd_trn", value=value, unit=Term("dv_unit_vnd_trn"))
    return Notice.text("dv_value_pct1" if round(value, 1) == value else "dv_value_pct2", value=value)


def change_text(change: Change, ds: Dataset) -> Notice:
    """ "the 2024 digital-economy share (QN) was 7.1 % when this link was made; it is now 7.3 %"
    (render with ``qn_model.i18n.render``)."""
    table, ind, geo, year, tset = change.key
    if table == PEERS_TABLE:
        what = Notice.text(
            "dv_what_peer",
            name=_local(lambda lang: _peer_name(ds, geo, lang)),
            kind=Term(f"peers_kind_{ind}"),
            year=str(year),
            method=Term(f"peers_method_name_{tset}"),
        )
    elif table == "targets":
        what = Notice.text("dv_what_target", set=Term(f"target_set_{tset}"), year=year)
    else:
        what = Notice.text("dv_what_value", name=_local(lambda lang: ds.name(ind, lang)), geo=geo, year=year)
    return Notice.text(
        "dv_change",
        what=what,
        before=_value_text(change.key, change.before),
        now=_value_text(change.key, change.now),
    )


def _peer_name(ds: Dataset, geo: str, lang: str) -> str:
    """The area's name as the peers file writes it (its code when the file no longer has it)."""
    peers = ds.peers
    column = "name_en" if lang == "en" else "name_vi"
    if peers is None or column not in peers.columns:
        return geo
    names = peers.loc[peers["geo"] == geo, column]
    return str(names.iloc[0]) if len(names) else geo


def _now_text(ds: Dataset, data_dir: Path | str | None) -> Notice:
    date = version_date(ds, data_dir)
    if date is None:
        return Notice.text("dv_now_own", version=ds.version)
    return Notice.text("dv_now_shipped", version=ds.version, date=date)


def _since(old: Version, ds: Dataset, lang: str, data_dir: Path | str | None) -> str:
    """What the changelog says changed after ``old``, up to the data loaded (all later entries
    when that is a planner's own data)."""
    log = changelog(data_dir)
    versions = [v.version for v in log]
    start = versions.index(old.version) + 1
    end = versions.index(ds.version) + 1 if ds.version in versions else len(log)
    return "; ".join(f"{v.date}: {v.summary(lang).rstrip('.')}" for v in log[start:end] if v.summary(lang))


def data_version_notice(
    link_version: str | None,
    ds: Dataset,
    explicit: Iterable[str] = (),
    base_year: int | None = None,
    data_dir: Path | str | None = None,
) -> Notice | None:
    """The notice for a link made on another data version than ``ds``; None when it names no
    version or this one.

    A version in the changelog: which values the link depends on changed, before and now (or
    that none did), the date it was made on and what changed since. A version the changelog
    does not know (a planner's own data, a newer release): say so. Either way the page shows
    the verdicts on the data loaded now; nothing fails.
    """
    if not link_version or link_version == ds.version:
        return None
    old = version_entry(link_version, data_dir)
    now = _now_text(ds, data_dir)
    if old is None:
        return Notice.of("data_version_unknown", "dv_unknown", version=link_version, now=now)
    found = changes(old.values, key_values(ds), explicit, base_year)
    body: Notice | Term
    if found:
        shown: list[object] = [change_text(c, ds) for c in found[:MAX_CHANGES_SHOWN]]
        if len(found) > MAX_CHANGES_SHOWN:
            shown.append(Notice.text("dv_more_changes", n=len(found) - MAX_CHANGES_SHOWN))
        body = Notice.text("dv_changed", changes=Join(tuple(shown)))
    else:
        body = Term("dv_unchanged")
    since = _local(lambda lang: _since(old, ds, lang, data_dir))
    if any(text for _, text in since.texts):
        body = Notice.text("dv_body_since", body=body, since=Notice.text("dv_since", entries=since))
    return Notice.of(
        "data_version_changed", "dv_older", version=link_version, date=old.date, now=now, body=body
    )
