"""Check the shipped data in ``data/`` against the team's research files, and report differences.

The CSV files in ``data/`` are the one source of the shipped data: edit them directly (and record
a data version, ``data/README.md``). This script only reads. It checks that

- every indicator and target row not taken from the mission article has a row of the research
  table (``quangninh_indicators.csv``) with the same source address, year and value, or, where
  the research states the value only in its notes (``research_notes.md``), a line there naming
  the address and "<year> <value>";
- every peer row (``peers.csv``) has a row of ``peers_research.csv`` with the same area, kind,
  value and address, and that the research does not ask to recheck it.

Run from the repository root::

    .venv/bin/python scripts/check_data.py                      # research in ../shared/data
    .venv/bin/python scripts/check_data.py /path/to/research    # elsewhere

Exit 0 when every row is found, 1 with one line per difference, 2 when the research is missing.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
RESEARCH = ROOT.parent / "shared" / "data"  # the team's read-only research, beside the repository
INDICATORS_FILE = "quangninh_indicators.csv"
NOTES_FILE = "research_notes.md"
PEERS_FILE = "peers_research.csv"
ARTICLE = "article_mission"  # the mission article's rows: in no research table, not checked here


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _same_number(research: str, shipped: str) -> bool:
    """The research writes counts as "177 of 267" and shares with "%": its first number counts."""
    first = (research.split() or [""])[0].rstrip("%")
    try:
        return float(first) == float(shipped)
    except ValueError:
        return first == shipped.strip()


def _bare(url: str) -> str:
    return url.split("://", 1)[-1]


def check_values(data: Path, research: Path) -> list[str]:
    """Indicator and target rows without a matching research row (empty when all are found)."""
    table = _rows(research / INDICATORS_FILE)
    notes = (research / NOTES_FILE).read_text(encoding="utf-8").splitlines()
    urls = {r["source_id"]: r["url"] for r in _rows(data / "sources.csv")}
    by_place: dict[tuple[str, str], list[str]] = {}
    for r in table:
        by_place.setdefault((_bare(r["source_url"]), r["year"]), []).append(r["value"])
    errors = []
    for name in ("indicators.csv", "targets.csv"):
        for row in _rows(data / name):
            if row["source_id"] == ARTICLE:
                continue
            url = _bare(urls.get(row["source_id"], ""))
            what = f"{name}: {row['indicator_id']} {row['geo']} {row['year']} = {row['value']} ({row['source_id']})"
            if not url:
                errors.append(f"{what}: its source has no address")
                continue
            found = any(_same_number(v, row["value"]) for v in by_place.get((url, row["year"]), ()))
            found = found or any(
                url in line and f"{row['year']} {_number_text(row['value'])}" in line for line in notes
            )
            if not found:
                errors.append(f"{what}: no research row with this address, year and value")
    return errors


def _number_text(value: str) -> str:
    """How the notes write a number: ``12.66``, ``14.02`` (the file's own text, no trailing zeros)."""
    return value.rstrip("0").rstrip(".") if "." in value else value


def check_peers(data: Path, research: Path) -> list[str]:
    """Peer rows without a matching research row, or that the research asks to recheck."""
    table = _rows(research / PEERS_FILE)
    urls = {r["source_id"]: r["url"] for r in _rows(data / "sources.csv")}
    errors = []
    for row in _rows(data / "peers.csv"):
        url = urls.get(row["source_id"], "")
        hits = [
            r
            for r in table
            if r["geo"] == row["geo"]
            and r["url"] == url
            and _same_number(r["value_pct"], row["value"])
            and r["kind"].removesuffix("_avg") == row["kind"]  # a period average is a share too
        ]
        what = f"peers.csv: {row['geo']} {row['kind']} {row['year']} = {row['value']} ({row['source_id']})"
        if not hits:
            errors.append(f"{what}: no research row with this area, kind, value and address")
        elif all("recheck" in r["checked"] and "confirmed" not in r["checked"] for r in hits):
            errors.append(f"{what}: the research asks for a recheck")
    return errors


def check(data: Path = DATA, research: Path = RESEARCH) -> list[str]:
    """Every difference between ``data`` and the research in ``research``."""
    return check_values(data, research) + check_peers(data, research)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "research",
        nargs="?",
        type=Path,
        default=RESEARCH,
        help=f"the research folder (default: {RESEARCH.relative_to(ROOT.parent)} beside the repository)",
    )
    parser.add_argument("--data", type=Path, default=DATA, help="the data folder (default: data/)")
    args = parser.parse_args(None if argv is None else list(argv))
    missing = [f for f in (INDICATORS_FILE, NOTES_FILE, PEERS_FILE) if not (args.research / f).is_file()]
    if missing:
        print(f"error: {args.research} lacks {', '.join(missing)}: pass the research folder", file=sys.stderr)
        return 2
    errors = check(args.data, args.research)
    for e in errors:
        print(e)
    if errors:
        return 1
    print(f"every value in {args.data} matches the research in {args.research}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
