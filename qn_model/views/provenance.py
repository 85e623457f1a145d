"""How a source's dates read: approximate dates stay approximate, a date never recorded says so."""

from __future__ import annotations

from qn_model.i18n.formats import t

__all__ = ["APPROX_SUFFIX", "source_date_text"]

APPROX_SUFFIX = " (approx.)"
"""Marks an approximate date in ``sources.csv`` (``2024-11 (approx.)``): the research dated the
page only roughly."""


def source_date_text(text: str, lang: str) -> str:
    """A ``sources.csv`` date in the reader's language.

    Parameters
    ----------
    text : str
        ``2024-11-15``, ``2024-11``, ``2024``, any of them followed by `` (approx.)``, or ``""``
        (never recorded).
    lang : str
        ``"vi"`` or ``"en"``.

    Returns
    -------
    str
        The date as stored, ``khoảng 2024-11`` / ``c. 2024-11`` for an approximate one, and
        ``không ghi lại`` / ``not recorded`` for an empty one.
    """
    text = str(text).strip()
    if not text:
        return t("prov_not_recorded", lang)
    if text.endswith(APPROX_SUFFIX.strip()):
        return t("prov_date_approx", lang, date=text.removesuffix(APPROX_SUFFIX.strip()).strip())
    return text
