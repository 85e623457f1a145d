"""Texts, messages and number formats in the reader's language.

Texts live in the gettext catalogs (:mod:`qn_model.i18n.catalog`); numbers are formatted by Babel
so a Vietnamese reader sees ``14,3%`` and ``1.234,5`` and an English one ``14.3%``, ``1,234.5``.
A text's placeholder may name a number format: ``{share:pct}``, ``{gap:pp}``, ``{v:money}``,
``{p:prob}``, ``{n:num0}``, ``{year:year}`` (kinds ``num pct pp money prob year``, then digits,
then ``+`` for a sign: ``{x:pct2+}``). :func:`render` turns a message of
:mod:`qn_model.core.messages` into text."""

from __future__ import annotations

import functools
import math
import re
import string
import unicodedata

from babel import Locale
from babel.core import get_global, parse_locale
from babel.numbers import NumberPattern, get_decimal_symbol, get_group_symbol, parse_pattern

from qn_model.core import langs
from qn_model.core.langs import DEFAULT_LANG
from qn_model.core.messages import Join, Local, Notice, Problem, Term
from qn_model.i18n import catalog

DASH = "–"  # shown for a missing value: a gap stays visibly a gap


_MESSAGES = (Notice, Problem, Term, Local, Join)
_SPEC = re.compile(r"(num|pct|pp|money|prob|year)(\d?)(\+?)")


def norm_lang(lang: str | None) -> str:
    return lang if lang in langs.LANGS else DEFAULT_LANG


class _Formatter(string.Formatter):
    """``str.format`` plus the number formats above and messages as values, in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        if isinstance(value, _MESSAGES):
            value = render(value, self.lang)
        match = _SPEC.fullmatch(format_spec)
        if match is None:
            return super().format_field(value, format_spec)
        kind, digits, signed = match.group(1), match.group(2), bool(match.group(3))
        number = None if value is None else float(value)  # type: ignore[arg-type]
        lang = self.lang
        if kind == "num":
            return fmt_num(number, lang, int(digits or 1), signed)
        if kind == "pct":
            return fmt_pct(number, lang, int(digits or 1), signed)
        if kind == "pp":
            return fmt_pp(number, lang, int(digits or 1))
        if kind == "money":
            return fmt_money(number, lang, int(digits or 1))
        if kind == "prob":
            return fmt_prob(number, lang)
        return DASH if number is None else fmt_year(int(number))


@functools.lru_cache(maxsize=2048)
def _plain(text: str) -> bool:
    # Most texts need only str.format (C speed); a page looks up hundreds per rerun.
    return not any(spec and _SPEC.fullmatch(spec) for _, _, spec, _ in string.Formatter().parse(text))


def t(key: str, lang: str = DEFAULT_LANG, /, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{name}`` placeholders filled.

    Values may be numbers, text, or messages (rendered in ``lang``). A missing key is a
    programming error and raises ``KeyError`` (tests check every key in every language).
    """
    lang = norm_lang(lang)
    text = catalog.texts(lang)[key]
    if not values:
        return text
    if _plain(text) and not any(isinstance(v, _MESSAGES) for v in values.values()):
        return text.format(**values)
    return _Formatter(lang).vformat(text, (), values)


def render(msg: object, lang: str = DEFAULT_LANG) -> str:
    """A message (:class:`~qn_model.core.messages.Notice`, ``Problem``, ``Term``, ``Local``,
    ``Join``) as text in ``lang``; anything else as ``str``.

    A problem starts with its location (``"a.csv, dòng 5, cột value: ..."``); for it a language
    tag such as ``"en-US"`` reads as its language.
    """
    if isinstance(msg, Notice):
        return t(msg.key, lang, **dict(msg.params))
    if isinstance(msg, Problem):
        return _render_problem(msg, lang)
    if isinstance(msg, Term):
        return t(msg.key, lang)
    if isinstance(msg, Local):
        return msg.get(norm_lang(lang))
    if isinstance(msg, Join):
        return msg.sep.join(render(item, lang) for item in msg.items)
    return str(msg)


def _render_problem(p: Problem, lang: str) -> str:
    tag = str(lang).lower()
    lang = next((code for code in langs.LANGS if tag.startswith(code)), DEFAULT_LANG)
    parts = [p.file] if p.file else []
    if p.row is not None:
        parts.append(f"{t('problem_row_word', lang)} {p.row}")
    if p.column:
        parts.append(f"{t('problem_column_word', lang)} {p.column}")
    text = t(p.key, lang, **{"column": p.column or "", **dict(p.params)})
    return f"{', '.join(parts)}: {text}" if parts else text


@functools.lru_cache(maxsize=32)
def _pattern(digits: int, signed: bool) -> NumberPattern:
    # Parsed once: Babel's format_decimal re-parses the pattern and locale on every call,
    # and a page formats hundreds of numbers per rerun.
    body = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return parse_pattern(f"+{body};-{body}" if signed else body)


@functools.lru_cache(maxsize=8)
def locale_of(lang: str) -> Locale:
    return Locale.parse(lang)  # the language code is its Babel locale (qn_model.core.langs)


def lang_tag(lang: str) -> str:
    """The language's BCP-47 tag with a region, as Word and LibreOffice name a spelling language:
    the region :data:`~qn_model.core.langs.REGIONS` names (en-GB), else the one Babel's likely
    subtags give (vi-VN, fr-FR, ja-JP), else the code alone. A language not in ``LANGS`` gets the
    default language's."""
    lang = norm_lang(lang)
    code = lang.replace("_", "-")
    if parse_locale(lang)[1]:  # the code names its region (pt_PT)
        return code
    region = langs.REGIONS.get(lang)
    if region is None:
        likely = get_global("likely_subtags").get(lang)
        region = parse_locale(likely)[1] if likely else None
    return f"{code}-{region}" if region else code


def plotly_separators(lang: str) -> str:
    """Plotly's ``separators`` for the language: Babel's decimal symbol, then its group symbol,
    the marks :func:`fmt_num` writes (vi ``",."``, en ``".,"``, fr ``",\u202f"``); a language not
    in :data:`~qn_model.core.langs.LANGS` gets the default language's."""
    return _separators(norm_lang(lang))


@functools.lru_cache(maxsize=8)
def _separators(lang: str) -> str:
    # Plotly reads the string's first character as the decimal mark and its second as the
    # thousands separator, and writes them as given: a no-break space (ru, sv) or a narrow one
    # (fr) is one character like "," or ".". Invisible direction marks, if a locale's symbol
    # carries them, are dropped; a symbol still longer than one character cannot be given.
    locale = locale_of(lang)
    marks = [
        "".join(c for c in symbol if unicodedata.category(c) != "Cf")
        for symbol in (get_decimal_symbol(locale), get_group_symbol(locale))
    ]
    if any(len(m) != 1 for m in marks):
        raise ValueError(f"{lang}: Babel's decimal and group symbols {marks} are not one character each")
    return "".join(marks)


def fmt_num(value: float | None, lang: str = DEFAULT_LANG, digits: int = 1, signed: bool = False) -> str:
    """A number in the language's format; a dash for a missing or non-finite value."""
    if value is None or not math.isfinite(value):
        return DASH
    if signed and round(value, digits) == 0:
        value = 0.0  # "+0,0", never "-0,0"
    return _pattern(digits, signed).apply(value, locale_of(norm_lang(lang)))


def fmt_pct(value: float | None, lang: str = DEFAULT_LANG, digits: int = 1, signed: bool = False) -> str:
    """``14,3%`` (vi) / ``14.3%`` (en)."""
    text = fmt_num(value, lang, digits, signed)
    return text if text == DASH else text + "%"


def fmt_pp(value: float | None, lang: str = DEFAULT_LANG, digits: int = 1) -> str:
    """A signed difference in percentage points: ``+1,2 điểm %`` / ``+1.2 pp``."""
    text = fmt_num(value, lang, digits, signed=True)
    return text if text == DASH else f"{text} {t('unit_pp', lang)}"


def fmt_prob(value: float | None, lang: str = DEFAULT_LANG) -> str:
    """A probability as a whole percent, with ``<1%`` / ``>99%`` rather than a false 0 or 100."""
    if value is None or not math.isfinite(value):
        return DASH
    if 0 < value < 0.01:
        return "<1%"
    if 0.99 < value < 1:
        return ">99%"
    return fmt_pct(value * 100.0, lang, digits=0)


def fmt_year(year: int) -> str:
    return str(int(year))  # never "2.024"


def fmt_money(value: float | None, lang: str = DEFAULT_LANG, digits: int = 1) -> str:
    """Trillion VND in the language's words: ``48,2 nghìn tỷ đồng`` / ``VND 48.2 trillion``."""
    text = fmt_num(value, lang, digits)
    return text if text == DASH else t("money_vnd_trn", lang, value=text)
