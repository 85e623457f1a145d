"""Messages as a code plus parameters, rendered in the display language only when displayed.

A :class:`Notice` (something the user should be told) or a :class:`Problem` (one located problem
in a data file) holds no text: a stable ``code`` tests rely on, the catalog key of its text, and
its parameters. ``qn_model.i18n.render(msg, lang)`` turns it into text. Parameters are numbers
(formatted per language by the text's placeholder, ``{share:pct}``), user text (shortened with
:func:`shorten` first), references to catalog terms (:class:`Term`), texts that the data carries
in each language (:class:`Local`), nested messages, or a :class:`Join` of those.

Nothing here knows a text: there is no renderer to register, so a message reads the same whatever
was imported first. Code that cannot render (a lower layer raising :class:`MessageError`, a log)
uses :func:`describe`, the language-neutral form of codes and parameters; the edge that shows a
message to a reader renders it there.
"""

from __future__ import annotations

from dataclasses import dataclass

from qn_model.core.langs import DEFAULT_LANG, LANGS

__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "N_",
    "Join",
    "Local",
    "MessageError",
    "Notice",
    "Params",
    "Problem",
    "Term",
    "describe",
    "shorten",
]

Params = tuple[tuple[str, object], ...]


def N_(key: str) -> str:
    """``key`` unchanged: marks a catalog key written in a table and looked up later
    (``t(key, lang)``), so that ``make texts`` (scripts/texts.py) extracts it."""
    return key


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


def describe(msg: object) -> str:
    """``msg`` in no language: its code and parameters (``[too_many_projects] key='pj', max=6``);
    a problem starts with its location, a :class:`Join` joins its parts, a :class:`Term` is its
    key, a :class:`Local` the default language's text, anything else its ``repr`` (text as is
    inside a Join)."""
    if isinstance(msg, Notice):
        return f"[{msg.code}] " + ", ".join(f"{k}={_param(v)}" for k, v in msg.params)
    if isinstance(msg, Problem):
        where = [msg.file] if msg.file else []
        where += [f"row {msg.row}"] if msg.row is not None else []
        where += [f"column {msg.column}"] if msg.column else []
        text = f"[{msg.code}] " + ", ".join(f"{k}={_param(v)}" for k, v in msg.params)
        return f"{', '.join(where)}: {text}" if where else text
    if isinstance(msg, Join):
        return msg.sep.join(v if isinstance(v, str) else describe(v) for v in msg.items)
    if isinstance(msg, Term):
        return msg.key
    if isinstance(msg, Local):
        return msg.get(DEFAULT_LANG)
    return repr(msg)


def _param(value: object) -> str:
    return describe(value) if isinstance(value, (Notice, Problem, Join, Term, Local)) else repr(value)


class MessageError(ValueError):
    """An error whose text is a message: ``str()`` is its :func:`describe` form, and the edge
    that shows it (the command line, a page) renders ``.message`` in the reader's language."""

    def __init__(self, message: Notice | Problem) -> None:
        super().__init__(describe(message))
        self.message = message
