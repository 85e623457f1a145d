"""Messages as a code plus parameters, rendered in the display language only when displayed.

A :class:`Notice` (something the user should be told) or a :class:`Problem` (one located problem
in a data file) holds no text: a stable ``code`` tests rely on, the catalog key of its text, and
its parameters. ``qn_model.i18n.render(msg, lang)`` turns it into text. Parameters are numbers
(formatted per language by the text's placeholder, ``{share:pct}``), user text (shortened with
:func:`shorten` first), references to catalog terms (:class:`Term`), texts that the data carries
in each language (:class:`Local`), nested messages, or a :class:`Join` of those.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from qn_model.core.langs import DEFAULT_LANG, LANGS

__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "Join",
    "Local",
    "Notice",
    "Params",
    "Problem",
    "Term",
    "describe",
    "shorten",
]

Params = tuple[tuple[str, object], ...]


@dataclass(frozen=True)
class Term:
    """A catalog text used as a parameter (``Term("period_1")``: "đến 2025" / "to 2025")."""

    key: str


@dataclass(frozen=True)
class Local:
    """A text the data carries in each language (an indicator's name, a changelog entry);
    another language shows the default language's."""

    texts: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, **texts: str) -> Local:
        return cls(tuple(texts.items()))

    def get(self, lang: str) -> str:
        texts = dict(self.texts)
        return texts.get(lang, texts.get(DEFAULT_LANG, ""))


@dataclass(frozen=True)
class Join:
    """Several parameters shown one after another (``"; "`` between them by default)."""

    items: tuple[object, ...]
    sep: str = "; "


@dataclass(frozen=True)
class Notice:
    """Something the user should be told: a stable ``code`` and the parameters of its text.

    ``msgid`` is the catalog key of the text; empty means ``"notice_" + code``.
    """

    code: str
    params: Params = ()
    msgid: str = ""

    @classmethod
    def of(cls, code: str, msgid: str = "", /, **params: object) -> Notice:
        """``Notice.of("out_of_range", "notice_bad_param", key="gd2", raw="999")``."""
        return cls(code, tuple(params.items()), msgid)

    @classmethod
    def text(cls, key: str, /, **params: object) -> Notice:
        """A piece of text (catalog ``key``) used inside another message; its code is its key."""
        return cls(key, tuple(params.items()), key)

    @property
    def key(self) -> str:
        return self.msgid or f"notice_{self.code}"

    def param(self, name: str) -> object:
        return dict(self.params)[name]


@dataclass(frozen=True)
class Problem:
    """One located problem found in a data file (see :mod:`qn_model.data.validate`).

    Attributes
    ----------
    code : str
        Stable machine code, e.g. ``"not_numeric"`` or ``"missing_column"``.
    file : str
        File name as given by the caller (no directory).
    row : int or None
        Row number as a spreadsheet shows it (header = 1), or None for file-level problems.
    column : str or None
        Canonical column name (``"value"``, ``"year"``, ...), or None.
    params : tuple of (name, value)
        The parameters of the text; ``column`` is always available to it.
    msgid : str
        The catalog key of the text; empty means ``"problem_" + code``.
    """

    code: str
    file: str
    row: int | None = None
    column: str | None = None
    params: Params = ()
    msgid: str = ""

    @classmethod
    def of(
        cls,
        code: str,
        file: str,
        row: int | None = None,
        column: str | None = None,
        msgid: str = "",
        /,
        **params: object,
    ) -> Problem:
        return cls(code, file, row, column, tuple(params.items()), msgid)

    @property
    def key(self) -> str:
        return self.msgid or f"problem_{self.code}"

    def param(self, name: str) -> object:
        return dict(self.params)[name]


def shorten(text: str, limit: int = 40) -> str:
    """Cut user text for display inside a message (the text itself is always shown as text)."""
    text = text.replace("\n", " ").replace("\r", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


# How a message reads in a language: qn_model.i18n installs its renderer when imported, and the
# package's __init__ imports it first, so every import of the engine has it. A lower layer that
# must put a message into text of its own (broken shipped data, the JSON document) calls
# describe(); the code-and-parameters form below is only reached by a renderer-less caller.
RENDERERS: list[Callable[[object, str], str]] = []


def describe(msg: Notice | Problem, lang: str = DEFAULT_LANG) -> str:
    """``msg`` as text in ``lang`` when the catalogs are loaded, else its code and parameters."""
    if RENDERERS:
        return RENDERERS[-1](msg, lang)
    where = f"{msg.file}: " if isinstance(msg, Problem) else ""
    return f"{where}[{msg.code}] " + ", ".join(f"{k}={v!r}" for k, v in msg.params)
