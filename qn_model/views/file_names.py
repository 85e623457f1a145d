"""File names of what the app hands out: ASCII, from the localised texts (views and outputs both
name files, so the names live at the lower of the two layers)."""

from __future__ import annotations

import re
import unicodedata

from qn_model.i18n.formats import norm_lang, t


def slug(text: str, limit: int = 80) -> str:
    """ASCII file-name text: ``"Tỷ trọng kinh tế số"`` → ``"ty-trong-kinh-te-so"``."""
    text = str(text).replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    out, dash = [], False
    for ch in ascii_text:
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    text = "".join(out).strip("-")
    if len(text) > limit:  # cut at a word boundary when there is one
        cut = text[: limit + 1].rfind("-")
        text = text[: cut if cut > 0 else limit]
    return text.strip("-")


def file_stem(lang: str) -> str:
    """The localised file name without extension: ``kich-ban-kinh-te-so-QN-2030`` (vi) or
    ``qn-digital-economy-scenario`` (en)."""
    return t("exp_file_stem", norm_lang(lang))


def chart_filename(title: str | None, key: str, lang: str) -> str:
    """A PNG name from the chart's own (localised) title, else from the app's stem and the key."""
    # A title wrapped for narrow screens carries plotly's <br>: a line break, not a word.
    plain = re.sub(r"<[^>]*>", " ", title or "")
    return slug(plain) or f"{file_stem(lang)}-{slug(key)}"
