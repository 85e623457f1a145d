"""The link contract: a scenario lives entirely in a URL query string.

Keys: ``base`` (year, 2015–2029), ``s0`` (share % in the base year), ``gy1``, ``gd1``,
``gy2``, ``gd2`` (growth % per year, −20 to 250), ``t1``, ``t2`` (targets %, 0.1–100),
``sy``, ``sd`` (Monte Carlo spreads, pp, 0–50), ``ss`` (the base share's spread, pp, 0–50: the
Monte Carlo and the required growth's range only, never the path), ``pj`` (up to five projects, ``YEAR:VALUE``
separated by commas: start year 2026–2030, trillion VND at base-year prices 0.1–1000), ``lang``
(``vi`` or ``en``), plus the meeting keys ``present`` (0/1) and ``dv`` (data version), and
``cmp`` (the compare page's selection, parsed by :mod:`qn_model.core.compare_link`).
Each key is one row of :data:`LINK_KEYS` (name, field, range or accepted values, default,
notice code); one loop reads a link by that table and :func:`query_items` writes one by it.

Parsing follows what Streamlit's URL-bound widgets do, so the app and the engine agree:
a value that is not a number, not finite or out of range falls back to the default; a
repeated key falls back to the default; an integer key truncates like an integer slider.
Unlike the widgets, the engine says what it ignored: every fallback gives a ``Notice``.
Parsing never raises.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, ParamSpec, cast
from urllib.parse import parse_qsl, quote_plus, urlencode, urlsplit

from qn_model.core import compare_link, langs
from qn_model.core.compare_link import CompareSelection
from qn_model.core.langs import DEFAULT_LANG
from qn_model.core.messages import Join, Notice, Term, shorten
from qn_model.core.numbers import plain_number
from qn_model.core.scenario import (
    MAX_PROJECTS,
    PROJECT_FIRST_YEAR,
    PROJECT_LAST_YEAR,
    PROJECT_MAX_VND_TRN,
    PROJECT_MIN_VND_TRN,
    Project,
    Scenario,
)

P = ParamSpec("P")


@dataclass(frozen=True)
class NumberKey:
    """A numeric key: a number from ``lo`` to ``hi`` setting a scenario field.

    Left out of a link, the field keeps the default scenario's value. A value that is empty,
    too long, not a number, not finite or out of range gives the notice ``empty_value``,
    ``not_a_number``, ``not_finite`` or ``out_of_range`` (:func:`_parse_number`).
    """

    key: str
    field: str
    lo: float
    hi: float
    integer: bool = False
    scenario: ClassVar[bool] = True  # sets a Scenario field, not a ParsedLink one
    full: ClassVar[bool] = True  # a link written without defaults carries it (query_items)
    safe: ClassVar[str] = ""

    def read(self, raw: str, ctx: LinkContext) -> tuple[float | int | None, tuple[Notice, ...]]:
        """The value ``raw`` sets (None: keep the default) and what was ignored."""
        value, notice = _parse_number(self, raw)
        return value, () if notice is None else (notice,)

    def text(self, value: float) -> str:
        return plain_number(value)


@dataclass(frozen=True)
class LinkKey:
    """Any other key: its name, the field it sets, how its value is read and written.

    A key either takes its text whole (``accepts``: otherwise the notice ``code`` with the
    catalog's ``reason``, a message or a function giving one) or has a grammar of its own (``grammar``: the value and a notice for
    each part it dropped, None when nothing is left). Left out of a link, the field is
    ``default``; :func:`query_items` leaves the key out at its default unless it is ``full``.
    """

    key: str
    field: str
    default: object = None
    accepts: Callable[[str, LinkContext], bool] | None = None
    value: Callable[[str], object] = str  # the accepted text -> the field's value
    code: str = ""
    reason: Term | Notice | Callable[[], Term | Notice] | None = None
    grammar: Callable[[str, LinkContext], tuple[object, tuple[Notice, ...]]] | None = None
    text: Callable[[Any], str] = str  # the field's value -> the link's text
    scenario: bool = False  # sets a Scenario field (else a ParsedLink one)
    full: bool = False  # a link written without defaults carries it even at its default
    safe: str = ""  # characters kept readable in the link (quote_plus's ``safe``)

    def read(self, raw: str, ctx: LinkContext) -> tuple[object, tuple[Notice, ...]]:
        """The value ``raw`` sets (None: keep the default) and what was ignored."""
        if self.grammar is not None:
            return self.grammar(raw, ctx)
        assert self.accepts is not None
        if self.accepts(raw, ctx):
            return self.value(raw), ()
        reason = self.reason() if callable(self.reason) else self.reason
        assert reason is not None
        return None, (_notice(self.code, self.key, raw, reason),)


NUMBER_KEYS: tuple[NumberKey, ...] = (
    NumberKey("base", "base_year", 2015, 2029, integer=True),
    NumberKey("s0", "base_share_pct", 0.1, 100.0),
    NumberKey("gy1", "gy1", -20.0, 250.0),
    NumberKey("gd1", "gd1", -20.0, 250.0),
    NumberKey("gy2", "gy2", -20.0, 250.0),
    NumberKey("gd2", "gd2", -20.0, 250.0),
    NumberKey("t1", "t1", 0.1, 100.0),
    NumberKey("t2", "t2", 0.1, 100.0),
    NumberKey("sy", "sy", 0.0, 50.0),
    NumberKey("sd", "sd", 0.0, 50.0),
    # The base share's own spread: the Monte Carlo and the required growth's range only.
    NumberKey("ss", "ss", 0.0, 50.0),
)
KEY_BY_NAME = {k.key: k for k in NUMBER_KEYS}
# Projects: ``pj=2027:25,2029:40`` (start year : trillion VND at base-year prices).
PROJECTS_KEY = "pj"
LANG_KEY = "lang"
PRESENT_KEY = "present"
DATA_VERSION_KEY = "dv"
# Which target set the planner picked, written only when the targets alone do not say it (the
# resolution's and the national strategy's targets are both 20 % / 30 %).
TARGET_SET_KEY = "ts"
# The compare page's selection (presets and pasted scenarios): qn_model.core.compare_link.
COMPARE_KEY = "cmp"
MAX_PROJECTS_CHARS = 400  # five entries need far less; a longer value is refused unread
MAX_PROJECT_ENTRY_CHARS = 32
DATA_VERSION_CHARS = 16


def _lang_reason() -> Notice:
    # Read when the notice is made: the language list is the one in qn_model.core.langs.
    return Notice.text(
        "link_reason_unknown_language", first=Join(tuple(langs.LANGS[:-1]), ", "), last=langs.LANGS[-1]
    )


def _read_projects(raw: str, ctx: LinkContext) -> tuple[tuple[Project, ...] | None, tuple[Notice, ...]]:
    projects, dropped = parse_projects(raw)
    return projects or None, dropped  # "pj=" sets nothing


def _read_compare(raw: str, ctx: LinkContext) -> tuple[CompareSelection, tuple[Notice, ...]]:
    return parse_selection(raw, ctx)


def _is_data_version(raw: str, ctx: LinkContext) -> bool:
    return 1 <= len(raw) <= DATA_VERSION_CHARS and all(c in "0123456789abcdef" for c in raw)


# The link contract, one row per key, in the order links are written.
LINK_KEYS: tuple[NumberKey | LinkKey, ...] = (
    *NUMBER_KEYS,
    LinkKey(
        PROJECTS_KEY,
        "projects",
        default=(),
        grammar=_read_projects,
        text=lambda projects: format_projects(projects),
        scenario=True,
        safe=":,",  # both allowed in a query: ``pj=2027:25,2029:40`` stays readable
    ),
    LinkKey(
        LANG_KEY,
        "lang",
        default=DEFAULT_LANG,
        accepts=lambda raw, ctx: raw in langs.LANGS,
        code="unknown_language",
        reason=_lang_reason,
        full=True,
    ),
    LinkKey(
        PRESENT_KEY,
        "present",
        default=False,
        accepts=lambda raw, ctx: raw in ("0", "1"),
        value=lambda raw: raw == "1",
        code="not_a_flag",
        reason=Term("link_reason_not_flag"),
        text=lambda present: "1" if present else "0",
    ),
    LinkKey(
        DATA_VERSION_KEY,
        "data_version",
        accepts=_is_data_version,
        code="bad_data_version",
        reason=Term("link_reason_bad_data_version"),
    ),
    LinkKey(
        TARGET_SET_KEY,
        "target_set",
        accepts=lambda raw, ctx: raw in ctx.target_sets,
        code="unknown_target_set",
        reason=Term("link_reason_unknown_target_set"),
    ),
    # Written as the caller encoded it (compare_link.encode); read into a CompareSelection.
    LinkKey(COMPARE_KEY, "compare", grammar=_read_compare),
)
SPEC_BY_KEY = {spec.key: spec for spec in LINK_KEYS}
ALL_KEYS = tuple(SPEC_BY_KEY)
# Streamlit's own URL parameters: not ours, not worth a notice.
STREAMLIT_KEYS = frozenset({"embed", "embed_options"})
MAX_VALUE_CHARS = 64  # longer values are refused before any parsing
MAX_NOTICES = 20  # a link with hundreds of bad keys gets a summary, not a wall of text


@dataclass(frozen=True)
class LinkContext:
    """What a link's missing keys mean: the default scenario and the observed base shares; and
    the target sets a link may name, with their (2025, 2030) targets."""

    defaults: Scenario
    observed_share: Mapping[int, float] = field(default_factory=dict)
    target_sets: Mapping[str, tuple[float, float]] = field(default_factory=dict)


@dataclass(frozen=True)
class ParsedLink:
    scenario: Scenario
    lang: str = DEFAULT_LANG
    present: bool = False
    data_version: str | None = None
    notices: tuple[Notice, ...] = ()
    explicit: frozenset[str] = frozenset()  # keys that the link set to a valid value
    # Named by the link, holding its targets, and not the set those targets read as anyway.
    target_set: str | None = None
    # The compare page's selection (``cmp``); None when the link has none (the default one).
    compare: CompareSelection | None = None


def _notice(code: str, key: str, raw: str, reason: Notice | Term) -> Notice:
    return Notice.of(code, "notice_bad_param", key=key, raw=shorten(raw), reason=reason)


def _parse_number(spec: NumberKey, raw: str) -> tuple[float | int | None, Notice | None]:
    if raw.strip() == "":
        return None, _notice("empty_value", spec.key, raw, Term("link_reason_empty"))
    if len(raw) > MAX_VALUE_CHARS:
        return None, _notice("not_a_number", spec.key, raw, Term("link_reason_too_long"))
    try:
        value = float(raw)
    except ValueError:
        return None, _notice("not_a_number", spec.key, raw, Term("link_reason_not_number"))
    if not math.isfinite(value):
        return None, _notice("not_finite", spec.key, raw, Term("link_reason_not_finite"))
    if not spec.lo <= value <= spec.hi:
        lo, hi = plain_number(spec.lo), plain_number(spec.hi)
        reason = Notice.text("link_reason_out_of_range", lo=lo, hi=hi)
        return None, _notice("out_of_range", spec.key, raw, reason)
    if spec.integer:
        # Like Streamlit's integer slider: the URL value is truncated to an int.
        return int(value), None
    return value, None


def _project_notice(code: str, entry: str, reason: Notice | Term) -> Notice:
    return Notice.of(code, "notice_bad_project_entry", entry=shorten(entry), key=PROJECTS_KEY, reason=reason)


def _parse_project(entry: str) -> tuple[Project | None, Notice | None]:
    year_text, sep, value_text = entry.partition(":")
    if not sep or len(entry) > MAX_PROJECT_ENTRY_CHARS:
        return None, _project_notice(
            "bad_project",
            entry,
            Term("project_reason_format"),
        )
    year_text = year_text.strip()
    if not (year_text.isascii() and year_text.isdigit()) or not (
        PROJECT_FIRST_YEAR <= int(year_text) <= PROJECT_LAST_YEAR
    ):
        first, last = PROJECT_FIRST_YEAR, PROJECT_LAST_YEAR
        return None, _project_notice(
            "bad_project_year",
            entry,
            Notice.text("project_reason_year", first=first, last=last),
        )
    try:
        value = float(value_text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and PROJECT_MIN_VND_TRN <= value <= PROJECT_MAX_VND_TRN):
        lo, hi = plain_number(PROJECT_MIN_VND_TRN), plain_number(PROJECT_MAX_VND_TRN)
        return None, _project_notice(
            "bad_project_value",
            entry,
            Notice.text("project_reason_value", lo=lo, hi=hi),
        )
    return Project(int(year_text), value), None


def parse_projects(raw: str) -> tuple[tuple[Project, ...], tuple[Notice, ...]]:
    """The projects of a ``pj`` value, in year order, and a notice for each entry dropped
    (malformed, out of range, or beyond the fifth). Never raises."""
    if len(raw) > MAX_PROJECTS_CHARS:
        return (), (_notice("not_a_number", PROJECTS_KEY, raw, Term("link_reason_too_long")),)
    projects: list[Project] = []
    notices: list[Notice] = []
    extra: list[str] = []
    for entry in (e.strip() for e in raw.split(",")):
        if not entry:
            continue  # "pj=" or a trailing comma: nothing, not a mistake worth a notice
        project, notice = _parse_project(entry)
        if notice is not None:
            notices.append(notice)
        elif len(projects) < MAX_PROJECTS:
            assert project is not None
            projects.append(project)
        else:
            extra.append(entry)
    if extra:
        shown = shorten(", ".join(extra))
        notices.append(Notice.of("too_many_projects", key=PROJECTS_KEY, max=MAX_PROJECTS, dropped=shown))
    return tuple(sorted(projects)), tuple(notices)


def format_projects(projects: tuple[Project, ...]) -> str:
    """The ``pj`` value for ``projects``, in year order (``2027:25,2029:40``)."""
    return ",".join(f"{p.year}:{plain_number(p.value_vnd_trn)}" for p in sorted(projects))


def split_query(text: str) -> list[tuple[str, str]]:
    """Key/value pairs of a full link, a path with a query, or a bare query string."""
    text = unicodedata.normalize("NFC", str(text)).strip()
    if "://" in text or text.startswith("/"):
        try:
            text = urlsplit(text).query
        except ValueError:
            text = text.split("?", 1)[1] if "?" in text else ""
    elif "?" in text:
        head, tail = text.split("?", 1)
        # "?q", "host/page?q": the query follows. A "?" inside a value ("cmp=plan,?gd2=40") is not
        # one: a query's first key comes before any "=" or "&".
        if "=" not in head and "&" not in head:
            text = tail
    text = text.split("#", 1)[0]
    return parse_qsl(text, keep_blank_values=True)


def parse(text: str | Mapping[str, str | list[str]], ctx: LinkContext) -> ParsedLink:
    """Parse a link (or a mapping of query parameters) into a scenario. Never raises.

    Missing keys take the default scenario; ``s0`` defaults to the observed share in the
    base year, or to the default base share (with a notice) when that year has none.
    """
    try:
        return _parse(text, ctx)
    except Exception:  # the contract: a link can never break the engine
        return ParsedLink(
            scenario=ctx.defaults,
            notices=(Notice.of("unreadable_link"),),
        )


def _grouped(text: str | Mapping[str, str | list[str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    if isinstance(text, Mapping):
        for key, value in text.items():
            values = value if isinstance(value, list) else [value]
            grouped.setdefault(unicodedata.normalize("NFC", str(key)), []).extend(
                unicodedata.normalize("NFC", str(v)) for v in values
            )
    else:
        for key, value in split_query(text):
            grouped.setdefault(key, []).append(value)
    return grouped


def _parse(text: str | Mapping[str, str | list[str]], ctx: LinkContext) -> ParsedLink:
    notices: list[Notice] = []
    values: dict[str, object] = {}  # scenario fields the link sets
    meta: dict[str, object] = {spec.field: spec.default for spec in LINK_KEYS if not spec.scenario}
    explicit: set[str] = set()
    unknown = 0
    for key, raws in _grouped(text).items():
        spec = SPEC_BY_KEY.get(key)
        if spec is None:
            raw = raws[-1]
            unknown += key not in STREAMLIT_KEYS
            if key not in STREAMLIT_KEYS and unknown <= 3:
                notices.append(Notice.of("unknown_key", key=shorten(key), raw=shorten(raw)))
            continue
        if len(raws) > 1:
            notices.append(_notice("repeated_key", key, ", ".join(raws), Term("link_reason_repeated")))
            continue
        value, found = spec.read(raws[-1], ctx)
        notices.extend(found)
        if value is not None:
            (values if spec.scenario else meta)[spec.field] = value
            explicit.add(key)
    target_set = cast("str | None", meta["target_set"])
    if target_set is not None:
        # A set named without its targets brings them (``ts=national``: 20 % / 30 %).
        set_t1, set_t2 = ctx.target_sets[target_set]
        values.setdefault("t1", set_t1)
        values.setdefault("t2", set_t2)
    scenario = ctx.defaults.with_(**values)
    if "base_share_pct" not in values:
        observed = ctx.observed_share.get(scenario.base_year)
        if observed is not None:
            scenario = scenario.with_(base_share_pct=float(observed))
        elif scenario.base_year != ctx.defaults.base_year:
            # The share as the link writes it (language-neutral), like the link's other numbers.
            share = plain_number(scenario.base_share_pct)
            notices.append(Notice.of("base_share_assumed", year=scenario.base_year, share=share))
    if target_set is not None and ctx.target_sets[target_set] != (scenario.t1, scenario.t2):
        # The targets are the scenario; the set only names them. A name for other numbers goes.
        notices.append(
            _notice(
                "target_set_mismatch",
                TARGET_SET_KEY,
                target_set,
                Term("link_reason_target_set_mismatch"),
            )
        )
        target_set = None
        explicit.discard(TARGET_SET_KEY)
    target_set = link_target_set(ctx, scenario.t1, scenario.t2, target_set)
    if len(notices) > MAX_NOTICES:
        extra = len(notices) - MAX_NOTICES
        notices = [
            *notices[:MAX_NOTICES],
            Notice.of("more_notices", n=extra),
        ]
    meta["target_set"] = target_set
    return ParsedLink(scenario, notices=tuple(notices), explicit=frozenset(explicit), **meta)


def link_target_set(ctx: LinkContext, t1: float, t2: float, name: str | None) -> str | None:
    """The target set a link must name for targets (t1, t2): ``name`` when it holds them and the
    targets alone would read as another set (the first one holding them); else none."""
    if name is None or ctx.target_sets.get(name) != (t1, t2):
        return None
    first = next(k for k, v in ctx.target_sets.items() if v == (t1, t2))
    return None if first == name else name


def query_items(
    scenario: Scenario,
    defaults: Scenario | None = None,
    lang: str = DEFAULT_LANG,
    present: bool = False,
    data_version: str | None = None,
    observed_share: Mapping[int, float] | None = None,
    target_set: str | None = None,
    compare: str | None = None,
) -> list[tuple[str, str]]:
    """Ordered (key, value) pairs. With ``defaults``, values equal to the default are left
    out, as Streamlit leaves them out of the URL. ``target_set`` is written as given: the caller
    passes one only when the targets do not already say it (:func:`link_target_set`); so is
    ``compare``, a ``cmp`` value (:func:`qn_model.core.compare_link.encode`)."""
    given = {
        "lang": lang,
        "present": bool(present),
        # An empty data version or set name is none.
        "data_version": data_version or None,
        "target_set": target_set or None,
        "compare": compare,
    }
    items: list[tuple[str, str]] = []
    for spec in LINK_KEYS:
        value = getattr(scenario, spec.field) if spec.scenario else given[spec.field]
        # A link without defaults writes every number and its language.
        if not (defaults is None and spec.full) and value == _default(
            spec, scenario, defaults, observed_share
        ):
            continue
        items.append((spec.key, spec.text(value)))
    return items


def _default(
    spec: NumberKey | LinkKey,
    scenario: Scenario,
    defaults: Scenario | None,
    observed_share: Mapping[int, float] | None,
) -> object:
    """The value at which ``spec`` is left out of a link written against ``defaults``."""
    if not isinstance(spec, NumberKey):
        return spec.default
    assert defaults is not None  # numbers are full: without defaults, always written
    if spec.field == "base_share_pct":  # s0's default is the share observed in the base year
        return (observed_share or {}).get(scenario.base_year, defaults.base_share_pct)
    return getattr(defaults, spec.field)


def _as_query(items: Callable[P, list[tuple[str, str]]]) -> Callable[P, str]:
    """A function taking ``items``'s arguments and returning its pairs as one query string."""

    def query(*args: P.args, **kwargs: P.kwargs) -> str:
        return encode(items(*args, **kwargs))

    return query


serialize = _as_query(query_items)
serialize.__name__ = serialize.__qualname__ = "serialize"
serialize.__doc__ = """The query string (without ``?``) that reopens ``scenario`` exactly: the pairs of
:func:`query_items`, same arguments, encoded by :func:`encode`."""


def encode(items: list[tuple[str, str]]) -> str:
    """A query string from ``query_items``; ``pj``'s ``:`` and ``,`` stay readable (both are
    allowed in a query). Every other value is escaped whole, as ``urlencode`` does: a ``cmp``
    value's commas separate its items and stay escaped like the rest of it."""
    return "&".join(f"{quote_plus(k)}={quote_plus(v, safe=_SAFE.get(k, ''))}" for k, v in items)


_SAFE = {spec.key: spec.safe for spec in LINK_KEYS if spec.safe}


def serialize_parsed(parsed: ParsedLink, ctx: LinkContext | None = None) -> str:
    """``serialize`` for a parsed link, keeping its language and meeting keys."""
    return serialize(
        parsed.scenario,
        None if ctx is None else ctx.defaults,
        parsed.lang,
        parsed.present,
        parsed.data_version,
        None if ctx is None else ctx.observed_share,
        parsed.target_set,
        _compare_value(parsed),
    )


def _compare_value(parsed: ParsedLink) -> str | None:
    return None if parsed.compare is None else compare_link.encode(parsed.compare)


# The compare page's selection (``cmp``): its grammar is qn_model.core.compare_link's; a pasted
# scenario in it is read by this module's parser, handed to that grammar.
# A pasted link's own meeting keys say nothing about the scenario compared.
_IGNORED_INNER = frozenset({LANG_KEY, PRESENT_KEY, DATA_VERSION_KEY, COMPARE_KEY})


def canonical_query(text: str, ctx: LinkContext) -> tuple[str, tuple[Notice, ...]]:
    """A pasted link as the canonical query of its scenario (defaults left out; its language,
    meeting keys and data version dropped), with what its parser ignored."""
    pairs = [(k, v) for k, v in split_query(text) if k not in _IGNORED_INNER]
    grouped: dict[str, list[str]] = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    parsed = parse(grouped, ctx)
    items = query_items(
        parsed.scenario, ctx.defaults, observed_share=ctx.observed_share, target_set=parsed.target_set
    )
    # Fully escaped (not links.encode): a project list's commas would split the cmp value.
    return urlencode(items), parsed.notices


def parse_selection(raw: str, ctx: LinkContext) -> tuple[CompareSelection, tuple[Notice, ...]]:
    """The selection a ``cmp`` value holds, with what was ignored. Never raises."""
    return compare_link.read_selection(raw, lambda text: canonical_query(text, ctx))


def selection(
    include_current: bool, presets: Iterable[str], links: Iterable[str], ctx: LinkContext
) -> CompareSelection:
    """The canonical selection of the compare page's inputs: known presets once each in preset
    order, each pasted link as its canonical query, cut to the first
    :data:`~qn_model.core.compare_link.MAX_ITEMS` (as the page compares them)."""
    return compare_link.chosen(include_current, presets, (canonical_query(line, ctx)[0] for line in links))
