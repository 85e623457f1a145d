"""Bilingual notices: a stable code plus Vietnamese and English text."""

from __future__ import annotations

from dataclasses import dataclass

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"


@dataclass(frozen=True)
class Notice:
    """Something the user should be told, in both languages, with a code tests can rely on."""

    code: str
    message_vi: str
    message_en: str

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return self.message_en if lang == "en" else self.message_vi

    def to_dict(self, lang: str = DEFAULT_LANG) -> dict[str, str]:
        return {"code": self.code, "message": self.message(lang)}


def shorten(text: str, limit: int = 40) -> str:
    """Cut user text for display inside a message (the text itself is always shown as text)."""
    text = text.replace("\n", " ").replace("\r", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"
