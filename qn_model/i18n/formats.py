"""Language and number formats. Texts live in ``glossary.py``; numbers are formatted by Babel
so a Vietnamese reader sees ``14,3%`` and ``1.234,5`` and an English one ``14.3%``, ``1,234.5``."""

from __future__ import annotations

import functools
import math

from babel import Locale
from babel.numbers import NumberPattern, parse_pattern

from qn_model.core.messages import DEFAULT_LANG, LANGS
from qn_model.i18n.glossary import GLOSSARY

LOCALES = {"vi": "vi_VN", "en": "en_US"}
DASH = "–"  # shown for a missing value: a gap stays visibly a gap


def norm_lang(lang: str | None) -> str:
    return lang if lang in LANGS else DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{name}`` placeholders filled.

    A missing key is a programming error and raises ``KeyError`` (tests check every key).
    """
    text = GLOSSARY[key][norm_lang(lang)]
    return text.format(**values) if values else text


@functools.lru_cache(maxsize=32)
def _pattern(digits: int, signed: bool) -> NumberPattern:
    # Parsed once: Babel's format_decimal re-parses the pattern and locale on every call,
    # and a page formats hundreds of numbers per rerun.
    body = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return parse_pattern(f"+{body};-{body}" if signed else body)


@functools.lru_cache(maxsize=4)
def _locale(lang: str) -> Locale:
    return Locale.parse(LOCALES[lang])


def fmt_num(value: float | None, lang: str = DEFAULT_LANG, digits: int = 1, signed: bool = False) -> str:
    """A number in the language's format; a dash for a missing or non-finite value."""
    if value is None or not math.isfinite(value):
        return DASH
    if signed and round(value, digits) == 0:
        value = 0.0  # "+0,0", never "-0,0"
    return _pattern(digits, signed).apply(value, _locale(norm_lang(lang)))


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
