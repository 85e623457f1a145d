"""Validate indicator tables: the shipped CSV files and any file a planner uploads.

One validator serves both. It never raises on bad input: every problem, including an
unexpected internal error, becomes a :class:`Problem` with a stable machine ``code``, a
location a spreadsheet user recognises (file, row, column) and the parameters of its message (rendered in Vietnamese
and English.

Accepted input
--------------
* CSV in UTF-8 (with or without BOM), separated by commas, semicolons or tabs (sniffed
  from the header line). In semicolon- or tab-separated files a decimal comma (``7,1``)
  is accepted; in comma-separated files the decimal point must be used.
* XLSX (first worksheet), read with :mod:`openpyxl`. Formula cells are rejected.

Required columns are ``indicator_id, geo, year, value`` (case-insensitive, surrounding
spaces ignored); extra columns such as ``note``, ``kind`` or ``source_id`` are allowed.
When a ``target_set`` column exists, duplicates are checked per target set.

Row numbers are those a spreadsheet shows: the header is row 1 and the first data row
is row 2 (blank lines count, as they do in a spreadsheet).
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import math
import re
import warnings
import zipfile
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from qn_model.core.messages import Problem, describe
from qn_model.core.numbers import plain_number
from qn_model.data.codebook import GROWTH_ID, PROVINCE, SHARE_ID, read_geos, shipped_codebook

__all__ = [
    "MAX_BYTES",
    "REQUIRED_COLUMNS",
    "VALID_GEOS",
    "YEAR_MAX",
    "YEAR_MIN",
    "Problem",
    "ValidationReport",
    "is_share_indicator",
    "template_bytes",
    "template_csv",
    "validate_bytes",
    "validate_path",
]

MAX_BYTES = 5 * 1024 * 1024
"""Largest accepted file, in bytes. Larger files are rejected before parsing."""

MAX_XLSX_UNCOMPRESSED = 100 * 1024 * 1024
"""Largest accepted total uncompressed size of an XLSX archive (guards against zip bombs)."""

MAX_XLSX_COLUMNS = 64
"""Only the first this-many columns of a worksheet are read."""

XLSX_MAX_ROWS = 1_048_576
"""Excel's row limit; anything a workbook claims beyond it is ignored."""

MAX_PROBLEMS = 100
"""At most this many problems are listed (plus one ``too_many_problems`` note)."""

REQUIRED_COLUMNS = ("indicator_id", "geo", "year", "value")
VALID_GEOS = tuple(g.code for g in read_geos())
"""Area codes of the main data (``data/geos.csv``: ``QN``, ``VN``)."""
YEAR_MIN, YEAR_MAX = 1990, 2100

_NUMBER_RE = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_NONFINITE_RE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)
_SEP_HINT_RE = re.compile(r"sep=([,;\t|])[ \t]*(?:\r\n|\n|\r|$)", re.IGNORECASE)
_INT_RE = re.compile(r"[+-]?[0-9]+(?:\.0*)?")
_EXCEL_ERRORS = frozenset(
    {"#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"}
)
_FORMULA_PREFIXES = ("=", "+", "-", "@")
_CSV_EXTS = (".csv", ".txt")
_XLSX_EXTS = (".xlsx", ".xlsm")
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# --------------------------------------------------------------------------------------
# Public data classes
# --------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class ValidationReport:
    """Result of validating one file.

    Attributes
    ----------
    file : str
        File name.
    problems : tuple of Problem
        Everything found, in reading order. Empty when the file is valid.
    frame : pandas.DataFrame or None
        The clean rows (``indicator_id, geo, year, value, note``; year int64, value
        float64) when the file is valid, else None.
    """

    file: str
    problems: tuple[Problem, ...]
    frame: pd.DataFrame | None

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems

    @property
    def codes(self) -> list[str]:
        """The problem codes, in order (convenient for tests and logs)."""
        return [p.code for p in self.problems]

    def messages(self) -> list[str]:
        """All problems with their locations, in no language (codes and parameters: for logs
        and test failures; a reader sees ``qn_model.i18n.render(problem, lang)``)."""
        return [describe(p) for p in self.problems]


# --------------------------------------------------------------------------------------
# Problem collection
# --------------------------------------------------------------------------------------
class _TooManyProblemsError(Exception):
    """Raised internally to stop scanning once MAX_PROBLEMS is reached."""


class _Collector:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def add(
        self, code: str, row: int | None = None, column: str | None = None, variant: str = "", **params: Any
    ) -> None:
        # The text is the catalog's ``problem_<code>`` or ``problem_<code>__<variant>``, rendered
        # when shown (qn_model.i18n.render); parameters are already clipped, printable text.
        msgid = f"problem_{code}__{variant}" if variant else ""
        safe = {k: _clip(v) for k, v in params.items()}
        self.problems.append(Problem.of(code, self.file, row, column, msgid, **safe))
        if len(self.problems) >= MAX_PROBLEMS:
            self.problems.append(
                Problem.of("too_many_problems", self.file, None, None, "", limit=str(MAX_PROBLEMS))
            )
            raise _TooManyProblemsError


def _clip(value: Any, limit: int = 40) -> str:
    """Printable, short text for a message parameter (control characters removed)."""
    text = str(value)
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------
def is_share_indicator(indicator_id: str) -> bool:
    """Default rule for indicators whose value is a share in percent (0-100): the shipped
    codebook marks them (``is_share`` in ``data/codebook.csv``)."""
    return indicator_id in shipped_codebook().share_ids


def validate_bytes(
    data: bytes,
    filename: str,
    known_indicators: Collection[str] | None = None,
    share_indicators: Collection[str] | None = None,
) -> ValidationReport:
    """Validate the content of an uploaded or shipped file.

    Parameters
    ----------
    data : bytes
        Raw file content.
    filename : str
        Original file name; its extension (``.csv``/``.txt`` or ``.xlsx``) selects the
        reader and is checked against the content.
    known_indicators : collection of str, optional
        When given, any other ``indicator_id`` is an ``unknown_indicator`` problem.
    share_indicators : collection of str, optional
        Indicators whose values must lie in 0-100. Defaults to
        :func:`is_share_indicator` (the shipped codebook's shares).

    Returns
    -------
    ValidationReport
        Never raises: unexpected errors become an ``unreadable`` problem.
    """
    name = _display_name(filename)
    col = _Collector(name)
    frame = None
    try:
        frame = _validate(bytes(data), name, known_indicators, share_indicators, col)
    except _TooManyProblemsError:
        frame = None
    except Exception as exc:  # the validator must never raise on bad input
        col.problems.append(_internal_problem(name, exc))
        frame = None
    problems = tuple(col.problems)
    return ValidationReport(name, problems, frame if not problems else None)


def validate_path(
    path: str | Path,
    known_indicators: Collection[str] | None = None,
    share_indicators: Collection[str] | None = None,
) -> ValidationReport:
    """Validate a file on disk (see :func:`validate_bytes`).

    A missing file, a folder or an unreadable file gives an ``unreadable`` problem and
    a file over :data:`MAX_BYTES` a ``file_too_large`` problem, checked before reading.
    """
    name = _display_name(path)
    col = _Collector(name)
    try:
        p = Path(path)
        if not p.exists():
            col.add("unreadable", variant="not_found", path=name)
        elif not p.is_file():
            col.add("unreadable", variant="not_a_file", path=name)
        elif (size := p.stat().st_size) > MAX_BYTES:
            _too_large(col, size)
        else:
            data = p.read_bytes()
            return validate_bytes(data, name, known_indicators, share_indicators)
    except _TooManyProblemsError:  # pragma: no cover - only one problem is added here
        pass
    except OSError as exc:
        col.problems.clear()
        col.add("unreadable", variant="os_error", path=name, detail=type(exc).__name__)
    except Exception as exc:
        col.problems.append(_internal_problem(name, exc))
    return ValidationReport(name, tuple(col.problems), None)


def template_csv() -> str:
    """Return a CSV template a planner can download, fill in and upload.

    The template has the four required columns plus an optional ``note`` column and two
    example rows. The example values equal figures already shipped with the app (Quảng
    Ninh's 2024 digital-economy share and 2025 GRDP growth), so uploading the template
    unchanged does no harm. Encode with ``utf-8-sig`` (see :func:`template_bytes`) so
    that Excel shows the Vietnamese text correctly.

    Notes
    -----
    Columns of the template:

    indicator_id
        Indicator code from the codebook, e.g. ``de_share`` or ``grdp_growth``.
    geo
        ``QN`` (Quảng Ninh) or ``VN`` (Viet Nam).
    year
        Four-digit year, 1990-2100.
    value
        A number with a decimal point and no thousands separator; shares in percent (0-100).
    note
        Optional free text, e.g. where the figure comes from.
    """
    rows = [
        ["indicator_id", "geo", "year", "value", "note"],
        [
            SHARE_ID,
            PROVINCE,
            "2024",
            "7.1",
            "Ví dụ / example: tỷ trọng kinh tế số (% GRDP). Thay bằng số liệu của bạn.",
        ],
        [
            GROWTH_ID,
            PROVINCE,
            "2025",
            "11.89",
            "Ví dụ / example: tăng trưởng GRDP (%). Thay bằng số liệu của bạn.",
        ],
    ]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def template_bytes() -> bytes:
    """The template of :func:`template_csv` encoded as UTF-8 with BOM (opens cleanly in Excel)."""
    return template_csv().encode("utf-8-sig")


# --------------------------------------------------------------------------------------
# Implementation
# --------------------------------------------------------------------------------------
def _display_name(filename: Any) -> str:
    try:
        text = str(filename) if filename is not None else ""
        text = text.replace("\\", "/").rsplit("/", 1)[-1]
        return _clip(text, 120)
    except Exception:
        return "?"


def _internal_problem(name: str, exc: BaseException) -> Problem:
    return Problem.of(
        "unreadable", name, None, None, "problem_unreadable__internal", detail=_clip(type(exc).__name__)
    )


def _too_large(col: _Collector, size: int) -> None:
    col.add("file_too_large", size_mb=f"{size / 1024 / 1024:.1f}", limit_mb=MAX_BYTES // (1024 * 1024))


def _extension(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 or (dot == 0 and len(name) > 1) else ""


# A cell as read from the file: (value, is_formula). CSV values are always str.
_Cell = tuple[Any, bool]
_Row = tuple[int, list[_Cell]]


def _validate(
    data: bytes,
    name: str,
    known: Collection[str] | None,
    shares: Collection[str] | None,
    col: _Collector,
) -> pd.DataFrame | None:
    if len(data) > MAX_BYTES:
        _too_large(col, len(data))
        return None
    ext = _extension(name)
    if ext in _XLSX_EXTS:
        rows = _read_xlsx(data, col)
        decimal_comma = True  # text cells in a workbook may use the Vietnamese decimal comma
    elif ext in _CSV_EXTS or ext == "":
        read = _read_csv(data, col)
        if read is None:
            return None
        rows, delimiter = read
        decimal_comma = delimiter != ","
    elif ext == ".xls":
        col.add("unsupported_format", variant="xls", ext=ext)
        return None
    else:
        col.add("unsupported_format", ext=ext)
        return None
    if rows is None:
        return None
    return _check_table(rows, decimal_comma, known, shares, col)


# ---- CSV ------------------------------------------------------------------------------
def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd = sample[1::2].count(0) / max(1, len(sample[1::2]))
    return max(even, odd) > 0.3 and min(even, odd) < 0.1


def _read_csv(data: bytes, col: _Collector) -> tuple[list[_Row], str] | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (b"\x00" in data[:4096] and _looks_utf16(data)):
        col.add("unreadable", variant="utf16")
        return None
    if data.startswith(_ZIP_MAGIC) or data.startswith(_OLE_MAGIC):
        col.add("extension_mismatch", variant="csv_is_excel" if _is_excel_blob(data) else "csv_is_binary")
        return None
    if b"\x00" in data:
        col.add("extension_mismatch", variant="csv_is_binary")
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _mostly_binary(data):
            col.add("extension_mismatch", variant="csv_is_binary")
        else:
            col.add("unreadable", row=data[: exc.start].count(b"\n") + 1, variant="encoding")
        return None
    if not text.strip():
        col.add("empty_file")
        return None
    if _mostly_control(text):
        col.add("extension_mismatch", variant="csv_is_binary")
        return None
    text = text.rstrip("\r\n\t ")  # trailing blank lines carry nothing
    number = 0
    hint = _SEP_HINT_RE.match(text)
    if hint:  # Excel's "sep=;" first line: it names the delimiter and Excel does not show it as a row
        delimiter = hint.group(1)
        text = text[hint.end() :]
    else:
        delimiter = _sniff_delimiter(text)
    rows: list[_Row] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for record in reader:
            number += 1
            if any(cell.strip() for cell in record):  # blank lines are counted but not kept
                rows.append((number, [(cell, False) for cell in record]))
    except csv.Error as exc:
        col.add("unreadable", row=number + 1, variant="csv_error", detail=str(exc))
        return None
    return rows, delimiter


def _is_excel_blob(data: bytes) -> bool:
    if data.startswith(_OLE_MAGIC):
        return True
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return any(n.startswith("xl/") for n in zf.namelist())
    except Exception:
        return False


def _mostly_binary(data: bytes) -> bool:
    """True when undecodable bytes look like binary data rather than a legacy text encoding."""
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13))
    return controls > max(2, len(sample) // 100)


def _mostly_control(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\r\n") or ch == "\x7f")
    return controls > max(2, len(sample) // 100)


def _sniff_delimiter(text: str) -> str:
    """Pick ',', ';' or tab from the first non-blank line (counting outside quotes)."""
    line = next((ln for ln in text.splitlines() if ln.strip()), "")
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


# ---- XLSX -----------------------------------------------------------------------------
def _read_xlsx(data: bytes, col: _Collector) -> list[_Row] | None:
    if not data.strip(b" \t\r\n\x00"):
        col.add("empty_file")
        return None
    if not data.startswith(_ZIP_MAGIC):
        if data.startswith(_OLE_MAGIC):
            col.add("extension_mismatch", variant="xlsx_is_ole")
        elif _is_text(data):
            col.add("extension_mismatch", variant="xlsx_is_text")
        else:
            col.add("extension_mismatch", variant="xlsx_not_excel")
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except Exception:
        col.add("unreadable", variant="xlsx_broken")
        return None
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names and not any(n.startswith("xl/") for n in names):
        col.add("extension_mismatch", variant="zip_not_xlsx")
        return None
    if sum(i.file_size for i in infos) > MAX_XLSX_UNCOMPRESSED:
        col.add("file_too_large", variant="uncompressed", limit_mb=MAX_XLSX_UNCOMPRESSED // (1024 * 1024))
        return None
    return _xlsx_rows(data, col)


def _is_text(data: bytes) -> bool:
    sample = data[:4096]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the sample boundary is still text
        if exc.start < len(sample) - 4:
            return not _mostly_binary(sample)
    return not _mostly_binary(sample)


def _xlsx_rows(data: bytes, col: _Collector) -> list[_Row] | None:
    import openpyxl  # local import: only needed for workbooks

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        except Exception:
            col.add("unreadable", variant="xlsx_broken")
            return None
        try:
            sheets = wb.worksheets
            if not sheets:
                col.add("empty_file")
                return None
            sheet = sheets[0]
            width = sheet.max_column
            max_col = (
                min(width, MAX_XLSX_COLUMNS) if isinstance(width, int) and width > 0 else MAX_XLSX_COLUMNS
            )
            rows: list[_Row] = []
            blank: tuple[Any, ...] | None = None
            # Rows come contiguously from row 1; openpyxl fills missing rows with one shared tuple.
            for number, values in enumerate(sheet.iter_rows(min_row=1, max_col=max_col, values_only=True), 1):
                if number > XLSX_MAX_ROWS:
                    break
                if values is blank:
                    continue
                if all(v is None for v in values):
                    blank = values  # remember the shared filler so later gaps cost nothing
                    continue
                rows.append((number, [(_xlsx_value(v), _xlsx_is_formula(v)) for v in values]))
            return rows
        except Exception:
            col.add("unreadable", variant="xlsx_broken")
            return None
        finally:
            wb.close()


def _xlsx_value(value: Any) -> Any:
    text = getattr(value, "text", None)  # ArrayFormula / DataTableFormula objects
    if text is not None and not isinstance(value, str):
        return str(text)
    return value


def _xlsx_is_formula(value: Any) -> bool:
    # With data_only=False a formula cell's value is its text ("=SUM(A1:A3)") or a formula object.
    if isinstance(value, str):
        return value.startswith("=")
    return value is not None and not isinstance(value, int | float | bool) and hasattr(value, "text")


# ---- Table checks --------------------------------------------------------------------
def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    return str(value).strip()


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _normalise_header(value: Any) -> str:
    text = _text(value).replace("\ufeff", "").strip().lower()
    return re.sub(r"[\s\-]+", "_", text)


def _parse_number(raw: Any, decimal_comma: bool) -> tuple[str, float | None]:
    """Return (status, number); status is "ok", "not_numeric", "not_finite" or "excel_error"."""
    if isinstance(raw, bool):
        return "not_numeric", None
    if isinstance(raw, int | float):
        number = float(raw)
        return ("ok", number) if math.isfinite(number) else ("not_finite", None)
    text = _text(raw)
    if text.upper() in _EXCEL_ERRORS:
        return "excel_error", None
    if _NONFINITE_RE.fullmatch(text):
        return "not_finite", None
    if text.endswith("%"):
        text = text[:-1].rstrip()
    if decimal_comma and text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    if not _NUMBER_RE.fullmatch(text):
        return "not_numeric", None
    number = float(text)
    return ("ok", number) if math.isfinite(number) else ("not_finite", None)


def _parse_year(raw: Any) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        return int(raw) if math.isfinite(raw) and raw.is_integer() else None
    if isinstance(raw, str):
        text = raw.strip()
        if _INT_RE.fullmatch(text) and len(text) <= 12:
            return int(float(text)) if "." in text else int(text)
    return None


def _looks_like_formula(raw: Any, decimal_comma: bool) -> bool:
    if not isinstance(raw, str):
        return False
    text = raw.strip()
    if not text.startswith(_FORMULA_PREFIXES) or not text.strip("-"):
        return False  # a lone dash ("-", "--") is a placeholder, not a formula
    status, _ = _parse_number(text, decimal_comma)
    return status not in ("ok", "not_finite")


def _share_rule(shares: Collection[str] | None) -> Callable[[str], bool]:
    if shares is None:
        return is_share_indicator
    share_set = {str(s).strip().lower() for s in shares}
    return share_set.__contains__


def _header(rows: list[_Row]) -> tuple[int, list[_Cell]] | None:
    return next(((n, cells) for n, cells in rows if any(not _is_blank(v) for v, _ in cells)), None)


def _check_table(
    rows: list[_Row],
    decimal_comma: bool,
    known: Collection[str] | None,
    shares: Collection[str] | None,
    col: _Collector,
) -> pd.DataFrame | None:
    head = _header(rows)
    if head is None:
        col.add("empty_file")
        return None
    header_row, header_cells = head
    names = [_normalise_header(v) for v, _ in header_cells]
    while names and not names[-1]:
        names.pop()
    positions: dict[str, int] = {}
    structural = False
    for idx, nm in enumerate(names):
        if not nm:
            continue
        if nm in positions:
            if nm in REQUIRED_COLUMNS or nm in ("note", "target_set"):
                col.add("duplicate_column", row=header_row, column=nm)
                structural = True
            continue
        positions[nm] = idx
    for req in REQUIRED_COLUMNS:
        if req not in positions:
            col.add("missing_column", row=header_row, column=req)
            structural = True
    if structural:
        return None
    data_rows = [
        (n, cells) for n, cells in rows if n > header_row and any(not _is_blank(v) for v, _ in cells)
    ]
    if not data_rows:
        col.add("no_data_rows")
        return None

    known_map = None if known is None else {str(k).strip().lower(): str(k) for k in known}
    is_share = _share_rule(shares)
    key_cols = ["indicator_id", "geo", "year"] + (["target_set"] if "target_set" in positions else [])
    seen: dict[tuple[Any, ...], int] = {}
    clean: list[tuple[str, str, int, float, str]] = []
    width = len(names)
    by_index = {i: nm for nm, i in positions.items()}

    for number, cells in data_rows:
        if len(cells) > width and any(not _is_blank(v) for v, _ in cells[width:]):
            col.add("too_many_values", row=number)
            continue
        get: dict[str, _Cell] = {
            nm: (cells[i] if i < len(cells) else (None, False)) for nm, i in positions.items()
        }
        bad: set[str] = set()
        for i, (raw, is_formula) in enumerate(cells[:width]):
            if is_formula or _looks_like_formula(raw, decimal_comma):
                column = by_index.get(i) or (names[i] if i < len(names) and names[i] else f"#{i + 1}")
                col.add("formula", row=number, column=column, value=_text(raw))
                bad.add(column)
        row_ok = not bad

        ind = _check_indicator(get["indicator_id"][0], number, known_map, bad, col)
        geo = _check_geo(get["geo"][0], number, bad, col)
        year = _check_year(get["year"][0], number, bad, col)
        value = _check_value(get["value"][0], number, decimal_comma, bad, col)
        if ind is None or geo is None or year is None or value is None or not row_ok:
            continue
        if is_share(ind) and not 0.0 <= value <= 100.0:
            col.add(
                "share_out_of_range", row=number, column="value", value=plain_number(value), indicator=ind
            )
            continue
        key_values = {"indicator_id": ind, "geo": geo, "year": year}
        if "target_set" in positions:
            key_values["target_set"] = _text(get["target_set"][0])
        key = tuple(key_values[k] for k in key_cols)
        if key in seen:
            col.add("duplicate", row=number, indicator=ind, geo=geo, year=year, first_row=seen[key])
            continue
        seen[key] = number
        note = _text(get["note"][0]) if "note" in get else ""
        clean.append((ind, geo, year, value, note))

    if col.problems:
        return None
    return _frame(clean)


def _check_indicator(
    raw: Any, number: int, known_map: dict[str, str] | None, bad: set[str], col: _Collector
) -> str | None:
    if "indicator_id" in bad:
        return None
    text = _text(raw)
    if not text:
        col.add("missing_value", row=number, column="indicator_id")
        return None
    ind = text.lower()
    if known_map is not None:
        if ind not in known_map:
            close = difflib.get_close_matches(ind, list(known_map), n=1, cutoff=0.75)
            if close:
                col.add(
                    "unknown_indicator",
                    row=number,
                    column="indicator_id",
                    variant="suggest",
                    value=text,
                    suggestion=known_map[close[0]],
                )
            else:
                col.add("unknown_indicator", row=number, column="indicator_id", value=text)
            return None
        return known_map[ind]
    return ind


def _check_geo(raw: Any, number: int, bad: set[str], col: _Collector) -> str | None:
    if "geo" in bad:
        return None
    text = _text(raw)
    if not text:
        col.add("missing_value", row=number, column="geo")
        return None
    geo = text.upper()
    if geo not in VALID_GEOS:
        col.add("unknown_geo", row=number, column="geo", value=text)
        return None
    return geo


def _check_year(raw: Any, number: int, bad: set[str], col: _Collector) -> int | None:
    if "year" in bad:
        return None
    if _is_blank(raw):
        col.add("missing_value", row=number, column="year")
        return None
    year = _parse_year(raw)
    if year is None:
        col.add("year_not_integer", row=number, column="year", value=_text(raw))
        return None
    if not YEAR_MIN <= year <= YEAR_MAX:
        col.add("year_out_of_range", row=number, column="year", value=year, low=YEAR_MIN, high=YEAR_MAX)
        return None
    return year


def _check_value(raw: Any, number: int, decimal_comma: bool, bad: set[str], col: _Collector) -> float | None:
    if "value" in bad:
        return None
    if _is_blank(raw):
        col.add("missing_value", row=number, column="value")
        return None
    status, parsed = _parse_number(raw, decimal_comma)
    if status == "ok":
        return parsed
    if status == "excel_error":
        col.add("not_numeric", row=number, column="value", variant="excel_error", value=_text(raw))
    else:  # each code named, so that its text is found (scripts/texts.py)
        col.add(
            "not_finite" if status == "not_finite" else "not_numeric",
            row=number,
            column="value",
            value=_text(raw),
        )
    return None


def _frame(clean: Iterable[tuple[str, str, int, float, str]]) -> pd.DataFrame:
    records = list(clean)
    frame = pd.DataFrame(
        {
            "indicator_id": pd.Series([r[0] for r in records], dtype="str"),
            "geo": pd.Series([r[1] for r in records], dtype="str"),
            "year": pd.Series([r[2] for r in records], dtype="int64"),
            "value": pd.Series([r[3] for r in records], dtype="float64"),
            "note": pd.Series([r[4] for r in records], dtype="str"),
        }
    )
    return frame
